package lint_test

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/caselint/caselint/lint"
)

// Issue 14, item 7: one lookup over any tree (work tree, commit, index).
func TestFindConfig(t *testing.T) {
	fsys := fstest.MapFS{
		".caselint.toml":            {Data: []byte("profile = \"combined\"\n")},
		"cases/a/case.md":           {Data: []byte("x")},
		"cases/b/.caselint.toml":    {Data: []byte("profile = \"oxfordshire\"\n")},
		"cases/b/case.md":           {Data: []byte("x")},
		"cases/link/.caselint.toml": {Data: []byte("../../outside.toml"), Mode: fs.ModeSymlink},
		"cases/link/case.md":        {Data: []byte("x")},
		"cases/dir/.caselint.toml":  {Mode: fs.ModeDir},
	}
	cases := []struct{ p, want, err string }{
		{".", ".caselint.toml", ""},
		{"cases/a", ".caselint.toml", ""},
		{"cases/a/case.md", ".caselint.toml", ""},
		{"cases/b", "cases/b/.caselint.toml", ""},
		{"cases/b/case.md", "cases/b/.caselint.toml", ""},
		{"cases/b/new/deeper", "cases/b/.caselint.toml", ""}, // not there yet
		{"cases/link", "", "cases/link/.caselint.toml is a symbolic link"},
		{"cases/link/case.md", "", "cases/link/.caselint.toml is a symbolic link"},
		{"cases/dir", "", "cases/dir/.caselint.toml is not a regular file"},
		{"cases/b/.caselint.toml", "cases/b/.caselint.toml", ""}, // the config itself
		{"cases/dir/.caselint.toml", "", "cases/dir/.caselint.toml is not a regular file"},
		{"cases", ".caselint.toml", ""},
		{"elsewhere/x.md", ".caselint.toml", ""},
	}
	check := func(how string, find func(string) (string, error), i int) {
		t.Helper()
		tc := cases[i]
		got, err := find(tc.p)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.HasPrefix(err.Error(), tc.err) {
			t.Errorf("%s(%q) = %q, %v; want %q, %q", how, tc.p, got, err, tc.want, tc.err)
		}
	}
	for i := range cases {
		check("FindConfig", func(p string) (string, error) { return lint.FindConfig(fsys, p) }, i)
	}
	// One finder for every path, which remembers the folders above: the
	// same answers in any order.
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, {5, 7, 2, 9, 0, 11, 4, 6, 1, 12, 3, 8, 10, 5, 7, 2}} {
		f := lint.NewConfigFinder(fsys)
		for _, i := range order {
			check("ConfigFinder.Find", f.Find, i)
		}
	}
	if got, err := lint.FindConfig(fstest.MapFS{"a/case.md": {}}, "a"); got != "" || err != nil {
		t.Errorf("no config: %q, %v", got, err)
	}
	c, err := lint.LoadConfigFS(fsys, "cases/b/case.md")
	if err != nil || c.Path != "cases/b/.caselint.toml" || c.Profile != "oxfordshire" {
		t.Errorf("LoadConfigFS: %+v, %v", c, err)
	}
	if c, err := lint.LoadConfigFS(fstest.MapFS{}, "."); c != nil || err != nil {
		t.Errorf("LoadConfigFS of no config: %+v, %v", c, err)
	}
}

// Issue 14, item 13: a config nested 8,000 deep, or over the size limit,
// is refused before the TOML parser reads it.
func TestConfigGuards(t *testing.T) {
	deep := "profile = \"combined\"\n[profiles.ours]\nextends = \"combined\"\nx = " + strings.Repeat("{a = ", 8000) + "1" + strings.Repeat("}", 8000) + "\n"
	start := time.Now()
	_, err := lint.LoadConfigFS(fstest.MapFS{"cases/.caselint.toml": {Data: []byte(deep)}}, "cases")
	if err == nil || !strings.HasPrefix(err.Error(), "cases/.caselint.toml:4:55: the config nests arrays or tables more than 10 deep here") {
		t.Errorf("8,000 deep: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("8,000 deep took %v", d)
	}
	big := "profile = \"combined\"\n#" + strings.Repeat("x", 200<<10) + "\n"
	if _, err := lint.LoadConfigFS(fstest.MapFS{".caselint.toml": {Data: []byte(big)}}, "."); err == nil || !strings.Contains(err.Error(), "caselint reads at most 128 KB of config") {
		t.Errorf("200 KB config: %v", err)
	}
	if _, err := lint.ParseConfig("c.toml", []byte(big)); err == nil || !strings.HasPrefix(err.Error(), "c.toml: the config is 201 KB") {
		t.Errorf("ParseConfig of 200 KB: %v", err)
	}
}

// --config names a file of the file system: a device is refused, never read.
func TestLoadConfigDevice(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	if _, err := lint.LoadConfig("/dev/zero"); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("--config /dev/zero: %v", err)
	}
}
