package schema

import "testing"

func TestCanonicalLegalStatus(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when not a legal status
	}{
		{"interim care order", StatusInterimCareOrder},
		{"Interim  Care Order", StatusInterimCareOrder},
		{"ICO", StatusInterimCareOrder},
		{"ICO (s38 CA 1989)", StatusInterimCareOrder},
		{"care order", StatusCareOrder},
		{"full care order", StatusCareOrder},
		{"Final Care Order (s.31)", StatusCareOrder},
		{"section 20", StatusSection20},
		{"s20", StatusSection20},
		{"S.20", StatusSection20},
		{"s.20 CA 1989", StatusSection20},
		{"Section20", StatusSection20},
		{"accommodated under section 20", StatusSection20},
		{"voluntary accommodation", StatusSection20},
		{"voluntarily accommodated (s20)", StatusSection20},
		{"placement order", StatusPlacementOrder},
		{"police protection", StatusPoliceProtection},
		{"PPO (s46)", StatusPoliceProtection},
		{"emergency protection order", StatusEmergencyProtection},
		{"EPO", StatusEmergencyProtection},
		{"interim supervision order", StatusSupervisionOrder},
		{"supervision order", StatusSupervisionOrder},
		{"special guardianship order", StatusSpecialGuardianship},
		{"child arrangements order", StatusChildArrangementsOrder},
		{"none", StatusNone},
		{"None", StatusNone},
		{"returned home", StatusNone},
		{"s20 ended", StatusNone},
		{"section 20 ended: returned home to mother", StatusNone},
		{"discharged", StatusNone},
		{"care order discharged", StatusNone},
		{"ICO discharged", StatusNone},
		{"no order", StatusNone},
		{"not looked after", StatusNone},
		{"Care Order (interim)", StatusInterimCareOrder}, // interim, whatever the order of the words
		{"Interim care order renewed", StatusInterimCareOrder},
		{"Section 20 consent withdrawn", StatusNone}, // a parent may remove the child at any time
		{"S20 agreement withdrawn by mother", StatusNone},
		{"ICO application refused", StatusNone},
		{"interim care order not granted", StatusNone},
		{"ICO not made", StatusNone},
		{"section 20 declined", StatusNone},
		{"s20 not agreed", StatusNone},
		{"no s20", StatusNone},
		{"No ICO", StatusNone},
		// Asked for or awaited: no order in force (LegalStatusPending).
		{"ICO applied for", ""},
		{"applied for ICO", ""},
		{"awaiting ICO", ""},
		{"ICO adjourned", ""},
		{"ICO hearing adjourned", ""},
		{"care order application", ""},
		{"Care order sought", ""},
		{"ICO pending", ""},
		{"ICO to be sought", ""},
		{"ICO (application granted)", StatusInterimCareOrder},
		{"Returned to mother's care", StatusNone},
		{"Returned to parents", StatusNone},
		{"Back home with mum", StatusNone},
		{"Home with dad", StatusNone},
		{"returned to foster care", ""}, // not home: which status?
		{"looked after", ""},
		{"in care", ""},
		{"LAC", ""},
		{"section 21", ""},
		{"s 47", ""},
		{"", ""},
		{"   ", ""},
	}
	for _, tc := range tests {
		got, ok := CanonicalLegalStatus(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("CanonicalLegalStatus(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
	for _, s := range LegalStatuses {
		if got, ok := CanonicalLegalStatus(s); !ok || got != s {
			t.Errorf("canonical %q reads as %q, %v", s, got, ok)
		}
	}
}

// A single [legal_status] table, where the format wants [[legal_status]],
// is reported and still read as the one entry: no rule may read the case
// as having no legal status.
func TestSingleLegalStatusTable(t *testing.T) {
	in := rec(caseHead, `[legal_status]`, `status = "ICO"`, `from = 2026-07-07`)
	doc, ok := Parse("case.md", []byte(in))
	if !ok {
		t.Fatal("not a record")
	}
	checkProblems(t, doc.Source, doc.Problems, []string{"8:1 legal_status: expected [[legal_status]] tables, found a table"})
	got := doc.Record.(*CaseRecord).LegalStatus
	if len(got) != 1 || got[0].Status != StatusInterimCareOrder || got[0].From != NewDate(2026, 7, 7) {
		t.Errorf("LegalStatus = %+v, want the one interim care order from 2026-07-07", got)
	}
}
