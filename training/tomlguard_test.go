package training_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/training"
)

// deepTOML is a key whose value is inline tables nested 8,000 deep: 9 s
// and 2.8 GB in the TOML parser before the guard (issue 14, item 13).
var deepTOML = "x = " + strings.Repeat("{a = ", 8000) + "1" + strings.Repeat("}", 8000) + "\n"

// An exercise's TOML files nested 8,000 deep are refused at their place,
// quickly, before the TOML parser reads them.
func TestTOMLNestingGuard(t *testing.T) {
	good := map[string]string{
		"exercise.toml": trainerMeta,
		"BRIEF.md":      "Read the plan.\n",
		"case/case.md":  "+++\ntype = \"case\"\nid = \"X-1\"\n[child]\nname = \"A\"\nborn = 2020-01-01\nfirst_language = \"English\"\n+++\n",
		"case/plan.md":  front + "<!-- want: missing-contingency-plan -->\n",
	}
	metaLines := strings.Count(trainerMeta, "\n")
	for _, tc := range []struct {
		name   string
		change map[string]string
		err    string
	}{
		{"exercise.toml", map[string]string{"exercise.toml": trainerMeta + deepTOML},
			"exercise.toml:" + strconv.Itoa(metaLines+1) + ":55: the file nests arrays or tables more than 10 deep"},
		{"case config", map[string]string{"case/.caselint.toml": deepTOML},
			"case/.caselint.toml:1:55: the config nests arrays or tables more than 10 deep"},
		{"history.toml", map[string]string{"exercise.toml": trainerMeta + "git = true\n", "history.toml": deepTOML},
			"history.toml:1:55: the file nests arrays or tables more than 10 deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for p, s := range good {
				fsys[p] = &fstest.MapFile{Data: []byte(s)}
			}
			for p, s := range tc.change {
				fsys[p] = &fstest.MapFile{Data: []byte(s)}
			}
			start := time.Now()
			_, err := training.Load(fsys, "x", "", checks.All())
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("err = %v, want %q", err, tc.err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}

	dir := t.TempDir()
	p := filepath.Join(dir, training.StateFile)
	if err := os.WriteFile(p, []byte("exercise = \"x\"\n"+deepTOML), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := training.ReadState(dir); err == nil || !strings.Contains(err.Error(), training.StateFile+":2:55: the file nests") {
		t.Errorf("state file: %v", err)
	}
}
