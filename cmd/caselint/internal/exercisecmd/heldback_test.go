package exercisecmd

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/training"
)

// TestAnswersHeldBack: tried as a trainee would, on every shipped
// exercise: check on the untouched folder, check with an empty answers
// file, reveal and list give no seeded problem's place, rule or message
// away without --trainer; with it, they do.
func TestAnswersHeldBack(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(t.TempDir(), "answers.toml")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}

	list, err := run(t, "list")
	if err != nil {
		t.Fatal(err)
	}
	trainerList, err := run(t, "list", "--trainer")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(list, "practises:") || !strings.Contains(list, "exercise list --trainer") {
		t.Errorf("list names the rules practised:\n%s", list)
	}

	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "trainee")
			if _, err := run(t, "start", ex.Name, dir); err != nil {
				t.Fatal(err)
			}
			key, err := ex.Reveal(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			fix, err := run(t, "check", dir)
			if !errors.Is(err, cmdutil.ErrFindings) {
				t.Errorf("check: err = %v, want findings (exit 1)", err)
			}
			spot, err := run(t, "check", "--answers", empty, dir)
			if !errors.Is(err, cmdutil.ErrFindings) {
				t.Errorf("check --answers: err = %v, want findings (exit 1)", err)
			}
			if _, err := run(t, "reveal", dir); err == nil || !strings.Contains(err.Error(), "--trainer") {
				t.Errorf("reveal without --trainer: err = %v", err)
			}
			if _, err := run(t, "reveal", ex.Name); err == nil {
				t.Errorf("reveal NAME without --trainer: not refused")
			}
			for _, it := range key.Items {
				for what, out := range map[string]string{"check": fix, "check --answers (empty)": spot} {
					for _, leak := range []string{it.At(), it.Message, it.Rule, it.Path} {
						if leak != "" && strings.Contains(out, leak) {
							t.Errorf("%s gives %q away:\n%s", what, leak, out)
						}
					}
				}
				if strings.Contains(list, it.Rule) {
					t.Errorf("list names the rule %s", it.Rule)
				}
				if !strings.Contains(trainerList, it.Rule) {
					t.Errorf("list --trainer does not name the rule %s", it.Rule)
				}
			}
			if !strings.Contains(fix, "Score: 0 of ") || !strings.Contains(spot, "Missed (") || !strings.Contains(spot, "Score: 0 of ") {
				t.Errorf("no score:\n%s\n%s", fix, spot)
			}

			// --trainer: every place; --hints record: every record, no place.
			for _, args := range [][]string{{"check", "--trainer", dir}, {"check", "--trainer", "--answers", empty, dir}} {
				out, _ := run(t, args...)
				for _, it := range key.Items {
					if !strings.Contains(out, it.At()) {
						t.Errorf("%v lacks %s:\n%s", args, it.At(), out)
					}
				}
			}
			out, _ := run(t, "check", "--hints", "record", dir)
			for _, it := range key.Items {
				if !strings.Contains(out, it.Path) || strings.Contains(out, it.At()) || strings.Contains(out, it.Rule) {
					t.Errorf("check --hints record, %s:\n%s", it.At(), out)
				}
			}
			out, _ = run(t, "check", "--hints", "rule", "--answers", empty, dir)
			for _, it := range key.Items {
				if !strings.Contains(out, it.Path+": ") || !strings.Contains(out, "["+it.Rule+"]") || strings.Contains(out, it.At()) {
					t.Errorf("check --hints rule --answers, %s:\n%s", it.At(), out)
				}
			}
		})
	}
}

// TestHintsFlag: --hints takes none, record or rule; anything else is a
// usage error.
func TestHintsFlag(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "trainee")
	if _, err := run(t, "start", "first-plan-review", dir); err != nil {
		t.Fatal(err)
	}
	var usage *cmdutil.UsageError
	for _, bad := range []string{"all", "2", ""} {
		_, err := run(t, "check", "--hints="+bad, dir)
		if bad == "" { // the exercise's own
			if !errors.Is(err, cmdutil.ErrFindings) {
				t.Errorf("--hints=: %v", err)
			}
			continue
		}
		if !errors.As(err, &usage) || !strings.Contains(err.Error(), "none") {
			t.Errorf("--hints %s: err = %v, want a usage error naming the levels", bad, err)
		}
	}
}
