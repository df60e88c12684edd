package lint

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// caselint makes no network connection, ever: case records are about
// children at risk, and nothing of them may leave the machine through
// caselint. The binary links go-git, whose transports import net/http, so
// the guarantee cannot be read from the dependency graph; it is kept at the
// source instead, by the two tests below, over every non-test Go file of
// the module (docs/privacy.md says so):
//
//   - no package of the module imports the network (net and its packages,
//     crypto/tls), go-git's transports, or os/exec (running git would let
//     it fetch); net/url is allowed, for parsing a remote's address;
//   - no code calls go-git's remote operations: Clone, Fetch, Pull, Push, or
//     a remote's List (and their Context forms), nor Submodule updates.

// forbiddenImport says why an import path is not allowed, or "".
func forbiddenImport(path string) string {
	switch {
	case path == "net/url":
		return ""
	case path == "net" || strings.HasPrefix(path, "net/"):
		return "the network"
	case path == "crypto/tls":
		return "TLS connections"
	case path == "os/exec":
		return "running programs (git would fetch)"
	case strings.HasPrefix(path, "github.com/go-git/go-git/v5/plumbing/transport"):
		return "go-git's network transports"
	}
	return ""
}

// remoteCalls are the names of go-git's operations that reach a remote.
var remoteCalls = map[string]bool{
	"Clone": true, "CloneContext": true, "PlainClone": true, "PlainCloneContext": true,
	"Fetch": true, "FetchContext": true, "Pull": true, "PullContext": true,
	"Push": true, "PushContext": true, "List": true, "ListContext": true,
	"Update": true, "UpdateContext": true,
}

// moduleFiles parses every non-test Go file of the module, outside
// testdata and hidden folders.
func moduleFiles(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod at %s: %v", root, err)
	}
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = f
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("only %d Go files found under %s", len(files), root)
	}
	return fset, files
}

func TestNoNetworkImports(t *testing.T) {
	_, files := moduleFiles(t)
	for name, f := range files {
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if why := forbiddenImport(path); why != "" {
				t.Errorf("%s imports %s (%s): caselint makes no network connection", name, path, why)
			}
		}
	}
	// The check must be live.
	for _, p := range []string{"net", "net/http", "os/exec", "crypto/tls", "github.com/go-git/go-git/v5/plumbing/transport/http"} {
		if forbiddenImport(p) == "" {
			t.Errorf("%s is allowed", p)
		}
	}
}

// TestNoRemoteOperations: no call reaches go-git's remote operations. A
// call of one of their names is allowed only on a standard library package
// (slices.Clone, heap.Push): anything else is reported, and must be renamed
// or shown here to be local.
func TestNoRemoteOperations(t *testing.T) {
	fset, files := moduleFiles(t)
	for _, f := range files {
		for _, at := range remoteCallsIn(fset, f) {
			t.Errorf("%s: caselint never reaches a remote (if this is not go-git's, rename it)", at)
		}
	}
	// The check must be live.
	const src = `package p

import (
	"slices"

	"github.com/go-git/go-git/v5"
)

func f(r *git.Repository, s []int) {
	_ = slices.Clone(s)
	_ = r.Fetch(&git.FetchOptions{})
	_, _ = git.PlainClone("x", false, nil)
	rem, _ := r.Remote("origin")
	_, _ = rem.List(nil)
}
`
	fs2 := token.NewFileSet()
	f, err := parser.ParseFile(fs2, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := remoteCallsIn(fs2, f); len(got) != 3 {
		t.Errorf("found %q, want Fetch, PlainClone and List", got)
	}
}

// remoteCallsIn returns where f calls something named as one of go-git's
// remote operations, other than on a standard library package.
func remoteCallsIn(fset *token.FileSet, f *ast.File) []string {
	std := map[string]bool{} // local names of standard library imports
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if strings.Contains(strings.Split(path, "/")[0], ".") {
			continue
		}
		local := path[strings.LastIndex(path, "/")+1:]
		if imp.Name != nil {
			local = imp.Name.Name
		}
		std[local] = true
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || !remoteCalls[sel.Sel.Name] {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && std[id.Name] {
			return true
		}
		out = append(out, fset.Position(call.Pos()).String()+": "+sel.Sel.Name)
		return true
	})
	return out
}
