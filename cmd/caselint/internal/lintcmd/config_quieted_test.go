package lintcmd_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigQuietedRules: a config that turns off, or lowers, rules its
// procedure's profile has on says which in its notice. A config dropped
// in one child's folder turning off unseen-child leaves "no problems" for
// a child nobody has seen: the report must say what it did not look for.
// Turning on a rule, raising one, or naming the severity a rule has
// already, quiets nothing.
func TestConfigQuietedRules(t *testing.T) {
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
	for _, tt := range []struct{ config, want string }{
		{"[rules]\nunseen-child = \"off\"\nmissing-not-seen-reason = \"note\"\nunseen-bedroom = \"note\"\nlate-first-core-group = \"warning\"\n",
			"caselint: notice: config: T-1/.caselint.toml (turns off unseen-child; makes late-first-core-group a warning; makes missing-not-seen-reason, unseen-bedroom a note)\n"},
		{"profile = \"ours\"\n[profiles.ours]\nextends = \"oxfordshire\"\n[profiles.ours.rules]\nunseen-bedroom = \"off\"\n",
			"caselint: notice: config: T-1/.caselint.toml (turns off unseen-bedroom)\n"},
		{"[rules]\nunseen-bedroom = \"error\"\nunseen-child = \"on\"\nlate-minutes = \"error\"\n",
			"caselint: notice: config: T-1/.caselint.toml\n"},
		// A rule the profile leaves off, turned off again, is not quieted.
		{"profile = \"stoke-on-trent\"\n[rules]\nunseen-bedroom = \"off\"\n",
			"caselint: notice: config: T-1/.caselint.toml\n"},
	} {
		write("T-1/.caselint.toml", tt.config)
		_, out, _ := caselint(t, dir, "lint", "--as-of", "2026-11-20", "--profile", "combined", ".")
		if strings.Contains(tt.config, "profile = ") {
			_, out, _ = caselint(t, dir, "lint", "--as-of", "2026-11-20", ".")
		}
		if !strings.Contains(out, tt.want) {
			t.Errorf("config %q: want %q in\n%s", tt.config, tt.want, out)
		}
	}
}
