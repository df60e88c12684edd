package newcmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/vcs"
)

func TestFlagsReachOptions(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *Options
	cmd := NewCmdNew(ios, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"conference", "--case", "cases/X", "--date", "2026-01-12", "--profile", "oxfordshire",
		"--conference-kind", "initial", "--name", "a.md", "--id", "X-1", "--child", "Jamie"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Kind != "conference" || got.Case != "cases/X" || got.Date != "2026-01-12" || got.Profile != "oxfordshire" ||
		got.ConferenceKind != "initial" || got.Name != "a.md" || got.ID != "X-1" || got.Child != "Jamie" {
		t.Errorf("options: %+v", got)
	}
}

func TestDefaults(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	var got *Options
	cmd := NewCmdNew(ios, func(o *Options) error { got = o; return nil })
	cmd.SetArgs([]string{"visit"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.Kind != "visit" || got.Case != "" || got.Date != "" || got.Profile != "" || got.Name != "" || got.Now == nil || got.Getwd == nil {
		t.Errorf("defaults: %+v", got)
	}
}

func TestNeedsOneKind(t *testing.T) {
	for _, args := range [][]string{nil, {"visit", "plan"}} {
		ios, _, _, _ := iostreams.Test()
		cmd := NewCmdNew(ios, func(*Options) error { return nil })
		cmd.SetArgs(args)
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		var usage *cmdutil.UsageError
		if err := cmd.Execute(); !errors.As(err, &usage) {
			t.Errorf("args %q: %v, want a usage error", args, err)
		}
	}
}

// execute runs caselint new with the clock and working folder fixed.
func execute(t *testing.T, wd string, args ...string) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	cmd := NewCmdNew(ios, func(o *Options) error {
		o.Now = func() time.Time { return time.Date(2026, 6, 12, 10, 0, 0, 0, time.UTC) }
		o.Getwd = func() (string, error) { return wd, nil }
		return Run(o)
	})
	cmd.SetArgs(args)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true
	err := cmd.Execute()
	return out.String(), err
}

func TestUsageErrors(t *testing.T) {
	wd := t.TempDir()
	for _, args := range [][]string{
		{"letter"},
		{"case", "--child", "Jamie"},
		{"case", "--id", "X-1"},
		{"case", "--id", "../X", "--child", "Jamie"},
		{"case", "--id", "X-1", "--child", "Jamie", "--date", "2026-01-01"},
		{"visit", "--id", "X-1"},
		{"plan", "--name", "x.md"},
		{"visit", "--conference-kind", "review"},
		{"visit", "--date", "12/06/2026"},
	} {
		_, err := execute(t, wd, args...)
		var usage *cmdutil.UsageError
		if !errors.As(err, &usage) {
			t.Errorf("caselint new %s: %v, want a usage error", strings.Join(args, " "), err)
		}
	}
	if entries, _ := os.ReadDir(wd); len(entries) != 0 {
		t.Errorf("refused commands wrote %d files", len(entries))
	}
}

// TestWritesRecords runs caselint new for each kind into a temporary tree.
func TestWritesRecords(t *testing.T) {
	wd := t.TempDir()
	out, err := execute(t, wd, "new", "case", "--id", "SOT-2026-0042", "--child", "Jamie")
	if err == nil {
		t.Fatalf("two kinds accepted: %s", out)
	}

	out, err = execute(t, wd, "case", "--id", "SOT-2026-0042", "--child", "Jamie")
	if err != nil {
		t.Fatal(err)
	}
	want := "wrote " + filepath.Join("SOT-2026-0042", "case.md") + "\nfill in the TBC placeholders and add the people, then run: caselint lint SOT-2026-0042\n"
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
	caseDir := filepath.Join(wd, "SOT-2026-0042")
	// Fill in the child and the people, as a practitioner would.
	data, err := os.ReadFile(filepath.Join(caseDir, "case.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), `born = "TBC"`, "born = 2015-04-02", 1)
	text = strings.Replace(text, `first_language = "TBC"`, `first_language = "English"`, 1)
	text = strings.Replace(text, "\n+++\n", "\n"+`[[people]]
name = "Aisha Patel"
role = "social worker"
qualified = true

[[people]]
name = "Chris Hall"
role = "independent conference chair"
+++
`, 1)
	if err := os.WriteFile(filepath.Join(caseDir, "case.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}

	// From inside the case, with the default date: today.
	out, err = execute(t, filepath.Join(caseDir), "plan", "--profile", "stoke-on-trent")
	if err != nil {
		t.Fatal(err)
	}
	if out != "wrote plan.md\nfill in the TBC placeholders, then run: caselint lint .\n" {
		t.Errorf("output: %q", out)
	}
	plan, _ := os.ReadFile(filepath.Join(caseDir, "plan.md"))
	for _, w := range []string{"started = 2026-06-12", `lead_worker = "Aisha Patel"`, "every 28 working days"} {
		if !strings.Contains(string(plan), w) {
			t.Errorf("plan.md lacks %q:\n%s", w, plan)
		}
	}

	// From a folder below the case, and from outside it with --case.
	if err := os.MkdirAll(filepath.Join(caseDir, "visits"), 0o755); err != nil {
		t.Fatal(err)
	}
	out, err = execute(t, filepath.Join(caseDir, "visits"), "visit", "--date", "2026-06-03")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "wrote 2026-06-03.md\n") || !strings.Contains(out, "caselint lint ..\n") {
		t.Errorf("output: %q", out)
	}
	for _, args := range [][]string{
		{"core-group", "--case", "SOT-2026-0042", "--date", "2026-06-11"},
		{"conference", "--case", "SOT-2026-0042", "--date", "2026-06-01", "--conference-kind", "initial"},
		{"visit", "--case", "SOT-2026-0042", "--date", "2026-06-03", "--name", "2026-06-03-evening.md"},
	} {
		if _, err := execute(t, wd, args...); err != nil {
			t.Fatalf("%s: %v", args, err)
		}
	}
	for _, p := range []string{"core-groups/2026-06-11.md", "conferences/2026-06-01-initial.md", "visits/2026-06-03-evening.md"} {
		if _, err := os.Stat(filepath.Join(caseDir, filepath.FromSlash(p))); err != nil {
			t.Errorf("%s not written: %v", p, err)
		}
	}

	// A taken name is refused, and the file left as it was.
	visit := filepath.Join(caseDir, "visits", "2026-06-03.md")
	before, _ := os.ReadFile(visit)
	_, err = execute(t, wd, "visit", "--case", "SOT-2026-0042", "--date", "2026-06-03")
	if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), "--name") ||
		!strings.HasPrefix(err.Error(), filepath.Join("SOT-2026-0042", "visits", "2026-06-03.md")+" already exists") {
		t.Errorf("over an existing visit: %v", err)
	}
	if after, _ := os.ReadFile(visit); string(after) != string(before) {
		t.Error("the existing visit changed")
	}

	// Outside any case, without --case.
	if _, err := execute(t, wd, "visit"); err == nil || !strings.Contains(err.Error(), "--case") {
		t.Errorf("a visit outside a case: %v", err)
	}
}

// TestRefusesLinkedFolder (issue 14, item 20): caselint new core-group in a
// case whose core-groups folder is a link out of it fails, naming the link,
// and writes nothing there.
func TestRefusesLinkedFolder(t *testing.T) {
	wd := t.TempDir()
	if _, err := execute(t, wd, "case", "--id", "SOT-2026-0042", "--child", "Jamie"); err != nil {
		t.Fatal(err)
	}
	caseDir := filepath.Join(wd, "SOT-2026-0042")
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(caseDir, "core-groups")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	out, err := execute(t, caseDir, "core-group", "--date", "2026-06-11")
	if err == nil || !strings.Contains(err.Error(), "core-groups is a symbolic link") {
		t.Fatalf("new core-group through a link: %v\n%s", err, out)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("written outside the case: %v", entries)
	}
}

// Issue 14, item 7: caselint new reads the config caselint lint would, by
// the same lookup: never one above the working folder outside a
// repository, never one through a link.
func TestConfigLookup(t *testing.T) {
	base := t.TempDir()
	if _, ok := vcs.Root(base); ok {
		t.Skip("the temporary folder is inside a git repository")
	}
	wd := filepath.Join(base, "work")
	if err := os.MkdirAll(wd, 0o755); err != nil {
		t.Fatal(err)
	}
	bad := []byte("profile = \"no-such-profile\"\n")
	if err := os.WriteFile(filepath.Join(base, ".caselint.toml"), bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := execute(t, wd, "case", "--id", "X-1", "--child", "Jamie"); err != nil {
		t.Fatalf("the config above the working folder was read: %v %s", err, out)
	}
	if err := os.WriteFile(filepath.Join(wd, ".caselint.toml"), bad, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := execute(t, wd, "case", "--id", "X-2", "--child", "Jamie"); err == nil || !strings.Contains(err.Error(), "no-such-profile") {
		t.Errorf("the working folder's config: %v", err)
	}
	if err := os.Remove(filepath.Join(wd, ".caselint.toml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(base, ".caselint.toml"), filepath.Join(wd, ".caselint.toml")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	if _, err := execute(t, wd, "visit", "--case", "X-1"); err == nil || !strings.Contains(err.Error(), ".caselint.toml is a symbolic link") {
		t.Errorf("a config link: %v", err)
	}
}

// TestOutputEscapesNames: a --name holding a newline, an escape sequence or
// a bidirectional control is shown escaped, as lint shows paths, never
// written raw to the terminal (issue 14, item 18).
func TestOutputEscapesNames(t *testing.T) {
	wd := t.TempDir()
	if _, err := execute(t, wd, "case", "--id", "X-1", "--child", "Jamie"); err != nil {
		t.Fatal(err)
	}
	name := "2026-06-03\nwrote \x1b[2J\a\u202eevil.md"
	out, err := execute(t, wd, "visit", "--case", "X-1", "--date", "2026-06-03", "--name", name)
	if err != nil {
		t.Skipf("--name %q refused: %v", name, err) // refusing it is as safe
	}
	if strings.Count(out, "\n") != 2 {
		t.Errorf("output is not two lines: %q", out)
	}
	for _, bad := range []string{"\x1b", "\a", "\u202e"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q raw: %q", bad, out)
		}
	}
	if !strings.Contains(out, `2026-06-03\nwrote \x1b[2J\x07\u202eevil.md`) {
		t.Errorf("output does not show the name escaped: %q", out)
	}
}
