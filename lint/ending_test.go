package lint

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/schema"
)

func day(s string) schema.Date {
	d, err := schema.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func endingCase(born string, statuses [][2]string, plan *schema.Plan, conferences ...*schema.Conference) *Case {
	rec := &schema.CaseRecord{Child: schema.Child{Name: "Ellie"}}
	if born == "unborn" {
		rec.Child.Unborn = true
	} else if born != "" {
		rec.Child.Born = day(born)
	}
	for _, s := range statuses {
		rec.LegalStatus = append(rec.LegalStatus, schema.LegalStatus{Status: s[0], From: day(s[1])})
	}
	var records []schema.Record
	if plan != nil {
		records = append(records, plan)
	}
	for _, cf := range conferences {
		records = append(records, cf)
	}
	return NewCase("case", rec, records)
}

func TestAnniversary(t *testing.T) {
	tests := []struct{ born, want string }{
		{"2008-11-20", "2026-11-20"},
		{"2008-02-29", "2026-03-01"}, // a common year: the day after 28 February
		{"2004-02-29", "2022-03-01"},
	}
	for _, tc := range tests {
		if got := Anniversary(day(tc.born), 18); got != day(tc.want) {
			t.Errorf("Anniversary(%s, 18) = %s, want %s", tc.born, got, tc.want)
		}
	}
	if got := Anniversary(day("2008-02-29"), 20); got != day("2028-02-29") {
		t.Errorf("a leap year keeps 29 February: %s", got)
	}
	if got := Anniversary(schema.Date{}, 18); !got.IsZero() {
		t.Errorf("no date of birth: %s", got)
	}
}

func TestAgeOn(t *testing.T) {
	c := endingCase("2008-11-20", nil, nil)
	for _, tc := range []struct {
		on   string
		want int
	}{
		{"2026-11-19", 17}, // the day before the 18th birthday
		{"2026-11-20", 18}, // the birthday
		{"2008-11-20", 0},
		{"2009-11-19", 0},
		{"2009-11-20", 1},
	} {
		if got, ok := c.AgeOn(day(tc.on)); !ok || got != tc.want {
			t.Errorf("AgeOn(%s) = %d, %v; want %d", tc.on, got, ok, tc.want)
		}
	}
	if _, ok := c.AgeOn(day("2008-11-19")); ok {
		t.Error("before birth: want false")
	}
	leap := endingCase("2008-02-29", nil, nil)
	if got, _ := leap.AgeOn(day("2026-02-28")); got != 17 {
		t.Errorf("born 29 February, on 28 February 2026: %d, want 17", got)
	}
	if got, _ := leap.AgeOn(day("2026-03-01")); got != 18 {
		t.Errorf("born 29 February, on 1 March 2026: %d, want 18", got)
	}
	if got, _ := leap.AgeOn(day("2009-02-28")); got != 0 {
		t.Errorf("born 29 February, on 28 February 2009: %d, want 0", got)
	}
	if !leap.IsBabyOn(day("2009-02-28")) || leap.IsBabyOn(day("2009-03-01")) {
		t.Error("IsBabyOn must follow AgeOn")
	}
	if _, ok := endingCase("unborn", nil, nil).AgeOn(day("2026-01-01")); ok {
		t.Error("unborn: want false")
	}
	if _, ok := endingCase("", nil, nil).AgeOn(day("2026-01-01")); ok {
		t.Error("no date of birth: want false")
	}
	ten := endingCase("2016-05-01", nil, nil)
	if ten.OfAgeAndUnderstandingOn(day("2026-04-30")) || !ten.OfAgeAndUnderstandingOn(day("2026-05-01")) {
		t.Error("OfAgeAndUnderstandingOn: 10 on the 10th birthday, not the day before")
	}
	if d, ok := c.BirthdayOf(18); !ok || d != day("2026-11-20") {
		t.Errorf("BirthdayOf(18) = %s, %v", d, ok)
	}
}

func TestLegalStatusOn(t *testing.T) {
	c := endingCase("2012-01-01", [][2]string{
		{"section 20", "2026-06-01"},
		{"none", "2026-07-10"}, // returned home
		{"interim care order", "2026-09-14"},
		{"police protection", "2026-03-01"}, // out of order in case.md
	}, nil)
	for _, tc := range []struct {
		on, want    string
		lookedAfter bool
	}{
		{"2026-02-28", "", false},
		{"2026-03-01", schema.StatusPoliceProtection, false},
		{"2026-05-31", schema.StatusPoliceProtection, false},
		{"2026-06-01", schema.StatusSection20, true},
		{"2026-07-09", schema.StatusSection20, true},
		{"2026-07-10", schema.StatusNone, false},
		{"2026-09-13", schema.StatusNone, false},
		{"2026-09-14", schema.StatusInterimCareOrder, true},
		{"2030-01-01", schema.StatusInterimCareOrder, true},
	} {
		st, ok := c.LegalStatusOn(day(tc.on))
		if ok != (tc.want != "") || st.Status != tc.want || c.LookedAfterOn(day(tc.on)) != tc.lookedAfter {
			t.Errorf("LegalStatusOn(%s) = %q, %v (looked after %v); want %q (%v)", tc.on, st.Status, ok, c.LookedAfterOn(day(tc.on)), tc.want, tc.lookedAfter)
		}
	}
	if next, ok := c.NextLegalStatusAfter(day("2026-07-10")); !ok || next.Status != schema.StatusInterimCareOrder {
		t.Errorf("NextLegalStatusAfter = %+v, %v", next, ok)
	}

	// Statuses as written are read as the decoder reads them; unknown
	// words are kept, not looked after.
	raw := endingCase("2012-01-01", [][2]string{{"S.20 CA 1989", "2026-06-01"}, {"LAC", "2026-07-01"}, {"full care order", "2026-08-01"}}, nil)
	if st, _ := raw.LegalStatusOn(day("2026-06-01")); st.Status != schema.StatusSection20 || !st.Known() || !st.DischargedAtReview() {
		t.Errorf("s.20 CA 1989: %+v", st)
	}
	if st, _ := raw.LegalStatusOn(day("2026-07-01")); st.Known() || st.LookedAfter() {
		t.Errorf("LAC must not be read as looked after: %+v", st)
	}
	if st, _ := raw.LegalStatusOn(day("2026-08-01")); st.Status != schema.StatusCareOrder || !st.LookedAfter() || st.DischargedAtReview() {
		t.Errorf("full care order: %+v", st)
	}
	for _, s := range []string{schema.StatusInterimCareOrder, schema.StatusCareOrder, schema.StatusPlacementOrder, schema.StatusSection20} {
		if !(LegalStatus{Status: s}).LookedAfter() {
			t.Errorf("%s must make the child looked after", s)
		}
	}
	for _, s := range []string{schema.StatusEmergencyProtection, schema.StatusPoliceProtection, schema.StatusSupervisionOrder, schema.StatusSpecialGuardianship, schema.StatusChildArrangementsOrder, schema.StatusNone} {
		if (LegalStatus{Status: s}).LookedAfter() {
			t.Errorf("%s must not make the child looked after", s)
		}
	}
	if _, ok := endingCase("2012-01-01", nil, nil).LegalStatusOn(day("2026-01-01")); ok {
		t.Error("no [[legal_status]]: want false")
	}
}

func TestCessationReason(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"no longer at risk", ReasonNoLongerAtRisk, true},
		{"Reached 18", ReasonReached18, true},
		{"left the uk", ReasonLeftUK, true},
		// An intention or a stay away is not having left (C06 §07 "permanently left the UK").
		{"plans to move abroad", ReasonMoved, false},
		{"family planning to emigrate", "", false},
		{"Mia will move abroad next month", ReasonMoved, false},
		{"mother intends to relocate overseas with Mia", ReasonMoved, false},
		{"left the UK on holiday", "", false},
		{"visiting family abroad", "", false},
		{"temporarily left the country", "", false},
		{"going to live abroad", "", false},
		{"moved permanently to Poland with her mother", ReasonLeftUK, true},
		{"relocated to Romania", ReasonLeftUK, true},
		{"the family emigrated to Canada", ReasonLeftUK, true},
		{"moved abroad", ReasonLeftUK, true},
		{"moved to Cheshire", ReasonMoved, false},
		{"18", ReasonReached18, true},
		{"turned 18", ReasonReached18, true},
		{"child reached 18", ReasonReached18, true},
		{"18th birthday", ReasonReached18, true},
		{"reached eighteen", ReasonReached18, true},
		{"transfer to adult services", ReasonReached18, true},
		{"moved area", ReasonMoved, true},
		{"moved out of area", ReasonMoved, true},
		{"transferred to Cheshire", ReasonMoved, true},
		{"transferred to Cheshire on 18/05/2026", ReasonMoved, true},
		{"transferred 18 May 2026", ReasonMoved, true},
		{"moved to another local authority", ReasonMoved, true},
		{"now looked after", ReasonLookedAfter, true},
		{"child in care", ReasonLookedAfter, true},
		{"LAC", ReasonLookedAfter, true},
		{"ICO granted", ReasonLookedAfter, true},
		{"accommodated under s20", ReasonLookedAfter, true},
		{"no longer at risk of significant harm", ReasonNoLongerAtRisk, true},
		{"no longer requires a child protection plan", ReasonNoLongerAtRisk, true},
		{"step down to CIN", ReasonNoLongerAtRisk, true},
		{"stepped down to child in need plan", ReasonNoLongerAtRisk, true},
		{"child died", ReasonDied, true},
		{"deceased", ReasonDied, true},
		{"moved abroad", ReasonLeftUK, true},
		{"emigrated to Australia", ReasonLeftUK, true},
		{"no longer looked after", "", false},
		{"moved", ReasonMoved, false},
		{"moved house", ReasonMoved, false},
		{"moved to grandmother's", ReasonMoved, false},
		{"risk reduced", ReasonNoLongerAtRisk, false},
		{"no longer at rsk", ReasonNoLongerAtRisk, false}, // a typo: "did you mean"
		{"reachd 18", ReasonReached18, true},
		{"died.", ReasonDied, true},
		{"case closed", "", false},
		{"ceased at review", ReasonNoLongerAtRisk, false},
		{"Moved permanently to Leeds", ReasonMoved, false},
		{"Plan ended 18/05/2026", "", false},
		{"Now LAC (ICO 12/05/2026)", ReasonLookedAfter, true},
		{"Placement order granted", ReasonLookedAfter, true},
		{"left the UK (moved to Poland)", ReasonLeftUK, true},
		{"Reached 18 years of age", ReasonReached18, true},
		{"Accommodated under s20 - plan discharged at review", ReasonLookedAfter, true}, // the plan discharged, not the order
		{"ICO granted - CP plan ended", ReasonLookedAfter, true},
		{"Interim Care Order made; plan discharged by letter", ReasonLookedAfter, true},
		{"S.20 - CP plan ceased at review", ReasonLookedAfter, true},
		{"returned home", "", false},                                                   // not looked after
		{"a Child Protection Plan is no longer necessary", ReasonNoLongerAtRisk, true}, // C06 §07's own words
		{"Plan no longer required", ReasonNoLongerAtRisk, true},
		{"No longer meets threshold", ReasonNoLongerAtRisk, true},
		{"", "", false},
	}
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		// Someone else's death or departure is not the child's: the risk
		// gone is the review conference's judgement.
		{"Risk removed - father has left the UK", ReasonNoLongerAtRisk, true},
		{"No longer at risk - alleged abuser deceased", ReasonNoLongerAtRisk, true},
		{"Perpetrator left the country", ReasonNoLongerAtRisk, false},
		{"Risk removed: Dad emigrated", ReasonNoLongerAtRisk, true},
		{"Mum's new partner (the risk) has died", ReasonNoLongerAtRisk, false},
		{"Father deceased", ReasonNoLongerAtRisk, false},
		{"Mia's father died", ReasonNoLongerAtRisk, false},
		{"The child's abuser has moved abroad", ReasonNoLongerAtRisk, false},
		{"Person posing a risk emigrated to Spain", ReasonNoLongerAtRisk, false},
		{"Dad emigrated, Mia stays with her mother", ReasonNoLongerAtRisk, false},
		{"Dad emigrated but Mia remains in Stoke", ReasonNoLongerAtRisk, false},
		{"Mother's death; Mia now lives with her aunt", ReasonNoLongerAtRisk, false},
		{"Parents left the UK", ReasonNoLongerAtRisk, false}, // whether the child went too is not said
		{"No longer at risk as stepfather has left the UK", ReasonNoLongerAtRisk, true},
		// The child's own.
		{"Mia died on 3 February 2026", ReasonDied, true},
		{"Mia's death", ReasonDied, true},
		{"Following the death of Mia", ReasonDied, true},
		{"Died in hospital", ReasonDied, true},
		{"Child passed away", ReasonDied, true},
		{"Family emigrated to Canada with Mia", ReasonLeftUK, true},
		{"Family moved abroad", ReasonLeftUK, true},
		{"Child moved abroad", ReasonLeftUK, true},
		{"Mother emigrated to Spain with the children", ReasonLeftUK, true},
		{"Mia and mum moved abroad", ReasonLeftUK, true},
		{"Mum and Mia emigrated", ReasonLeftUK, true},
		{"Mia, her mother and brother emigrated to Canada", ReasonLeftUK, true},
		{"Young person left the UK with father", ReasonLeftUK, true},
		{"Mia left the U.K. after her father died", ReasonLeftUK, true},
		// Adulthood and 18 are the child's age, not another adult or a
		// length of time.
		{"No longer at risk after 18 months of progress", ReasonNoLongerAtRisk, true},
		{"Risk from adult male removed", ReasonNoLongerAtRisk, true},
		{"No ongoing risk", ReasonNoLongerAtRisk, true},
		{"Risk reduced", ReasonNoLongerAtRisk, false},
		{"Adult male (the risk) no longer in the household - no longer at risk", ReasonNoLongerAtRisk, true},
		{"Now an adult", ReasonReached18, true},
		{"Reached adulthood", ReasonReached18, true},
		{"Transferred to adult social care", ReasonReached18, true},
		{"Turned 18 - stepped down", ReasonReached18, true},
		// A step down transferred within the authority is not a move.
		{"No longer at risk - stepped down and transferred to the CIN team", ReasonNoLongerAtRisk, true},
		{"Transferred to the CIN team", ReasonNoLongerAtRisk, true},
		{"Stepped down to early help", ReasonNoLongerAtRisk, true},
		{"Transferred to Staffordshire", ReasonMoved, true},
	} {
		got, ok := CessationReason(tc.in, "Mia")
		if got != tc.want || ok != tc.ok {
			t.Errorf("CessationReason(%q, \"Mia\") = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	for _, tc := range tests {
		got, ok := CessationReason(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("CessationReason(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	for _, r := range CessationReasons {
		if got, ok := CessationReason(strings.ToUpper(r)); !ok || got != r {
			t.Errorf("%q: %q, %v", r, got, ok)
		}
	}
}

func TestCessationContradiction(t *testing.T) {
	plan := func(started, ended, reason string) *schema.Plan {
		return &schema.Plan{Started: day(started), Cessation: &schema.Cessation{Date: day(ended), Reason: reason}}
	}
	transfer := func(on, notified string) *schema.Conference {
		cf := &schema.Conference{Kind: schema.ConferenceTransfer, Date: day(on), Decision: schema.DecisionPlan}
		if notified != "" {
			cf.Notified = day(notified)
		}
		return cf
	}
	tests := []struct {
		name string
		c    *Case
		want string // a part of the contradiction; "" for none
	}{
		{"18 the day before the birthday", endingCase("2008-11-20", nil, plan("2026-05-01", "2026-11-19", "reached 18")), "was 17 on 19 November 2026"},
		{"18 on the birthday", endingCase("2008-11-20", nil, plan("2026-05-01", "2026-11-20", "18")), ""},
		{"18 after three months", endingCase("2009-06-01", nil, plan("2026-01-12", "2026-04-12", "turned 18")), "reaches 18 on 1 June 2027"},
		{"18 leap day, 28 February", endingCase("2008-02-29", nil, plan("2025-11-03", "2026-02-28", "reached 18")), "reaches 18 on 1 March 2026"},
		{"18 leap day, 1 March", endingCase("2008-02-29", nil, plan("2025-11-03", "2026-03-01", "reached 18")), ""},
		{"18 unborn", endingCase("unborn", nil, plan("2026-01-12", "2026-04-12", "reached 18")), "unborn"},
		{"18 no date of birth", endingCase("", nil, plan("2026-01-12", "2026-04-12", "reached 18")), ""},
		{"looked after, no status", endingCase("2014-01-01", nil, plan("2026-01-12", "2026-04-12", "looked after")), "no legal status"},
		{"looked after, status from that day", endingCase("2014-01-01", [][2]string{{"ICO", "2026-04-12"}}, plan("2026-01-12", "2026-04-12", "looked after")), ""},
		{"looked after, status from the day after", endingCase("2014-01-01", [][2]string{{"ICO", "2026-04-13"}}, plan("2026-01-12", "2026-04-12", "looked after")), "recorded only from 13 April 2026"},
		{"looked after, returned home", endingCase("2014-01-01", [][2]string{{"s20", "2026-03-01"}, {"returned home", "2026-04-01"}}, plan("2026-01-12", "2026-04-12", "child in care")), "\"none\" from 1 April 2026"},
		{"looked after, police protection", endingCase("2014-01-01", [][2]string{{"police protection", "2026-04-10"}}, plan("2026-01-12", "2026-04-12", "looked after")), "police protection, which does not"},
		{"looked after, unreadable status", endingCase("2014-01-01", [][2]string{{"LAC", "2026-04-10"}}, plan("2026-01-12", "2026-04-12", "looked after")), ""},
		{"moved, no transfer conference", endingCase("2014-01-01", nil, plan("2026-01-12", "2026-04-12", "moved area")), "no transfer conference"},
		{"moved, only the transfer-in conference", endingCase("2014-01-01", nil, plan("2026-01-12", "2026-04-12", "moved area"), transfer("2026-01-12", "2025-12-20")), "no transfer conference"},
		{"moved, transfer conference", endingCase("2014-01-01", nil, plan("2026-01-12", "2026-04-12", "moved area"), transfer("2026-04-12", "")), ""},
		{"died", endingCase("2014-01-01", nil, plan("2026-01-12", "2026-04-12", "died")), ""},
		{"unknown reason", endingCase("2014-01-01", nil, plan("2026-01-12", "2026-04-12", "case closed")), ""},
	}
	for _, tc := range tests {
		got := tc.c.CessationContradiction()
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q; want %q", tc.name, got, tc.want)
		}
	}
}

func TestPlanActiveAfterAndReviews(t *testing.T) {
	review := func(on string) *schema.Conference {
		return &schema.Conference{Kind: schema.ConferenceReview, Date: day(on), Decision: schema.DecisionContinue}
	}
	open := endingCase("2014-01-01", nil, &schema.Plan{Started: day("2026-01-12")}, review("2026-04-14"), review("2026-09-22"))
	if !open.PlanActiveAfter(nil, day("2030-01-01")) {
		t.Error("an open plan is active")
	}
	if cf := open.FirstReviewAfter(day("2026-04-14")); cf == nil || cf.Date != day("2026-09-22") {
		t.Errorf("FirstReviewAfter is strictly after: %v", cf)
	}
	ended := endingCase("2014-01-01", nil, &schema.Plan{Started: day("2026-01-12"), Cessation: &schema.Cessation{Date: day("2026-05-01")}})
	if !ended.PlanActiveAfter(nil, day("2026-04-30")) || ended.PlanActiveAfter(nil, day("2026-05-01")) {
		t.Error("a plan ended on 1 May is active after 30 April, not after 1 May")
	}
	if endingCase("2014-01-01", nil, nil).PlanActiveAfter(nil, day("2026-01-01")) {
		t.Error("no plan: not active")
	}
}

func TestConferenceAt(t *testing.T) {
	doc := func(p string, rec schema.Record) *schema.Document {
		return &schema.Document{Source: &schema.Source{Path: p}, Kind: schema.KindConference, Record: rec}
	}
	review := &schema.Conference{Kind: schema.ConferenceReview}
	initial := &schema.Conference{Kind: schema.ConferenceInitial}
	c := NewCase("cases/SOT-0042", nil, nil)
	c.Documents = []*schema.Document{
		doc("cases/SOT-0042/conferences/2026-01-12-initial.md", initial),
		doc("cases/SOT-0042/conferences/2026-07-14-review.md", review),
		doc("cases/SOT-0042/old/2026-07-14-review.md", review), // not a conference folder, same name
		doc("cases/SOT-0042/conferences/2026-08-01-transfer.md", nil),
	}
	for _, tc := range []struct {
		rel  string
		want *schema.Conference
	}{
		{"conferences/2026-01-12-initial.md", initial},
		{" ./conferences/2026-01-12-initial.md ", initial},
		{`conferences\2026-01-12-initial.md`, initial},
		{"2026-01-12-initial.md", initial},                            // the file name alone
		{"Conferences/2026-01-12-Initial.md", initial},                // letters in another case
		{"conferences/2026-01-12-initial", initial},                   // no .md
		{"SOT-0042/conferences/2026-01-12-initial.md", initial},       // with the case folder
		{"cases/SOT-0042/conferences/2026-01-12-initial.md", initial}, // from the root
		{"conferences/2026-07-14-review.md", review},                  // exact, though its name is twice
		{"2026-07-14-review.md", nil},                                 // two records: which?
		{"conferences/2026-07-15-review.md", nil},
		{"initial.md", nil}, // part of a name is not a name
		{"", nil},
	} {
		got, _ := c.ConferenceAt(tc.rel)
		if got != tc.want {
			t.Errorf("ConferenceAt(%q) = %v, want %v", tc.rel, got, tc.want)
		}
	}
	if cf, d := c.ConferenceAt("2026-08-01-transfer.md"); cf != nil || d == nil {
		t.Errorf("a record that could not be read: got %v, %v; want nil and its document", cf, d)
	}
}

func TestStatusBegunBetween(t *testing.T) {
	c := endingCase("2012-03-01", [][2]string{{"s20", "2026-05-04"}, {"ICO", "2026-05-20"}}, nil)
	for _, tc := range []struct {
		after, through string
		want           bool
	}{
		{"2026-05-04", "2026-07-08", true},
		{"2026-05-04", "2026-05-20", true},  // made on the last day
		{"2026-05-04", "2026-05-19", false}, // made the day after
		{"2026-05-20", "2026-07-08", false}, // made on the first day: not after it
	} {
		if got := c.StatusBegunBetween(schema.StatusInterimCareOrder, day(tc.after), day(tc.through)); got != tc.want {
			t.Errorf("StatusBegunBetween(ICO, %s, %s) = %v, want %v", tc.after, tc.through, got, tc.want)
		}
	}
}

func TestCessationNeedsReview(t *testing.T) {
	stoke, oxon := &Profile{Base: ProfileStoke}, &Profile{Base: ProfileOxfordshire}
	plan := func(reason string) *schema.Plan {
		return &schema.Plan{Started: day("2026-01-12"), Cessation: &schema.Cessation{Date: day("2026-07-14"), Reason: reason}}
	}
	s20 := [][2]string{{"s20", "2026-07-01"}}
	ico := [][2]string{{"s20", "2026-07-01"}, {"ICO", "2026-07-14"}}
	for _, tc := range []struct {
		name     string
		statuses [][2]string
		plan     *schema.Plan
		p        *Profile
		want     bool
	}{
		{"no longer at risk", nil, plan("No longer at risk of significant harm"), oxon, true},
		{"step down", nil, plan("step down to CIN"), stoke, true},
		{"section 20, stoke", s20, plan("looked after"), stoke, true},
		{"section 20, oxfordshire", s20, plan("looked after"), oxon, false},
		{"an ICO that day", ico, plan("looked after"), stoke, false},
		{"reached 18", nil, plan("reached 18"), stoke, false},
		{"unreadable reason", nil, plan("case closed"), stoke, false},
		{"not ended", nil, &schema.Plan{Started: day("2026-01-12")}, stoke, false},
	} {
		c := endingCase("2012-03-01", tc.statuses, tc.plan)
		if _, got := c.CessationNeedsReview(tc.p); got != tc.want {
			t.Errorf("%s: CessationNeedsReview = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestFollowUpRecorded(t *testing.T) {
	p := &Profile{Words: Words{Placeholders: []string{"tbc", "none", "n/a"}}}
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"child in need plan", true},
		{"Step down to child in need: CIN plan, first meeting 28 July 2026", true},
		{"Early help", true},
		{"NFA: the family has left the UK; referral made to the Polish authorities", true},
		{"None needed: Sophie died", true},
		{"", false},
		{"TBC", false},
		{"None.", false},
		{"NFA", false},
		{"No further action", false},
		{"Case closed.", false},
		{"none required", false},
		// Nothing-follows wordings together say nothing more.
		{"NFA - case closed", false},
		{"Closed to Childrens Social Care", false},
		{"Closed to Children's Social Care.", false},
		{"No further action. Case closed.", false},
		{"Case closed on 11/02/2026, no further involvement", false},
		{"Closed to CSC; open to Early Help (Hillside family support worker)", true},
		{"NFA - Mia and her mother have left the UK", true},
		{"Case closed: child in need plan led by Tom Reed", true},
	} {
		if got := FollowUpRecorded(p, tc.in); got != tc.want {
			t.Errorf("FollowUpRecorded(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestInForceInPlan(t *testing.T) {
	plan := &schema.Plan{Started: day("2026-01-20")}
	c := endingCase("2012-03-01", [][2]string{
		{"ICO", "2025-03-03"}, {"returned home", "2025-09-01"}, // before the plan: history
		{"s20", "2025-12-01"}, // in force when the plan started
		{"care order", "2026-06-01"},
	}, plan)
	st := c.LegalStatuses()
	for _, tc := range []struct {
		i    int
		want string // "" when not in force in the plan
	}{
		{0, ""},
		{1, ""}, // "returned home", then section 20 before the plan began
		{2, "2026-01-20"},
		{3, "2026-06-01"},
	} {
		got, ok := c.InForceInPlan(st[tc.i])
		switch {
		case tc.want == "" && ok:
			t.Errorf("%s from %s: in force from %s, want history", st[tc.i].Status, st[tc.i].From, got)
		case tc.want != "" && (!ok || got != day(tc.want)):
			t.Errorf("%s from %s: %s, %v; want %s", st[tc.i].Status, st[tc.i].From, got, ok, tc.want)
		}
	}
}

func TestExceptionalCircumstancesRecorded(t *testing.T) {
	p := &Profile{Words: Words{Placeholders: []string{"tbc", "none", "n/a", "-"}}}
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"Father sentenced to 6 years; review brought forward", true},
		{"No contact with the alleged abuser since he was remanded in custody", true},
		{"None - Mia moved to live with her father in Scotland under a court order", true},
		{"Not applicable: the conference brought the review forward after the father's conviction", true},
		{"", false},
		{"TBC", false},
		{"-", false},
		{"None.", false},
		{"None identified", false},
		{"No exceptional circumstances", false},
		{"No exceptional circumstances identified at this time", false},
		{"Not applicable", false},
		{"N/A.", false},
		{"No", false},
		{"nil", false},
		{"Not known", false},
		{"There were no exceptional circumstances", false},
		{"None - see minutes", false},
	} {
		if got := ExceptionalCircumstancesRecorded(p, tc.in); got != tc.want {
			t.Errorf("ExceptionalCircumstancesRecorded(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	if SaysNone("") || !SaysNone("None identified") || SaysNone("Exceptional circumstances: father imprisoned") {
		t.Error("SaysNone: want true only for an answer that says there were none")
	}
}
