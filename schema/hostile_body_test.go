package schema

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// hostileSize is how big a hostile record may be: just under the default
// max_file_size (8 MiB).
const hostileSize = 8<<20 - 256

// promisedAlloc is what docs/robustness.md promises that parsing one record
// allocates at most, on top of a copy of the record itself.
const promisedAlloc = 100 << 20

// A hostileShape is a body of head, k units and tail: Markdown that makes
// goldmark (or caselint's reading of what it parsed) slow or greedy for
// memory, the more so the larger k.
type hostileShape struct {
	name             string
	head, unit, tail string
}

func (s hostileShape) body(k int) string {
	return s.head + strings.Repeat(s.unit, k) + s.tail
}

// maxK is the largest k whose record is no bigger than hostileSize.
func (s hostileShape) maxK() int {
	return (hostileSize - len(planFront) - len(s.head) - len(s.tail)) / len(s.unit)
}

// hostileShapes are the worst shapes known: nesting on every line (quotes
// and lists, by markers and by indentation), many list items, headings,
// tables, paragraphs dense with inline markup, reference definitions,
// HTML, and a few that are only big.
func hostileShapes() []hostileShape {
	long := strings.Repeat("x", 70)
	nested := func(depth int) string { // a list nested depth deep by indentation
		var b strings.Builder
		for i := range depth {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	table := func(cols int) string {
		return "|" + strings.Repeat(" a |", cols) + "\n|" + strings.Repeat("-|", cols) + "\n"
	}
	deep := MaxNesting / 2
	return []hostileShape{
		{name: "> - nested 100 deep on every line", unit: strings.Repeat("> - ", deep) + "x\n"},
		{name: "- > nested 100 deep on every line", unit: strings.Repeat("- > ", deep) + "x\n"},
		{name: "> - nested 100 deep, long lines", unit: strings.Repeat("> - ", deep) + long + "\n"},
		{name: "> nested 100 deep on every line", unit: strings.Repeat(">", MaxNesting) + " x\n"},
		{name: "> nested 100 deep, spaced", unit: strings.Repeat("> ", MaxNesting) + "x\n"},
		{name: "- nested 100 deep on every line", unit: strings.Repeat("- ", MaxNesting) + "x\n"},
		{name: "1. nested 100 deep on every line", unit: strings.Repeat("1. ", MaxNesting) + "x\n"},
		{name: "lists indented 100 deep, repeated", unit: nested(MaxNesting) + "\n"},
		{name: "list indented 100 deep, then lines inside", head: nested(MaxNesting), unit: strings.Repeat(" ", 2*MaxNesting) + "x\n"},
		{name: "> - 100 deep, then lazy lines", head: strings.Repeat("> - ", deep) + "x\n", unit: long + "\n"},
		{name: "> - 100 deep, then quoted lines", head: strings.Repeat("> - ", deep) + "x\n", unit: strings.Repeat(">", deep) + strings.Repeat("  ", deep) + "x\n"},
		{name: "list items", unit: "- " + long + "\n"},
		{name: "short list items", unit: "- x\n"},
		{name: "list items and blank lines", unit: "- " + long + "\n\n"},
		{name: "task items", unit: "- [ ] " + long + "\n"},
		{name: "task items and blank lines", unit: "- [ ] x\n\n"},
		{name: "ordered items", unit: "1. " + long + "\n"},
		{name: "lists 10 deep", unit: nested(10)},
		{name: "outcomes", head: "## Outcomes\n\n", unit: "- " + long + "\n"},
		{name: "actions table", head: "## Actions\n\n| Action | Owner | By |\n|---|---|---|\n", unit: "| " + long + " | A | 2026-01-01 |\n"},
		{name: "headings", unit: "## " + long + "\n"},
		{name: "section headings", unit: "## Actions\n"},
		{name: "level-3 headings", unit: "### Concerns\n"},
		{name: "bold lines", unit: "**Concerns**\n\n"},
		{name: "setext headings", unit: long + "\n===\n"},
		{name: "fences", unit: "```\n"},
		{name: "HTML blocks", unit: "<div>\n\n"},
		{name: "HTML comments", unit: "<!-- " + long + " -->\n\n"},
		{name: "reference definitions", unit: "[" + long + "]: /u\n\n"},
		{name: "brackets in one paragraph", unit: "[", tail: "\n"},
		{name: "link openers in one paragraph", unit: "[a](", tail: "\n"},
		{name: "emphasis in one paragraph", unit: "*_", tail: "\n"},
		{name: "mismatched emphasis in one paragraph", unit: "*a_ ", tail: "\n"},
		{name: "strikethrough in one paragraph", unit: "~", tail: "\n"},
		{name: "backticks in one paragraph", unit: "`a``", tail: "\n"},
		{name: "angle brackets in one paragraph", unit: "<a ", tail: "\n"},
		{name: "inline markup in short paragraphs", unit: "*a* _b_ ~c~ `d` [e](f) <g>\n\n"},
		{name: "links in short paragraphs", unit: "[a](b) and *c* and `d`\n\n"},
		{name: "entities", unit: "&amp;&#123;", tail: "\n"},
		{name: "backslash escapes", unit: "\\!", tail: "\n"},
		{name: "one line", unit: "x", tail: "\n"},
		{name: "hard breaks", unit: long + "  \n"},
		{name: "wide table", head: table(2000), unit: "|" + strings.Repeat(" x |", 2000) + "\n"},
		{name: "long table", head: table(2), unit: "| x | y |\n"},
		{name: "table of one-pipe rows", head: table(1000), unit: "|\n"},
	}
}

// accepted reports whether the body guard lets goldmark read the body.
func accepted(body string) bool {
	_, why := bodyGuard([]byte(body))
	return why == ""
}

// limitK returns the largest k (at most s.maxK()) for which the guard
// accepts s.body(k).
func (s hostileShape) limitK() int {
	hi := s.maxK()
	if accepted(s.body(hi)) {
		return hi
	}
	lo := hi / 2
	for lo > 0 && !accepted(s.body(lo)) {
		hi, lo = lo, lo/2
	}
	for hi-lo > 1 { // accepted(lo), !accepted(hi)
		m := lo + (hi-lo)/2
		if accepted(s.body(m)) {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

// allocated returns the bytes allocated by f.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestHostileBodies: each hostile shape, made as big as the guard lets
// goldmark read it (or as a record may be), is read allocating at most
// promisedAlloc; one unit more, it is refused with a problem at a line and
// column of the body, saying which limit and what to do. (Time is measured
// by BenchmarkHostileBodies, not here.)
func TestHostileBodies(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 8 MB records")
	}
	if raceEnabled {
		t.Skip("the race detector changes what is allocated and takes minutes over 8 MB records; the run without it checks the bound")
	}
	for _, s := range hostileShapes() {
		t.Run(s.name, func(t *testing.T) {
			k := s.limitK()
			in := []byte(planFront + s.body(k))
			var doc *Document
			a := allocated(func() { doc, _ = Parse("x.md", in) })
			if len(doc.Problems) != 0 {
				t.Fatalf("read at the limit: %s", doc.Problems[0].Message)
			}
			if a > uint64(len(in))+promisedAlloc {
				t.Errorf("%d units (%d bytes) allocated %d MB, over the %d MB promised", k, len(in), a>>20, promisedAlloc>>20)
			}
			if testing.Verbose() {
				_, _, w := bodyGuardWork([]byte(s.body(k)), maxBodyWork)
				t.Logf("%d units, %.1f MB: %.1f MB allocated, estimated %.1f MB", k, float64(len(in))/1e6, (float64(a)-float64(len(in)))/1e6, float64(w.total())/1e6)
			}
			if k == s.maxK() {
				return // as big as a record may be, and read
			}
			// One unit more, and as big as a record may be: refused, at a
			// line of the body, having allocated little.
			for _, k := range []int{k + 1, s.maxK()} {
				in := planFront + s.body(k)
				var got string
				a := allocated(func() { _, got = parseOne(t, in) })
				if strings.Count(got, "\n") != 1 || !strings.Contains(got, "did not read the body") {
					t.Fatalf("%d units: problems:\n%s\nwant one saying the body was not read", k, got)
				}
				var line, col int
				if _, err := fmt.Sscanf(got, "%d:%d ", &line, &col); err != nil || line < 6 || col != 1 {
					t.Errorf("refused at %d:%d, want a line of the body: %s", line, col, got)
				}
				if a > uint64(2*len(in))+16<<20 {
					t.Errorf("%d units (%d bytes): refusing allocated %d MB", k, len(in), a>>20)
				}
			}
		})
	}
}

// BenchmarkHostileBodies parses each hostile shape at the guard's limit:
// ns/op is the wall time, cpu-ns/op the CPU time of the process (the
// garbage collector runs on other cores), B/op what it allocates.
func BenchmarkHostileBodies(b *testing.B) {
	for _, s := range hostileShapes() {
		in := []byte(planFront + s.body(s.limitK()))
		b.Run(strings.ReplaceAll(s.name, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			cpu := cpuTime()
			for b.Loop() {
				Parse("x.md", in)
			}
			if c := cpuTime() - cpu; c > 0 {
				b.ReportMetric(float64(c)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}
