package newrecord_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/internal/newrecord"
	"github.com/caselint/caselint/schema"
)

// TestNeverThroughALink (issue 14, item 20): new core-group with a
// core-groups -> /outside folder link, which lint never reads, is refused
// naming the link, and nothing is written outside; so is a link at the
// record's own name, even one that leads nowhere.
func TestNeverThroughALink(t *testing.T) {
	b := buildCase(t, "combined")
	outside := filepath.Join(t.TempDir(), "outside")
	if err := os.Rename(filepath.Join(b.dir, "core-groups"), outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(b.dir, "core-groups")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	before, _ := os.ReadDir(outside)
	day := schema.NewDate(2026, 7, 9)
	_, err := newrecord.Write(newrecord.Options{Kind: schema.KindCoreGroup, Dir: b.dir, Date: day, Profile: b.profile})
	var le *newrecord.LinkError
	if !errors.As(err, &le) || le.Link != filepath.Join(b.dir, "core-groups") ||
		!strings.Contains(err.Error(), "core-groups is a symbolic link") {
		t.Fatalf("Write through core-groups -> outside: %v", err)
	}
	if after, _ := os.ReadDir(outside); len(after) != len(before) {
		t.Errorf("%d files outside, %d before", len(after), len(before))
	}

	// A link at the record's name: to a file outside, and to nothing.
	target := filepath.Join(t.TempDir(), "elsewhere.md")
	for _, to := range []string{target, filepath.Join(t.TempDir(), "missing.md")} {
		if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
			t.Fatal(err)
		}
		at := filepath.Join(b.dir, "visits", "2026-07-10.md")
		os.Remove(at)
		if err := os.Symlink(to, at); err != nil {
			t.Fatal(err)
		}
		_, err := newrecord.Write(newrecord.Options{Kind: schema.KindVisit, Dir: b.dir, Date: schema.NewDate(2026, 7, 10), Profile: b.profile})
		if !errors.As(err, &le) || le.Link != at {
			t.Errorf("Write at a link to %s: %v", to, err)
		}
		if got, err := os.ReadFile(target); err != nil || string(got) != "keep" {
			t.Errorf("the file behind the link became %q (%v)", got, err)
		}
		if _, err := os.Lstat(filepath.Join(filepath.Dir(to), "missing.md")); to != target && err == nil {
			t.Error("a file was made where the dangling link points")
		}
	}
	noTemporaryFiles(t, b.root)
}
