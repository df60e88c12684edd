package duecmd

import (
	"encoding/json"
	"io"

	"github.com/caselint/caselint/lint"
)

// The JSON shape of caselint due (docs/due.md). Paths are slash paths
// relative to the repository root (or the working folder); dates are
// YYYY-MM-DD.
type jsonWorktray struct {
	AsOf    string `json:"as_of"`
	Profile string `json:"profile"`
	// WithinDays is --within in days; null: every obligation.
	WithinDays *int `json:"within_days"`
	Total      int  `json:"total"`
	Overdue    int  `json:"overdue"`
	// NotWorkedOut counts the cases whose deadlines could not be worked
	// out (each with its no_plan reason).
	NotWorkedOut int `json:"not_worked_out"`
	// NotFullyRead counts the records, of all the cases, whose frontmatter
	// could not be wholly read (each case's not_fully_read).
	NotFullyRead int        `json:"not_fully_read"`
	Cases        []jsonCase `json:"cases"`
}

type jsonCase struct {
	Dir        string `json:"dir"`
	ID         string `json:"id"`
	Child      string `json:"child"`
	LeadWorker string `json:"lead_worker"`
	Overdue    int    `json:"overdue"`
	NextDue    string `json:"next_due"`
	// NoPlan says why the case's deadlines could not be worked out (no
	// readable plan.md and no conference deciding a plan); absent when
	// they could.
	NoPlan string `json:"no_plan,omitempty"`
	// NotFullyRead are the records of the case whose frontmatter could not
	// be wholly read (invalid-record): what they record may be missing
	// from obligations. Absent when there are none.
	NotFullyRead []string         `json:"not_fully_read,omitempty"`
	Obligations  []jsonObligation `json:"obligations"`
}

type jsonObligation struct {
	Rule string `json:"rule"`
	Key  string `json:"key"`
	What string `json:"what"`
	Due  string `json:"due"`
	// DaysLeft is from the as-of date to the due day: negative when
	// overdue, 0 on the due day.
	DaysLeft int      `json:"days_left"`
	Overdue  bool     `json:"overdue"`
	From     jsonFrom `json:"from"`
	// Path and Line are where lint reports the obligation once overdue;
	// empty and 0 for one reported on a record still to be made (the
	// bedroom: on the next conference's).
	Path  string   `json:"path"`
	Line  int      `json:"line"`
	Cites []string `json:"cites"`
}

type jsonFrom struct {
	Path string `json:"path"`
	What string `json:"what"`
}

func printJSON(w io.Writer, t *Worktray, _ bool) error {
	out := jsonWorktray{AsOf: t.AsOf.String(), Profile: t.Profile, Cases: []jsonCase{}}
	if t.Within >= 0 {
		within := t.Within
		out.WithinDays = &within
	}
	for _, c := range t.Cases {
		jc := jsonCase{Dir: c.Dir, ID: c.ID, Child: c.Child, LeadWorker: c.LeadWorker, Overdue: c.Overdue(t.AsOf), NoPlan: c.NoPlan, Obligations: []jsonObligation{}}
		if c.NoPlan != "" {
			out.NotWorkedOut++
		}
		jc.NotFullyRead = c.NotFullyRead
		out.NotFullyRead += len(c.NotFullyRead)
		if d, ok := c.NextDue(); ok {
			jc.NextDue = d.String()
		}
		for _, o := range c.Obligations {
			jo := jsonObligation{Rule: o.Rule, Key: o.Key, What: o.What, Due: o.Due.String(), DaysLeft: t.AsOf.DaysUntil(o.Due),
				Overdue: o.OverdueOn(t.AsOf), From: jsonFrom{Path: o.From.Path, What: o.From.What}, Path: o.Path, Line: o.Line, Cites: citeStrings(o.Cites)}
			jc.Obligations = append(jc.Obligations, jo)
		}
		out.Total += len(c.Obligations)
		out.Overdue += jc.Overdue
		out.Cases = append(out.Cases, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func citeStrings(cs []lint.Citation) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.String()
	}
	return out
}
