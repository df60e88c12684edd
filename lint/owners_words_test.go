package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

// TestActionOwner: an action written as a sentence with no Owner field is
// owned by the first phrase of its words that names the case's people (or
// a group, or a role that could be several, which the owner rules report);
// a field wins; words naming no one leave it with no owner.
func TestActionOwner(t *testing.T) {
	prof, _ := ShippedProfile(ProfileCombined)
	doc, _ := schema.Parse("c/plan.md", []byte(`+++
type = "plan"
started = 2026-01-12
lead_worker = "Aisha Patel"
+++

## Actions
- Aisha Patel will complete a safety plan with Jamie by 12 June 2026 (O1)
- Complete a safety plan - Aisha Patel - 12/06/2026 (O1)
- Mum to attend all appointments by 30/06/2026 (O2)
- Sam Doe (mother) will take Jamie to school each school day (O1)
- Safety plan to be completed by the social worker by 12 June (O1)
- Safety plan to be completed by 12 June (O1)
- School to monitor attendance weekly (O2)
- All professionals to share concerns (O3)
- Health visitor to weigh Jamie monthly (O3)
- Support Mum to attend all appointments by 30/06/2026 (O2)
- Complete the safety plan with Jamie - 12/06/2026 (O1)
- Aisha Patel will visit weekly. Owner: TBC (O1)
- Dr Kim Green and Lee Morgan to share attendance and health monthly (O3)
- Sam to keep the flat warm daily (O2)
- Direct work with Jamie - Jamie - fortnightly (O1)
- Jamie to keep a diary of his meals daily (O1)
- Weekly visits by Aisha Patel (O1), by 30/11/2026
- Reading support by the school, daily (O1)
- Follow the safety plan written by Aisha Patel, daily (O1)
- Home visits by TM Rob Jones, monthly (O1)
`))
	plan, ok := doc.Record.(*schema.Plan)
	if !ok {
		t.Fatalf("no plan: %+v", doc.Problems)
	}
	c := peopleCase(t, plan)
	want := []string{
		"Aisha Patel", "Aisha Patel", "Mum", "Sam Doe (mother)", "the social worker", "", "", "All professionals",
		"Health visitor", "", "", "TBC", "Dr Kim Green and Lee Morgan", "Sam", "", "Jamie",
		"Aisha Patel (O1)", "", "", "TM Rob Jones",
	}
	rows := plan.Doc.Body.Actions.Rows
	if len(rows) != len(want) {
		t.Fatalf("%d actions, want %d", len(rows), len(want))
	}
	for i := range rows {
		if got := c.ActionOwner(&rows[i], prof).Text; got != want[i] {
			t.Errorf("action %q: owner %q, want %q", rows[i].Action.Text, got, want[i])
		}
	}
	for _, ref := range []string{"Aisha Patel", "Sam Doe", "Dr Kim Green", "Lee Morgan"} {
		if !c.OwnsAction(ref, prof) {
			t.Errorf("OwnsAction(%q) = false", ref)
		}
	}
	// case.md unreadable: who is a person cannot be told; the first phrase
	// is the owner, which the rules do not judge.
	u := NewCase("c", nil, []schema.Record{plan})
	if got := u.ActionOwner(&rows[6], prof).Text; got != "School" {
		t.Errorf("no case.md: %q", got)
	}
}
