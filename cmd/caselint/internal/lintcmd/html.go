package lintcmd

import (
	"io"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/report/htmlreport"
	"github.com/caselint/caselint/schema"
)

// htmlPrinter is the printer of --format html: the report package's
// printers see only the findings, and the HTML report draws each case's
// chronology too (lint.Options.Chronologies), at the run's as-of date.
func htmlPrinter(opts *Options, asOf schema.Date, profile *lint.Profile) report.Printer {
	return func(w io.Writer, res *lint.Result, ro report.Options) error {
		ho := htmlreport.Options{AsOf: asOf, ToolVersion: ro.ToolVersion, Redact: opts.Redact,
			NewFromRev: opts.NewFromRev, HelpURI: ro.HelpURI}
		if profile != nil {
			ho.Profile = profile.Name
		}
		return htmlreport.Write(w, res, ho)
	}
}
