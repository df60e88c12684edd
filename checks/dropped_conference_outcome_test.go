package checks

import (
	"reflect"
	"testing"
)

func TestConferenceOutcomeRefs(t *testing.T) {
	numbered := []string{"O1", "O2", "O3"}
	for in, want := range map[string][]string{
		"O2":                                     {"O2"},
		" o2":                                    {"O2"},
		"Outcome 2":                              {"O2"},
		"2":                                      {"O2"},
		"O1-O3":                                  {"O1", "O2", "O3"},
		"O1–O3":                                  {"O1", "O2", "O3"},
		"O1-O3 unchanged":                        {"O1", "O2", "O3"},
		"O1 to O3 (as discussed)":                {"O1", "O2", "O3"},
		"O1, O2 and O4":                          {"O1", "O2", "O4"},
		"Outcomes 1 & 3":                         {"O1", "O3"},
		"O2: Jamie attends school 5 days a week": {"O2"},
		"o2 - Jamie has regular meals":           {"O2"},
		"**O3** Sam gets help":                   {"O3"},
		"All outcomes":                           numbered,
		"c":                                      {"C"},
		"(c)":                                    {"C"},
		"a - c":                                  {"A", "B", "C"},
		"Jamie is registered with a dentist":     nil,
		"A safe home for Jamie":                  nil,
		"I will be safe":                         nil,
		"Safety":                                 nil,
	} {
		if got := conferenceOutcomeRefs(in, numbered); !reflect.DeepEqual(got, want) {
			t.Errorf("conferenceOutcomeRefs(%q) = %q, want %q", in, got, want)
		}
	}
	lettered := []string{"A", "B", "C"}
	for in, want := range map[string][]string{
		"a":                   {"A"},
		"c.":                  {"C"},
		"(b) and (c)":         {"B", "C"},
		"a to c":              {"A", "B", "C"},
		"c. Leo is in school": {"C"},
		"A safe home for Leo": nil,
		"O2":                  {"O2"},
	} {
		if got := conferenceOutcomeRefs(in, lettered); !reflect.DeepEqual(got, want) {
			t.Errorf("lettered: conferenceOutcomeRefs(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOutcomeTextIn(t *testing.T) {
	texts := []string{"Leo attends school every day.", "Leo has three meals a day; Safety at home."}
	for in, want := range map[string]bool{
		"Leo attends school every day": true,
		"leo  attends school":          true,
		"Safety":                       true,
		"c":                            false,
		"school every week":            false,
		"Leo is registered with a GP":  false,
		"":                             false,
	} {
		if got := outcomeTextIn(in, texts); got != want {
			t.Errorf("outcomeTextIn(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestOpensWithAll: an entry agreeing all the outcomes, and ones that do
// not.
func TestOpensWithAll(t *testing.T) {
	for entry, want := range map[string]bool{
		"All": true, "all outcomes": true, "All outcomes remain": true, "Outcomes: all": true,
		"Each outcome unchanged": true, "O1-O4": false, "Alleviate Jamie's anxiety": false,
		"Jamie attends school all week": false, "": false,
	} {
		if got := opensWithAll(entry); got != want {
			t.Errorf("opensWithAll(%q) = %v, want %v", entry, got, want)
		}
	}
}
