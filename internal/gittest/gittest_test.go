package gittest

import "testing"

func TestRequireFindsGitWhenCIAsks(t *testing.T) {
	// Under CI the variable is set and git must be there; elsewhere this
	// only skips.
	Require(t)
}
