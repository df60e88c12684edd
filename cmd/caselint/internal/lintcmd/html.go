package lintcmd

import (
	"io"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/report/htmlreport"
	"github.com/caselint/caselint/schema"
)

// htmlPrinter is the printer of --format html. The report package's
// printers see only the findings; the HTML report draws each case's
// chronology and what is due in it too (lint.Options.Chronologies and
// Obligations), which res holds once the run
// and its pipeline are done: res is read when the page is written, at the
// end, never before.
func htmlPrinter(opts *Options, asOf schema.Date, profile *lint.Profile, res **lint.Result) report.NewPrinter {
	return report.Whole(func(w io.Writer, got *lint.Result, ro report.Options) error {
		got.Chronologies = (*res).Chronologies
		ho := htmlreport.Options{AsOf: asOf, ToolVersion: ro.ToolVersion, Redact: opts.Redact,
			NewFromRev: opts.NewFromRev, HelpURI: ro.HelpURI, Deadlines: deadlines((*res).Obligations, asOf)}
		if profile != nil {
			ho.Profile = profile.Name
		}
		return htmlreport.Write(w, got, ho)
	})
}

// deadlines gives the dashboard each case's next deadline and its count of
// overdue obligations, from the obligations caselint due lists, matched to
// the case by folder (redacted alike under --redact).
func deadlines(cases []lint.CaseObligations, asOf schema.Date) func(int, *lint.Chronology) (htmlreport.Deadline, bool) {
	byDir := make(map[string]*lint.CaseObligations, len(cases))
	for i := range cases {
		byDir[cases[i].Dir] = &cases[i]
	}
	return func(_ int, ch *lint.Chronology) (htmlreport.Deadline, bool) {
		co, ok := byDir[ch.Dir]
		if !ok {
			return htmlreport.Deadline{}, false
		}
		d := htmlreport.Deadline{Overdue: co.Overdue(asOf)}
		if next, ok := co.NextDue(); ok {
			d.Next, d.What = next, co.Obligations[0].What
		}
		return d, true
	}
}
