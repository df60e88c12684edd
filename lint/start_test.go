package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

func sd(s string) schema.Date {
	t, err := schema.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func sconf(kind, date, decision, file string) *schema.Conference {
	cf := &schema.Conference{Kind: kind, Date: sd(date), Decision: decision}
	cf.Doc = &schema.Document{Source: &schema.Source{Path: "c/conferences/" + file}}
	return cf
}

func scg(date string) *schema.CoreGroup {
	return &schema.CoreGroup{Date: sd(date), Doc: &schema.Document{}, Attended: []string{"Ann Lee"}}
}

func startCase(plan *schema.Plan, recs ...schema.Record) *Case {
	all := []schema.Record{plan}
	all = append(all, recs...)
	c := NewCase("c", &schema.CaseRecord{}, all)
	// The conferences' documents, as assemble keeps them: a [cessation]
	// names its conference by path (Case.ConferenceAt).
	for _, r := range recs {
		if cf, ok := r.(*schema.Conference); ok && cf.Doc != nil {
			c.Documents = append(c.Documents, cf.Doc)
		}
	}
	return c
}

func TestPlanStart(t *testing.T) {
	prevInitial := sconf("initial", "2026-01-12", "plan", "2026-01-12-initial.md")
	prevReview := sconf("review", "2026-04-08", "continue", "2026-04-08-review.md")
	transfer := sconf("transfer", "2026-07-01", "plan", "2026-07-01-transfer.md")
	ourReview := sconf("review", "2026-09-28", "continue", "2026-09-28-review.md")

	cases := []struct {
		name     string
		c        *Case
		want     *schema.Conference
		transfer bool
	}{
		{"initial only", startCase(&schema.Plan{Started: sd("2026-01-12")}, prevInitial), prevInitial, false},
		{"no started: the conference still starts it", startCase(&schema.Plan{}, prevInitial), prevInitial, false},
		{"no conference", startCase(&schema.Plan{Started: sd("2026-01-12")}), nil, false},
		{"no plan decision", startCase(&schema.Plan{Started: sd("2026-01-12")}, sconf("initial", "2026-01-12", "no plan", "x.md")), nil, false},
		{"transfer in, previous authority's initial and review kept",
			startCase(&schema.Plan{Started: sd("2026-07-01")}, prevInitial, prevReview, transfer, ourReview), transfer, true},
		{"transfer in, started wrongly the previous initial, plan continued after the transfer",
			startCase(&schema.Plan{Started: sd("2026-01-12")}, prevInitial, prevReview, transfer, scg("2026-07-10")), transfer, true},
		{"transfer in, started wrongly the previous initial, countersigned after the transfer",
			startCase(&schema.Plan{Started: sd("2026-01-12"), Countersigned: sd("2026-07-03")}, prevInitial, transfer), transfer, true},
		{"transfer out recorded: ceased moved, conference named",
			startCase(&schema.Plan{Started: sd("2026-01-12"), Cessation: &schema.Cessation{Date: sd("2026-07-01"), Reason: "moved to another authority", Conference: "conferences/2026-07-01-transfer.md"}},
				prevInitial, prevReview, transfer), prevInitial, false},
		{"transfer out, the receiving authority's conference the only one recorded",
			startCase(&schema.Plan{Started: sd("2026-01-12"), Cessation: &schema.Cessation{Date: sd("2026-07-01"), Reason: "moved area", Conference: "conferences/2026-07-01-transfer.md"}},
				transfer), nil, false},
		{"transfer out, the only conference recorded, none named",
			startCase(&schema.Plan{Started: sd("2026-01-12"), Cessation: &schema.Cessation{Date: sd("2026-07-01"), Reason: "moved to another authority"}},
				transfer), nil, false},
		{"transfer out recorded: ceased moved, no conference named",
			startCase(&schema.Plan{Started: sd("2026-01-12"), Cessation: &schema.Cessation{Date: sd("2026-07-02"), Reason: "Moved to another authority."}},
				prevInitial, transfer), prevInitial, false},
		{"transfer out, cessation not yet recorded, nothing after it",
			startCase(&schema.Plan{Started: sd("2026-01-12"), Countersigned: sd("2026-01-20")}, prevInitial, prevReview, transfer, scg("2026-06-20")), prevInitial, false},
		{"conference after the cessation is no start",
			startCase(&schema.Plan{Started: sd("2026-01-12"), Cessation: &schema.Cessation{Date: sd("2026-05-01"), Reason: "no longer at risk"}},
				prevInitial, transfer), prevInitial, false},
		{"re-plan: an earlier plan ended, then a new initial conference",
			startCase(&schema.Plan{Started: sd("2026-07-01")}, prevInitial, sconf("review", "2026-04-08", "cease", "r.md"), sconf("initial", "2026-07-01", "plan", "i2.md")), nil, false},
		{"transfer in, started wrongly the previous initial, ceased moved, no conference named, met after the transfer",
			startCase(&schema.Plan{Started: sd("2026-01-12"), Cessation: &schema.Cessation{Date: sd("2026-12-01"), Reason: "moved to another authority"}},
				prevInitial, prevReview, transfer, scg("2026-07-10"), ourReview), transfer, true},
		{"transfer in, then moved away again: the receiving authority's conference not in the case",
			startCase(&schema.Plan{Started: sd("2026-07-01"), Cessation: &schema.Cessation{Date: sd("2026-12-01"), Reason: "moved to another authority"}},
				prevInitial, prevReview, transfer, ourReview), transfer, true},
		{"transfer in, then moved away again: both transfer conferences in the case",
			startCase(&schema.Plan{Started: sd("2026-07-01"), Cessation: &schema.Cessation{Date: sd("2026-12-01"), Reason: "moved to another authority"}},
				prevInitial, prevReview, transfer, ourReview, sconf("transfer", "2026-12-01", "plan", "t2.md")), transfer, true},
		{"transfer in written \"continue\"",
			startCase(&schema.Plan{Started: sd("2026-07-01")}, prevInitial, prevReview, sconf("transfer", "2026-07-01", "continue", "tc.md")), nil, true},
		{"transfer in with no previous conference in the case",
			startCase(&schema.Plan{Started: sd("2026-07-01")}, transfer), transfer, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.c.PlanStartConference()
			want := tc.want
			if tc.name == "transfer in written \"continue\"" {
				if got == nil || got.Kind != "transfer" || !tc.c.IsTransferIn() {
					t.Fatalf("got %+v, want the transfer conference", got)
				}
				return
			}
			if tc.name == "re-plan: an earlier plan ended, then a new initial conference" {
				if got == nil || got.Date != sd("2026-07-01") || got.Kind != "initial" {
					t.Fatalf("got %+v, want the new initial conference", got)
				}
				return
			}
			if got != want {
				t.Fatalf("PlanStartConference = %+v, want %+v", got, want)
			}
			if tc.c.IsTransferIn() != tc.transfer {
				t.Errorf("IsTransferIn = %v", !tc.transfer)
			}
			if ti := tc.c.TransferInConference(); (ti != nil) != tc.transfer || ti != nil && ti != got {
				t.Errorf("TransferInConference = %+v, want the start conference when the child moved in, else nil", ti)
			}
		})
	}
}

// TestStrayInitialConferences: a later initial conference that decided
// "plan" restarts the plan only when a conference between decided "cease".
func TestStrayInitialConferences(t *testing.T) {
	first := sconf("initial", "2026-01-12", "plan", "2026-01-12-initial.md")
	stray := sconf("initial", "2026-04-09", "plan", "2026-04-09-review.md")
	for _, tc := range []struct {
		name      string
		c         *Case
		start     *schema.Conference
		strayWant []*schema.Conference
	}{
		{"a review written as initial", startCase(&schema.Plan{Started: sd("2026-01-12")}, first, stray), first, []*schema.Conference{stray}},
		{"started moved to the stray: still the first",
			startCase(&schema.Plan{Started: sd("2026-04-09")}, stray, first, scg("2026-01-22")), first, []*schema.Conference{stray}},
		{"a review that continued the plan is no ending",
			startCase(&schema.Plan{Started: sd("2026-01-12")}, first, sconf("review", "2026-03-30", "continue", "r.md"), stray), first, []*schema.Conference{stray}},
		{"ceased the day of the new initial conference",
			startCase(&schema.Plan{Started: sd("2026-04-09")}, first, sconf("review", "2026-04-09", "cease", "r.md"), stray), stray, nil},
		{"ceased before it", startCase(&schema.Plan{Started: sd("2026-04-09")}, first, sconf("review", "2026-03-30", "cease", "r.md"), stray), stray, nil},
		{"ceased before the first: no ending between", startCase(&schema.Plan{Started: sd("2026-01-12")}, sconf("review", "2025-12-01", "cease", "r.md"), first, stray), first, []*schema.Conference{stray}},
		{"an initial conference that made no plan is no start", startCase(&schema.Plan{Started: sd("2026-01-12")}, first, sconf("initial", "2026-04-09", "no plan", "n.md")), first, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.c.PlanStartConference(); got != tc.start {
				t.Errorf("PlanStartConference = %+v, want %+v", got, tc.start)
			}
			if got := tc.c.StrayInitialConferences(); len(got) != len(tc.strayWant) || len(got) > 0 && got[0] != tc.strayWant[0] {
				t.Errorf("StrayInitialConferences = %+v, want %+v", got, tc.strayWant)
			}
		})
	}
}

func TestPlanStartDateAndRecords(t *testing.T) {
	prevInitial := sconf("initial", "2026-01-12", "plan", "i.md")
	prevReview := sconf("review", "2026-04-08", "continue", "r1.md")
	transfer := sconf("transfer", "2026-07-01", "plan", "t.md")
	ourReview := sconf("review", "2026-09-28", "continue", "r2.md")
	c := startCase(&schema.Plan{Started: sd("2026-07-01")}, prevInitial, prevReview, transfer, ourReview,
		scg("2026-02-01"), scg("2026-07-01"), scg("2026-07-14"))

	if got := c.PlanStart(); got != sd("2026-07-01") {
		t.Errorf("PlanStart = %s", got)
	}
	if c.InPlan(sd("2026-06-30")) || !c.InPlan(sd("2026-07-01")) {
		t.Error("InPlan: the day of the transfer conference is the first day of the plan")
	}
	if cgs := c.PlanCoreGroups(); len(cgs) != 2 || cgs[0].Date != sd("2026-07-01") {
		t.Errorf("PlanCoreGroups = %d records, want the two on or after the transfer", len(cgs))
	}
	if rs := c.PlanReviews(); len(rs) != 1 || rs[0] != ourReview {
		t.Errorf("PlanReviews = %v, want only this authority's review", rs)
	}
	if c.FirstPlanReview() != ourReview {
		t.Error("FirstPlanReview: the previous authority's review is history")
	}
	if cfs := c.PlanConferences(); len(cfs) != 2 || cfs[0] != transfer {
		t.Errorf("PlanConferences = %v", cfs)
	}

	// No conference at all: started is the start.
	none := startCase(&schema.Plan{Started: sd("2026-03-02")}, scg("2026-03-01"), scg("2026-03-10"))
	if none.PlanStart() != sd("2026-03-02") || len(none.PlanCoreGroups()) != 1 {
		t.Error("with no conference, plan.md's started is the start")
	}
	// Nothing known: every record is of the plan.
	empty := startCase(&schema.Plan{}, scg("2026-03-01"))
	if !empty.PlanStart().IsZero() || len(empty.PlanCoreGroups()) != 1 {
		t.Error("with no start known, every record counts")
	}

	// Transfer out: the receiving authority's conference is not of this plan.
	out := startCase(&schema.Plan{Started: sd("2026-01-12"), Cessation: &schema.Cessation{Date: sd("2026-07-01"), Reason: "moved to another authority", Conference: "conferences/t.md"}},
		prevInitial, prevReview, transfer)
	if cfs := out.PlanConferences(); len(cfs) != 2 || cfs[1] != prevReview {
		t.Errorf("transfer out: PlanConferences = %v, want the initial and the review", cfs)
	}
}

func TestCoreGroupMembership(t *testing.T) {
	rec := &schema.CaseRecord{
		Child: schema.Child{Name: "Kayla"},
		People: []schema.Person{
			{Name: "Nadia Okafor", Role: "social worker", Agency: "Children's Services", Qualified: true},
			{Name: "Donna Wright", Role: "nursery manager", Agency: "Little Acorns Nursery"},
			{Name: "Rhiannon Bevan", Role: "mother", Family: true},
			{Name: "Sunita Rao", Role: "independent conference chair", Agency: "Children's Services"},
			{Name: "Jo Hart", Role: "Business Support Officer (minutes)", Agency: "Children's Services"},
			{Name: "Kim Lee", Role: "team administrator", Agency: "Children's Services"},
		},
	}
	plan := &schema.Plan{LeadWorker: "Nadia Okafor", CoreGroup: []string{"Nadia Okafor", " nadia okafor (SW) ", "", "Rhiannon Bevan", "Little Acorns Nursery"}}
	c := NewCase("c", rec, []schema.Record{plan})
	if got := c.CoreGroupMembers(); len(got) != 3 {
		t.Errorf("CoreGroupMembers = %q: blanks and repeats are left out", got)
	}
	for ref, want := range map[string]bool{
		"Nadia Okafor (lead worker)": true,
		"Donna Wright":               true, // represents the nursery the core group lists
		"Rhiannon Bevan":             true,
		"Sunita Rao":                 false, // her agency is not a member
		"Nobody":                     false,
	} {
		if got := c.IsCoreGroupMember(ref); got != want {
			t.Errorf("IsCoreGroupMember(%q) = %v, want %v", ref, got, want)
		}
	}

	for ref, want := range map[string]bool{"Jo Hart": true, "Kim Lee": true, "Sunita Rao": false, "Rhiannon Bevan": false, "Nobody": false} {
		if got := c.IsMinuteTaker(ref); got != want {
			t.Errorf("IsMinuteTaker(%q) = %v, want %v", ref, got, want)
		}
	}

	cg := &schema.CoreGroup{
		Attended:       []string{"Nadia Okafor"},
		Apologies:      []string{"Dr Fiona Marsh (GP)", "Owen Pritchard"},
		WrittenReports: []string{"dr fiona marsh"},
	}
	if !c.TookPart(cg, "Nadia Okafor") || !c.TookPart(cg, "Dr Fiona Marsh") || c.TookPart(cg, "Owen Pritchard") || c.TookPart(cg, "Rhiannon Bevan") {
		t.Error("TookPart: attended or sent a written report; apologies alone are not taking part")
	}
	if !MentionedAt(cg, "Owen Pritchard") || MentionedAt(cg, "Rhiannon Bevan") {
		t.Error("MentionedAt: attended, apologies or written_reports")
	}

	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	for chair, want := range map[string]string{" Gareth Lloyd ": "Gareth Lloyd", "TBC": "", "(tbc)": "", "": "", "?": ""} {
		if got := p.CoreGroupChair(&schema.CoreGroup{Chair: chair}); got != want {
			t.Errorf("CoreGroupChair(%q) = %q, want %q", chair, got, want)
		}
	}
	if p.CoreGroupMinuteTaker(&schema.CoreGroup{MinutesBy: "n/a"}) != "" {
		t.Error("CoreGroupMinuteTaker: a placeholder names no one")
	}
}

func TestAdjournedSittings(t *testing.T) {
	initial := sconf("initial", "2026-05-14", "plan", "i.md")
	adjInitial := sconf("initial", "2026-05-07", "adjourned", "ia.md")
	adjourned := sconf("review", "2026-07-16", "adjourned", "ra.md")
	reconvened := sconf("review", "2026-07-30", "continue", "rr.md")
	c := startCase(&schema.Plan{Started: sd("2026-05-14")}, adjInitial, initial, adjourned, reconvened)

	if got := c.PlanStartConference(); got != initial {
		t.Errorf("PlanStartConference = %v, want the initial conference that decided, not its adjourned sitting", got)
	}
	if got := c.PlanConferences(); len(got) != 2 || got[0] != initial || got[1] != reconvened {
		t.Errorf("PlanConferences = %d conferences, want the initial and the reconvened review", len(got))
	}
	if got := c.PlanSittings(); len(got) != 3 || got[1] != adjourned {
		t.Errorf("PlanSittings = %d, want the initial, the adjourned and the reconvened review", len(got))
	}
	if got := c.FirstPlanReview(); got != reconvened {
		t.Errorf("FirstPlanReview = %v, want the reconvened review", got)
	}
	if !Adjourned(adjourned) || Adjourned(reconvened) || Adjourned(nil) {
		t.Error("Adjourned: want true only for the adjourned sitting")
	}
}

func TestHeldCoreGroups(t *testing.T) {
	held := scg("2026-02-01")
	cancelled := &schema.CoreGroup{Date: sd("2026-03-01"), Doc: &schema.Document{}}
	blank := &schema.CoreGroup{Date: sd("2026-03-08"), Doc: &schema.Document{}, Attended: []string{" ", ""}}
	nobody := &schema.CoreGroup{Date: sd("2026-03-15"), Doc: &schema.Document{}, Attended: []string{"Alison Ward (DNA)", "Dr Kim Green (apologies)", "TBC"}}
	some := &schema.CoreGroup{Date: sd("2026-03-22"), Doc: &schema.Document{}, Attended: []string{"Alison Ward (DNA)", "Ann Lee (by phone)"}}
	c := startCase(&schema.Plan{Started: sd("2026-01-20")}, sconf("initial", "2026-01-20", "plan", "i.md"), held, cancelled, blank, nobody, some)
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	c.ReadWith(p)
	for _, tt := range []struct {
		cg   *schema.CoreGroup
		want bool
	}{{held, true}, {cancelled, false}, {blank, false}, {nil, false}, {nobody, false}, {some, true}} {
		if got := c.Held(tt.cg); got != tt.want {
			t.Errorf("Held(%v) = %v, want %v: held only when the record names someone who attended", tt.cg, got, tt.want)
		}
	}
	if got := c.PlanCoreGroups(); len(got) != 2 || got[0] != held || got[1] != some {
		t.Errorf("PlanCoreGroups = %d meetings, want the two held", len(got))
	}
}

func TestUnreadConferenceOn(t *testing.T) {
	read := sconf("initial", "2026-01-12", "plan", "i.md")
	kind := sconf("ICPC", "2026-01-12", "plan", "k.md")
	decision := sconf("review", "2026-04-08", "continue plan", "r.md")
	adjourned := sconf("review", "2026-04-09", "adjourned", "a.md")
	none := sconf("initial", "2026-04-10", "", "n.md")
	c := startCase(&schema.Plan{Started: sd("2026-01-12")}, read, kind, decision, adjourned, none)
	for _, tc := range []struct {
		day  string
		want *schema.Conference
	}{
		{"2026-01-12", kind},     // a read conference that day does not hide the unread one
		{"2026-04-08", decision}, // decision unread
		{"2026-04-09", nil},      // adjourned is read
		{"2026-04-10", nil},      // no decision written is not unread
		{"2026-05-01", nil},      // nothing that day
	} {
		if got := c.UnreadConferenceOn(sd(tc.day)); got != tc.want {
			t.Errorf("UnreadConferenceOn(%s) = %+v, want %+v", tc.day, got, tc.want)
		}
	}
}

func TestPlanVisits(t *testing.T) {
	visit := func(date string) *schema.Visit {
		return &schema.Visit{Date: schema.DateTime{Date: sd(date)}, Doc: &schema.Document{}}
	}
	prevInitial := sconf("initial", "2026-01-12", "plan", "2026-01-12-initial.md")
	transfer := sconf("transfer", "2026-07-01", "plan", "2026-07-01-transfer.md")
	before, onStart, after, afterAsOf := visit("2026-06-30"), visit("2026-07-01"), visit("2026-07-15"), visit("2026-08-01")
	c := startCase(&schema.Plan{Started: sd("2026-07-01")}, prevInitial, transfer, before, onStart, after, afterAsOf)
	p := &Pass{Case: c, AsOf: sd("2026-07-20")}
	got := p.PlanVisits()
	if len(got) != 2 || got[0] != onStart || got[1] != after {
		t.Errorf("PlanVisits = %v, want the visits of 1 and 15 July (the transfer conference's day on, to the as-of date)", got)
	}
	// A section 47 visit before the initial conference is no visit of the plan.
	s47 := visit("2026-01-05")
	c = startCase(&schema.Plan{Started: sd("2026-01-12")}, prevInitial, s47, visit("2026-01-12"))
	if got := (&Pass{Case: c, AsOf: sd("2026-02-01")}).PlanVisits(); len(got) != 1 || got[0] == s47 {
		t.Errorf("PlanVisits = %v, want only the visit of 12 January", got)
	}
	// With no start known, every visit is the plan's.
	c = startCase(&schema.Plan{}, s47)
	if got := (&Pass{Case: c, AsOf: sd("2026-02-01")}).PlanVisits(); len(got) != 1 {
		t.Errorf("PlanVisits with no start = %v, want the one visit", got)
	}
}
