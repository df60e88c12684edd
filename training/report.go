package training

import (
	"fmt"
	"io"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/ruledoc"
	"github.com/caselint/caselint/report"
)

// The trainee's records and file names reach these reports: they are shown
// report.Printable (pr), as lint's text format shows them, so that a name
// or a message can neither break a line nor act on the terminal.
var pr = report.Printable

// The reports as trainees and trainers read them.

// Heading is the exercise's one-line description: title, level, profile.
func (ex *Exercise) Heading() string {
	return fmt.Sprintf("%s (level %d, %s, as of %s)", ex.Title, ex.Level, ex.Profile, ex.AsOf.Long())
}

// WriteText writes the fix-mode marking.
func (r *FixReport) WriteText(w io.Writer) error {
	b := &strings.Builder{}
	ex := r.Exercise
	items, news := r.Shown() // held back: what the hint level hides (hints.go)
	fmt.Fprintf(b, "%s\n\nThe problems seeded in the case:\n\n", ex.Heading())
	width, sw := 0, 11
	for _, it := range items {
		width = max(width, len(it.At()))
		sw = max(sw, len(it.Status.String()))
	}
	for _, it := range items {
		fmt.Fprintf(b, "  %-*s  %-*s  %s\n", sw, it.Status, width, it.At(), ex.ruleLabel(it.Rule))
		pad := strings.Repeat(" ", sw+4)
		if it.Why != "" {
			writeWrapped(b, "not counted: "+pr(it.Why), pad, "")
		}
		if it.Now == nil {
			continue
		}
		moved := ""
		if it.Now.Path != it.Path || it.Now.Pos.Line != it.Line {
			moved = fmt.Sprintf("(now at %s:%d) ", pr(it.Now.Path), it.Now.Pos.Line)
		}
		switch it.Status {
		case StillThere:
			writeWrapped(b, moved+pr(it.Now.Message), pad, "")
		case Suppressed, SuppressedNotAccepted:
			writeWrapped(b, fmt.Sprintf("%ssuppressed with the reason %q: whoever reviews the record judges whether the reason is good", moved, it.Now.Suppression.Reason), pad, "")
		}
	}
	r.writeHeldBack(b)
	if len(news) > 0 {
		fmt.Fprintf(b, "\nYou introduced %s:\n\n", plural(len(news), "new problem", "new problems"))
		for _, f := range news {
			writeWrapped(b, fmt.Sprintf("%s:%d:%d: %s: %s [%s]", pr(f.Path), f.Pos.Line, f.Pos.Col, f.Severity, pr(f.Message), f.RuleID), "  ", "    ")
		}
	}
	r.writeEvidence(b)
	for _, n := range ShownNotes(r.Notes, r.Show) {
		fmt.Fprintf(b, "\nnote: %s\n", pr(n))
	}
	fixed, total := r.Fixed(), len(r.Items)
	score := fmt.Sprintf("Score: %d of %d seeded problems put right (%d%%)", fixed, total, percent(fixed, total))
	if n := r.count(Suppressed); n > 0 {
		score += fmt.Sprintf(", %d of them recorded with a reason", n)
	}
	if len(r.Evidence) > 0 {
		score += fmt.Sprintf("; %s to the evidence", plural(len(r.Evidence), "change", "changes"))
	}
	if len(r.New) > 0 {
		score += fmt.Sprintf("; %s introduced (not taken off the score, but put right before the record is shared)", plural(len(r.New), "new problem", "new problems"))
	}
	b.WriteString("\n")
	writeWrapped(b, score+".", "", "")
	if r.Done() {
		b.WriteString("Every seeded problem is put right and nothing new is wrong: well done.\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteText writes the answer key, each item explained, for trainers.
func (r *KeyReport) WriteText(w io.Writer) error {
	b := &strings.Builder{}
	ex := r.Exercise
	fmt.Fprintf(b, "Answer key: %s\n", ex.Heading())
	fmt.Fprintf(b, "Rules practised: %s\n", strings.Join(ex.Rules(), ", "))
	for i, it := range r.Items {
		fmt.Fprintf(b, "\n%d. %s  %s\n", i+1, it.At(), ex.ruleLabel(it.Rule))
		ex.explain(b, it, "   ")
		ex.writeAlternatives(b, it, "   ") // key.toml (accept.go)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(b, "\nnote: %s\n", pr(n))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ruleLabel is "Title [rule-id]".
func (ex *Exercise) ruleLabel(id string) string {
	if r := ex.Rule(id); r != nil {
		return fmt.Sprintf("%s [%s]", r.Title, id)
	}
	return "[" + id + "]"
}

// explain writes what caselint says of the item, and why the rule asks it:
// the first paragraph of the rule's help and what it enforces.
func (ex *Exercise) explain(b *strings.Builder, it Item, indent string) {
	if it.Message != "" {
		writeWrapped(b, "caselint says: "+pr(it.Message), indent, "  ")
	}
	r := ex.Rule(it.Rule)
	if r == nil {
		return
	}
	writeWrapped(b, "Why: "+ruledoc.Summary(r), indent, "  ")
	for _, c := range ruledoc.Citations(ex.ownCitations(r)) {
		writeWrapped(b, "Enforces "+c, indent, "  ")
	}
	fmt.Fprintf(b, "%s(caselint explain %s tells more)\n", indent, r.ID)
}

// ownCitations is r with only the citations of the exercise's procedure,
// as caselint's messages cite (lint.CitationsUnder, the one definition): a
// Stoke-on-Trent trainee is not sent to Oxfordshire's manual.
func (ex *Exercise) ownCitations(r *lint.Rule) *lint.Rule {
	rc := *r
	rc.Cites = lint.CitationsUnder(r.Cites, ex.base)
	return &rc
}

// Explanation returns the first paragraph of a rule's help, on one line.
func Explanation(r *lint.Rule) string { return ruledoc.Summary(r) }

// writeWrapped writes text wrapped at 78 columns, the first line at indent
// and the rest at indent+more.
func writeWrapped(b *strings.Builder, text, indent, more string) {
	const width = 78
	words := strings.Fields(text)
	line := indent
	start := true
	for _, w := range words {
		if !start && len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line = indent + more + w
			continue
		}
		if start {
			line += w
			start = false
		} else {
			line += " " + w
		}
	}
	if !start {
		b.WriteString(line + "\n")
	}
}

func percent(n, d int) int {
	if d == 0 {
		return 100
	}
	return (100*n + d/2) / d
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
