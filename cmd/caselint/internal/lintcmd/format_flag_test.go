package lintcmd_test

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
)

// TestUnknownFormat: an unknown --format is a usage error (exit 2) that
// lists every format the command takes, its own html among them.
func TestUnknownFormat(t *testing.T) {
	code, _, errOut := caselint(t, t.TempDir(), "lint", "--format", "xml", ".")
	want := `--format: unknown output format "xml": use text, json, sarif, github, rdjson, codeclimate, junit, checkstyle or html`
	if code != cmdutil.ExitError || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, %q; want exit %d and %q", code, errOut, cmdutil.ExitError, want)
	}
}
