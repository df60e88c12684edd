package htmlreport_test

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/synth/synthtest"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/report/htmlreport"
)

// The benchmark pair docs/report.md reports: caselint lint of the
// benchmark corpus (internal/synth/synthtest; CASELINT_BENCH_CASES=3000
// for the 3,000 cases) printed as text, and the same records as
// the HTML report, chronologies and all. The issue asks the second to take
// under twice the first; it is reported, not asserted.

func benchCorpus(b *testing.B, html bool) {
	dir := synthtest.Dir(b)
	prof, err := lint.ShippedProfile(lint.ProfileCombined)
	if err != nil {
		b.Fatal(err)
	}
	asOf := synthtest.AsOf(b)
	opts := lint.Options{FS: os.DirFS(dir), Rules: checks.All(), Profile: prof, AsOf: asOf, Chronologies: html}
	var res *lint.Result
	measure := synthtest.Measure(b)
	for b.Loop() {
		if res, err = lint.Run(context.Background(), opts); err != nil {
			b.Fatal(err)
		}
		if html {
			err = htmlreport.Write(io.Discard, res, htmlreport.Options{AsOf: asOf, Profile: prof.Name})
		} else {
			err = report.Print(report.NewText, io.Discard, res, report.Options{}, 1)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	measure()
	b.ReportMetric(float64(res.Cases), "cases")
}

// BenchmarkCorpusLint is caselint lint of the corpus, as text.
func BenchmarkCorpusLint(b *testing.B) { benchCorpus(b, false) }

// BenchmarkCorpusHTML is caselint lint --format html of the corpus.
func BenchmarkCorpusHTML(b *testing.B) { benchCorpus(b, true) }
