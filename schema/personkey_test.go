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
			if i := strings.IndexByte(want, ' '); i > 0 && isPersonTitle(want[:i]) && strings.Count(want[i+1:], " ") >= 1 &&
				strings.IndexByte(want[i+1:], ' ') > 1 {
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

// TestPersonKeyInitialKeepsTitle: a title before an initial is what tells
// two people of one surname apart ("Mrs S Khan", "Mr S Khan").
func TestPersonKeyInitialKeepsTitle(t *testing.T) {
	if PersonKey("Mrs S Khan") == PersonKey("Mr S Khan") {
		t.Errorf("Mrs S Khan and Mr S Khan have one key %q", PersonKey("Mr S Khan"))
	}
	for _, c := range [][2]string{
		{"Mrs S. Khan (mother)", "mrs s khan"},
		{"Mr S Khan", "mr s khan"},
		{"S Khan", "s khan"},
		{"Mrs Sana Khan", "sana khan"},
		{"Mr Khan", "mr khan"},
		{"Dr Ángel Ruiz", "ángel ruiz"},
		{"Dr Á Ruiz", "dr á ruiz"},
	} {
		if got := PersonKey(c[0]); got != c[1] {
			t.Errorf("PersonKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestPersonKeyMacAndWord: a name composed or decomposed, with a straight,
// curly or modifier apostrophe, is one key.
func TestPersonKeyMacAndWord(t *testing.T) {
	nfc, nfd := "Siobh\u00e1n O'Neill", "Siobha\u0301n O'Neill"
	for _, n := range []string{nfd, "Siobh\u00e1n O\u2019Neill", "Siobha\u0301n O\u2019Neill (social worker)",
		"Siobh\u00e1n O\u2018Neill", "Siobh\u00e1n O\u02bcNeill", "SIOBHA\u0301N O\u2019NEILL"} {
		if !SamePersonKey(n, nfc) {
			t.Errorf("PersonKey(%q) = %q, want %q", n, PersonKey(n), PersonKey(nfc))
		}
	}
	if SamePersonKey("Siobhan O'Neill", nfc) {
		t.Error("an accent dropped is another spelling, not folded away")
	}
}

// TestPersonNote: the trailing bracket is kept apart from the name.
func TestPersonNote(t *testing.T) {
	for _, c := range [][3]string{
		{"Paul Rigby (requested, not yet agreed)", "Paul Rigby", "requested, not yet agreed"},
		{" Alison Ward ( DNA ) ", "Alison Ward", "DNA"},
		{"Gemma (mum)", "Gemma", "mum"},
		{"(TBC)", "(TBC)", ""},
		{"Sam Doe", "Sam Doe", ""},
	} {
		name, note := splitNote(c[0])
		if name != c[1] || note != c[2] || PersonNote(c[0]) != c[2] {
			t.Errorf("splitNote(%q) = %q, %q; want %q, %q", c[0], name, note, c[1], c[2])
		}
	}
	if !SamePersonKey("Paul Rigby (voicemail left, on leave)", "Paul Rigby (team manager)") {
		t.Error("the note is not part of the key")
	}
}

// TestPersonKeyRoleAfterComma: a role after a comma or a spaced dash is a
// note, as one in brackets is ("Mark Ellis, Team Manager"); a name written
// surname first keeps its comma ("Ellis, Mark" is no "Mark Ellis").
func TestPersonKeyRoleAfterComma(t *testing.T) {
	for _, tt := range []struct{ ref, key, note string }{
		{"Mark Ellis, Team Manager", "mark ellis", "Team Manager"},
		{"Sarah Bennett, SW", "sarah bennett", "SW"},
		{"Sarah Bennett - Social Worker", "sarah bennett", "Social Worker"},
		{"Angela Booth, Independent Reviewing Officer", "angela booth", "Independent Reviewing Officer"},
		{"Mark Ellis (TM)", "mark ellis", "TM"},
		{"Ellis, Mark", "ellis, mark", ""},
		{"Sarah Bennett, apologies", "sarah bennett, apologies", ""},
		{"Anne Smith-Jones", "anne smith-jones", ""},
		{"Kim Green, Consultant Paediatrician", "kim green", "Consultant Paediatrician"},
		{"Jo Hart - Community Midwife", "jo hart", "Community Midwife"},
		{"Gary Lamb, PCSO", "gary lamb", "PCSO"},
	} {
		if got := PersonKey(tt.ref); got != tt.key {
			t.Errorf("PersonKey(%q) = %q, want %q", tt.ref, got, tt.key)
		}
		if got := PersonNote(tt.ref); got != tt.note {
			t.Errorf("PersonNote(%q) = %q, want %q", tt.ref, got, tt.note)
		}
	}
}

// TestPersonKeyRoleBefore: a role written before the name is a note, as
// one after it is ("TM Mark Ellis" is Mark Ellis, the note "TM"); an
// abbreviation only as its exact capitals, so that a first name is never
// read as a role ("Tam Ellis", "Iro Hall", "Swati Rao"), and never where no
// name with a capital follows.
func TestPersonKeyRoleBefore(t *testing.T) {
	for _, tt := range []struct{ ref, key, note string }{
		{"TM Mark Ellis", "mark ellis", "TM"},
		{"IRO Chris Hall", "chris hall", "IRO"},
		{"SW Aisha Patel", "aisha patel", "SW"},
		{"DSL Joanne Platt", "joanne platt", "DSL"},
		{"PC Gary Lamb", "gary lamb", "PC"},
		{"CP Chair Chris Hall", "chris hall", "CP Chair"},
		{"Team Manager Mark Ellis", "mark ellis", "Team Manager"},
		{"team manager Mark Ellis", "mark ellis", "team manager"},
		{"Social Worker: Sarah Bennett", "sarah bennett", "Social Worker"},
		{"IRO - Chris Hall", "chris hall", "IRO"},
		{"Independent Reviewing Officer Chris Hall", "chris hall", "Independent Reviewing Officer"},
		{"Outreach Worker Claire Dunn", "claire dunn", "Outreach Worker"},
		{"Consultant Paediatrician Dr Kim Green", "kim green", "Consultant Paediatrician"},
		{"GP Dr Kim Green", "kim green", "GP"},
		// A status in brackets stays the note: it says the act was not done.
		{"TM Mark Ellis (on leave)", "mark ellis", "on leave"},
		{"IRO Chris Hall, Independent Chair", "chris hall", "Independent Chair"},
		// An abbreviation after a name, no mark between.
		{"Chris Hall IRO", "chris hall", "IRO"},
		{"Mark Ellis TM", "mark ellis", "TM"},
		{"Ellis TM", "ellis tm", ""},
		{"MARK ELLIS TM", "mark ellis tm", ""},
		{"Mark Ellis Tm", "mark ellis tm", ""},
		// Names, not roles.
		{"Tam Ellis", "tam ellis", ""},
		{"Iro Hall", "iro hall", ""},
		{"Swati Rao", "swati rao", ""},
		{"Tm Ellis", "tm ellis", ""},
		{"Di Smith", "di smith", ""},
		{"DI SMITH", "di smith", ""},
		{"Nurse Smith", "nurse smith", ""},
		{"Chairwoman Ruth Kay", "chairwoman ruth kay", ""},
		{"Ellis, Mark", "ellis, mark", ""},
		{"IRO to confirm", "iro to confirm", ""},
		{"TM", "tm", ""},
		{"SW TBC", "sw tbc", ""},
		{"Lead Worker", "lead worker", ""},
	} {
		if got := PersonKey(tt.ref); got != tt.key {
			t.Errorf("PersonKey(%q) = %q, want %q", tt.ref, got, tt.key)
		}
		if got := PersonNote(tt.ref); got != tt.note {
			t.Errorf("PersonNote(%q) = %q, want %q", tt.ref, got, tt.note)
		}
	}
	if !SamePersonKey("TM Mark Ellis", "Mark Ellis (TM)") {
		t.Error(`"TM Mark Ellis" and "Mark Ellis (TM)" are one person`)
	}
}
