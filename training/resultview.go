package training

import (
	"github.com/caselint/caselint/lint"
)

// What a Result shows its reader. The trainer (ResultOptions.Trainer) sees
// everything; the trainee sees what check's text shows them: the score,
// what they fixed or found, their own suppressions, answers and new
// problems, and of the rest only how many (ResultHeld). These four
// functions are the one place that decides it for every output (JSON, CSV,
// the session report).

// fixView is the fix-mode marking as the reader may see it: the seeded
// problems listed, the new problems listed, and what is held back, as the
// hint level allows (hints.go: the same view as check's text).
func fixView(r *FixReport, o ResultOptions) (shown []FixItem, news []lint.Finding, held []ResultHeld) {
	if o.Trainer {
		return r.Items, r.New, nil
	}
	shown, news = r.Shown()
	for _, h := range r.HeldBack() {
		held = append(held, ResultHeld(h))
	}
	return shown, news, held
}

// spotView is what the reader may see of the items missed, listed, and
// what is held back of them.
func spotView(r *SpotReport, o ResultOptions) (missed []Item, held []ResultHeld) {
	if o.Trainer {
		return r.Missed, nil
	}
	for _, h := range r.HeldBack() {
		held = append(held, ResultHeld(h))
	}
	return nil, held
}

// shownHint is the hint beside an answer not supported as the reader may
// see it (SpotReport.ShownHint for the trainee).
func shownHint(r *SpotReport, w Wrong, o ResultOptions) string {
	if o.Trainer {
		return w.Hint
	}
	return r.ShownHint(w)
}

// shownNotes are the marking's notes as the reader may see them: for the
// trainee, the key's differences from caselint only counted (ShownNotes).
func shownNotes(notes []string, show Hints, o ResultOptions) []string {
	if o.Trainer {
		return notes
	}
	return ShownNotes(notes, show)
}
