package lint

import "testing"

// TestBrief: a record's free text is quoted whole up to 40 characters,
// and beyond them cut after the last whole word that fits, with "…";
// white space (line ends in a long reason) is made single spaces.
func TestBrief(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"  Mum would not let me in  ", "Mum would not let me in"},
		{"Sam Doe would not let me in at all today", "Sam Doe would not let me in at all today"},            // 40
		{"Sam Doe would not let me in at all today.", "Sam Doe would not let me in at all…"},                // 41
		{"Sam Doe would not let me in and said Jamie had bruises", "Sam Doe would not let me in and said…"}, // cut after a word
		{"Sam Doe would not let me in at all, thankfully", "Sam Doe would not let me in at all…"},           // the comma dropped
		{"Sam Doe would\nnot let   me in", "Sam Doe would not let me in"},
		{"Łucja Wójcik would not let me in and said Zofia was out", "Łucja Wójcik would not let me in and…"},
		{"Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b", "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…"},
	} {
		if got := Brief(tt.in); got != tt.want {
			t.Errorf("Brief(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
