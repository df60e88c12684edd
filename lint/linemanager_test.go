package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

func TestLineManagerFor(t *testing.T) {
	people := func(ps ...schema.Person) *Case {
		return NewCase("c", &schema.CaseRecord{Child: schema.Child{Name: "Poppy"}, People: ps}, nil)
	}
	sw := schema.Person{Name: "Aisha Patel", Role: "social worker", Agency: "Children's Services", Qualified: true}
	tm := schema.Person{Name: "Rob Jones", Role: "Team Manager", Agency: "Children's Services"}
	nursery := schema.Person{Name: "Gail Hunt", Role: "Manager", Agency: "Little Acorns Nursery"}
	head := schema.Person{Name: "Dev Shah", Role: "Head", Agency: "Hillside Primary School"}
	surgery := schema.Person{Name: "Jo Ward", Role: "Practice Manager", Agency: "Hanley Surgery (NHS)"}
	rtm := schema.Person{Name: "Max Field", Role: "Review Team Manager", Agency: "Children's Services"}
	noAgency := schema.Person{Name: "Lou Penn", Role: "team manager"}
	council := schema.Person{Name: "Ann Lee", Role: "Service Manager", Agency: "Stoke-on-Trent City Council"}
	mum := schema.Person{Name: "Kelly Stone", Role: "Manager", Family: true}

	for _, c := range []struct {
		name string
		c    *Case
		lead string
		want string
	}{
		{"nursery and school first", people(mum, nursery, head, surgery, rtm, sw, tm), "Aisha Patel", "Rob Jones"},
		{"no manager in the service", people(nursery, head, sw, surgery), "Aisha Patel", ""},
		{"own agency before the council", people(council, tm, sw), "Aisha Patel", "Rob Jones"},
		{"social care before no agency", people(noAgency, council, sw), "Aisha Patel", "Ann Lee"},
		{"no agency written", people(nursery, noAgency, sw), "Aisha Patel", "Lou Penn"},
		{"hospital social worker: own agency only", people(tm, schema.Person{Name: "Hal Moss", Role: "team leader", Agency: "Royal Stoke Hospital"},
			schema.Person{Name: "Ivy Bell", Role: "social worker", Agency: "Royal Stoke Hospital", Qualified: true}), "Ivy Bell", "Hal Moss"},
		{"no lead worker yet", people(nursery, tm), "", "Rob Jones"},
	} {
		if got := c.c.LineManagerFor(c.lead); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	c := people(nursery, sw, tm)
	if c.IsLineManagerFor("Gail Hunt", "Aisha Patel") || !c.IsLineManagerFor("Rob Jones", "Aisha Patel") || c.IsLineManagerFor("Aisha Patel", "Aisha Patel") {
		t.Error("IsLineManagerFor")
	}
}
