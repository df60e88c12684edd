package schema

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSectionOfASCII checks CanonicalSection's shortcut against the index
// looked up by normHeading, on every accepted heading written in upper,
// lower and mixed case, with marks, colons and spaces around, and on
// random headings made of their words.
func TestSectionOfASCII(t *testing.T) {
	var headings []string
	var words []string
	for _, defs := range sectionDefs {
		for _, d := range defs {
			for _, h := range d.Headings {
				headings = append(headings, h, strings.ToUpper(h), strings.ToLower(h), "**"+h+":**", " "+h+" : ", "_"+h+"_", h+"s")
				words = append(words, strings.Fields(h)...)
			}
		}
	}
	r := rand.New(rand.NewPCG(18, 4))
	extra := []string{" ", "  ", "\t", ":", "*", "_", "é", "É", "(x)", "\u00a0", "AND"}
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(4) {
			if r.IntN(3) == 0 {
				b.WriteString(extra[r.IntN(len(extra))])
			} else {
				b.WriteString(words[r.IntN(len(words))])
			}
			if r.IntN(2) == 0 {
				b.WriteString(" ")
			}
		}
		headings = append(headings, b.String())
	}
	hits := 0
	for _, k := range []Kind{KindPlan, KindVisit, KindCoreGroup} {
		for _, h := range headings {
			want := sectionIndex()[k][normHeading(h)]
			got, ok := sectionOfASCII(k, h)
			if ok && got != want || !ok && got != "" {
				t.Fatalf("sectionOfASCII(%s, %q) = %q, %v; the index says %q", k, h, got, ok, want)
			}
			if ok {
				hits++
			}
		}
	}
	if hits < 100 {
		t.Errorf("only %d headings found by the shortcut", hits)
	}
}
