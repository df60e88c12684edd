package report_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/synth/synthtest"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
)

// The report benchmarks print the result of linting the benchmark corpus
// (internal/synth/synthtest), linted once.

var (
	benchOnce sync.Once
	benchRes  *lint.Result
	benchErr  error
)

func corpusResult(b *testing.B) *lint.Result {
	b.Helper()
	dir := synthtest.Dir(b)
	asOf := synthtest.AsOf(b)
	benchOnce.Do(func() {
		prof, err := (*lint.Config)(nil).ResolveProfile(lint.ProfileCombined)
		if err != nil {
			benchErr = err
			return
		}
		benchRes, benchErr = lint.Run(context.Background(), lint.Options{FS: os.DirFS(dir), Rules: checks.All(), Profile: prof, AsOf: asOf})
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchRes
}

// countingWriter counts what is written and drops it.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

func benchPrinter(b *testing.B, p report.NewPrinter, res *lint.Result) {
	opts := report.Options{Rules: checks.All(), ToolVersion: "0.1.0",
		Invocation: report.Invocation{Arguments: []string{"caselint", "lint", "--format", "sarif"}, Successful: true}}
	var w countingWriter
	for b.Loop() {
		w.n = 0
		if err := report.Print(p, &w, res, opts, 1); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(w.n)
	b.ReportMetric(float64(len(res.Findings)), "findings")
}

// BenchmarkSARIF writes the corpus's findings as SARIF.
func BenchmarkSARIF(b *testing.B) { benchPrinter(b, report.NewSARIF, corpusResult(b)) }

// BenchmarkSARIFLarge writes 100 copies of the corpus's findings (about
// 100,000 for 3,000 cases): the writer's cost grows with the findings.
func BenchmarkSARIFLarge(b *testing.B) {
	res := *corpusResult(b)
	var many []lint.Finding
	for range 100 {
		many = append(many, res.Findings...)
	}
	res.Findings = many
	benchPrinter(b, report.NewSARIF, &res)
}

// BenchmarkText and BenchmarkJSON write the corpus's findings in the other
// formats, for comparison.
func BenchmarkText(b *testing.B) { benchPrinter(b, report.NewText, corpusResult(b)) }
func BenchmarkJSON(b *testing.B) { benchPrinter(b, report.NewJSON, corpusResult(b)) }
