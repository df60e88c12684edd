package lint

import "testing"

// TestCopyInLanguage pins when a copy's recorded language gives the reader
// the plan in their language, and when it only promises one.
func TestCopyInLanguage(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		given, want string
		fits        bool
	}{
		{"Polish", "Polish", true},
		{"polish", "Polish", true},
		{"Polish and English", "Polish", true},
		{"English/Polish", "Polish", true},
		{"Polish (translated)", "Polish", true},
		{"Polish translation", "Polish", true},
		{"English", "Polish (interpreter needed)", false},
		{"Polish", "Polish (interpreter needed)", true},
		{"English", "Urdu and English", true},
		{"", "English", true},
		{"", "Polish", false},
		{"Anything", "", true},
		{"Polish - to follow", "Polish", false},
		{"Polish, to follow", "Polish", false},
		{"Polish: TBC", "Polish", false},
		{"Polish to follow", "Polish", false},
		{"Polish translation requested", "Polish", false},
		{"Polish (awaited)", "Polish", false},
		{"Polish (to follow) and English", "English", true},
		{"Polish (to follow) and English", "Polish", false},
		{"English (Polish translation requested)", "Polish", false},
		{"English (Polish translation requested)", "English", true},
		{"Polish pending", "Polish", false},
		{"not Polish", "Polish", false},
		{"English copy given, Polish to follow", "Polish", false},
		{"English copy given, Polish to follow", "English", true},
		{"Polish translation awaited", "Polish", false},
		{"English", "Polish", false},
		{"English", "Polish (reads some English)", false},
		{"Romanian", "Polish/English", false},
		{"British Sign Language", "British Sign Language", true},
	} {
		if got := p.CopyInLanguage(tt.given, tt.want); got != tt.fits {
			t.Errorf("CopyInLanguage(%q, %q) = %v, want %v", tt.given, tt.want, got, tt.fits)
		}
	}
}
