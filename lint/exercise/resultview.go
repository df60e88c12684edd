package exercise

import (
	"fmt"
	"strings"

	"github.com/caselint/caselint/lint"
)

// What a Result shows its reader. The trainer (ResultOptions.Trainer) sees
// everything; the trainee sees what check's text shows them: the score,
// what they fixed or found, their own suppressions, answers and new
// problems, and of the rest only how many (ResultHeld). These four
// functions are the one place that decides it for every output (JSON, CSV,
// the session report).

// fixView is the fix-mode marking as the reader may see it: the seeded
// problems listed, the new problems listed, and what is held back.
func fixView(r *FixReport, o ResultOptions) (shown []FixItem, news []lint.Finding, held []ResultHeld) {
	if o.Trainer {
		return r.Items, r.New, nil
	}
	left := 0
	for _, it := range r.Items {
		if it.Status == Fixed || it.Status == Suppressed {
			shown = append(shown, it)
		} else {
			left++
		}
	}
	if left > 0 {
		held = []ResultHeld{{Count: left}}
	}
	return shown, r.New, held
}

// spotView is what the reader may see of the items missed, listed, and
// what is held back of them.
func spotView(r *SpotReport, o ResultOptions) (missed []Item, held []ResultHeld) {
	if o.Trainer {
		return r.Missed, nil
	}
	if len(r.Missed) > 0 {
		held = []ResultHeld{{Count: len(r.Missed)}}
	}
	return nil, held
}

// shownHint is the hint beside a wrongly flagged answer as the reader may
// see it: for the trainee, none that stands at the place of an item not
// found ("right place, wrong rule: the problem there is ..." names it).
func shownHint(r *SpotReport, w Wrong, o ResultOptions) string {
	if o.Trainer {
		return w.Hint
	}
	for _, it := range r.Missed {
		if it.Path == w.Path && it.Line == w.Line {
			return ""
		}
	}
	return w.Hint
}

// keyNote starts the notes that say the key has drifted from the rules:
// they name places in the key.
const keyNote = "the exercise's key does not match caselint: "

// shownNotes are the marking's notes as the reader may see them: for the
// trainee, the key's differences from caselint only counted.
func shownNotes(notes []string, o ResultOptions) []string {
	if o.Trainer {
		return notes
	}
	var out []string
	drift := 0
	for _, n := range notes {
		if strings.HasPrefix(n, keyNote) {
			drift++
			continue
		}
		out = append(out, n)
	}
	if drift > 0 {
		out = append(out, fmt.Sprintf("the exercise's key does not match what caselint finds (%s): the marks may be wrong; tell the trainer", plural(drift, "difference", "differences")))
	}
	return out
}
