package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

// handoverCase is a case that passed from Ann Cole (team manager Bob Dean)
// to Tom Ellery (Denise Tait), who is first named at the visit of 19 May;
// previous is plan.md's [[previous_lead]], and drop leaves out the
// records naming today's lead worker.
func handoverCase(previous []schema.PreviousLead, drop bool) *Case {
	sw := "Stoke-on-Trent City Council Children's Services"
	people := []schema.Person{
		{Name: "Kim Lowe", Role: "mother", Family: true},
		{Name: "Ann Cole", Role: "social worker", Agency: sw, Qualified: true},
		{Name: "Bob Dean", Role: "team manager", Agency: sw},
		{Name: "Tom Ellery", Role: "social worker", Agency: sw, Qualified: true},
		{Name: "Denise Tait", Role: "team manager", Agency: sw},
		{Name: "Dev Sandhu", Role: "family support worker", Agency: sw},
		{Name: "Sue Bell", Role: "student social worker", Agency: sw},
		{Name: "Jo Marsh", Role: "team manager", Agency: "Royal Stoke University Hospital"},
		{Name: "Pat Reid", Role: "team manager", Agency: "Cheshire East Council Children's Services"},
		{Name: "Chris Hall", Role: "conference and review manager"},
	}
	visit := func(day, by string) *schema.Visit {
		return &schema.Visit{Date: schema.DateTime{Date: sd(day)}, By: by, ChildSeen: true}
	}
	recs := []schema.Record{
		&schema.Plan{Started: sd("2026-03-02"), LeadWorker: "Tom Ellery", Manager: "Denise Tait", PreviousLead: previous},
		visit("2026-03-05", "Ann Cole"),
		visit("2026-03-09", "Sue Bell"),
		visit("2026-04-14", "Dev Sandhu"),
		&schema.CoreGroup{Date: sd("2026-03-16"), Chair: "Bob Dean", MinutesBy: "Ann Cole", Attended: []string{"Ann Cole", "Kim Lowe", "Bob Dean"}},
	}
	if !drop {
		recs = append(recs, visit("2026-05-19", "Tom Ellery"))
	}
	return NewCase("c", &schema.CaseRecord{Child: schema.Child{Name: "Ellie"}, People: people}, recs)
}

func TestLeadWorkerOnByTheRecords(t *testing.T) {
	c := handoverCase(nil, false)
	if got := c.LeadWorkerFirstNamed(); got != sd("2026-05-19") {
		t.Fatalf("LeadWorkerFirstNamed = %v, want 19 May 2026", got)
	}
	for _, tc := range []struct {
		who, day string
		lead     bool
		manager  bool
	}{
		{"Ann Cole", "2026-03-20", true, false},
		{"Ann Cole", "2026-05-18", true, false}, // the day before today's lead worker is first named
		{"Ann Cole", "2026-05-19", false, false},
		{"Tom Ellery", "2026-03-20", true, false}, // today's, as before
		{"Bob Dean", "2026-03-20", false, true},
		{"Bob Dean", "2026-05-19", false, false},
		{"Denise Tait", "2026-03-20", false, true}, // today's manager, as before
		{"Jo Marsh", "2026-03-20", false, false},   // another service
		{"Pat Reid", "2026-03-20", false, false},   // another authority
		{"Dev Sandhu", "2026-03-20", false, false}, // nobody's manager
		{"Chris Hall", "2026-03-20", false, false}, // the conference and review service
		{"Sue Bell", "2026-03-20", false, false},   // a student is no lead worker
		{"Kim Lowe", "2026-03-20", false, false},
	} {
		d := sd(tc.day)
		if got := c.IsLeadWorkerOn(tc.who, d); got != tc.lead {
			t.Errorf("IsLeadWorkerOn(%q, %s) = %v, want %v", tc.who, tc.day, got, tc.lead)
		}
		if got := c.IsLeadWorkersManagerOn(tc.who, d); got != tc.manager {
			t.Errorf("IsLeadWorkersManagerOn(%q, %s) = %v, want %v", tc.who, tc.day, got, tc.manager)
		}
	}
}

func TestLeadWorkerOnNoHandoverShown(t *testing.T) {
	// Today's lead worker is named in no record: no handover is shown, and
	// nobody else is the lead worker or their manager then.
	c := handoverCase(nil, true)
	if c.IsLeadWorkerOn("Ann Cole", sd("2026-03-20")) || c.IsLeadWorkersManagerOn("Bob Dean", sd("2026-03-20")) {
		t.Error("a handover the records do not show is not inferred")
	}
	if !c.IsLeadWorkersManagerOn("Denise Tait", sd("2026-03-20")) {
		t.Error("today's manager is the manager")
	}
}

func TestLeadWorkerOnRecorded(t *testing.T) {
	c := handoverCase([]schema.PreviousLead{{LeadWorker: "Ann Cole", Manager: "Bob Dean", HandedOver: sd("2026-05-18")}}, false)
	for _, tc := range []struct {
		who, day string
		lead     bool
		manager  bool
	}{
		{"Ann Cole", "2026-03-20", true, false},
		{"Ann Cole", "2026-05-18", true, false}, // the handover day is both's
		{"Ann Cole", "2026-05-19", false, false},
		{"Tom Ellery", "2026-03-20", false, false},
		{"Tom Ellery", "2026-05-18", true, false},
		{"Bob Dean", "2026-03-20", false, true},
		{"Bob Dean", "2026-05-18", false, true},
		{"Bob Dean", "2026-05-19", false, false},
		{"Denise Tait", "2026-03-20", false, false}, // not the manager then
		{"Denise Tait", "2026-05-18", false, true},
		{"Jo Marsh", "2026-03-20", false, false},
	} {
		d := sd(tc.day)
		if got := c.IsLeadWorkerOn(tc.who, d); got != tc.lead {
			t.Errorf("IsLeadWorkerOn(%q, %s) = %v, want %v", tc.who, tc.day, got, tc.lead)
		}
		if got := c.IsLeadWorkersManagerOn(tc.who, d); got != tc.manager {
			t.Errorf("IsLeadWorkersManagerOn(%q, %s) = %v, want %v", tc.who, tc.day, got, tc.manager)
		}
	}
	if got := c.LeadWorkerOn(sd("2026-03-20")); got != "Ann Cole" {
		t.Errorf("LeadWorkerOn(20 March) = %q, want Ann Cole", got)
	}
	if got := c.LeadWorkersManagerOn(sd("2026-03-20")); got != "Bob Dean" {
		t.Errorf("LeadWorkersManagerOn(20 March) = %q, want Bob Dean", got)
	}
	if got := c.LeadWorkersManagerOn(sd("2026-05-19")); got != "Denise Tait" {
		t.Errorf("LeadWorkersManagerOn(19 May) = %q, want Denise Tait", got)
	}
	if c.IsFormerLeadWorkerOn("Ann Cole", sd("2026-03-20")) {
		t.Error("with [[previous_lead]] recorded, the records are not read for a former lead worker")
	}
}

func TestLeadWorkerOnRecordedWithoutManager(t *testing.T) {
	// Two handovers, out of order, the earlier with no manager: a line
	// manager of Ann Cole's service is her manager then.
	c := handoverCase([]schema.PreviousLead{
		{LeadWorker: "Sue Bell", Manager: "Bob Dean", HandedOver: sd("2026-05-18")},
		{LeadWorker: "Ann Cole", HandedOver: sd("2026-04-01")},
	}, false)
	if !c.IsLeadWorkerOn("Ann Cole", sd("2026-03-20")) || c.IsLeadWorkerOn("Ann Cole", sd("2026-04-02")) {
		t.Error("Ann Cole held the case up to 1 April")
	}
	if !c.IsLeadWorkerOn("Sue Bell", sd("2026-04-02")) || c.IsLeadWorkerOn("Sue Bell", sd("2026-03-20")) {
		t.Error("Sue Bell held the case from 1 April to 18 May")
	}
	if !c.IsLeadWorkersManagerOn("Denise Tait", sd("2026-03-20")) || !c.IsLeadWorkersManagerOn("Bob Dean", sd("2026-03-20")) {
		t.Error("a team manager of Ann Cole's service was her manager")
	}
	for _, who := range []string{"Jo Marsh", "Pat Reid", "Dev Sandhu", "Chris Hall", "Ann Cole"} {
		if c.IsLeadWorkersManagerOn(who, sd("2026-03-20")) {
			t.Errorf("%s was not Ann Cole's manager", who)
		}
	}
	if c.IsLeadWorkersManagerOn("Denise Tait", sd("2026-04-02")) {
		t.Error("Bob Dean, as recorded, was Sue Bell's manager")
	}
}
