package lint

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestFindingExtent: a finding at a key ends where the key ends, one at a
// value where the value ends, one at the start of a line at its end, one
// a rule gives an end at that end; one in the middle of prose without a
// given end has none.
func TestFindingExtent(t *testing.T) {
	plan := planMD("") + "| A1 | Find a tenancy worker | Aisha Patel |\nSome words here.\n"
	var rowOff, wordsOff int
	rule := &Rule{ID: "extents", Title: "test", Severity: Warning, Run: func(p *Pass) error {
		d := p.Case.Plan.Doc
		data := string(d.Source.Data)
		rowOff = indexOf(t, data, "| A1")
		wordsOff = indexOf(t, data, "words")
		p.Reportf(d, d.At("lead_worker"), "key")
		p.Reportf(d, d.AtValue("started"), "value")
		p.Reportf(d, rowOff, "row")
		p.ReportExtentf(d, wordsOff, wordsOff+len("words"), "words")
		p.Reportf(d, wordsOff+1, "inside")
		return nil
	}}
	res := run(t, fstest.MapFS{"c/case.md": {Data: []byte(caseMD)}, "c/plan.md": {Data: []byte(plan)}}, rule)
	want := map[string][2]int{ // message: start column, end column (0: none)
		"key":    {1, 1 + len("lead_worker")},
		"value":  {11, 11 + len("2026-01-12")},
		"row":    {1, 1 + len("| A1 | Find a tenancy worker | Aisha Patel |")},
		"words":  {6, 6 + len("words")},
		"inside": {7, 0},
	}
	seen := 0
	for _, f := range res.Findings {
		w, ok := want[f.Message]
		if !ok {
			continue
		}
		seen++
		end := 0
		if f.End.IsValid() {
			end = f.End.Col
			if f.End.Line != f.Pos.Line {
				t.Errorf("%s: ends on line %d, starts on %d", f.Message, f.End.Line, f.Pos.Line)
			}
		}
		if f.Pos.Col != w[0] || end != w[1] {
			t.Errorf("%s: columns %d to %d, want %d to %d", f.Message, f.Pos.Col, end, w[0], w[1])
		}
	}
	if seen != len(want) {
		t.Errorf("%d of %d findings: %s", seen, len(want), lines(res))
	}
}

func indexOf(t *testing.T, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in the record", sub)
	}
	return i
}
