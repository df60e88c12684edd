package lint

import "testing"

func TestNoViewsReceived(t *testing.T) {
	for text, want := range map[string]bool{
		"":                                      true,
		"None":                                  true,
		"None: everyone attended.":              true,
		"No written reports received.":          true,
		"None received":                         true,
		"Nil":                                   true,
		"Nil.":                                  true,
		"N/A - all present.":                    true,
		"No apologies; everyone attended.":      true,
		"No one was absent.":                    true,
		"Report to follow.":                     true,
		"No report received from Dr Kim Green.": true,
		"No concerns.":                          false, // a view
		"No new concerns from the GP; the review is booked.":                                  false,
		"Dr Kim Green (GP): Jamie's asthma review took place on 2 February; no new concerns.": false,
		"None received from the GP. Lee Morgan: Jamie is settled in class.":                   false,
		"Nothing of concern: Jamie is well.":                                                  false,
		"Nothing received.":                                                                   true,
	} {
		if got := NoViewsReceived(text); got != want {
			t.Errorf("NoViewsReceived(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestViewIncluded(t *testing.T) {
	c := peopleCase(t, nil)
	for _, tc := range []struct {
		text, ref string
		want      bool
	}{
		{"Dr Kim Green (GP): Jamie's asthma review took place on 2 February.", "Dr Kim Green", true},
		{"Kim Green: no new concerns.", "Dr Kim Green (GP)", true},
		{"Dr. Green: no new concerns.", "Dr Kim Green", true},
		{"The GP has no new concerns.", "Dr Kim Green", true},            // case.md's role
		{"GP report: no concerns.", "Dr Kim Green (GP)", true},           // the role in brackets
		{"The class teacher says Jamie is settled.", "Lee Morgan", true}, // case.md's role
		{"Lee Morgan (class teacher): Jamie is settled.", "Dr Kim Green", false},
		{"None: everyone attended.", "Dr Kim Green", false},
		{"No report received from Dr Kim Green.", "Dr Kim Green", false},
		{"Lee Morgan: settled in class; Dr Kim Green's report was not received.", "Dr Kim Green", false},
		{"Lee Morgan: settled in class; Dr Kim Green's report was not received.", "Lee Morgan", true},
		{"Greenfield school reports good attendance.", "Dr Kim Green", false}, // whole words only
		{"Jamie is well, says Sam Morgan.", "Lee Morgan", true},               // a surname is a mention
		{"Val: no concerns.", "Val Kerr", true},                               // a first name
		{"The HV reports the two-year check is done.", "Ola Ade", true},       // the role's initials
		{"Ola Reed (HV): no concerns.", "Dr Kim Green", false},
	} {
		if got := c.ViewIncluded(tc.text, tc.ref); got != tc.want {
			t.Errorf("ViewIncluded(%q, %q) = %v, want %v", tc.text, tc.ref, got, tc.want)
		}
	}
	// Without case.md the name and the bracketed role are still read.
	var none Case
	if !none.ViewIncluded("GP: no concerns.", "Dr Kim Green (GP)") || none.ViewIncluded("The GP: no concerns.", "Dr Kim Green") {
		t.Error("ViewIncluded without case.md")
	}
}
