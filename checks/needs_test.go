package checks_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
)

// checkNeeds holds each rule's Needs to what its Run reads: a rule that
// reads Pass.History, in Run or in any function of this package Run
// reaches, declares lint.NeedsHistory (or the engine would run it with a
// nil History and it would quietly find nothing), and a rule that declares
// it reads it (or the engine would skip it for nothing). It reads the
// package's source, so a rule is held to it whatever its fixtures hold.
func checkNeeds(t *testing.T) {
	t.Helper()
	reads, err := historyReaders(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range checks.All() {
		if r.Run == nil {
			if len(r.Needs) > 0 {
				t.Errorf("%s: the engine reports it itself, so it needs nothing: Needs %v", r.ID, r.Needs)
			}
			continue
		}
		got, ok := reads[r.ID]
		if !ok {
			t.Errorf("%s: no `var X = &lint.Rule{ID: %q, ...}` with a Run found in checks/*.go", r.ID, r.ID)
			continue
		}
		switch has := r.Has(lint.NeedsHistory); {
		case got && !has:
			t.Errorf("%s: Run reads pass.History but the rule does not declare Needs: []lint.Need{lint.NeedsHistory}", r.ID)
		case has && !got:
			t.Errorf("%s: declares lint.NeedsHistory but its Run never reads pass.History", r.ID)
		}
	}
}

// historyReaders parses the package's non-test files and reports, by rule
// id, whether the rule's Run reaches a read of a History field.
func historyReaders(fsys fs.FS) (map[string]bool, error) {
	names, err := fs.Glob(fsys, "*.go")
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	funcs := map[string][]ast.Node{} // functions and methods by name
	type rule struct {
		id  string
		run ast.Expr
	}
	var rules []rule
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					funcs[d.Name.Name] = append(funcs[d.Name.Name], d.Body)
				}
			case *ast.GenDecl:
				ast.Inspect(d, func(n ast.Node) bool {
					lit, ok := n.(*ast.CompositeLit)
					if !ok || !isLintRule(lit.Type) {
						return true
					}
					var r rule
					for _, e := range lit.Elts {
						kv, ok := e.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						switch key, _ := kv.Key.(*ast.Ident); {
						case key == nil:
						case key.Name == "ID":
							switch v := kv.Value.(type) {
							case *ast.BasicLit:
								r.id, _ = strconv.Unquote(v.Value)
							case *ast.SelectorExpr: // lint.InvalidRecordID
								r.id = engineIDs[v.Sel.Name]
							}
						case key.Name == "Run":
							r.run = kv.Value
						}
					}
					if r.id != "" && r.run != nil {
						rules = append(rules, r)
					}
					return false
				})
			}
		}
	}
	memo := map[string]bool{}
	visiting := map[string]bool{}
	var reaches func(n ast.Node) bool
	fn := func(name string) bool {
		if v, ok := memo[name]; ok || visiting[name] {
			return v
		}
		visiting[name] = true
		v := false
		for _, body := range funcs[name] {
			if reaches(body) {
				v = true
			}
		}
		delete(visiting, name)
		memo[name] = v
		return v
	}
	reaches = func(n ast.Node) bool {
		found := false
		ast.Inspect(n, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if x, ok := n.X.(*ast.Ident); ok && x.Name == "lint" {
					return false // lint.History, the type
				}
				if n.Sel.Name == "History" || (funcs[n.Sel.Name] != nil && fn(n.Sel.Name)) {
					found = true
				}
			case *ast.Ident:
				if funcs[n.Name] != nil && fn(n.Name) {
					found = true
				}
			}
			return !found
		})
		return found
	}
	out := map[string]bool{}
	for _, r := range rules {
		out[r.id] = reaches(r.run)
	}
	return out, nil
}

// engineIDs are the ids the package lint declares, as a rule's ID may name
// them.
var engineIDs = map[string]string{
	"InvalidRecordID":          lint.InvalidRecordID,
	"UnusedSuppressionID":      lint.UnusedSuppressionID,
	"UnexplainedSuppressionID": lint.UnexplainedSuppressionID,
}

// isLintRule reports whether t is the type lint.Rule.
func isLintRule(t ast.Expr) bool {
	sel, ok := t.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	return ok && x.Name == "lint" && sel.Sel.Name == "Rule"
}
