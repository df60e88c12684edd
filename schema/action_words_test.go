package schema

import (
	"strings"
	"testing"
)

// TestActionInWords: an action written as a sentence in a list, with no
// Owner or Due field, has its timescale read from its words as the Due
// field is read, and keeps the phrases that may name its owner; a field,
// when present, wins; words that only look like a timescale are not one.
func TestActionInWords(t *testing.T) {
	tests := []struct {
		item   string
		due    string   // Due as read; "" for none
		owners []string // OwnerInWords, best first
	}{
		{"Claire Dunn will complete a safety plan with Nadia by 12 June 2026 (O1, O3)", "by 12 June 2026", []string{"Claire Dunn"}},
		{"Complete a safety plan - Claire Dunn - 12/06/2026 (O1)", "12/06/2026", []string{"Complete a safety plan", "Claire Dunn"}},
		{"Mum to attend all appointments by 30/06/2026 (O2)", "by 30/06/2026", []string{"Mum"}},
		{"Kerry (mother) will take Sophie to nursery each day (O1)", "each day", []string{"Kerry (mother)"}},
		{"Dad needs to attend the parenting course within 10 working days (O2)", "within 10 working days", []string{"Dad"}},
		{"By 12 June, Claire Dunn will complete a safety plan (O1)", "By 12 June", []string{"Claire Dunn", "Claire Dunn will complete a safety plan"}},
		{"Claire Dunn to see Nadia by 12/6 (O1)", "by 12/6", []string{"Claire Dunn"}},
		{"Safety plan to be completed by Claire Dunn by 12 June (O1)", "by 12 June", []string{"Claire Dunn"}},
		{"Nadia to be seen alone by Claire Dunn every 2 weeks (O1)", "every 2 weeks", []string{"Claire Dunn"}},
		{"Claire Dunn to visit weekly and see Nadia alone (O1)", "weekly and see Nadia alone", []string{"Claire Dunn"}},
		{"Weekly visits - Claire Dunn (O1)", "Weekly visits", []string{"Claire Dunn"}},
		{"Claire\n  Dunn will complete a safety plan with Nadia by 12\n  June 2026 (O1)", "by 12 June 2026", []string{"Claire Dunn"}},
		// The agent of an action named by a noun; not after a participle.
		{"Weekly visits by Claire Dunn (O1), by 30/11/2026", "Weekly visits by Claire Dunn (O1)", []string{"Claire Dunn (O1)"}},
		{"GP review of Nadia's low mood by Dr Kim Green by 17/11/2026 (O3)", "by 17/11/2026", []string{"Dr Kim Green"}},
		{"Attendance checks by Lee Morgan each school day (O1)", "each school day", []string{"Lee Morgan"}},
		{"Daily reading support by the school (O1)", "Daily reading support by the school", []string{"the school"}},
		{"Heating repaired by 30/11/2026 (O2)", "by 30/11/2026", nil},
		{"Follow the safety plan written by Claire Dunn, daily (O1)", "daily", []string{"Follow the safety plan written by Claire Dunn"}},
		{"Attend the appointments arranged by Dr Kim Green - Mum - monthly (O3)", "monthly", []string{"Attend the appointments arranged by Dr Kim Green", "Mum"}},
		// No timescale: the words only look like one.
		{"Safety plan to be completed (O1)", "", []string{"Safety plan to be completed"}},
		{"Claire Dunn to complete a safety plan (O1)", "", []string{"Claire Dunn", "Claire Dunn to complete a safety plan"}},
		{"Claire Dunn to visit - ongoing (O1)", "", []string{"Claire Dunn", "Claire Dunn to visit", "ongoing"}},
		{"Mum to attend the weekly parenting group (O2)", "", []string{"Mum", "Mum to attend the weekly parenting group"}},
		{"Refer Mum to talking therapies following the incident on 3 June 2026 (O3)", "", nil},
		{"Mum will attend her GP appointment on 25/11/2026 (O3)", "on 25/11/2026", []string{"Mum"}},
		{"Dad to attend Jamie's parents' evening on 3 December 2026 (O1)", "on 3 December 2026", []string{"Dad"}},
		{"Claire Dunn to share the disclosure made on 3 June 2026 (O1)", "", []string{"Claire Dunn"}},
		{"Claire Dunn to attend the review session on 3 December 2026 (O1)", "on 3 December 2026", []string{"Claire Dunn"}},
		{"Mum to ensure the referral is completed (O3)", "", []string{"Mum", "Mum to ensure the referral is completed"}},
		{"Mum to attend all appointments (O2)", "", []string{"Mum", "Mum to attend all appointments"}},
		{"Dad to attend every contact session (O2)", "", []string{"Dad", "Dad to attend every contact session"}},
		{"Claire Dunn to see Nadia alone at every visit (O1)", "at every visit", []string{"Claire Dunn"}},
		// A date that is not one is the timescale, for the finding to say why.
		{"Claire Dunn to see Nadia by 31/06/2026 (O1)", "by 31/06/2026", []string{"Claire Dunn"}},
		// No owner: a verb before the name, a passive subject, a joining word.
		{"Support Mum to attend all appointments by 30/06/2026 (O2)", "by 30/06/2026", nil},
		{"Nadia to be taken to nursery each day (O1)", "each day", nil},
		{"Safety plan to be completed, with Nadia, by 12 June (O1)", "by 12 June", []string{"Safety plan to be completed"}},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			_, b := parseBody(KindPlan, "## Actions\n- "+tt.item+"\n")
			if b.Actions == nil || len(b.Actions.Rows) != 1 {
				t.Fatalf("not one action: %+v", b.Actions)
			}
			a := b.Actions.Rows[0]
			if a.Due.Text != tt.due || a.DueInWords != (tt.due != "") {
				t.Errorf("Due = %q (in words %v), want %q", a.Due.Text, a.DueInWords, tt.due)
			}
			var got []string
			for _, c := range a.OwnerInWords {
				got = append(got, c.Text)
			}
			if strings.Join(got, " | ") != strings.Join(tt.owners, " | ") {
				t.Errorf("OwnerInWords = %q, want %q", got, tt.owners)
			}
			if a.Owner.Text != "" {
				t.Errorf("Owner = %q, want none", a.Owner.Text)
			}
		})
	}
}

// TestActionInWordsFieldsWin: a labelled field is read as written and the
// sentence is not read for it; a timescale in the Owner field with no Due
// field is split off it ("Lead: Claire Dunn, by 12 June").
func TestActionInWordsFieldsWin(t *testing.T) {
	tests := []struct {
		item, owner, due string
		inWords          bool // Due read from the words or the Owner field
		phrases          int  // len(OwnerInWords)
	}{
		{"Claire Dunn will complete a safety plan by 12 June. Owner: TBC. Due: ongoing (O1)", "TBC", "ongoing", false, 0},
		{"Claire Dunn will complete a safety plan by 12 June. Due: ongoing (O1)", "", "ongoing", false, 1},
		{"Claire Dunn will complete a safety plan by 12 June. Owner: Sam Doe (O1)", "Sam Doe", "by 12 June", true, 0},
		{"Lead: Claire Dunn, by 12 June (O1)", "Claire Dunn", "by 12 June", true, 0},
		{"Complete a safety plan. Who: Claire Dunn - weekly (O1)", "Claire Dunn", "weekly", true, 0},
		{"Complete a safety plan. Owner: Claire Dunn, Sam Doe (O1)", "Claire Dunn, Sam Doe", "", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.item, func(t *testing.T) {
			_, b := parseBody(KindPlan, "## Actions\n- "+tt.item+"\n")
			if b.Actions == nil || len(b.Actions.Rows) != 1 {
				t.Fatalf("not one action: %+v", b.Actions)
			}
			a := b.Actions.Rows[0]
			if a.Owner.Text != tt.owner || a.Due.Text != tt.due || a.DueInWords != tt.inWords || len(a.OwnerInWords) != tt.phrases {
				t.Errorf("got owner %q due %q in words %v phrases %d; want %q %q %v %d",
					a.Owner.Text, a.Due.Text, a.DueInWords, len(a.OwnerInWords), tt.owner, tt.due, tt.inWords, tt.phrases)
			}
		})
	}
}

// TestActionInWordsTable: a table's cells are fields; its action's words
// are not read for an owner or a timescale.
func TestActionInWordsTable(t *testing.T) {
	_, b := parseBody(KindPlan, "## Actions\n| Action | Owner | Due | Outcome |\n|---|---|---|---|\n| Claire Dunn will visit weekly |  |  | O1 |\n")
	if b.Actions == nil || len(b.Actions.Rows) != 1 {
		t.Fatalf("not one action: %+v", b.Actions)
	}
	if a := b.Actions.Rows[0]; a.Due.Text != "" || a.DueInWords || a.OwnerInWords != nil {
		t.Errorf("a table row read from its words: %+v", a)
	}
}

// TestSentencesUnderOutcomeHeadings: a section whose lists of sentences,
// none with a field, stand under outcome headings holds those sentences as
// the outcomes' actions; prose under them, or a list under no outcome, is
// still no list of actions.
func TestSentencesUnderOutcomeHeadings(t *testing.T) {
	_, b := parseBody(KindPlan, "## Actions\n\n**O1 - school**\n\n- Mum to walk Jamie to school each day\n- Lee Morgan will report attendance weekly\n\n### O2: the flat\n\n- Claire Dunn to check the heating at each visit\n")
	if b.Actions == nil || len(b.Actions.Rows) != 3 {
		t.Fatalf("want 3 actions, got %+v", b.Actions)
	}
	for i, want := range []struct{ outcome, due, owner string }{
		{"O1", "each day", "Mum"}, {"O1", "weekly", "Lee Morgan"}, {"O2", "at each visit", "Claire Dunn"},
	} {
		a := b.Actions.Rows[i]
		if a.Outcome.Text != want.outcome || a.Due.Text != want.due || len(a.OwnerInWords) == 0 || a.OwnerInWords[0].Text != want.owner {
			t.Errorf("action %d: outcome %q due %q owners %v, want %+v", i, a.Outcome.Text, a.Due.Text, a.OwnerInWords, want)
		}
	}
	// Nested under an item opening with an outcome.
	_, b = parseBody(KindPlan, "## Actions\n\n- **O1** Jamie goes to school\n  - Mum to walk Jamie to school each day\n- **O2** The flat is warm\n  - Claire Dunn to check the heating at each visit\n")
	if b.Actions == nil || len(b.Actions.Rows) != 2 || b.Actions.Rows[0].Outcome.Text != "O1" || b.Actions.Rows[1].Outcome.Text != "O2" {
		t.Fatalf("nested: want 2 actions of O1 and O2, got %+v", b.Actions)
	}
	for _, body := range []string{
		"## Actions\n\n**O1 - school**\n\nMum will walk Jamie to school each day.\n",
		"## Actions\n\n- Mum to walk Jamie to school each day\n",
		"## Actions\n\n- Jamie goes to school\n  - Mum to walk Jamie to school each day\n",
	} {
		if _, b := parseBody(KindPlan, body); b.Actions != nil {
			t.Errorf("%q: want no actions, got %d", body, len(b.Actions.Rows))
		}
	}
}
