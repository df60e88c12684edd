package lint

import (
	"strings"
	"testing"
)

func TestBirthInWords(t *testing.T) {
	p, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	unborn := seeingCase(t, "unborn = true\nexpected = 2026-03-20", "")
	born := seeingCase(t, "born = 2026-02-28", "")
	name := unborn.Child().Name
	pass := &Pass{Case: unborn, Profile: p}
	reason := func(text string) bool {
		t.Helper()
		v := visit(t, `date = 2026-03-03T10:00:00`, `by = "Aisha Patel"`, `child_seen = false`, `not_seen_reason = "`+strings.ReplaceAll(text, "NAME", name)+`"`)
		_, _, ok := pass.BirthInWords(v)
		return ok
	}
	for text, want := range map[string]bool{
		"NAME was born on 28 February at 34 weeks":                true,
		"NAME born 28/02, still in SCBU":                          true,
		"Baby born 28.02.26 by emergency C-section":               true,
		"The baby was born early, on 28 February":                 true,
		"Sam gave birth to NAME on Saturday":                      true,
		"Sam gave birth on 28/02 at the JR":                       true,
		"NAME was born on the first of March":                     true,
		"NAME was born last week and is still in hospital":        true,
		"NAME was born earlier than expected":                     true,
		"Twins were born on 28/02; both in SCBU":                  true,
		"Sam had the baby on Saturday at the JR":                  true,
		"Sam has had the baby":                                    true,
		"Baby in SCBU":                                            true,
		"NAME still in hospital, Sam visiting daily":              true,
		"Sam had the baby monitor set up":                         false,
		"Sam had her first baby at 17":                            false,
		"Once Sam has had the baby she will stay at the unit":     false,
		"Sam was shown round SCBU":                                false,
		"NAME has not been born yet":                              false,
		"NAME not yet born: visit to Sam, 30 weeks pregnant":      false,
		"Baby not born yet":                                       false,
		"Unborn baby - visit to mother":                           false,
		"Sam is 36 weeks pregnant; baby due to be born at the JR": false,
		"Once the baby is born Sam will stay at the unit":         false,
		"When baby born, visits every 2 weeks":                    false,
		"Sam's first baby was born prematurely and was adopted":   false,
		"Her older child was born in Reading":                     false,
		"Sam's son was born in 2019 and lives with his father":    false,
		"Sam gave birth to her first child at 17":                 false,
		"The children were born in Reading":                       false,
		"Sam was born in Poland":                                  false,
		"Sam talked about her birth plan":                         false,
	} {
		if got := reason(text); got != want {
			t.Errorf("BirthInWords(%q) = %v, want %v", text, got, want)
		}
	}
	// In the notes, at the sentence.
	v := visit(t, `date = 2026-03-03T10:00:00`, `by = "Aisha Patel"`, `child_seen = false`)
	if _, _, ok := pass.BirthInWords(v); ok {
		t.Error("a visit with no words says no birth")
	}
	// A child recorded born: nothing to say.
	bpass := &Pass{Case: born, Profile: p}
	if _, _, ok := bpass.BirthInWords(visit(t, `date = 2026-03-03T10:00:00`, `by = "Aisha Patel"`, `child_seen = false`, `not_seen_reason = "Baby born 28/02"`)); ok {
		t.Error("a child recorded born is not asked for a birth in words")
	}
}
