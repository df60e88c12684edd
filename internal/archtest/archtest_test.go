package archtest

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/caselint/caselint"

// engine are the packages of the engine, relative to the module root.
var engine = []string{"lint", "schema", "checks"}

// features are the packages (and the trees below them) the engine must not
// import: they are built on the engine, not the other way round.
var features = []string{
	"lint/exercise",
	"training",
	"report",
	"report",
	"internal/newrecord",
	"internal/vcs",
	"internal/gitrepo",
	"internal/synth",
	"cmd",
}

// imports returns the module packages the non-test Go files of dir (a path
// relative to the module root) import, whatever their build tags, read from
// their import clauses alone.
func imports(t *testing.T, root, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(root, dir))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(root, dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, spec := range f.Imports {
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				t.Fatal(err)
			}
			if rel, ok := strings.CutPrefix(p, module+"/"); ok {
				seen[rel] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

func isFeature(pkg string) bool {
	for _, f := range features {
		if pkg == f || strings.HasPrefix(pkg, f+"/") {
			return true
		}
	}
	return false
}

// TestEngineImportsNoFeature: the engine, and every module package it
// imports directly or through others, imports no feature package.
func TestEngineImportsNoFeature(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found at %s: %v", root, err)
	}
	// via[p] is the package through which the walk reached p.
	via := map[string]string{}
	queue := append([]string(nil), engine...)
	for _, p := range engine {
		via[p] = ""
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, imp := range imports(t, root, p) {
			if isFeature(imp) {
				chain := []string{imp, p}
				for q := via[p]; q != ""; q = via[q] {
					chain = append(chain, q)
				}
				for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
					chain[i], chain[j] = chain[j], chain[i]
				}
				t.Errorf("the engine imports the feature package %s: %s", imp, strings.Join(chain, " → "))
				continue
			}
			if _, ok := via[imp]; !ok {
				via[imp] = p
				queue = append(queue, imp)
			}
		}
	}
	if len(via) < len(engine)+1 {
		t.Errorf("walked %d packages from the engine; the walk reads no imports", len(via))
	}
}

// TestIsFeature: the check would catch an engine package importing a
// feature (so that the test above cannot pass by matching nothing).
func TestIsFeature(t *testing.T) {
	for _, p := range []string{"report", "internal/vcs", "cmd/caselint/internal/lintcmd", "training", "lint/exercise"} {
		if !isFeature(p) {
			t.Errorf("isFeature(%q) = false", p)
		}
	}
	for _, p := range []string{"lint", "schema", "checks", "lint/calendar", "lint/reporting"} {
		if isFeature(p) {
			t.Errorf("isFeature(%q) = true", p)
		}
	}
}

// TestFloorIsLibrariesOnly: the libraries' floor (internal/libfloor), which
// every performance ratio is taken against, imports nothing of caselint,
// so that no work of caselint's own is counted in it.
func TestFloorIsLibrariesOnly(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if got := imports(t, root, "internal/libfloor"); len(got) > 0 {
		t.Errorf("internal/libfloor imports caselint's %v", got)
	}
}
