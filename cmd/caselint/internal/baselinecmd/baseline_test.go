package baselinecmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/root"
)

// samples copies one shipped sample case (with findings) into a new
// folder outside any repository, and returns the folder.
func samples(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "SOT-2026-0042"), os.DirFS("../../../../testdata/samples/SOT-2026-0042")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func caselint(t *testing.T, dir string, args ...string) (cmdutil.ExitCode, string, string) {
	t.Helper()
	t.Chdir(dir)
	ios, _, out, errOut := iostreams.Test()
	code := root.Main(args, ios)
	return code, out.String(), errOut.String()
}

// TestBaselineWritesAndLintHides: outside a repository too, the baseline
// is written at the root (the working folder) and lint reads it there.
func TestBaselineWritesAndLintHides(t *testing.T) {
	dir := samples(t)
	if code, _, _ := caselint(t, dir, "lint", "--as-of", "2026-11-20"); code != cmdutil.ExitFindings {
		t.Fatalf("the sample has no findings (exit %d)", code)
	}
	code, out, errOut := caselint(t, dir, "baseline", "--as-of", "2026-11-20")
	if code != cmdutil.ExitOK || !strings.HasPrefix(out, "caselint baseline: wrote .caselint-baseline: ") {
		t.Fatalf("exit %d: %s%s", code, out, errOut)
	}
	first, err := os.ReadFile(filepath.Join(dir, ".caselint-baseline"))
	if err != nil {
		t.Fatal(err)
	}
	if code, out, _ := caselint(t, dir, "lint", "--as-of", "2026-11-20"); code != cmdutil.ExitOK || !strings.Contains(out, "findings hidden") {
		t.Errorf("lint after baseline: exit %d\n%s", code, out)
	}
	// Remade unchanged: the same bytes (no date in it), nothing added or
	// dropped.
	code, out, _ = caselint(t, dir, "baseline", "--as-of", "2026-11-20")
	again, _ := os.ReadFile(filepath.Join(dir, ".caselint-baseline"))
	if code != cmdutil.ExitOK || !strings.Contains(out, "(0 added, 0 dropped)") || string(again) != string(first) {
		t.Errorf("remade: exit %d: %s", code, out)
	}
	// --baseline FILE, for both.
	code, _, errOut = caselint(t, dir, "baseline", "--as-of", "2026-11-20", "--baseline", "ci-baseline")
	if code != cmdutil.ExitOK {
		t.Fatalf("--baseline: exit %d: %s", code, errOut)
	}
	if err := os.Remove(filepath.Join(dir, ".caselint-baseline")); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := caselint(t, dir, "lint", "--as-of", "2026-11-20", "--baseline", "ci-baseline"); code != cmdutil.ExitOK {
		t.Errorf("lint --baseline: exit %d", code)
	}
	if code, _, errOut := caselint(t, dir, "lint", "--as-of", "2026-11-20", "--baseline", "missing"); code != cmdutil.ExitError || !strings.Contains(errOut, "--baseline") {
		t.Errorf("lint --baseline missing: exit %d: %s", code, errOut)
	}
}

// TestBaselineRefuses: never through a symbolic link, never over a folder
// or a Markdown file; a device is written to, not replaced.
func TestBaselineRefuses(t *testing.T) {
	dir := samples(t)
	target := filepath.Join(dir, "kept.txt")
	if err := os.WriteFile(target, []byte("kept\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(dir, ".caselint-baseline")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	code, _, errOut := caselint(t, dir, "baseline", "--as-of", "2026-11-20")
	if code != cmdutil.ExitError || !strings.Contains(errOut, "symbolic link") {
		t.Errorf("through a link: exit %d: %s", code, errOut)
	}
	if data, _ := os.ReadFile(target); string(data) != "kept\n" {
		t.Errorf("the link's target was written: %q", data)
	}
	// lint does not follow it either.
	if code, _, errOut := caselint(t, dir, "lint", "--as-of", "2026-11-20"); code != cmdutil.ExitError || !strings.Contains(errOut, "symbolic link") {
		t.Errorf("lint, baseline a link: exit %d: %s", code, errOut)
	}
	record := filepath.Join(dir, "SOT-2026-0042", "plan.md")
	before, _ := os.ReadFile(record)
	code, _, errOut = caselint(t, dir, "baseline", "--as-of", "2026-11-20", "--baseline", record)
	if after, _ := os.ReadFile(record); code != cmdutil.ExitError || string(after) != string(before) {
		t.Errorf("over a record: exit %d: %s", code, errOut)
	}
	if code, _, errOut := caselint(t, dir, "baseline", "--as-of", "2026-11-20", "--baseline", filepath.Join(dir, "SOT-2026-0042")); code != cmdutil.ExitError {
		t.Errorf("over a folder: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(os.DevNull); err == nil {
		if code, _, errOut := caselint(t, dir, "baseline", "--as-of", "2026-11-20", "--baseline", os.DevNull); code != cmdutil.ExitOK {
			t.Errorf("--baseline %s: exit %d: %s", os.DevNull, code, errOut)
		}
	}
}
