package vcs

import (
	"errors"
	"fmt"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Signature is who made a commit, and when.
type Signature struct {
	Name, Email string
	When        time.Time
}

func (s Signature) object() *object.Signature {
	return &object.Signature{Name: s.Name, Email: s.Email, When: s.When}
}

// WorkTree is a repository written through its work tree, as a person
// commits: for training exercises and tests, never for the records linted
// (caselint writes nothing to a repository it lints).
type WorkTree struct {
	wt *git.Worktree
}

// InitWorkTree makes dir a new git repository on branch.
func InitWorkTree(dir, branch string) (*WorkTree, error) {
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName(branch)},
	})
	if err != nil {
		return nil, fmt.Errorf("making the git repository: %w", err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, err
	}
	return &WorkTree{wt: wt}, nil
}

// OpenWorkTree opens the repository whose work tree is dir.
func OpenWorkTree(dir string) (*WorkTree, error) {
	repo, err := git.PlainOpen(dir)
	if err != nil {
		return nil, err
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, err
	}
	return &WorkTree{wt: wt}, nil
}

// Commit stages the slash paths (every change in the work tree when there
// are none) and commits them, made by sig, with message; it returns the
// commit's hash. A commit that changes nothing is made all the same.
func (w *WorkTree) Commit(paths []string, sig Signature, message string) (string, error) {
	if len(paths) == 0 {
		if err := w.wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
			return "", err
		}
	}
	for _, p := range paths {
		if _, err := w.wt.Add(p); err != nil {
			return "", fmt.Errorf("git add %s: %w", p, err)
		}
	}
	h, err := w.wt.Commit(message, &git.CommitOptions{Author: sig.object(), Committer: sig.object(), AllowEmptyCommits: true})
	if err != nil {
		return "", err
	}
	return h.String(), nil
}

// Add stages the slash paths as the work tree has them (git add), and
// commits nothing: for tests of what is staged.
func (w *WorkTree) Add(paths ...string) error {
	for _, p := range paths {
		if _, err := w.wt.Add(p); err != nil {
			return fmt.Errorf("git add %s: %w", p, err)
		}
	}
	return nil
}

// Remove deletes the slash path from the work tree and stages the
// deletion (git rm).
func (w *WorkTree) Remove(path string) error {
	if _, err := w.wt.Remove(path); err != nil {
		return fmt.Errorf("git rm %s: %w", path, err)
	}
	return nil
}

// Move moves the file at slash path from to to, and stages the move
// (git mv).
func (w *WorkTree) Move(from, to string) error {
	if _, err := w.wt.Move(from, to); err != nil {
		return fmt.Errorf("git mv %s %s: %w", from, to, err)
	}
	return nil
}

// Checkout switches the work tree to branch, made at HEAD first when
// create (git checkout [-b] branch).
func (w *WorkTree) Checkout(branch string, create bool) error {
	return w.wt.Checkout(&git.CheckoutOptions{Branch: plumbing.NewBranchReferenceName(branch), Create: create})
}

// ErrNoCommits is Log's error for a repository without a commit.
var ErrNoCommits = errors.New("the repository has no commits")

// LoggedCommit is a commit as Log returns it.
type LoggedCommit struct {
	Hash    string
	Message string
	c       *object.Commit
}

// Files returns the files of the commit's tree of at most maxSize bytes,
// by slash path; those it cannot read are left out.
func (c LoggedCommit) Files(maxSize int64) map[string][]byte {
	files := map[string][]byte{}
	tree, err := c.c.Tree()
	if err != nil {
		return files
	}
	_ = tree.Files().ForEach(func(f *object.File) error {
		if f.Size > maxSize {
			return nil
		}
		if s, err := f.Contents(); err == nil {
			files[f.Name] = []byte(s)
		}
		return nil
	})
	return files
}

// Log returns the commits HEAD reaches in the repository whose work tree
// is dir, newest first: ErrNotRepository when dir is not one, ErrNoCommits
// when it has none.
func Log(dir string) ([]LoggedCommit, error) {
	repo, err := git.PlainOpen(dir)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, ErrNotRepository)
	}
	head, err := repo.Head()
	if err != nil {
		return nil, ErrNoCommits
	}
	iter, err := repo.Log(&git.LogOptions{From: head.Hash()})
	if err != nil {
		return nil, err
	}
	var out []LoggedCommit
	err = iter.ForEach(func(c *object.Commit) error {
		out = append(out, LoggedCommit{Hash: c.Hash.String(), Message: c.Message, c: c})
		return nil
	})
	return out, err
}
