package training

import (
	"fmt"
	"sort"
	"strings"

	"github.com/caselint/caselint/lint"
)

// Answers held back (issue 15). check tells a trainee the score and what
// they have fixed or found, and of the rest only what the exercise's hint
// level allows: the answers are not one command away. This is friction,
// not security: anyone can pass --trainer, or read the exercise's source.

// Hints is how much check tells a trainee of the seeded problems they have
// not fixed (fix mode) or not found (spot mode).
type Hints int

// The hint levels, least first. The zero value gives nothing away.
const (
	HintsNone   Hints = iota // the score and what is fixed or found; nothing of the rest
	HintsRecord              // ... and which record each of the rest is in
	HintsRule                // ... and which record and which rule
	// HintsAll is the trainer's view (--trainer): every problem's file,
	// line, rule and what caselint says of it. It is not a level an
	// exercise or --hints can set.
	HintsAll
)

// HintLevels are the levels an exercise's hints key and --hints take.
var HintLevels = []string{"none", "record", "rule"}

// ParseHints reads a hint level: none, record or rule.
func ParseHints(s string) (Hints, error) {
	for i, n := range HintLevels {
		if s == n {
			return Hints(i), nil
		}
	}
	return HintsNone, fmt.Errorf("hints %q: the levels are none (nothing of what is left), record (which record) and rule (which record and which rule)", s)
}

func (h Hints) String() string {
	if h >= 0 && int(h) < len(HintLevels) {
		return HintLevels[h]
	}
	if h == HintsAll {
		return "all (trainer)"
	}
	return "?"
}

// DefaultHints is the exercise's hint level: its exercise.toml's hints,
// else none.
func (ex *Exercise) DefaultHints() Hints {
	h, err := ParseHints(ex.HintLevel)
	if err != nil { // "" or, as load refuses, a bad level: give nothing away
		return HintsNone
	}
	return h
}

// checkHintLevel is load's check of exercise.toml's hints.
func checkHintLevel(s string) error {
	if s == "" {
		return nil
	}
	_, err := ParseHints(s)
	return err
}

// keyDriftNote begins the note that an exercise's key does not match what
// caselint finds: the note names the key's places, so a trainee sees only
// that there is a difference.
const keyDriftNote = "the exercise's key does not match caselint: "

// ShownNotes are the report's notes as the level lets the trainee see them:
// the key's differences from caselint only counted, below HintsAll.
func ShownNotes(notes []string, h Hints) []string {
	if h >= HintsAll {
		return notes
	}
	var out []string
	drift := 0
	for _, n := range notes {
		if strings.HasPrefix(n, keyDriftNote) {
			drift++
			continue
		}
		out = append(out, n)
	}
	if drift > 0 {
		out = append(out, fmt.Sprintf("the exercise's key does not match what caselint finds (%s): the marks may be wrong; tell the trainer, who can see them with caselint exercise reveal --trainer",
			plural(drift, "difference", "differences")))
	}
	return out
}

// shownItem reports whether a seeded problem is shown to the trainee in
// full: one they fixed, or suppressed with a comment of their own, or
// whose evidence they changed. Any other (still there, or a status this
// file does not know) is held back.
func (r *FixReport) shownItem(it FixItem) bool {
	// A problem whose evidence the trainee changed, or suppressed with a
	// reason not accepted, is one they acted on: shown, so that they learn
	// why it does not count.
	return r.Show >= HintsAll || it.Status == Fixed || it.Status == Suppressed ||
		it.Status == ChangedEvidence || it.Status == SuppressedNotAccepted
}

// Shown is the fix-mode marking as the trainee may see it in full: the
// seeded problems fixed or suppressed, and the new problems. A new problem
// with the rule and the message of a seeded one (a record copied under
// another name) would give that one away: it is held back (HeldBack).
// Every output of the marking (text, JSON, CSV) shows these, and of the
// rest only HeldBack.
func (r *FixReport) Shown() (items []FixItem, news []lint.Finding) {
	for _, it := range r.Items {
		if r.shownItem(it) {
			items = append(items, it)
		}
	}
	for _, f := range r.New {
		if !r.newHeldBack(f) {
			news = append(news, f)
		}
	}
	return items, news
}

// newHeldBack reports whether a new problem repeats a seeded one: the same
// rule, the same message.
func (r *FixReport) newHeldBack(f lint.Finding) bool {
	if r.Show >= HintsAll {
		return false
	}
	for _, it := range r.Items {
		if it.Rule == f.RuleID && it.Message != "" && it.Message == f.Message {
			return true
		}
	}
	return false
}

// Held is what a trainee is told of problems held back: how many, and, as
// the level allows, their record (Path, from HintsRecord) and their rule
// (Rule, at HintsRule); never a line or a message.
type Held struct {
	Path  string `json:"record,omitempty"`
	Rule  string `json:"rule,omitempty"`
	Count int    `json:"count"`
	// Repeat: new problems repeating a seeded one (a record copied).
	Repeat bool `json:"repeat,omitempty"`
}

// HeldBack is what the fix-mode marking holds back, as the level tells
// it: the seeded problems still there, then the new problems that repeat
// a seeded one, each grouped by what the level shows. Empty for the
// trainer's view.
func (r *FixReport) HeldBack() []Held {
	var left, repeats []Held
	for _, it := range r.Items {
		if !r.shownItem(it) {
			left = append(left, Held{Path: it.Path, Rule: it.Rule})
		}
	}
	for _, f := range r.New {
		if r.newHeldBack(f) {
			repeats = append(repeats, Held{Path: f.Path, Rule: f.RuleID, Repeat: true})
		}
	}
	return append(group(left, r.Show), group(repeats, r.Show)...)
}

// HeldBack is what the spot-mode marking holds back of what was missed,
// as the level tells it. Empty for the trainer's view.
func (r *SpotReport) HeldBack() []Held {
	if r.Show >= HintsAll {
		return nil
	}
	var left []Held
	for _, it := range r.Missed {
		left = append(left, Held{Path: it.Path, Rule: it.Rule})
	}
	return group(left, r.Show)
}

// group reduces problems to what level h tells of them, and counts them:
// one Held for all at HintsNone, one a record at HintsRecord, one a
// record and rule at HintsRule.
func group(ps []Held, h Hints) []Held {
	count := map[Held]int{}
	var order []Held
	for _, p := range ps {
		if h < HintsRule {
			p.Rule = ""
		}
		if h < HintsRecord {
			p.Path = ""
		}
		if count[p] == 0 {
			order = append(order, p)
		}
		count[p]++
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].Path != order[j].Path {
			return order[i].Path < order[j].Path
		}
		return order[i].Rule < order[j].Rule
	})
	for i := range order {
		order[i].Count = count[order[i]]
	}
	return order
}

// writeHeldBack writes what is held back of the fix-mode marking: how many
// seeded problems are still to fix and, as far as the level allows, where.
func (r *FixReport) writeHeldBack(b *strings.Builder) {
	var left, repeats []Held
	n, nr := 0, 0
	for _, hb := range r.HeldBack() {
		if hb.Repeat {
			repeats, nr = append(repeats, hb), nr+hb.Count
		} else {
			left, n = append(left, hb), n+hb.Count
		}
	}
	if n > 0 {
		if n < len(r.Items) { // after the fixed ones
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "  %s still to fix", plural(n, "seeded problem", "seeded problems"))
		r.Exercise.writeHeld(b, left, r.Show)
	}
	if nr > 0 {
		fmt.Fprintf(b, "\n  %s you brought in %s a seeded one (a record copied or renamed?)", plural(nr, "problem", "problems"),
			map[bool]string{true: "repeats", false: "repeat"}[nr == 1])
		r.Exercise.writeHeld(b, repeats, r.Show)
	}
}

// writeMissedHeld writes the spot-mode "Missed" list as the level allows.
func (r *SpotReport) writeMissedHeld(b *strings.Builder) {
	if len(r.Missed) == 0 {
		return
	}
	fmt.Fprintf(b, "  %s not found", plural(len(r.Missed), "seeded problem", "seeded problems"))
	r.Exercise.writeHeld(b, r.HeldBack(), r.Show)
}

// writeHeld ends the line begun with a count: ": held back ..." for none,
// or a list by record (with the rule at HintsRule), each with its count.
func (ex *Exercise) writeHeld(b *strings.Builder, hs []Held, h Hints) {
	if h <= HintsNone {
		b.WriteString(": where and what they are is held back (hints: none).\n")
		return
	}
	what := "which record"
	if h >= HintsRule {
		what = "which record and which rule"
	}
	fmt.Fprintf(b, " (hints: %s):\n", what)
	for _, p := range hs {
		line := "    " + pr(p.Path)
		if p.Rule != "" {
			line += ": " + ex.ruleLabel(p.Rule)
		}
		if p.Count > 1 {
			line += fmt.Sprintf(" (%d)", p.Count)
		}
		b.WriteString(line + "\n")
	}
}

// ShownHint is the hint shown beside an answer not supported: below
// HintsAll, only those that say nothing of the key (no such rule, no such
// file, off under the procedure, already counted); "right place, wrong
// rule: the problem there is ..." would name a place and a rule of it.
func (r *SpotReport) ShownHint(wr Wrong) string {
	if r.Show >= HintsAll {
		return wr.Hint
	}
	for _, safe := range []string{"caselint has no rule ", "the exercise has no file ", "already counted", "caselint cannot tell which problem"} {
		if strings.HasPrefix(wr.Hint, safe) {
			return wr.Hint
		}
	}
	if strings.HasPrefix(wr.Hint, wr.Rule+" is off under ") {
		return wr.Hint
	}
	return ""
}
