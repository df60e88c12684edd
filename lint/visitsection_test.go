package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

func TestVisitSectionAsManagersWrite(t *testing.T) {
	c := seeingCase(t, "born = 2015-04-02", "")
	for _, tc := range []struct {
		heading, name string
		found         bool
	}{
		{"Wishes and feelings", "wishes", true},
		{"Voice of the child", "wishes", true},
		{"Jamie's wishes and feelings", "wishes", true},
		{"Jamie’s views", "wishes", true},
		{"What Jamie said", "wishes", true},
		{"Voice of Jamie", "wishes", true},
		{"Feelings", "wishes", true}, // a heading naming the child's feelings
		{"Jamie's presentation and behaviour", "presentation", true},
		{"What Mum said", "wishes", false},
		{"Mum's views", "wishes", false},
		{"Jamie's presentation and behaviour", "wishes", false},
		{"Jamie", "observations", false},
		// Numbered as a template numbers them.
		{"1. Observations", "observations", true},
		{"2. Wishes and feelings", "wishes", true},
		{"Section 2 - Jamie's wishes and feelings", "wishes", true},
		{"3) Jamie's meals and sleep", "meals", true},
		{"Part 4: Jamie's presentation and behaviour", "presentation", true},
		{"2. Jamie's worries", "wishes", false},
		{"2. Mum's views", "wishes", false},
	} {
		doc, ok := schema.Parse("c/visits/v.md", []byte("+++\ntype = \"visit\"\ndate = 2026-01-19T16:00:00\nby = \"Aisha Patel\"\nchild_seen = true\n+++\n\n## "+tc.heading+"\n\nSomething said.\n"))
		if !ok {
			t.Fatalf("%q: visit does not parse", tc.heading)
		}
		sec := c.VisitSection(doc.Body, tc.name)
		if tc.name == "wishes" {
			sec = c.WishesSection(doc.Body) // the rules' one question for the wishes
		}
		if got := sec != nil; got != tc.found {
			t.Errorf("VisitSection(## %s, %q) found = %v, want %v", tc.heading, tc.name, got, tc.found)
		}
	}
}
