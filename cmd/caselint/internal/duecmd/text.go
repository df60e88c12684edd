package duecmd

import (
	"fmt"
	"io"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/schema"
)

// printText writes the worktray for reading: a line per case (id, child,
// lead worker, folder), then a line per obligation: its due day and how far
// off it is, what is due, the rule and paragraphs, and the record the date
// is counted from (its path in the case folder); a case whose deadlines
// cannot be worked out (no plan, no conference deciding one) has a line
// saying why instead, and a record whose frontmatter could not be wholly
// read a line naming it (what it records may be missing); then a summary
// line.
//
//	SOT-2026-0042  Zofia, lead worker Emma Walsh  (testdata/samples/SOT-2026-0042)
//	  2026-11-18 Wed  OVERDUE by 2 days  the next core group meeting  [overdue-core-group: Stoke-on-Trent C06 §05]
//	                  from core-groups/2026-10-21.md: last core group met
func printText(w io.Writer, t *Worktray, _ bool) error {
	var b strings.Builder
	n, overdue, unknown, unread := 0, 0, 0, 0
	for _, c := range t.Cases {
		id := c.ID
		if id == "" {
			id = "(no id)"
		}
		lead := "no lead worker named"
		if c.LeadWorker != "" {
			lead = "lead worker " + c.LeadWorker
		}
		fmt.Fprintf(&b, "%s  %s, %s  (%s)\n", id, c.Child, lead, c.Dir)
		if c.NoPlan != "" {
			unknown++
			fmt.Fprintf(&b, "  deadlines not worked out: %s\n", c.NoPlan)
		}
		for _, p := range c.NotFullyRead {
			unread++
			fmt.Fprintf(&b, "  not fully read: %s (invalid-record): what it records may be missing from this list; correct it (caselint lint says how)\n", report.Printable(strings.TrimPrefix(p, c.Dir+"/")))
		}
		for _, o := range c.Obligations {
			n++
			if o.OverdueOn(t.AsOf) {
				overdue++
			}
			fmt.Fprintf(&b, "  %s %s  %s  %s  [%s: %s]\n", o.Due, o.Due.Weekday().String()[:3], when(t.AsOf, o.Due), o.What, o.Rule, lint.JoinCitations(o.Cites))
			fmt.Fprintf(&b, "                  from %s\n", inCase(c.Dir, o.From))
		}
	}
	ahead := ""
	if t.Within >= 0 {
		ahead = fmt.Sprintf(", within %s", days(t.Within))
	}
	notWorkedOut := ""
	if unknown > 0 {
		notWorkedOut = fmt.Sprintf(", %d %s whose deadlines could not be worked out", unknown, plural(unknown, "case", "cases"))
	}
	if unread > 0 {
		notWorkedOut += fmt.Sprintf(", %d %s not fully read", unread, plural(unread, "record", "records"))
	}
	fmt.Fprintf(&b, "%d due in %d %s, %d overdue%s (as of %s, profile %s%s)\n", n, len(t.Cases), plural(len(t.Cases), "case", "cases"), overdue, notWorkedOut, t.AsOf, t.Profile, ahead)
	_, err := io.WriteString(w, b.String())
	return err
}

// when says how far the due day d is from asOf: "OVERDUE by 2 days", "due
// today", "in 13 days".
func when(asOf, d schema.Date) string {
	n := asOf.DaysUntil(d)
	switch {
	case n < 0:
		return "OVERDUE by " + days(-n)
	case n == 0:
		return "due today"
	}
	return "in " + days(n)
}

func days(n int) string { return fmt.Sprintf("%d %s", n, plural(n, "day", "days")) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// inCase is s with its path relative to the case folder dir, as the
// records name one another: "visits/2026-11-05.md: last seen alone".
func inCase(dir string, s lint.DateSource) lint.DateSource {
	if dir != "" && dir != "." {
		s.Path = strings.TrimPrefix(s.Path, dir+"/")
	}
	return s
}
