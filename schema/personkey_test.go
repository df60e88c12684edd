package schema

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAppendPersonKeyASCII checks the one-pass key of an ASCII name against
// foldName, the Unicode path, on names written many ways.
func TestAppendPersonKeyASCII(t *testing.T) {
	names := []string{
		"", " ", "Kim Green", "  Dr Kim Green (GP) ", "Dr. Kim Green", "J. Smith", "Mr Bell", "MR  BELL",
		"Mrs\tBell\n", "dr kim", "Prof. A. B. Jones", "Kerry Thornton (mother)", "(Dad)", "Sam Doe)", "..",
		". Sam .Doe.", "Revd Canon\vJo  Jo", "Sr.Jo Ann", "Mx  Ali   Khan (social worker)",
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := "aZ .\t\n\v\f\r()Mrsd"
	for range 2000 {
		b := make([]byte, r.IntN(14))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		names = append(names, string(b))
	}
	for _, n := range names {
		var want string
		{
			s := trimRole(n)
			want = foldName(s)
			if i := strings.IndexByte(want, ' '); i > 0 && isPersonTitle(want[:i]) && strings.Count(want[i+1:], " ") >= 1 {
				want = want[i+1:]
			}
		}
		if got := PersonKey(n); got != want {
			t.Errorf("PersonKey(%q) = %q, want %q", n, got, want)
		}
		if got := SamePersonKey(n, n); got != (want != "") {
			t.Errorf("SamePersonKey(%q, itself) = %v", n, got)
		}
	}
	if !SamePersonKey("Dr. Kim Green (GP)", "kim  green") || SamePersonKey("Mr Bell", "Mrs Bell") || SamePersonKey("", "") {
		t.Error("SamePersonKey: wrong on the documented examples")
	}
	if got := PersonKey("Élodie  DUPONT (mère)"); got != "élodie dupont" {
		t.Errorf("PersonKey of a non-ASCII name = %q", got)
	}
}
