package lint

import "testing"

// TestKeepsOutcomesAsBefore: a conference's outcomes entry in words that
// keeps the outcomes agreed before, as chairs' offices write it, and
// outcomes written as text that do not.
func TestKeepsOutcomesAsBefore(t *testing.T) {
	p, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	for entry, want := range map[string]bool{
		"Unchanged":                                    true,
		"unchanged":                                    true,
		"Outcomes unchanged from ICPC":                 true,
		"No change":                                    true,
		"No changes to the outcomes":                   true,
		"Same as ICPC":                                 true,
		"Outcomes remain the same":                     true,
		"As agreed at the initial conference":          true,
		"As per ICPC":                                  true,
		"As before":                                    true,
		"Carried forward from RCPC":                    true,
		"Jamie attends school every day":               false,
		"Jamie is in the same school all year":         false,
		"Jamie's weight remains above the 9th centile": false,
		"O1":                         false,
		"":                           false,
		"Dental care":                false,
		"Exchanged letters with dad": false,
	} {
		if got := p.KeepsOutcomesAsBefore(entry); got != want {
			t.Errorf("KeepsOutcomesAsBefore(%q) = %v, want %v", entry, got, want)
		}
	}
}
