package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

// TestLeadWorkerGone: a note after the lead worker's name saying they are
// no longer the child's lead worker, and notes that do not.
func TestLeadWorkerGone(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	for lead, want := range map[string]bool{
		"Amy Frost (left 30/10/2026)":        true,
		"Amy Frost (has left the authority)": true,
		"Amy Frost (to be reallocated)":      true,
		"Amy Frost (awaiting reallocation)":  true,
		"Amy Frost (no longer allocated)":    true,
		"Amy Frost (vacant post)":            true,
		"Amy Frost":                          false,
		"Amy Frost (SW)":                     false,
		"Amy Frost (social worker)":          false,
		"Amy Frost (on leave until 4/12)":    false,
		"Amy Frost (covering for Tom Reed)":  false,
	} {
		c := NewCase("c", &schema.CaseRecord{Child: schema.Child{Name: "Leo"},
			People: []schema.Person{{Name: "Amy Frost", Role: "social worker", Qualified: true}}},
			[]schema.Record{&schema.Plan{LeadWorker: lead}})
		c.ReadWith(p)
		if got := c.LeadWorkerGone(); got != want {
			t.Errorf("LeadWorkerGone(%q) = %v, want %v", lead, got, want)
		}
	}
}
