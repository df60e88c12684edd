package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

func TestVisitSection(t *testing.T) {
	c := seeingCase(t, "born = 2024-02-10\n", "")
	cases := []struct {
		heading, name string
		want          bool
	}{
		{"Wishes and feelings", "wishes", true},
		{"Jamie's wishes and feelings", "wishes", true},
		{"Jamie\u2019s wishes and feelings", "wishes", true},
		{"JAMIE'S WISHES AND FEELINGS", "wishes", true},
		{"Jamie's presentation and behaviour", "presentation", true},
		{"Jamie's meals and sleep", "meals", true},
		{"Jamie's voice", "wishes", true},
		{"Jamie's wishes and feelings", "presentation", false},
		{"Mum's views", "wishes", false},
		{"Mum's wishes and feelings", "wishes", false},
		{"Jamiesons' wishes and feelings", "wishes", false},
		{"What Jamie said", "wishes", true},
		{"Voice of Jamie", "wishes", true},
		{"What Jamie's mum said", "wishes", false},
		{"What Jamieson said", "wishes", false},
		{"Jamie's incidents or injuries", "incidents", true},
	}
	for _, tc := range cases {
		body := "## Observations\n\nFine.\n\n## " + tc.heading + "\n\nSaid \"fine\".\n"
		b := schema.ParseBody(schema.NewSource("v.md", []byte(body)), schema.KindVisit, 0)
		got := c.VisitSection(b, tc.name) != nil
		if got != tc.want {
			t.Errorf("VisitSection(%q, %q) = %v, want %v", tc.heading, tc.name, got, tc.want)
		}
	}
}

func TestWishesSection(t *testing.T) {
	c := seeingCase(t, "born = 2024-02-10\n", "")
	for h, want := range map[string]bool{
		"Wishes and feelings":          true,
		"Jamie's wishes":               true,
		"Jamie's feelings":             true,
		"What Jamie told me":           true,
		"Feelings":                     true,
		"Jamie's worries and wishes":   true,
		"Children's wishes":            true,
		"Mum's feelings":               false,
		"Parents' wishes and feelings": false,
		"Mum's views":                  false,
		"Home conditions":              false,
		"Observations of Jamie":        false,
		"Direct work":                  true,
		"Direct work with Jamie":       true,
		"Direct work:":                 true,
		"Direct work with Mum":         false,
		"Child's lived experience":     false,
		"Jamie's lived experience":     false,
	} {
		b := schema.ParseBody(schema.NewSource("v.md", []byte("## "+h+"\n\nx\n")), schema.KindVisit, 0)
		if got := c.WishesSection(b) != nil; got != want {
			t.Errorf("WishesSection(%q) = %v, want %v", h, got, want)
		}
	}
	// A plain label (no bold) opens the section, as a bold one does.
	b := schema.ParseBody(schema.NewSource("v.md", []byte("Observations: tidy.\n\nWishes and feelings:\nJamie said he is happy.\n")), schema.KindVisit, 0)
	if s := c.WishesSection(b); s == nil || s.Content() != "Jamie said he is happy." {
		t.Errorf("a plain label: WishesSection = %v", s)
	}
	// Direct work is the wishes section only when the record has no other.
	b = schema.ParseBody(schema.NewSource("v.md", []byte("## Direct work\n\nThree houses.\n\n## Wishes and feelings\n\nTBC\n")), schema.KindVisit, 0)
	if s := c.WishesSection(b); s == nil || s.Heading != "Wishes and feelings" {
		t.Errorf("with both, WishesSection = %v, want the Wishes and feelings section", s)
	}
	b = schema.ParseBody(schema.NewSource("v.md", []byte("## Observations of Jamie\n\nx\n")), schema.KindVisit, 0)
	if c.VisitSection(b, "observations") == nil {
		t.Error(`"Observations of Jamie" is the visit's observations`)
	}
}
