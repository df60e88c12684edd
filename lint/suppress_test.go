package lint

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

// TestIgnoreCoversEarliestInstance: an ignore on a line that every
// instance of a problem shares (plan.md's started line) covers the
// findings of its rule there that its line identifies, and, of those about
// an instance that opened on a day, only the earliest, and only when no
// earlier instance of the rule is reported anywhere in the case (a gap
// since closed): a later instance is one the reason could not have been
// written about, and is reported. An ignore that then covers nothing says
// so, naming the day the instance reported opened.
func TestIgnoreCoversEarliestInstance(t *testing.T) {
	jan, feb, apr := schema.NewDate(2026, 1, 12), schema.NewDate(2026, 2, 24), schema.NewDate(2026, 4, 21)
	const ignored = " # caselint:ignore gap Jamie in hospital 14 Jan to 23 Feb, seen daily by ward staff; agreed by Rob Jones"
	type report func(p *Pass, doc *schema.Document)
	closed := func(p *Pass, doc *schema.Document) { // reported elsewhere: the type line
		p.ReportGapf(Span{From: jan, Due: jan.AddDays(28), To: feb}, doc, doc.TypeLine(), "closed gap")
	}
	openSince := func(from schema.Date) report {
		return func(p *Pass, doc *schema.Document) {
			p.ReportOpenGapf(Span{From: from, Due: from.AddDays(28), To: p.AsOf}, doc, doc.At("started"), "open since %s", from.Long())
		}
	}
	plain := func(p *Pass, doc *schema.Document) { p.Reportf(doc, doc.At("started"), "plain") }
	section := func(name string) report {
		return func(p *Pass, doc *schema.Document) {
			p.ReportOccurrencef("section "+name, doc, doc.At("started"), "no %s section", name)
		}
	}
	tests := []struct {
		name       string
		reports    []report
		suppressed []string // messages of the findings suppressed
		reported   []string // messages of the gap findings reported
		unused     string   // unused-suppression's message says, "" for none
	}{
		{"the only gap, open", []report{openSince(jan)}, []string{"open since 12 January 2026"}, nil, ""},
		{"a later gap after one closed", []report{closed, openSince(feb)}, nil, []string{"closed gap", "open since 24 February 2026"}, "opened on 24 February 2026"},
		{"a later gap, a plain finding covered", []report{closed, openSince(feb), plain}, []string{"plain"}, []string{"closed gap", "open since 24 February 2026"}, ""},
		{"two open on the line: the earliest", []report{openSince(feb), openSince(apr)}, []string{"open since 24 February 2026"}, []string{"open since 21 April 2026"}, ""},
		{"instances with no day: all covered", []report{section("review"), section("contact")}, []string{"no contact section", "no review section"}, nil, ""},
		{"nothing on the line", []report{closed}, nil, []string{"closed gap"}, "suppresses nothing on line 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rule := &Rule{ID: "gap", Severity: Error, Run: func(p *Pass) error {
				for _, r := range tt.reports {
					r(p, p.Case.Plan.Doc)
				}
				return nil
			}}
			plan := strings.Replace(planMD(""), "started = 2026-01-12", "started = 2026-01-12"+ignored, 1)
			res := run(t, fstest.MapFS{"a/case.md": {Data: []byte(caseMD)}, "a/plan.md": {Data: []byte(plan)}}, rule)
			var suppressed, reported []string
			unused := ""
			for _, f := range res.Findings {
				switch {
				case f.RuleID == UnusedSuppressionID:
					unused = f.Message
				case f.RuleID != "gap":
				case f.Suppression != nil:
					suppressed = append(suppressed, f.Message)
				default:
					reported = append(reported, f.Message)
				}
			}
			if strings.Join(suppressed, "|") != strings.Join(tt.suppressed, "|") {
				t.Errorf("suppressed %q, want %q", suppressed, tt.suppressed)
			}
			if strings.Join(reported, "|") != strings.Join(tt.reported, "|") {
				t.Errorf("reported %q, want %q", reported, tt.reported)
			}
			if (unused == "") != (tt.unused == "") || !strings.Contains(unused, tt.unused) {
				t.Errorf("unused-suppression %q, want %q", unused, tt.unused)
			}
		})
	}
}
