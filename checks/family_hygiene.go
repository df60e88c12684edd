package checks

import "github.com/caselint/caselint/lint"

var recordHygiene = []*lint.Rule{}
