package lint

import (
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

func fp(rule, fingerprint string, line int) Finding {
	return Finding{RuleID: rule, Path: "a.md", Pos: schema.Position{Line: line}, Fingerprint: fingerprint}
}

func TestNewSince(t *testing.T) {
	for _, tc := range []struct {
		name        string
		now, before []Finding
		want        []int // indexes into now
	}{
		{"nothing before", []Finding{fp("r", "a", 1), fp("r", "b", 2)}, nil, []int{0, 1}},
		{"nothing now", nil, []Finding{fp("r", "a", 1)}, nil},
		{"the same", []Finding{fp("r", "a", 1)}, []Finding{fp("r", "a", 1)}, nil},
		{"moved", []Finding{fp("r", "a", 9)}, []Finding{fp("r", "a", 1)}, nil},
		{"one new among old", []Finding{fp("r", "a", 1), fp("r", "n", 2), fp("r", "b", 3)}, []Finding{fp("r", "b", 7), fp("r", "a", 1)}, []int{1}},
		{"fixed and new", []Finding{fp("r", "n", 1)}, []Finding{fp("r", "a", 1)}, []int{0}},
		{"two now, one before", []Finding{fp("r", "a", 1), fp("r", "a", 5)}, []Finding{fp("r", "a", 1)}, []int{1}},
		{"two now, two before", []Finding{fp("r", "a", 1), fp("r", "a", 5)}, []Finding{fp("r", "a", 1), fp("r", "a", 2)}, nil},
		{"one now, two before", []Finding{fp("r", "a", 1)}, []Finding{fp("r", "a", 1), fp("r", "a", 2)}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := NewSince(tc.now, tc.before)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want now%v", got, tc.want)
			}
			for i, j := range tc.want {
				if got[i].Fingerprint != tc.now[j].Fingerprint || got[i].Pos != tc.now[j].Pos {
					t.Errorf("finding %d = %v, want %v", i, got[i], tc.now[j])
				}
			}
			if got == nil {
				t.Errorf("NewSince returned nil, want an empty list")
			}
		})
	}
}

// TestNewSinceMovedLine: a finding whose line moved (text above it added)
// matches the old one; one on an edited line does not.
func TestNewSinceMovedLine(t *testing.T) {
	old := fstest.MapFS{
		"c/case.md": {Data: []byte(caseMD)},
		"c/plan.md": {Data: []byte(planMD(""))},
	}
	moved := fstest.MapFS{
		"c/case.md": {Data: []byte(caseMD)},
		"c/plan.md": {Data: []byte("+++\ntype = \"plan\"\ncategory = \"neglect\"\nstarted = 2026-01-12\n  lead_worker   = \"Aisha Patel\"\n+++\n\n## Concerns\nNeglect.\n")},
	}
	edited := fstest.MapFS{
		"c/case.md": {Data: []byte(caseMD)},
		"c/plan.md": {Data: []byte("+++\ntype = \"plan\"\nstarted = 2026-01-12\nlead_worker = \"Aisha  Patel\" # lead\n+++\n\n## Concerns\nNeglect.\n")},
	}
	before := run(t, old, leadRule).Findings
	if n := len(NewSince(run(t, moved, leadRule).Findings, before)); n != 0 {
		t.Errorf("moved and re-indented line: %d new findings, want 0", n)
	}
	if n := len(NewSince(run(t, edited, leadRule).Findings, before)); n != 1 {
		t.Errorf("edited line: %d new findings, want 1", n)
	}
}
