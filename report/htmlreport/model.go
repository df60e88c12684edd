// Package htmlreport writes a lint.Result as one self-contained HTML page
// (caselint lint --format html): a team dashboard with a row per case, and
// per case a timeline drawn in SVG from its chronology (lint.Chronology)
// with the gaps its findings report shaded at their dates, a table saying
// the same, and the findings with the record and line of each.
//
// The page makes no request: its CSS, SVG and few lines of script are
// inline, and its Content-Security-Policy forbids anything else. Meaning is
// never carried by colour alone (shapes, patterns and words), and it prints
// on A4. It holds what the result holds: under --redact, roles for names
// and redacted-N for folder names, as every other format.
package htmlreport

import (
	"fmt"
	"path"
	"sort"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/schema"
)

// Format is the --format name of the HTML report.
const Format = "html"

// Options are what the page needs besides the result.
type Options struct {
	AsOf        schema.Date
	Profile     string // the profile's name
	ToolVersion string
	Redact      bool
	// NewFromRev is the revision of --new-from-rev: the findings are those
	// the change introduced, and the page says so and marks each as new.
	NewFromRev string
	// HelpURI returns the address of a rule's documentation; nil means
	// report.DefaultHelpURI. A link is only followed when clicked.
	HelpURI func(ruleID string) string
	// Deadlines, when set, gives a case's next deadline and how many of
	// its obligations are overdue (caselint due's obligation model), for
	// the dashboard; i is the case's place in res.Chronologies. Nil, or
	// false, shows "—".
	Deadlines func(i int, ch *lint.Chronology) (Deadline, bool)
}

// Deadline is what the dashboard shows of a case's obligations.
type Deadline struct {
	Next    schema.Date // the soonest obligation not yet met; zero: none
	What    string      // what is due then, in caselint's words ("child seen alone")
	Overdue int         // obligations past their date
}

// page is what the template renders.
type page struct {
	Title       string
	AsOf        string
	Profile     string
	ToolVersion string
	Redact      bool
	NewFromRev  string
	Totals      report.Tally
	Cases       []caseView
	Loose       []findingView // findings in no case
	Notices     []string
	ScriptHash  string
}

// caseView is one case: its dashboard row, its timeline, its findings.
type caseView struct {
	Anchor     string // the section's id
	Name       string // the case id, or the folder
	Dir        string
	Child      string
	LeadWorker string
	PlanStart  string
	PlanStartN string // for sorting: YYYY-MM-DD, "" when none
	OnPlan     string // time on plan, in words
	OnPlanDays int
	Deadline   *Deadline
	NextN      string
	Tally      report.Tally
	Timeline   timeline
	Events     []eventRow
	Findings   []findingView
}

type eventRow struct {
	Date, What, Where string
}

type findingView struct {
	Rule, RuleURL, Severity, Where, Message string
	Suppressed                              string // the reason, when suppressed
	Origin                                  string // the commit that last changed the line
	Gap                                     string // "gap 2" when drawn on the timeline
	New                                     bool
}

// build makes the page of res.
func build(res *lint.Result, opts Options) *page {
	p := &page{AsOf: opts.AsOf.String(), Profile: opts.Profile, ToolVersion: opts.ToolVersion,
		Redact: opts.Redact, NewFromRev: opts.NewFromRev, ScriptHash: scriptHash}
	p.Title = "caselint: cases at a glance"
	if opts.AsOf.IsZero() {
		p.AsOf = ""
	}
	helpURI := opts.HelpURI
	if helpURI == nil {
		helpURI = func(id string) string { return report.DefaultHelpURI(opts.ToolVersion, id) }
	}
	// The findings of each case: those under its folder.
	caseAt := make(map[string]int, len(res.Chronologies))
	for i := range res.Chronologies {
		caseAt[res.Chronologies[i].Dir] = i
	}
	byCase := make([][]*lint.Finding, len(res.Chronologies))
	var loose []*lint.Finding
	for i := range res.Findings {
		f := &res.Findings[i]
		p.Totals.Add(f)
		if j, ok := caseOfPath(caseAt, f.Path); ok {
			byCase[j] = append(byCase[j], f)
		} else {
			loose = append(loose, f)
		}
	}
	for i := range res.Chronologies {
		ch := &res.Chronologies[i]
		cv := caseView{Anchor: fmt.Sprintf("case-%d", i+1), Name: ch.CaseID, Dir: report.Printable(ch.Dir),
			Child: report.Printable(ch.Child), LeadWorker: report.Printable(ch.LeadWorker)}
		if cv.Name == "" {
			cv.Name = cv.Dir
		}
		cv.Name = report.Printable(cv.Name)
		if !ch.PlanStart.IsZero() {
			cv.PlanStart, cv.PlanStartN = ch.PlanStart.Long(), ch.PlanStart.String()
			end := ch.AsOf
			if !ch.PlanEnd.IsZero() && ch.PlanEnd.Before(end) {
				end = ch.PlanEnd
			}
			cv.OnPlanDays = max(0, ch.PlanStart.DaysUntil(end))
			cv.OnPlan = onPlanWords(cv.OnPlanDays, !ch.PlanEnd.IsZero() && !ch.PlanEnd.After(ch.AsOf))
		}
		if opts.Deadlines != nil {
			if d, ok := opts.Deadlines(i, ch); ok {
				cv.Deadline = &d
				cv.NextN = d.Next.String()
			}
		}
		gaps := 0
		for _, f := range byCase[i] {
			cv.Tally.Add(f)
			fv := viewFinding(f, opts, helpURI)
			if f.Span != nil && f.Suppression == nil {
				gaps++
				fv.Gap = fmt.Sprintf("gap %d", gaps)
			}
			cv.Findings = append(cv.Findings, fv)
		}
		cv.Timeline = drawTimeline(i, ch, byCase[i], opts.NewFromRev != "")
		cv.Events = eventRows(ch)
		p.Cases = append(p.Cases, cv)
	}
	for _, f := range loose {
		p.Loose = append(p.Loose, viewFinding(f, opts, helpURI))
	}
	for _, n := range res.Notifications {
		where := n.Path
		if where == "" {
			where = "caselint"
		}
		p.Notices = append(p.Notices, report.Printable(where+": "+n.Message))
	}
	return p
}

// caseOfPath returns the case whose folder holds the file at p.
func caseOfPath(caseAt map[string]int, p string) (int, bool) {
	for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
		if i, ok := caseAt[d]; ok {
			return i, true
		}
	}
	return 0, false
}

func viewFinding(f *lint.Finding, opts Options, helpURI func(string) string) findingView {
	fv := findingView{Rule: f.RuleID, RuleURL: helpURI(f.RuleID), Severity: f.Severity.String(),
		Where:   report.Printable(fmt.Sprintf("%s:%d", f.Path, f.Pos.Line)),
		Message: report.Printable(f.Message), New: opts.NewFromRev != ""}
	if f.Suppression != nil {
		fv.Suppressed = report.Printable(f.Suppression.Reason)
	}
	if v := f.Origin; v != nil {
		short := v.Commit[:min(len(v.Commit), 12)]
		fv.Origin = report.Printable(fmt.Sprintf("line last changed in commit %s on %s by %s", short, v.When.UTC().Format("2 January 2006"), v.Author))
	}
	return fv
}

// onPlanWords says how long a plan has run: "12 weeks", "1 year 3 weeks".
func onPlanWords(days int, ended bool) string {
	weeks := days / 7
	s := ""
	switch {
	case days < 14:
		s = plural(days, "day")
	case weeks < 52:
		s = plural(weeks, "week")
	default:
		s = plural(weeks/52, "year")
		if w := weeks % 52; w > 0 {
			s += " " + plural(w, "week")
		}
	}
	if ended {
		s += " (ended)"
	}
	return s
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// eventRows is the chronology as a table: the timeline's text equivalent.
func eventRows(ch *lint.Chronology) []eventRow {
	var rows []eventRow
	if !ch.PlanStart.IsZero() {
		rows = append(rows, eventRow{Date: ch.PlanStart.String(), What: "plan started"})
	}
	for _, e := range ch.Events {
		rows = append(rows, eventRow{Date: e.Date.String(), What: eventWords(&e),
			Where: report.Printable(fmt.Sprintf("%s:%d", e.Path, e.Line))})
	}
	for _, pr := range ch.Periods {
		rows = append(rows, eventRow{Date: pr.From.String(), What: "reduced visiting from " + pr.From.Long() + " to " + pr.To.Long(),
			Where: report.Printable(fmt.Sprintf("%s:%d", pr.Path, pr.Line))})
	}
	if !ch.PlanEnd.IsZero() {
		rows = append(rows, eventRow{Date: ch.PlanEnd.String(), What: "plan ended"})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Date < rows[j].Date })
	return rows
}

// eventWords says what an event was, in caselint's words.
func eventWords(e *lint.Event) string {
	switch e.Kind {
	case lint.EventConference:
		if e.Detail == "conference" {
			return "conference"
		}
		return e.Detail + " conference"
	case lint.EventCoreGroup:
		return "core group meeting"
	case lint.EventLegalStatus:
		return "legal status: " + e.Detail
	case lint.EventVisit:
		s := "visit: " + seeingWords(e.Seeing)
		if e.BedroomSeen {
			s += "; bedroom seen"
		}
		return s
	}
	return string(e.Kind)
}

func seeingWords(s lint.Seeing) string {
	switch s {
	case lint.SeeingAlone:
		return "child seen alone"
	case lint.SeeingAwake:
		return "baby seen awake"
	case lint.SeeingSeen:
		return "child seen, not alone"
	case lint.SeeingNot:
		return "child not seen"
	case lint.SeeingRefused:
		return "access refused"
	}
	return string(s)
}
