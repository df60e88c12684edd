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
// chronology too (lint.Options.Chronologies), which res holds once the run
// and its pipeline are done: res is read when the page is written, at the
// end, never before.
func htmlPrinter(opts *Options, asOf schema.Date, profile *lint.Profile, res **lint.Result) report.NewPrinter {
	return report.Whole(func(w io.Writer, got *lint.Result, ro report.Options) error {
		got.Chronologies = (*res).Chronologies
		ho := htmlreport.Options{AsOf: asOf, ToolVersion: ro.ToolVersion, Redact: opts.Redact,
			NewFromRev: opts.NewFromRev, HelpURI: ro.HelpURI}
		if profile != nil {
			ho.Profile = profile.Name
		}
		return htmlreport.Write(w, got, ho)
	})
}
