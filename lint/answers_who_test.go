package lint

import "testing"

// TestSaysOnlyWhoAgreed: exceptional circumstances that say only who
// agreed or decided record no circumstances; words saying what happened,
// with or without who agreed, do.
func TestSaysOnlyWhoAgreed(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Agreed by chair", "Agreed by chair.", "agreed by the independent chair",
		"Agreed with TM Rob Jones", "Approved by Head of Service", "Chair agreed", "Chair's decision",
		"Agreed at review conference", "Decision of the conference", "Signed off by TM",
		"Agreed by all at conference", "Agreed by the CP chair and team manager", "Yes - agreed by chair",
		"Authorised by Mrs Jo Ward (Service Manager)", "Agreed unanimously by the conference"} {
		if !p.SaysOnlyWhoAgreed(s) {
			t.Errorf("SaysOnlyWhoAgreed(%q) = false, want true", s)
		}
		if ExceptionalCircumstancesRecorded(p, s) {
			t.Errorf("ExceptionalCircumstancesRecorded(%q) = true, want false", s)
		}
	}
	for _, s := range []string{"", "Emigrated permanently", "Agreed by chair as the family emigrated to Spain",
		"Agreed by chair: Jamie moved to live with his father in Scotland", "Agreed - Emigrated",
		"Agreed by chair, family moved abroad", "Father imprisoned", "Chair", "Rob Jones",
		"Agreed by chair due to the death of the alleged abuser",
		"Mother and children in a refuge in Wales, agreed by chair"} {
		if p.SaysOnlyWhoAgreed(s) {
			t.Errorf("SaysOnlyWhoAgreed(%q) = true, want false", s)
		}
	}
}
