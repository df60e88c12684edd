package training_test

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/training"
)

// levels are the hint levels a trainee can be given.
var levels = []training.Hints{training.HintsNone, training.HintsRecord, training.HintsRule}

// heldBack checks that a report written at level h gives no seeded
// problem's line or message away, and its rule or record only as the level
// allows; the trainer's view (HintsAll) gives every one.
func heldBack(t *testing.T, what string, ex *training.Exercise, items []training.Item, h training.Hints, out string) {
	t.Helper()
	for _, it := range items {
		if h == training.HintsAll {
			if !strings.Contains(out, it.At()) {
				t.Errorf("%s, trainer's view: %s is not shown:\n%s", what, it.At(), out)
			}
			continue
		}
		if strings.Contains(out, it.At()) {
			t.Errorf("%s, hints %s: gives away the place %s:\n%s", what, h, it.At(), out)
		}
		if it.Message != "" && strings.Contains(out, it.Message) {
			t.Errorf("%s, hints %s: gives away what caselint says at %s: %q:\n%s", what, h, it.At(), it.Message, out)
		}
		label := ex.Rule(it.Rule).Title + " [" + it.Rule + "]"
		switch {
		case h < training.HintsRule && strings.Contains(out, it.Rule):
			t.Errorf("%s, hints %s: gives away the rule %s:\n%s", what, h, it.Rule, out)
		case h == training.HintsRule && !strings.Contains(out, it.Path+": "+label):
			t.Errorf("%s, hints rule: %s %s is not hinted:\n%s", what, it.Path, label, out)
		}
		switch {
		case h == training.HintsNone && strings.Contains(out, it.Path):
			t.Errorf("%s, hints none: gives away the record %s:\n%s", what, it.Path, out)
		case h >= training.HintsRecord && !strings.Contains(out, "    "+it.Path):
			t.Errorf("%s, hints %s: the record %s is not hinted:\n%s", what, h, it.Path, out)
		}
	}
}

// TestCheckHoldsBackTheAnswers: on every shipped exercise, started and not
// touched, check (fix mode) and check with an empty answers file (spot
// mode) show the score and nothing of the key but what the hint level
// allows; the trainer's view shows it all.
func TestCheckHoldsBackTheAnswers(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			t.Parallel()
			dir := start(t, ex, false)
			fix, err := ex.CheckFix(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			spot, err := ex.CheckSpot(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			items := make([]training.Item, len(fix.Items))
			for i, it := range fix.Items {
				items[i] = it.Item
			}
			n := len(items)
			for _, h := range append(levels, training.HintsAll) {
				var out bytes.Buffer
				fix.Show = h
				if err := fix.WriteText(&out); err != nil {
					t.Fatal(err)
				}
				heldBack(t, "check", ex, items, h, out.String())
				if !strings.Contains(out.String(), "Score: 0 of ") {
					t.Errorf("check, hints %s: no score:\n%s", h, out.String())
				}
				out.Reset()
				spot.Show = h
				if err := spot.WriteText(&out); err != nil {
					t.Fatal(err)
				}
				heldBack(t, "check --answers (empty)", ex, items, h, out.String())
				if h < training.HintsAll && !strings.Contains(out.String(), "Missed ("+strconv.Itoa(n)+"):\n  "+strconv.Itoa(n)+" seeded problem") {
					t.Errorf("check --answers, hints %s: the missed are not counted:\n%s", h, out.String())
				}
			}
		})
	}
}

// TestCheckHoldsBackCloseAnswers: an answer at a seeded problem's place
// with the wrong rule is wrongly flagged, without "right place, wrong rule:
// the problem there is ..." (which would name the rule) unless the trainer
// asks.
func TestCheckHoldsBackCloseAnswers(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		var answers []training.Answer
		for _, k := range ex.Key {
			other := "unnamed-action-owner"
			if k.Rule == other {
				other = "missing-contingency-plan"
			}
			answers = append(answers, training.Answer{Rule: other, Path: k.Path, Line: k.Line})
		}
		r, err := ex.CheckSpot(ctx, answers)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := r.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out.String(), "the problem there is") {
			t.Errorf("%s: a wrong answer's hint names the rule at its place:\n%s", ex.Name, out.String())
		}
		out.Reset()
		r.Show = training.HintsAll
		if err := r.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		// With credit for the right rule anywhere in the record (spot.go),
		// some of these answers find another problem of the record; those
		// left with a "wrong rule" hint show it to the trainer.
		flat := strings.Join(strings.Fields(out.String()), " ") // lines are wrapped
		for _, wr := range r.Wrong {
			if strings.Contains(wr.Hint, "the problem there is") && !strings.Contains(flat, wr.Hint) {
				t.Errorf("%s: the trainer's view lacks the hint %q:\n%s", ex.Name, wr.Hint, out.String())
			}
		}
	}
}

// TestCheckHoldsBackCopiedRecords: a record copied under another name
// brings in its seeded problems again, as new problems; they are held back
// like the seeded ones, not listed as "you introduced".
func TestCheckHoldsBackCopiedRecords(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			t.Parallel()
			dir := start(t, ex, false)
			copied := map[string]bool{}
			for _, k := range ex.Key {
				if copied[k.Path] {
					continue
				}
				copied[k.Path] = true
				to := path.Join(path.Dir(k.Path), "copy-"+path.Base(k.Path))
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(to)), ex.Files[k.Path], 0o644); err != nil {
					t.Fatal(err)
				}
			}
			r, err := ex.CheckFix(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := r.WriteText(&out); err != nil {
				t.Fatal(err)
			}
			for _, it := range r.Items {
				if it.Message != "" && strings.Contains(out.String(), it.Message) {
					t.Errorf("a copied record gives away what caselint says at %s: %q:\n%s", it.At(), it.Message, out.String())
				}
			}
		})
	}
}

// TestHintsInTheExercise: exercise.toml's hints sets the level; none is
// the default; a level that is not one is refused.
func TestHintsInTheExercise(t *testing.T) {
	rules := checks.All()
	for _, tc := range []struct {
		line string
		want training.Hints
		err  string
	}{
		{"", training.HintsNone, ""},
		{`hints = "none"`, training.HintsNone, ""},
		{`hints = "record"`, training.HintsRecord, ""},
		{`hints = "rule"`, training.HintsRule, ""},
		{`hints = "all"`, 0, `hints "all": the levels are none`},
		{`hints = "Rule"`, 0, `hints "Rule"`},
	} {
		ex, err := training.Load(fstest.MapFS{
			"exercise.toml": {Data: []byte(trainerMeta + tc.line + "\n")},
			"BRIEF.md":      {Data: []byte("Read the plan.\n")},
			"case/case.md":  {Data: []byte("+++\ntype = \"case\"\nid = \"X-1\"\n[child]\nname = \"A\"\nborn = 2020-01-01\nfirst_language = \"English\"\n+++\n")},
			"case/plan.md":  {Data: []byte(front + "<!-- want: missing-contingency-plan -->\n")},
		}, "x", "", rules)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err = %v, want %q", tc.line, err, tc.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.line, err)
		case ex.DefaultHints() != tc.want:
			t.Errorf("%s: hints %s, want %s", tc.line, ex.DefaultHints(), tc.want)
		}
	}
	for _, s := range training.HintLevels {
		if h, err := training.ParseHints(s); err != nil || h.String() != s {
			t.Errorf("ParseHints(%q) = %v, %v", s, h, err)
		}
	}
}

// TestKeyDriftHeldBack: the note that an exercise's key does not match
// caselint names the key's places; a trainee sees only that it differs.
func TestKeyDriftHeldBack(t *testing.T) {
	ex := shipped(t, "first-plan-review")
	note := "the exercise's key does not match caselint: plan.md:63: missing finding unnamed-action-owner"
	for _, h := range []training.Hints{training.HintsNone, training.HintsAll} {
		var out bytes.Buffer
		fix := &training.FixReport{Exercise: ex, Notes: []string{note}, Show: h}
		if err := fix.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		spot := &training.SpotReport{Exercise: ex, Notes: []string{note}, Show: h}
		if err := spot.WriteText(&out); err != nil {
			t.Fatal(err)
		}
		switch got := out.String(); {
		case h == training.HintsAll && strings.Count(got, "plan.md:63") != 2:
			t.Errorf("trainer: the differences are not shown:\n%s", got)
		case h < training.HintsAll && (strings.Contains(got, "plan.md:63") || strings.Count(got, "(1 difference)") != 2):
			t.Errorf("trainee: the differences are not held back:\n%s", got)
		}
	}
}

// TestHeldBackAPI: what other outputs (JSON, CSV) are to show of what is
// held back: counts, then records, then rules, never a line.
func TestHeldBackAPI(t *testing.T) {
	ex := shipped(t, "first-plan-review")
	r, err := ex.CheckFix(ctx, start(t, ex, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		h    training.Hints
		want string
	}{
		{training.HintsNone, "[{  4 false}]"},
		{training.HintsRecord, "[{plan.md  4 false}]"},
		{training.HintsRule, "[{plan.md missing-action-timescale 1 false} {plan.md missing-contingency-plan 1 false} {plan.md unnamed-action-owner 2 false}]"},
		{training.HintsAll, "[]"},
	} {
		r.Show = tc.h
		if got := fmt.Sprint(r.HeldBack()); got != tc.want {
			t.Errorf("hints %s: HeldBack = %s, want %s", tc.h, got, tc.want)
		}
		items, news := r.Shown()
		if n := len(items); (tc.h == training.HintsAll) != (n == 4) || len(news) != 0 {
			t.Errorf("hints %s: Shown = %d items, %d new", tc.h, n, len(news))
		}
	}
}
