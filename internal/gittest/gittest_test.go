package gittest

import (
	"os/exec"
	"testing"
)

// lookGit agrees with exec.LookPath, which the tests then use to run git.
func TestLookGitAgreesWithExec(t *testing.T) {
	_, want := exec.LookPath("git")
	if got := lookGit(); (got == nil) != (want == nil) {
		t.Errorf("lookGit: %v, exec.LookPath: %v", got, want)
	}
	t.Setenv("PATH", t.TempDir())
	if lookGit() == nil {
		t.Error("found git on a PATH with no git")
	}
}
