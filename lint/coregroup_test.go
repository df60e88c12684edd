package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

func TestMemberMeetings(t *testing.T) {
	m1 := &schema.CoreGroup{Date: sd("2026-02-17"), Attended: []string{"Ann Lee"}}
	m2 := &schema.CoreGroup{Date: sd("2026-03-17"), Attended: []string{"Ann Lee"}, Apologies: []string{"Dr Kim Green (GP)"}}
	m3 := &schema.CoreGroup{Date: sd("2026-05-12"), Attended: []string{"Ann Lee", "Kim Green", "Zoe Kirk"}}
	all := []*schema.CoreGroup{m1, m2, m3}
	initial := sconf("initial", "2026-02-05", "plan", "i.md")
	review := sconf("review", "2026-05-05", "continue", "r.md")
	withReview := startCase(&schema.Plan{Started: sd("2026-02-05")}, initial, review)
	noReview := startCase(&schema.Plan{Started: sd("2026-02-05")}, initial)
	for _, tc := range []struct {
		name string
		c    *Case
		who  string
		any  bool
		want int
	}{
		{"named at the first meeting", noReview, "Ann Lee", false, 3},
		{"first named later, any meeting", noReview, "Dr Kim Green", true, 2},
		{"first named later, no conference between: from the first", noReview, "Dr Kim Green", false, 3},
		{"first named after the review conference: joined there", withReview, "Zoe Kirk", false, 1},
		{"first named after the review, any meeting", noReview, "Zoe Kirk", true, 1},
		{"never named: expected from the first", withReview, "Lee Morgan", true, 3},
	} {
		if got := tc.c.MemberMeetings(all, tc.who, tc.any); len(got) != tc.want || got[len(got)-1] != m3 {
			t.Errorf("%s: MemberMeetings(%q) = %d meetings, want %d", tc.name, tc.who, len(got), tc.want)
		}
	}
	if got := noReview.MemberMeetings(nil, "Ann Lee", true); len(got) != 0 {
		t.Errorf("MemberMeetings(nil) = %d meetings, want 0", len(got))
	}
}

func TestCoveredFor(t *testing.T) {
	c := NewCase("c", &schema.CaseRecord{People: []schema.Person{
		{Name: "Jack Ellery", Role: "social worker", Qualified: true},
		{Name: "Femi Adeyemi", Role: "senior practitioner", Qualified: true},
		{Name: "Alison Ward", Role: "head of year", Agency: "Trentham Academy"},
		{Name: "Sandra Wilkes", Role: "team manager", Qualified: true},
	}}, []schema.Record{&schema.Plan{LeadWorker: "Jack Ellery", Manager: "Sandra Wilkes"}})
	covered := &schema.CoreGroup{Attended: []string{"Femi Adeyemi (covering)", "Alison Ward"}}
	school := &schema.CoreGroup{Attended: []string{"Alison Ward"}}
	if !c.CoveredFor(covered, "Jack Ellery") {
		t.Error("the lead worker is covered by another social worker of the authority")
	}
	if c.CoveredFor(school, "Jack Ellery") {
		t.Error("the school is no cover for the lead worker")
	}
	if c.CoveredFor(&schema.CoreGroup{Attended: []string{"Sandra Wilkes", "Alison Ward"}}, "Jack Ellery") {
		t.Error("the lead worker's manager, though qualified, is no cover")
	}
	if c.CoveredFor(covered, "Alison Ward") {
		t.Error("only the lead worker is covered")
	}
}
