package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

func TestApprovedByChair(t *testing.T) {
	oxon, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	c := seeingCase(t, "born = 2015-04-02", "")
	c.Record.People = append(c.Record.People, schema.Person{Name: "Chris Hall", Role: "independent conference chair"})
	c = NewCase("c", c.Record, []schema.Record{c.Plan})
	for ref, want := range map[string]bool{
		"Chris Hall":                          true,
		"Chris Hall (independent chair)":      true,
		"Rob Jones (TM) and Chris Hall (IRO)": true,
		"Rob Jones / Chris Hall":              true,
		"Chris Hall, Independent Chair":       true,
		"Rob Jones":                           false,
		"Rob Jones (team manager)":            false,
		"Rob Jones and Sam Doe":               false,
		"Chris Hall - to confirm":             false,
		"Rob Jones, Chris Hall to approve":    false,
		"":                                    false,
	} {
		if got := c.ApprovedByChair(oxon.Done(ref), oxon); got != want {
			t.Errorf("ApprovedByChair(%q) = %v, want %v", ref, got, want)
		}
	}
}
