package lint

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

// TestPlacerMatchesPosition: the placer's positions, counted on from the
// one before, are exactly those Source.Position counts from the line start,
// whatever the bytes (multi-byte and broken runes, a byte-order mark, every
// line ending) and the order of the offsets.
func TestPlacerMatchesPosition(t *testing.T) {
	pieces := []string{"a", "é", "🙂", "\xff", "\xf0\x9f", "\r\n", "\n", "\r", "\uFEFF", " ", "\t", "語"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		var b strings.Builder
		if round%3 == 0 {
			b.WriteString("\uFEFF")
		}
		for range rng.IntN(200) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		data := []byte(b.String())
		src := schema.NewSource("x.md", data)
		var pl placer
		offs := make([]int, 50)
		for i := range offs {
			offs[i] = rng.IntN(len(data)+3) - 1
		}
		if round%2 == 0 {
			for i := range offs {
				for j := i + 1; j < len(offs); j++ {
					if offs[j] < offs[i] {
						offs[i], offs[j] = offs[j], offs[i]
					}
				}
			}
		}
		for _, off := range offs {
			if got, want := pl.position(src, off), src.Position(off); got != want {
				t.Fatalf("%q at %d: got %+v, want %+v", data, off, got, want)
			}
		}
	}
}

// TestFindingFlood: a rule that reports the same thing thousands of times in
// one file is listed a hundred times, with one more finding saying how many
// more there are; an ignore covers the findings on its line whether or not
// they were stored, and is not reported as unused.
func TestFindingFlood(t *testing.T) {
	covered := strings.Repeat("disturbed ", 3000)
	open := strings.Repeat("upsetting ", 2000) // as long as "disturbed "
	visit := "+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"Aisha Patel\"\nchild_seen = true\n+++\n" +
		"<!-- caselint:ignore word Quoted from the referral, reviewed -->\n" + covered + "\n" + open + "\n"
	for _, coveredFirst := range []bool{false, true} {
		flood := &Rule{ID: "word", Severity: Warning, Run: func(p *Pass) error {
			for _, d := range p.Case.Documents {
				if d.Kind != schema.KindVisit {
					continue
				}
				text := string(d.Source.Data)
				lines := []string{open, covered}
				if coveredFirst {
					lines = []string{covered, open}
				}
				for _, l := range lines {
					start := strings.Index(text, l+"\n")
					for i := strings.Count(l, " ") - 1; i >= 0; i-- { // in no particular order
						p.Reportf(d, start+i*len("disturbed "), "a non-specific word")
					}
				}
			}
			return nil
		}}
		res := run(t, fstest.MapFS{
			"a/case.md":     {Data: []byte(caseMD)},
			"a/plan.md":     {Data: []byte(planMD(""))},
			"a/visits/v.md": {Data: []byte(visit)},
		}, flood)
		listed, suppressed := 0, 0
		summary := ""
		for _, f := range res.Findings {
			switch {
			case f.RuleID != "word":
				t.Errorf("unexpected finding %s: %s", f.RuleID, f.Message)
			case f.Suppression != nil:
				suppressed++
				if f.Pos.Line != 8 {
					t.Errorf("suppressed at %+v", f.Pos)
				}
			case strings.Contains(f.Message, "more findings of word in this file are not listed"):
				if summary != "" {
					t.Errorf("two summaries")
				}
				summary = fmt.Sprintf("%d:%d %s", f.Pos.Line, f.Pos.Col, f.Message)
			default:
				listed++
				if f.Pos.Line != 9 {
					t.Errorf("listed at %+v", f.Pos)
				}
			}
		}
		want := struct {
			listed, suppressed int
			summary            string
		}{100, 0, "9:"}
		if coveredFirst {
			want.listed, want.suppressed, want.summary = 0, 1000, "9:1 2000 more"
		}
		if listed != want.listed || suppressed != want.suppressed || !strings.HasPrefix(summary, want.summary) {
			t.Errorf("covered first %v: listed %d, suppressed %d, summary %q; want %+v", coveredFirst, listed, suppressed, summary, want)
		}
		if !coveredFirst && !strings.Contains(summary, " 1900 more") {
			t.Errorf("summary %q", summary)
		}
		seen := map[string]bool{}
		for _, f := range res.Findings {
			if seen[f.Fingerprint] {
				t.Fatalf("fingerprint %s twice", f.Fingerprint)
			}
			seen[f.Fingerprint] = true
		}
	}
}

// TestFloodOnALongLineIsLinear: ten thousand findings on a 2 MB line; the
// columns are counted in one pass over the line (this took minutes when
// each finding counted from the start of its line).
func TestFloodOnALongLineIsLinear(t *testing.T) {
	line := strings.Repeat("x", 2<<20)
	visit := "+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"Aisha Patel\"\nchild_seen = true\n+++\n" + line + "\n"
	flood := &Rule{ID: "word", Severity: Warning, Run: func(p *Pass) error {
		for _, d := range p.Case.Documents {
			if d.Kind == schema.KindVisit {
				for i := range 10000 {
					p.Reportf(d, d.BodyStart+i*200, "x")
				}
			}
		}
		return nil
	}}
	prof, _ := ShippedProfile(ProfileCombined)
	res, err := Run(context.Background(), Options{FS: fstest.MapFS{
		"a/case.md": {Data: []byte(caseMD)}, "a/plan.md": {Data: []byte(planMD(""))}, "a/v.md": {Data: []byte(visit)},
	}, Rules: append([]*Rule{flood}, hygiene...), Profile: prof, AsOf: schema.NewDate(2026, 11, 20)})
	if err != nil {
		t.Fatal(err)
	}
	last := res.Findings[len(res.Findings)-1]
	if len(res.Findings) != maxFindingsPerFile+1 || last.Pos.Col != 100*200+1 {
		t.Errorf("%d findings, the last at %+v: %s", len(res.Findings), last.Pos, last.Message)
	}
}
