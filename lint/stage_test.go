package lint

import (
	"slices"
	"testing"

	"github.com/caselint/caselint/schema"
)

// TestCaseStages: the per-case stages run in the order the pipeline is
// documented in, each named once.
func TestCaseStages(t *testing.T) {
	var got []string
	for _, s := range caseStages {
		got = append(got, s.name())
	}
	want := []string{"place", "suppress", "sort", "limit", "fingerprint", "origin", "redact"}
	if !slices.Equal(got, want) {
		t.Errorf("per-case stages %v, want %v", got, want)
	}
}

// TestCaseWorkRuled: the stages before redact see and replace the rules'
// findings only, never those the engine made while reading.
func TestCaseWorkRuled(t *testing.T) {
	made := Finding{RuleID: InvalidRecordID, Path: "c/big.md"}
	w := &caseWork{findings: []Finding{made}, made: 1}
	w.setRuled([]Finding{{RuleID: "b"}, {RuleID: "a"}})
	w.setRuled(w.ruled()[1:])
	if len(w.findings) != 2 || w.findings[0].RuleID != InvalidRecordID || w.findings[1].RuleID != "a" {
		t.Errorf("findings %+v", w.findings)
	}
}

func TestSortStage(t *testing.T) {
	at := func(path string, line int, rule string) Finding {
		return Finding{RuleID: rule, Path: path, Pos: schema.Position{Line: line, Col: 1}}
	}
	made := at("z.md", 1, "z")
	w := &caseWork{findings: []Finding{made, at("b.md", 2, "r"), at("a.md", 9, "r"), at("b.md", 2, "q")}, made: 1}
	sortStage{}.run(nil, w)
	var got []string
	for _, f := range w.findings {
		got = append(got, f.Path+":"+f.RuleID)
	}
	if want := []string{"z.md:z", "a.md:r", "b.md:q", "b.md:r"}; !slices.Equal(got, want) {
		t.Errorf("sorted %v, want %v", got, want)
	}
}

func TestFingerprintStage(t *testing.T) {
	fp := fingerprint("r", "a.md", "same line", 0)
	w := &caseWork{findings: []Finding{
		{RuleID: "r", Path: "a.md", Fingerprint: fp},
		{RuleID: "r", Path: "a.md", Fingerprint: fp},
	}}
	fingerprintStage{}.run(&engine{}, w)
	if w.findings[0].Fingerprint != fp || w.findings[1].Fingerprint == fp {
		t.Errorf("fingerprints %s %s: want the first kept and the second numbered", w.findings[0].Fingerprint, w.findings[1].Fingerprint)
	}
}

// lineHistory says every line of a.md but line 3 was last changed by v.
type lineHistory struct{ v Version }

func (lineHistory) Versions(string) []Version               { return nil }
func (lineHistory) Content(string, Version) ([]byte, error) { return nil, nil }
func (h lineHistory) LineOrigin(path string, _ []byte, line int) (Version, bool) {
	return h.v, path == "a.md" && line != 3
}

func TestOriginStage(t *testing.T) {
	at := func(line int) Finding { return Finding{RuleID: "r", Path: "a.md", Pos: schema.Position{Line: line}} }
	w := &caseWork{findings: []Finding{at(1), at(3)}}
	originStage{}.run(&engine{}, w) // no history: no origin
	if w.findings[0].Origin != nil {
		t.Fatal("an origin without history")
	}
	v := Version{Commit: "abc", Author: "A"}
	originStage{}.run(&engine{opts: Options{History: lineHistory{v}}}, w)
	if o := w.findings[0].Origin; o == nil || *o != v {
		t.Errorf("line 1: origin %v, want %v", o, v)
	}
	if w.findings[1].Origin != nil {
		t.Errorf("line 3, not committed: origin %v", w.findings[1].Origin)
	}
}
