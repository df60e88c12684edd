package checks

import (
	"reflect"
	"testing"
)

func TestActionOutcomeRefs(t *testing.T) {
	for in, want := range map[string][]string{
		"O1, O2":                {"O1", "O2"},
		"o1 and O3":             {"O1", "O3"},
		"Outcome 2":             {"O2"},
		"Outcomes 1 & 3":        {"O1", "O3"},
		"(O2)":                  {"O2"},
		"O7x":                   {"O7X"},
		"":                      nil,
		"O1, O7x":               {"O1", "O7X"},
		"O1–O3":                 {"O1", "O2", "O3"},
		"O1 - O3":               {"O1", "O2", "O3"},
		"1 to 3":                {"O1", "O2", "O3"},
		"All":                   {"O1", "O2", "O3"},
		"all outcomes":          {"O1", "O2", "O3"},
		"Outcome 1 – safe home": {"O1"},
		"Safety":                {"SAFETY"},
		"O4":                    {"O4"},
	} {
		if got := actionOutcomeRefs(in, []string{"O1", "O2", "O3"}); !reflect.DeepEqual(got, want) {
			t.Errorf("actionOutcomeRefs(%q) = %q, want %q", in, got, want)
		}
	}
	// A plan whose outcomes are lettered, or numbered in roman.
	for in, want := range map[string][]string{
		"a":                {"A"},
		"(b)":              {"B"},
		"a and c":          {"A", "C"},
		"(a), (b)":         {"A", "B"},
		"a to c":           {"A", "B", "C"},
		"a-c":              {"A", "B", "C"},
		"(a)-(b)":          {"A", "B"},
		"d":                {"D"},
		"Outcome a – safe": {"A"},
		"O3":               {"O3"},
		"All":              {"A", "B", "C"},
		"Safety":           {"SAFETY"},
	} {
		if got := actionOutcomeRefs(in, []string{"A", "B", "C"}); !reflect.DeepEqual(got, want) {
			t.Errorf("lettered: actionOutcomeRefs(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string][]string{
		"ii":         {"II"},
		"(i) to iii": {"I", "II", "III"},
		"iv":         {"IV"},
	} {
		if got := actionOutcomeRefs(in, []string{"I", "II", "III"}); !reflect.DeepEqual(got, want) {
			t.Errorf("roman: actionOutcomeRefs(%q) = %q, want %q", in, got, want)
		}
	}
	// Outcomes with O-ids: a letter is a word, as before.
	if got := actionOutcomeRefs("a", []string{"O1"}); !reflect.DeepEqual(got, []string{"A"}) {
		t.Errorf("actionOutcomeRefs(%q) with O-ids = %q", "a", got)
	}
	if got := actionOutcomeRefs("O1 a", []string{"O1"}); !reflect.DeepEqual(got, []string{"O1"}) {
		t.Errorf("actionOutcomeRefs(%q) with O-ids = %q", "O1 a", got)
	}
}
