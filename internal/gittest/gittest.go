// Package gittest is what tests need to build real repositories with the
// git command. caselint itself never runs git (it reads repositories through
// go-git); only tests do, to make the shapes real users' repositories have.
// The package itself runs nothing: it only looks for the command.
package gittest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// RequireEnv names the environment variable that turns a missing git
// command from a skip into a failure. CI sets it (and installs git), so
// that the tests over real repositories can never pass by not running.
const RequireEnv = "CASELINT_REQUIRE_GIT"

// Require skips t when the git command is missing, or fails it when
// RequireEnv is set.
func Require(t testing.TB) {
	t.Helper()
	if err := lookGit(); err != nil {
		if os.Getenv(RequireEnv) != "" {
			t.Fatalf("%s is set but there is no git command: %v", RequireEnv, err)
		}
		t.Skip("no git command")
	}
}

// lookGit finds an executable git on PATH, as the tests' exec.Command
// would.
func lookGit() error {
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if dir == "" {
			dir = "."
		}
		st, err := os.Stat(filepath.Join(dir, "git"))
		if err == nil && st.Mode().IsRegular() && st.Mode().Perm()&0o111 != 0 {
			return nil
		}
	}
	return errors.New("git is not on PATH")
}
