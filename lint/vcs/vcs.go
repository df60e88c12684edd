// Package vcs is caselint's one door to git, through go-git: it never runs
// the git command.
package vcs

import (
	"errors"
	"path/filepath"

	"github.com/go-git/go-git/v5"
)

// Root returns the top of the work tree that holds path, and false when
// path is in no git repository. Linked worktrees (git worktree add) are
// found too.
func Root(path string) (string, bool) {
	repo, err := git.PlainOpenWithOptions(path, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return "", false
	}
	wt, err := repo.Worktree()
	if err != nil {
		if errors.Is(err, git.ErrIsBareRepository) {
			return "", false
		}
		return "", false
	}
	root, err := filepath.Abs(wt.Filesystem.Root())
	if err != nil {
		return "", false
	}
	return root, true
}
