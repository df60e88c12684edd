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
}

func TestCopyLanguageFits(t *testing.T) {
	for _, c := range []struct {
		given, want string
		fits        bool
	}{
		{"Polish", "Polish", true},
		{"polish", "Polish", true},
		{"", "English", true},
		{"English", "", true},
		{"English", "Polish", false},
		{"Polish and English", "Polish", true},
		{"English/Polish", "Polish", true},
		{"Polish", "Polish (interpreter needed)", true},
		{"English", "Polish (reads some English)", false},
		{"English", "Urdu and English", true},
		{"Romanian", "Polish/English", false},
		{"British Sign Language", "British Sign Language", true},
	} {
		if got := copyLanguageFits(c.given, c.want); got != c.fits {
			t.Errorf("copyLanguageFits(%q, %q) = %v, want %v", c.given, c.want, got, c.fits)
		}
	}
}
