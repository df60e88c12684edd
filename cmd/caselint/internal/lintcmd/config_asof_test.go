package lintcmd_test

// Issue 15: a config's as_of is the date the records are read as of when
// --as-of is not given (an exercise folder carries its date), and --as-of
// overrides it.

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

func TestConfigAsOf(t *testing.T) {
	dir := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("T-1/case.md", caseMD)
	write("T-1/plan.md", planMD)
	rules := func(fs []jsonFinding) []string {
		var ids []string
		for _, f := range fs {
			ids = append(ids, f.Rule+" "+f.Path)
		}
		return ids
	}
	// Without a config: the plan of 5 January read on 6 January, and on
	// 20 November, differ (the first core group is not yet due on the 6th).
	early, _ := lintJSON(t, dir, "--as-of", "2026-01-06", ".")
	late, _ := lintJSON(t, dir, "--as-of", "2026-11-20", ".")
	if reflect.DeepEqual(rules(early), rules(late)) {
		t.Fatalf("the as-of date changes nothing in the fixture: %v", rules(early))
	}

	write(".caselint.toml", "profile = \"combined\"\nas_of = 2026-01-06\n")
	got, _ := lintJSON(t, dir, ".")
	if !reflect.DeepEqual(rules(got), rules(early)) {
		t.Errorf("config as_of = 2026-01-06: %v, want as --as-of 2026-01-06: %v", rules(got), rules(early))
	}
	got, _ = lintJSON(t, dir, "--as-of", "2026-11-20", ".")
	if !reflect.DeepEqual(rules(got), rules(late)) {
		t.Errorf("--as-of 2026-11-20 over the config's as_of: %v, want %v", rules(got), rules(late))
	}

	// The report says the day a config's as_of fixed, as the summary names
	// none: a config copied from an exercise among live cases would read
	// them as of that day for ever, and a child unseen since would not be
	// reported. Under --as-of the config's as_of is not followed, and the
	// notice names the config alone.
	_, out, _ := caselint(t, dir, "lint", ".")
	if !strings.Contains(out, "caselint: notice: config: .caselint.toml (as_of: its cases are read as of 6 January 2026, whatever the day today)\n") {
		t.Errorf("config as_of not named in the report:\n%s", out)
	}
	_, out, _ = caselint(t, dir, "lint", "--as-of", "2026-11-20", ".")
	if !strings.Contains(out, "caselint: notice: config: .caselint.toml\n") {
		t.Errorf("--as-of over the config's as_of:\n%s", out)
	}

	// A date and time, a time zone or a string is an error at its line.
	for _, bad := range []string{"2026-01-06T09:00:00", "2026-01-06T09:00:00Z", `"2026-01-06"`} {
		write(".caselint.toml", "profile = \"combined\"\n\nas_of = "+bad+"\n")
		code, _, errOut := caselint(t, dir, "lint", ".")
		if code != cmdutil.ExitError || !strings.Contains(errOut, ".caselint.toml:3:") || !strings.Contains(errOut, "as_of is a date without a time") {
			t.Errorf("as_of = %s: exit %d, %q", bad, code, errOut)
		}
	}
}
