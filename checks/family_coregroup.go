package checks

import "github.com/caselint/caselint/lint"

var coreGroup = []*lint.Rule{}
