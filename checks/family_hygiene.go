package checks

import "github.com/caselint/caselint/lint"

// recordHygiene are the rules on the records as records, always on.
var recordHygiene = []*lint.Rule{
	InvalidRecord,
	UnusedSuppression,
	UnexplainedSuppression,
}
