package schema

import "testing"

func TestCheckBirth(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"born and unborn", rec(`type = "case"`, `id = "SOT-1"`, `[child]`, `name = "Baby"`, `born = 2026-03-01`,
			`unborn = true`, `first_language = "English"`),
			[]string{"7:10 child.unborn = true but child.born = 2026-03-01: the child cannot be both born and unborn"}},
		{"unborn with expected date", rec(`type = "case"`, `id = "SOT-1"`, `[child]`, `name = "Baby"`, `unborn = true`,
			`expected = 2026-03-01`, `first_language = "English"`), nil},
		{"born, unborn false", rec(`type = "case"`, `id = "SOT-1"`, `[child]`, `name = "Baby"`, `born = 2026-03-01`,
			`unborn = false`, `first_language = "English"`), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ok := Parse("case.md", []byte(tt.in))
			if !ok {
				t.Fatal("not a record")
			}
			checkProblems(t, doc.Source, doc.Problems, tt.want)
		})
	}
}
