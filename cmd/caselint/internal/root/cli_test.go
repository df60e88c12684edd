package root

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
)

// TestUnknownCommands: a command that groups others (hook, exercise,
// completion) given an argument that names none of them is a usage error,
// exit 2, never its help and exit 0.
func TestUnknownCommands(t *testing.T) {
	for _, args := range [][]string{
		{"bogus"},
		{"hook", "uninstal"},
		{"hook", "bogus", "extra"},
		{"exercise", "bogus"},
		{"completion", "bogus"},
		{"version", "extra"},
		{"hook", "uninstall", "extra"},
	} {
		code, out, errOut := caselint(t, args...)
		if code != cmdutil.ExitError {
			t.Errorf("caselint %s: exit %d, want 2\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		if out != "" || !strings.Contains(errOut, "unknown command") {
			t.Errorf("caselint %s: stdout %q, stderr %q: want the error alone", strings.Join(args, " "), out, errOut)
		}
	}
	code, _, errOut := caselint(t, "hook", "uninstal")
	if code != cmdutil.ExitError || !strings.Contains(errOut, `did you mean uninstall?`) {
		t.Errorf("no suggestion: %s", errOut)
	}
	// A group alone prints its help.
	for _, g := range []string{"hook", "exercise"} {
		if code, out, _ := caselint(t, g); code != cmdutil.ExitOK || !strings.Contains(out, "Available Commands") {
			t.Errorf("caselint %s: exit %d\n%s", g, code, out)
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := caselint(t, "version")
	if code != cmdutil.ExitOK || !strings.HasPrefix(out, "caselint "+Version+"\ncommit: ") || !strings.Contains(out, "\ndate: ") {
		t.Errorf("caselint version: exit %d\n%s", code, out)
	}
}

// TestColor: --color always colours a report that goes to no terminal
// (a CI log), whatever NO_COLOR says; never and --no-color never colour;
// auto colours only a terminal.
func TestColor(t *testing.T) {
	dir := tree(t, map[string]string{"cases/a/case.md": caseMD, "cases/a/plan.md": planMD})
	cases := filepath.Join(dir, "cases")
	run := func(terminal, noColor bool, args ...string) (cmdutil.ExitCode, bool) {
		ios, _, out, _ := iostreams.Test()
		ios.OutIsTerminal, ios.NoColor = terminal, noColor
		code := Main(append(args, "lint", "--as-of", "2026-11-20", cases), ios)
		return code, strings.Contains(out.String(), "\x1b[")
	}
	for _, tc := range []struct {
		name              string
		terminal, noColor bool
		args              []string
		want              bool
	}{
		{"auto, no terminal", false, false, nil, false},
		{"auto, terminal", true, false, nil, true},
		{"auto, terminal, NO_COLOR", true, true, nil, false},
		{"always, no terminal", false, false, []string{"--color", "always"}, true},
		{"always, NO_COLOR", false, true, []string{"--color=always"}, true},
		{"never, terminal", true, false, []string{"--color", "never"}, false},
	} {
		code, coloured := run(tc.terminal, tc.noColor, tc.args...)
		if code != cmdutil.ExitFindings || coloured != tc.want {
			t.Errorf("%s: exit %d, coloured %v, want %v", tc.name, code, coloured, tc.want)
		}
	}
	// --no-color, lint's own, wins over --color always.
	ios, _, out, _ := iostreams.Test()
	Main([]string{"--color", "always", "lint", "--no-color", "--as-of", "2026-11-20", cases}, ios)
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("--no-color coloured")
	}
	if code, _ := run(false, false, "--color", "sometimes"); code != cmdutil.ExitError {
		t.Errorf("--color sometimes: exit %d, want 2", code)
	}
}
