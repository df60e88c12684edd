package report

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// streamFindings is how many findings the streaming test and benchmark
// print: issue 18 asks for 100,000 in under 100 MB.
const (
	streamFindings = 100_000
	streamLimitMB  = 100
)

// heapBytes is the heap held by live and not yet swept objects now.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// printStream prints n findings through the printer of format, made one at
// a time as an engine streaming case by case would hand them over (50 to a
// file, three rules, one in ten suppressed, with an extent), to io.Discard,
// and returns the peak heap seen, sampled every 500 findings.
func printStream(tb testing.TB, format string, n int) uint64 {
	tb.Helper()
	newP, err := ByName(format)
	if err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	peak := heapBytes()
	opts := Options{Rules: testRules(), ToolVersion: "0.1.0",
		Invocation: Invocation{Arguments: []string{"caselint", "lint"}, Successful: true}}
	p := newP(io.Discard, opts)
	if err := p.Begin(); err != nil {
		tb.Fatal(err)
	}
	rules := testRules()
	for i := range n {
		r := rules[i%len(rules)]
		f := lint.Finding{
			RuleID:      r.ID,
			Severity:    r.Severity,
			Path:        fmt.Sprintf("cases/c%05d/visits/2026-01-%02d.md", i/50, 1+i%28),
			Pos:         schema.Position{Offset: 40 + i%50, Line: 3 + i%50, Col: 5, Col16: 5, ColByte: 5},
			End:         schema.Position{Offset: 52 + i%50, Line: 3 + i%50, Col: 17, Col16: 17, ColByte: 17},
			Message:     fmt.Sprintf("finding %d of the stream: a message of about the length caselint writes, naming what to do", i),
			Fingerprint: fmt.Sprintf("%024x", i),
		}
		if i%10 == 9 {
			f.Suppression = &lint.Suppression{Reason: "reviewed", Pos: f.Pos}
		}
		if err := p.Finding(&f); err != nil {
			tb.Fatal(err)
		}
		if i%500 == 0 {
			peak = max(peak, heapBytes())
		}
	}
	if err := p.End(&Tail{Files: n / 50 * 5, Cases: n / 50, ExitCode: 1}); err != nil {
		tb.Fatal(err)
	}
	return max(peak, heapBytes())
}

// TestStreamMemory: every format prints 100,000 findings in under 100 MB
// of heap, and the heap does not grow with the findings (a tenth as many
// peak within 8 MB of the same). A format that collected the findings
// would hold about 60 MB more for them; one that built the document whole,
// several hundred.
func TestStreamMemory(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("prints 100,000 findings in each format: not under -short or -race")
	}
	// The heap sampled holds garbage not yet collected as well as what the
	// printer keeps; a collection at every 10% of growth keeps the garbage
	// small, so that the samples measure what is kept, not when the
	// collector last ran.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	for _, format := range Formats {
		small := printStream(t, format, streamFindings/10)
		peak := printStream(t, format, streamFindings)
		t.Logf("%s: peak heap %.1f MB for %d findings, %.1f MB for %d", format,
			float64(peak)/(1<<20), streamFindings, float64(small)/(1<<20), streamFindings/10)
		if peak > streamLimitMB<<20 {
			t.Errorf("%s: peak heap %d MB for %d findings, want under %d MB", format, peak>>20, streamFindings, streamLimitMB)
		}
		if peak > small+8<<20 {
			t.Errorf("%s: peak heap grows with the findings: %.1f MB for %d, %.1f MB for %d",
				format, float64(peak)/(1<<20), streamFindings, float64(small)/(1<<20), streamFindings/10)
		}
	}
}

// BenchmarkStream100k prints 100,000 findings in each format and reports
// the peak heap (peak-MB) as well as the time.
//
//	go test ./report -run '^$' -bench Stream100k -benchtime 3x
func BenchmarkStream100k(b *testing.B) {
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			var peak uint64
			for b.Loop() {
				peak = max(peak, printStream(b, format, streamFindings))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}
