package archtest

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// gitDoor is the one package that may import go-git: every git access in
// caselint, its tests and its tools goes through it.
const gitDoor = "internal/vcs"

// goGit is the import path prefix of go-git and its packages.
const goGit = "github.com/go-git/"

// goGitImporters returns the Go files (tests included, whatever their
// build tags) below root that import go-git, outside dir gitDoor and
// outside testdata, as "path: import".
func goGitImporters(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == gitDoor || d.Name() == "testdata" || (rel != "." && strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			if strings.HasPrefix(imp, goGit) {
				out = append(out, rel+": "+imp)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestOneDoorToGit: no package but internal/vcs imports go-git, tests
// included (docs/architecture.md).
func TestOneDoorToGit(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range goGitImporters(t, root) {
		t.Errorf("%s: only %s imports go-git; add what you need there", imp, gitDoor)
	}
}

// TestOneDoorToGitIsLive: the walk finds an importer, in a test file too,
// and passes over internal/vcs.
func TestOneDoorToGitIsLive(t *testing.T) {
	root := t.TempDir()
	write := func(p, src string) {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("internal/vcs/vcs.go", "package vcs\n\nimport _ \"github.com/go-git/go-git/v5\"\n")
	write("training/x_test.go", "package training\n\nimport git \"github.com/go-git/go-git/v5/plumbing\"\n\nvar _ git.Hash\n")
	write("lint/x.go", "package lint\n\nimport _ \"fmt\"\n")
	got := goGitImporters(t, root)
	if len(got) != 1 || !strings.HasPrefix(got[0], "training/x_test.go: ") {
		t.Errorf("goGitImporters = %q, want the one test file outside internal/vcs", got)
	}
}
