package linttest

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for p, data := range files {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestOverlay(t *testing.T) {
	root := t.TempDir()
	rec := func(s string) string { return "+++\ntype = \"visit\"\n+++\n" + s + "\n" }
	write(t, root, map[string]string{
		"_bases/c/C1/case.md":     rec("base case"),
		"_bases/c/C1/plan.md":     rec("base plan"),
		"_bases/c/C1/visits/a.md": rec("base visit"),
		"rule/x-fires/fixture.toml": `as_of = 2026-01-01
base = "c"
delete = ["C1/visits/a.md"]
`,
		"rule/x-fires/C1/plan.md":     rec("changed plan <!-- want: r -->"),
		"rule/x-fires/C1/visits/b.md": rec("added visit"),
		"rule/y-quiet/fixture.toml":   "as_of = 2026-01-01\nbase = \"../../_bases/c\"\n",
	})
	fsys, err := FS(filepath.Join(root, "rule", "x-fires"))
	if err != nil {
		t.Fatal(err)
	}
	got, _ := Files(fsys)
	want := []string{"C1/case.md", "C1/plan.md", "C1/visits/b.md", "fixture.toml"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("files %q; want %q", got, want)
	}
	if b, _ := fs.ReadFile(fsys, "C1/plan.md"); !strings.Contains(string(b), "changed plan") {
		t.Errorf("plan.md is the base's, not the overlay's: %s", b)
	}
	ws, err := Expectations(fsys)
	if err != nil || len(ws) != 1 || ws[0].Path != "C1/plan.md" || ws[0].Line != 4 {
		t.Errorf("wants %v, %v", ws, err)
	}
	fsys, err = FS(filepath.Join(root, "rule", "y-quiet"))
	if err != nil {
		t.Fatal(err)
	}
	got, _ = Files(fsys)
	if want := []string{"C1/case.md", "C1/plan.md", "C1/visits/a.md", "fixture.toml"}; !reflect.DeepEqual(got, want) {
		t.Errorf("files %q; want %q", got, want)
	}
}

func TestOverlayErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		err   string
	}{
		{"no base", map[string]string{"f/fixture.toml": "as_of = 2026-01-01\nbase = \"nope\"\n"}, `base "nope"`},
		{"delete not in base", map[string]string{
			"_bases/c/a.md":  "+++\ntype = \"visit\"\n+++\n",
			"f/fixture.toml": "as_of = 2026-01-01\nbase = \"c\"\ndelete = [\"b.md\"]\n",
		}, "deletes b.md, which is not in the base"},
		{"delete without base", map[string]string{"f/fixture.toml": "as_of = 2026-01-01\ndelete = [\"b.md\"]\n"}, "names no base"},
		{"want in base", map[string]string{
			"_bases/c/a.md":  "+++\ntype = \"visit\" # want: r\n+++\n",
			"f/fixture.toml": "as_of = 2026-01-01\nbase = \"c\"\n",
		}, "a.md:2: a base holds no want comment"},
		{"config in base", map[string]string{
			"_bases/c/.caselint.toml": "",
			"f/fixture.toml":          "as_of = 2026-01-01\nbase = \"c\"\n",
		}, "a base holds records (.md files) only"},
	} {
		root := t.TempDir()
		write(t, root, tc.files)
		_, err := FS(filepath.Join(root, "f"))
		if err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.err)
		}
	}
}
