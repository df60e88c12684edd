package lint

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/caselint/caselint/schema"
)

// peopleCase is a case with the people of a typical record: the mother by
// flag, a grandmother by role only, a qualified social worker, a student,
// her team manager, a chair, a GP and a teacher.
func peopleCase(t *testing.T, plan *schema.Plan, confs ...*schema.Conference) *Case {
	t.Helper()
	rec := &schema.CaseRecord{
		Child: schema.Child{Name: "Jamie", Born: schema.Date{Year: 2015, Month: 4, Day: 2}},
		People: []schema.Person{
			{Name: "Sam Doe", Role: "mother", Family: true},
			{Name: "Pat Doe", Role: "maternal grandmother"}, // family flag forgotten
			{Name: "Aisha Patel", Role: "social worker", Agency: "Children's Services", Qualified: true},
			{Name: "Lee Brown", Role: "student social worker", Agency: "Children's Services", Qualified: true},
			{Name: "Rob Jones", Role: "Team Manager", Agency: "Children's Services"},
			{Name: "Chris Hall", Role: "Conference and Review Manager"},
			{Name: "Dr Kim Green", Role: "GP", Agency: "Hanley Surgery"},
			{Name: "Lee Morgan", Role: "class teacher", Agency: "Education"},
			{Name: "Jo Ward", Role: "Practice Manager", Agency: "Hanley Surgery (NHS)"},
			{Name: "Max Field", Role: "Review Team Manager", Agency: "Children's Services"},
			{Name: "Ola Ade", Role: "health visitor", Agency: "Health"},
			{Name: "Ola Reed", Role: "health visitor", Agency: "Health"},
			{Name: "Val Kerr", Role: "", Agency: ""},
		},
	}
	var records []schema.Record
	if plan != nil {
		records = append(records, plan)
	}
	for _, cf := range confs {
		records = append(records, cf)
	}
	return NewCase("c", rec, records)
}

func TestPlaceholder(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", "  ", "TBC", "(TBC)", "tbc.", "[tbc]", "*TBC*", "N/A", "n/a", "-", "—", "?", "??",
		"to follow", "To Follow.", "Unknown", "TBA", "none", "To be confirmed",
		"TBC at next core group", "To be agreed at core group", "to be agreed at the first core group.",
		"TBC following assessment", "Pending ICPC 26/06", "Awaiting", "TBC - to be agreed at core group", "N/A (TBC)"} {
		if !p.IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Sam Doe", "TBC at next core group: Pat Doe", "Unknown man seen at the door", "2026-02-01",
		"To be agreed at core group whether Pat Doe can care for Jamie", "Awaiting housing; Sam Doe cleans weekly",
		"If Jamie is left alone again, convene a strategy discussion.", "none of the above applies", "Al"} {
		if p.IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = true, want false", s)
		}
	}
}

// TestPlaceholderForNowAndLaterForms: a placeholder "for now" and the
// ways a plan section is left to later, each beside a real sentence that
// opens with the same words.
func TestPlaceholderForNowAndLaterForms(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"None at present.", "Nil", "NIL.", "None currently", "N/A at present",
		"Not required at this time.", "Not required", "Not applicable", "None as yet", "None at this stage",
		"TBC for now", "None at the moment", "Nil at present", "None today", "Not agreed yet", "Not yet",
		"To be developed by the core group.", "To be formulated at first core group",
		"Will be agreed at core group", "To be updated", "To be drafted at the next core group",
		"Will be discussed at the core group", "Will follow", "To be determined at the review conference",
		"To be finalised at core group"} {
		if !p.IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Nil contact with father unless supervised; if he calls, Sam rings the police.",
		"None of the family will care for Jamie if Sam is arrested: Jamie goes to Pat Doe.",
		"Not required to attend if Sam is unwell; the health visitor will call instead.",
		"Will be agreed with Sam that she calls 999 if Lee comes to the house.",
		"To be developed: if Jamie misses school twice, Aisha Patel visits that day.",
		"Currently Jamie stays with Nan at weekends", "At present Sam takes Jamie to school",
		"To be updated by Aisha Patel weekly, and if Jamie is hurt a strategy discussion is held",
		"Not yet walking", "None at present, but Nan will care for Jamie if Sam is admitted"} {
		if p.IsPlaceholder(s) {
			t.Errorf("IsPlaceholder(%q) = true, want false", s)
		}
	}
}

func TestNoAnswer(t *testing.T) {
	p, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", "TBC", "not seen", "Not seen.", "Leo not seen", "Leo Smith not seen", "Leo was not seen",
		"He was not seen today", "The child was not seen", "Child not seen at this visit", "no reason", "No reason given.",
		"see notes", "See notes above", "(see notes)", "Not ascertained.", "Not discussed today.", "As before",
		"as previous", "Not seen alone", "Not seen on own", "Leo not spoken to alone", "Not possible", "No change",
		"Not seen - see notes", "YP not seen"} {
		if !p.NoAnswer(s) {
			t.Errorf("NoAnswer(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Not seen: Leo was in hospital with a chest infection", "Leo at school, not seen",
		"Not seen as he was at Nan's; seen there on 6 March", "Child in hospital not seen",
		"Leo not seen, he was asleep after a night shift of coughing", "Not seen at school; he was on a trip",
		"Leo said he wants to see his dad", "No reason to think Leo is unsafe; he was at a party with Nan",
		"See notes: Mum was taken to hospital", "As before, Leo wants to stay with Mum and to see Dad at weekends",
		"Not discussed today as Leo was upset about his cat; he said he was happy at school",
		"Mum refused entry", "Leo, Mum and Dad not seen"} {
		if p.NoAnswer(s) {
			t.Errorf("NoAnswer(%q) = true, want false", s)
		}
	}
	if p.NotDone("") || p.NotDone("-") {
		t.Error("empty text is a placeholder, not NotDone")
	}
	// A config extends the list.
	ext := extend(p, &Profile{Words: Words{NotDone: []string{"not looked at"}}}, func(string) bool { return false })
	if !ext.NoAnswer("Not looked at") || p.NoAnswer("Not looked at") {
		t.Error("a config's not_done answers extend the profile's")
	}
}

func TestSectionNoAnswer(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	for body, want := range map[string]bool{
		"## Wishes and feelings\nNot ascertained.\n":                                                          true,
		"## Wishes and feelings\nNot discussed today.\n":                                                      true,
		"## Wishes and feelings\nWishes and feelings not ascertained\n":                                       true,
		"## Wishes and feelings\nLeo's wishes and feelings: not ascertained.\n":                               true,
		"## Wishes and feelings\nTBC\n":                                                                       true,
		"## Wishes and feelings\nAs before.\n":                                                                true,
		"## Wishes and feelings\nLeo said he wants to see Dad more. Not discussed: school.\n":                 false,
		"## Wishes and feelings\nNot discussed today, as Leo said he wanted to play; he said school is ok.\n": false,
		// Words that say the wishes were not ascertained, or were put off.
		"## Wishes and feelings\nUnable to ascertain - will do next visit.\n":     true,
		"## Wishes and feelings\nNot ascertained.\n\n":                            true,
		"## Wishes and feelings\nNot asked.\n":                                    true,
		"## Wishes and feelings\nSee above.\n":                                    true,
		"## Wishes and feelings\nDid not ask\n":                                   true,
		"## Wishes and feelings\nDidn't ask today.\n":                             true,
		"## Wishes and feelings\nWill do next visit.\n":                           true,
		"## Wishes and feelings\nTo be done at next visit\n":                      true,
		"## Wishes and feelings\nTo be ascertained at next visit.\n":              true,
		"## Wishes and feelings\nNothing new.\n":                                  true,
		"## Wishes and feelings\nNothing new to report\n":                         true,
		"## Wishes and feelings\nCould not ascertain as Leo was asleep.\n":        false,
		"## Wishes and feelings\nNothing new: Leo said school is fine.\n":         false,
		"## Wishes and feelings\nDid not ask about Dad; Leo said he likes Nan.\n": false,
		"## Wishes and feelings\nLeo said he will do his reading next visit.\n":   false,
	} {
		b := schema.ParseBody(schema.NewSource("visits/v.md", []byte(body)), schema.KindVisit, 0)
		if len(b.Sections) != 1 {
			t.Fatalf("%q: %d sections", body, len(b.Sections))
		}
		if got := p.SectionNoAnswer(b.Sections[0]); got != want {
			t.Errorf("SectionNoAnswer(%q) = %v, want %v", body, got, want)
		}
	}
	// A plan's section that only points elsewhere, or says there is none,
	// outlines nothing (C06 §01 "Outline a Contingency Plan").
	for body, want := range map[string]bool{
		"## Contingency plan\nAs discussed at conference.\n":                                  true,
		"## Contingency plan\nAs discussed at the initial child protection conference.\n":     true,
		"## Contingency plan\nAs per the conference minutes.\n":                               true,
		"## Contingency plan\nSee minutes.\n":                                                 true,
		"## Contingency plan\nSame as the previous plan.\n":                                   true,
		"## Contingency plan\nNone agreed at present.\n":                                      true,
		"## Contingency plan\nNo contingency plan agreed at this time.\n":                     true,
		"## Contingency plan\nNot in place yet.\n":                                            true,
		"## Contingency plan\nAs discussed at conference, if Sam drinks Jamie goes to Pat.\n": false,
		"## Contingency plan\nAs agreed with Sam, Jamie goes to Pat's if Sam drinks.\n":       false,
		"## Contingency plan\nPlease see the safety plan agreed with Sam on 12 June.\n":       false,
	} {
		b := schema.ParseBody(schema.NewSource("plan.md", []byte(body)), schema.KindPlan, 0)
		if len(b.Sections) != 1 {
			t.Fatalf("%q: %d sections", body, len(b.Sections))
		}
		if got := p.SectionNoAnswer(b.Sections[0]); got != want {
			t.Errorf("SectionNoAnswer(%q) = %v, want %v", body, got, want)
		}
	}
}

func TestCollective(t *testing.T) {
	p, _ := ShippedProfile(ProfileCombined)
	for _, s := range []string{"all", "All.", "everyone", "Professionals", "the parents", "Core Group", "THE FAMILY"} {
		if !p.IsCollective(s) {
			t.Errorf("IsCollective(%q) = false", s)
		}
	}
	for _, s := range []string{"Sam Doe", "all professionals to attend", "", "Mum"} {
		if p.IsCollective(s) {
			t.Errorf("IsCollective(%q) = true", s)
		}
	}
}

func TestSamePerson(t *testing.T) {
	yes := [][2]string{{"Sam Doe", "sam doe"}, {" Sam  Doe ", "Sam Doe"}, {"Dr Kim Green (GP)", "Dr Kim Green"},
		{"Sam Doe (mother)", "SAM DOE"}}
	no := [][2]string{{"Sam Doe", "Sam"}, {"", ""}, {"Dr Green", "Dr Kim Green"}, {"Sam Doe", "Sam Doe-Smith"}}
	for _, p := range yes {
		if !SamePerson(p[0], p[1]) {
			t.Errorf("SamePerson(%q, %q) = false", p[0], p[1])
		}
	}
	for _, p := range no {
		if SamePerson(p[0], p[1]) {
			t.Errorf("SamePerson(%q, %q) = true", p[0], p[1])
		}
	}
	if !AmongPeople("sam doe (mum)", []string{"Lee", "Sam Doe"}) || AmongPeople("Sam", []string{"Sam Doe"}) {
		t.Error("AmongPeople")
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		role                  string
		chair, manager, socWk bool
	}{
		{"Team Manager", false, true, false},
		{"team manager", false, true, false},
		{"Deputy Team Manager", false, true, false},
		{"Assistant Team Manager", false, true, false},
		{"Acting Team Manager", false, true, false},
		{"Practice Manager", false, true, false},
		{"Service Manager", false, true, false},
		{"Principal Manager", false, true, false},
		{"Safeguarding Team Manager", false, true, false},
		{"Team Leader", false, true, false},
		{"TM", false, true, false},
		{"ATM", false, true, false},
		{"Manager", false, true, false},
		{"Practice Supervisor", false, true, false},
		{"Manager (CSC)", false, true, false},
		{"Senior Practitioner (acting Team Manager)", false, true, false},
		{"Safeguarding Manager (Chair)", true, false, false},
		{"Senior Practitioner", false, false, true},
		{"Review Team Manager", false, false, false},
		{"Conference and Review Manager", true, false, false},
		{"Independent Conference Chair", true, false, false},
		{"Independent Chair", true, false, false},
		{"CP Chair", true, false, false},
		{"Chair", true, false, false},
		{"Chair of the conference", true, false, false},
		{"Independent Reviewing Officer", false, false, false},
		{"IRO", false, false, false},
		{"Safeguarding Manager", false, false, false},
		{"Safeguarding and Review Manager", false, false, false},
		{"Nursery Manager", false, false, false},
		{"Offender Manager", false, false, false},
		{"Contact Supervisor", false, false, false},
		{"social worker", false, false, true},
		{"Senior Social Worker", false, false, true},
		{"Student Social Worker", false, false, true},
		{"SW", false, false, true},
		{"Social Worker (SW)", false, false, true},
		{"Advanced Practitioner", false, false, true},
		{"Social Work Assistant", false, false, false},
		{"Family Support Worker", false, false, false},
		{"Swimming instructor", false, false, false},
		{"", false, false, false},
	}
	for _, tt := range tests {
		if got := IsConferenceChairRole(tt.role); got != tt.chair {
			t.Errorf("IsConferenceChairRole(%q) = %v", tt.role, got)
		}
		if got := IsLineManagerRole(tt.role); got != tt.manager {
			t.Errorf("IsLineManagerRole(%q) = %v", tt.role, got)
		}
		if got := IsSocialWorkerRole(tt.role); got != tt.socWk {
			t.Errorf("IsSocialWorkerRole(%q) = %v", tt.role, got)
		}
	}
}

func TestFamilyRole(t *testing.T) {
	for _, r := range []string{"mother", "Mum", "birth father", "Step-father", "maternal grandmother", "Nan",
		"mother's partner", "foster carer", "kinship carer", "Special Guardian", "aunt", "older brother",
		"Foster carer (agency)", "Father (in prison)", "family friend", "Godmother"} {
		if !isFamilyRole(r) {
			t.Errorf("isFamilyRole(%q) = false", r)
		}
	}
	for _, r := range []string{"family support worker", "Carers' support worker", "children's guardian", "GP",
		"teacher", "social worker", "Family Practitioner", "", "Parent advocate"} {
		if isFamilyRole(r) {
			t.Errorf("isFamilyRole(%q) = true", r)
		}
	}
}

func TestAgencyService(t *testing.T) {
	tests := map[string]Service{
		"":                                 ServiceUnknown,
		"Children's Services":              ServiceSocialCare,
		"Childrens Social Care":            ServiceSocialCare,
		"CSC":                              ServiceSocialCare,
		"Children, Education and Families": ServiceSocialCare,
		"CEF":                              ServiceSocialCare,
		"Vulnerable Children and Corporate Parenting": ServiceSocialCare,
		"Stoke-on-Trent City Council":                 ServiceSocialCare,
		"Oxfordshire County Council":                  ServiceSocialCare,
		"Family Safeguarding Team":                    ServiceSocialCare,
		"Health":                                      ServiceOther,
		"NHS":                                         ServiceOther,
		"Hanley Surgery":                              ServiceOther,
		"Education":                                   ServiceOther,
		"St Mary's Primary School":                    ServiceOther,
		"Staffordshire Police":                        ServiceOther,
		"Barnardo's":                                  ServiceOther,
		"The Children's Society":                      ServiceOther,
		"Adult Social Care":                           ServiceOther,
		"CAMHS":                                       ServiceOther,
		"Oxfordshire County Council Education":        ServiceOther,
		"Locality Team 3":                             ServiceUnknown,
		"Early Help":                                  ServiceUnknown,
	}
	for a, want := range tests {
		if got := AgencyService(a); got != want {
			t.Errorf("AgencyService(%q) = %v, want %v", a, got, want)
		}
	}
}

func TestFamilyAndProfessional(t *testing.T) {
	c := peopleCase(t, nil)
	tests := []struct {
		ref          string
		family, prof bool
	}{
		{"Sam Doe", true, false},
		{"sam doe (mum)", true, false},
		{"Pat Doe", true, false}, // by role
		{"Aisha Patel", false, true},
		{"Dr Kim Green (GP)", false, true},
		{"Val Kerr", false, true},
		{"Jamie", false, false}, // the child is neither
		{"Nobody", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		if got := c.IsFamily(tt.ref); got != tt.family {
			t.Errorf("IsFamily(%q) = %v", tt.ref, got)
		}
		if got := c.IsProfessional(tt.ref); got != tt.prof {
			t.Errorf("IsProfessional(%q) = %v", tt.ref, got)
		}
	}
	// The child among the people is still the child.
	c.Record.People = append(c.Record.People, schema.Person{Name: "Jamie", Family: true})
	c = NewCase("c", c.Record, nil)
	if c.IsFamily("Jamie") || c.IsProfessional("Jamie") {
		t.Error("the child listed in [[people]] counted as family or professional")
	}
}

func TestLeadWorkerAndManager(t *testing.T) {
	plan := &schema.Plan{LeadWorker: " Aisha Patel ", Manager: "Rob Jones"}
	c := peopleCase(t, plan)
	if c.LeadWorker() != "Aisha Patel" || !c.IsLeadWorker("aisha patel (SW)") || c.IsLeadWorker("Rob Jones") {
		t.Error("lead worker")
	}
	if c.LeadWorkersManager() != "Rob Jones" || !c.IsLeadWorkersManager("Rob Jones (TM)") {
		t.Error("the plan's manager")
	}
	for _, ref := range []string{"Max Field", "Chris Hall", "Aisha Patel", "", "Jamie", "Jo Ward"} {
		if c.IsLeadWorkersManager(ref) {
			t.Errorf("IsLeadWorkersManager(%q) with manager named = true", ref)
		}
	}
	// No manager named: by role, never the review team, another agency's
	// practice manager, the chair or the lead worker.
	c = peopleCase(t, &schema.Plan{LeadWorker: "Aisha Patel"})
	if c.LeadWorkersManager() != "" || !c.IsLeadWorkersManager("Rob Jones") {
		t.Error("a team manager by role")
	}
	for _, ref := range []string{"Max Field", "Chris Hall", "Jo Ward", "Aisha Patel", "Nobody", "Sam Doe"} {
		if c.IsLeadWorkersManager(ref) {
			t.Errorf("IsLeadWorkersManager(%q) by role = true", ref)
		}
	}
	// The plan names the lead worker, or the chair, as manager: neither is.
	c = peopleCase(t, &schema.Plan{LeadWorker: "Aisha Patel", Manager: "Aisha Patel"})
	if c.IsLeadWorkersManager("Aisha Patel") {
		t.Error("the lead worker is her own manager")
	}
	c = peopleCase(t, &schema.Plan{LeadWorker: "Aisha Patel", Manager: "Chris Hall"})
	if c.IsLeadWorkersManager("Chris Hall") {
		t.Error("the chair is the lead worker's manager")
	}
	c = peopleCase(t, &schema.Plan{LeadWorker: "Aisha Patel", Manager: "Max Field"})
	if c.IsLeadWorkersManager("Max Field") {
		t.Error("the Review Team Manager named as manager is the lead worker's manager")
	}
	c = peopleCase(t, &schema.Plan{LeadWorker: "Aisha Patel", Manager: "Lee Brown"})
	if !c.IsLeadWorkersManager("Lee Brown") {
		t.Error("the plan's word does not decide")
	}
	// No plan.
	c = peopleCase(t, nil)
	if c.LeadWorker() != "" || c.IsLeadWorker("") || c.LeadWorkersManager() != "" {
		t.Error("no plan")
	}
}

func TestConferenceChair(t *testing.T) {
	cf := &schema.Conference{Kind: "initial", Chair: "Val Kerr"}
	c := peopleCase(t, &schema.Plan{LeadWorker: "Aisha Patel"}, cf)
	for _, ref := range []string{"Chris Hall", "Val Kerr"} {
		if !c.IsConferenceChair(ref) {
			t.Errorf("IsConferenceChair(%q) = false", ref)
		}
	}
	for _, ref := range []string{"Rob Jones", "Max Field", "Aisha Patel", "Sam Doe", "Jamie", "Nobody"} {
		if c.IsConferenceChair(ref) {
			t.Errorf("IsConferenceChair(%q) = true", ref)
		}
	}
	// A team manager recorded as a conference's chair is still a manager.
	cf.Chair = "Rob Jones"
	if c.IsConferenceChair("Rob Jones") {
		t.Error("a team manager who chaired is a chair")
	}
	if got := c.ConferenceChairs(); !reflect.DeepEqual(got, []string{"Chris Hall"}) {
		t.Errorf("ConferenceChairs = %q", got)
	}
}

func TestSocialWorkers(t *testing.T) {
	c := peopleCase(t, nil)
	c.Record.People = append(c.Record.People,
		schema.Person{Name: "Hal Ross", Role: "hospital social worker", Agency: "NHS Trust"},
		schema.Person{Name: "Una Bell", Role: "family support worker", Agency: "Children's Services", Qualified: true},
		schema.Person{Name: "Ann Cole", Role: "Senior Practitioner", Agency: "CSC", Qualified: true},
		schema.Person{Name: "Ben Ash", Role: "social worker"},
	)
	c = NewCase("c", c.Record, nil)
	tests := []struct {
		ref               string
		social, qualified bool
	}{
		{"Aisha Patel", true, true},
		{"Lee Brown", true, false}, // a student, whatever the flag says
		{"Ann Cole", true, true},
		{"Ben Ash", true, false}, // not recorded as qualified
		{"Hal Ross", false, false},
		{"Una Bell", false, false}, // qualified = true makes no family support worker a social worker
		{"Rob Jones", false, false},
		{"Sam Doe", false, false},
		{"Jamie", false, false},
		{"Nobody", false, false},
	}
	for _, tt := range tests {
		if got := c.IsSocialWorker(tt.ref); got != tt.social {
			t.Errorf("IsSocialWorker(%q) = %v", tt.ref, got)
		}
		if got := c.IsQualifiedSocialWorker(tt.ref); got != tt.qualified {
			t.Errorf("IsQualifiedSocialWorker(%q) = %v", tt.ref, got)
		}
	}
	if c.Service("Aisha Patel") != ServiceSocialCare || c.Service("Lee Morgan") != ServiceOther ||
		c.Service("Val Kerr") != ServiceUnknown || c.Service("Sam Doe") != ServiceUnknown {
		t.Error("Service")
	}
}

func TestOwners(t *testing.T) {
	prof, _ := ShippedProfile(ProfileCombined)
	c := peopleCase(t, &schema.Plan{LeadWorker: "Aisha Patel", Manager: "Rob Jones"})
	type o struct {
		kind OwnerKind
		name string
	}
	tests := []struct {
		cell string
		want []o
	}{
		{"Sam Doe", []o{{OwnerNamed, "Sam Doe"}}},
		{"sam doe", []o{{OwnerNamed, "Sam Doe"}}},
		{"Sam Doe (mother)", []o{{OwnerNamed, "Sam Doe"}}},
		{"Mum (Sam Doe)", []o{{OwnerNamed, "Sam Doe"}}},
		{"Jamie", []o{{OwnerNamed, "Jamie"}}},
		{"Sam Doe and Aisha Patel", []o{{OwnerNamed, "Sam Doe"}, {OwnerNamed, "Aisha Patel"}}},
		{"Sam Doe / Dr Kim Green", []o{{OwnerNamed, "Sam Doe"}, {OwnerNamed, "Dr Kim Green"}}},
		{"Dr Kim Green (GP, Hanley Surgery), Lee Morgan", []o{{OwnerNamed, "Dr Kim Green"}, {OwnerNamed, "Lee Morgan"}}},
		{"Sam Doe supported by Aisha Patel", []o{{OwnerNamed, "Sam Doe"}, {OwnerNamed, "Aisha Patel"}}},
		{"Sam Doe with support from Aisha Patel (SW)", []o{{OwnerNamed, "Sam Doe"}, {OwnerNamed, "Aisha Patel"}}},
		{"Aisha Patel - lead", []o{{OwnerNamed, "Aisha Patel"}}},
		{"Sam Doe Aisha Patel", []o{{OwnerNamed, "Sam Doe"}, {OwnerNamed, "Aisha Patel"}}},
		{"Sam Doe Aisha", []o{{OwnerUnknown, ""}}},
		{"Dr Kim Green, GP, Hanley Surgery", []o{{OwnerNamed, "Dr Kim Green"}, {OwnerByRole, "Dr Kim Green"}}},
		{"Lee Morgan, Hanley Surgery", []o{{OwnerNamed, "Lee Morgan"}, {OwnerUnknown, ""}}},
		{"Health Visitor (Ola Ade)", []o{{OwnerNamed, "Ola Ade"}}},
		{"School (Lee Morgan)", []o{{OwnerNamed, "Lee Morgan"}}},
		{"CAMHS", []o{{OwnerUnknown, ""}}},
		{"Parents (Sam Doe and Pat Doe)", []o{{OwnerNamed, "Sam Doe"}, {OwnerNamed, "Pat Doe"}}},
		{"Parents (Sam Doe and Dad)", []o{{OwnerCollective, ""}}},
		{"Mum", []o{{OwnerByRole, "Sam Doe"}}},
		{"Mother", []o{{OwnerByRole, "Sam Doe"}}},
		{"GP", []o{{OwnerByRole, "Dr Kim Green"}}},
		{"Jamie's GP", []o{{OwnerByRole, "Dr Kim Green"}}},
		{"Teacher", []o{{OwnerByRole, "Lee Morgan"}}},
		{"Nan", []o{{OwnerByRole, "Pat Doe"}}},
		{"Social worker", []o{{OwnerByRole, "Aisha Patel"}}},
		{"Lead worker", []o{{OwnerByRole, "Aisha Patel"}}},
		{"Lead SW", []o{{OwnerByRole, "Aisha Patel"}}},
		{"Allocated SW", []o{{OwnerByRole, "Aisha Patel"}}},
		{"Named social worker", []o{{OwnerByRole, "Aisha Patel"}}},
		{"School teacher", []o{{OwnerByRole, "Lee Morgan"}}},
		{"Lead health visitor", []o{{OwnerAmbiguous, ""}}},
		{"School counsellor", []o{{OwnerUnknown, ""}}},
		{"Team manager", []o{{OwnerByRole, "Rob Jones"}}},
		{"the child", []o{{OwnerByRole, "Jamie"}}},
		{"Mum and SW", []o{{OwnerByRole, "Sam Doe"}, {OwnerByRole, "Aisha Patel"}}},
		{"Health Visitor", []o{{OwnerAmbiguous, ""}}},
		{"Dad", []o{{OwnerUnknown, ""}}},
		{"Dr Green", []o{{OwnerUnknown, ""}}},
		{"Sam", []o{{OwnerUnknown, ""}}},
		{"", []o{{OwnerPlaceholder, ""}}},
		{"TBC", []o{{OwnerPlaceholder, ""}}},
		{"(TBC)", []o{{OwnerPlaceholder, ""}}},
		{"tbc.", []o{{OwnerPlaceholder, ""}}},
		{"?", []o{{OwnerPlaceholder, ""}}},
		{"N/A", []o{{OwnerPlaceholder, ""}}},
		{"Unknown", []o{{OwnerPlaceholder, ""}}},
		{"TBC (health visitor)", []o{{OwnerPlaceholder, ""}}},
		{"Sam Doe / TBC", []o{{OwnerNamed, "Sam Doe"}, {OwnerPlaceholder, ""}}},
		{"professionals", []o{{OwnerCollective, ""}}},
		{"All", []o{{OwnerCollective, ""}}},
		{"the parents", []o{{OwnerCollective, ""}}},
		{"Sam Doe and the core group", []o{{OwnerNamed, "Sam Doe"}, {OwnerCollective, ""}}},
	}
	for _, tt := range tests {
		got := c.Owners(tt.cell, prof)
		var g []o
		for _, x := range got {
			g = append(g, o{x.Kind, x.Name})
		}
		if !reflect.DeepEqual(g, tt.want) {
			t.Errorf("Owners(%q) = %v, want %v", tt.cell, g, tt.want)
		}
	}
	if got := c.Owners("Health visitor", prof); len(got) != 1 || !reflect.DeepEqual(got[0].Candidates, []string{"Ola Ade", "Ola Reed"}) {
		t.Errorf("ambiguous candidates: %+v", got)
	}
	// case.md unreadable: names are unknown, never judged as someone.
	u := NewCase("c", nil, nil)
	if got := u.Owners("Sam Doe", prof); len(got) != 1 || got[0].Kind != OwnerUnknown {
		t.Errorf("no case.md: %+v", got)
	}
}

func TestOwnsAction(t *testing.T) {
	prof, _ := ShippedProfile(ProfileOxfordshire)
	doc, _ := schema.Parse("c/plan.md", []byte(`+++
type = "plan"
started = 2026-01-12
lead_worker = "Aisha Patel"
+++

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Take Jamie to school | Mum | daily | O1 |
| A2 | Check Jamie's health | Dr Kim Green (GP) and Lee Morgan | monthly | O1 |
| A3 | Weigh Jamie | Health visitor | monthly | O1 |
| A4 | Cook tea | TBC | weekly | O1 |
`))
	plan, ok := doc.Record.(*schema.Plan)
	if !ok {
		t.Fatalf("no plan: %+v", doc.Problems)
	}
	c := peopleCase(t, plan)
	for _, ref := range []string{"Sam Doe", "Dr Kim Green", "lee morgan (teacher)"} {
		if !c.OwnsAction(ref, prof) {
			t.Errorf("OwnsAction(%q) = false", ref)
		}
	}
	for _, ref := range []string{"Ola Ade", "Ola Reed", "Pat Doe", "Aisha Patel", "Nobody"} {
		if c.OwnsAction(ref, prof) {
			t.Errorf("OwnsAction(%q) = true", ref)
		}
	}
	if NewCase("c", nil, nil).OwnsAction("Sam Doe", prof) {
		t.Error("a case without a plan")
	}
}

func TestIsChildFullName(t *testing.T) {
	rec := &schema.CaseRecord{
		Child: schema.Child{Name: "Sophie"},
		People: []schema.Person{
			{Name: "Kerry Thornton", Role: "mother", Family: true},
			{Name: "Sophie Green", Role: "health visitor"},
			{Name: "Dan Price", Role: "class teacher"},
		},
	}
	c := NewCase("c", rec, nil)
	for ref, want := range map[string]bool{
		"Sophie":              true,
		"sophie thornton":     true,  // the child's name with the family's surname
		"Sophie Thornton ":    true,  // spaces
		"Sophie Green":        false, // one of the people: the health visitor
		"Sophie Price":        false, // a professional's surname is not the family's
		"Sophie Ann Thornton": false,
		"Thornton":            false,
		"":                    false,
	} {
		if got := c.IsChild(ref); got != want {
			t.Errorf("IsChild(%q) = %v, want %v", ref, got, want)
		}
	}
}

// TestSocialWorkerOfTheAuthority: who is "a person of the authority whose
// role is a social worker" (rules.md v1.1), the lead worker's possible
// cover: the other services' social workers, named by role as by agency,
// are not; qualified = true makes no health visitor or teacher one; a
// social worker of another council is not; the lawful ways of writing a
// colleague still are.
// TestIsChildFirstName: a child case.md names in full is named by the
// first name alone in a visit's present or a copy ("Ellie" for "Ellie
// Brook"), unless someone among the people has that first name too.
func TestIsChildFirstName(t *testing.T) {
	rec := &schema.CaseRecord{
		Child: schema.Child{Name: "Ellie Brook"},
		People: []schema.Person{
			{Name: "Kerry Brook", Role: "mother", Family: true},
			{Name: "Ruby Brook", Role: "sister", Family: true},
		},
	}
	c := NewCase("c", rec, nil)
	for ref, want := range map[string]bool{
		"Ellie":       true,
		"ellie ":      true,
		"Ellie Brook": true,
		"Brook":       false,
		"Ruby":        false,
		"Kerry":       false,
		"Ellie Smith": false,
	} {
		if got := c.IsChild(ref); got != want {
			t.Errorf("IsChild(%q) = %v, want %v", ref, got, want)
		}
	}
	if !c.Known("Ellie") {
		t.Error(`Known("Ellie") = false: a visit's present would be an invalid record`)
	}
	// A professional with the child's first name: "Ellie" names no one.
	rec.People = append(rec.People, schema.Person{Name: "Ellie Ward", Role: "health visitor"})
	if c := NewCase("c", rec, nil); c.IsChild("Ellie") {
		t.Error(`IsChild("Ellie") with Ellie Ward among the people = true`)
	}
}

func TestSocialWorkerOfTheAuthority(t *testing.T) {
	build := func(lead, manager string, others ...schema.Person) *Case {
		rec := &schema.CaseRecord{
			Child: schema.Child{Name: "Leo", Born: schema.Date{Year: 2018, Month: 3, Day: 10}},
			People: append([]schema.Person{
				{Name: "Amy Frost", Role: "social worker", Agency: lead, Qualified: true},
				{Name: "Tom Reed", Role: "team manager", Agency: manager},
			}, others...),
		}
		return NewCase("c", rec, []schema.Record{&schema.Plan{LeadWorker: "Amy Frost", Manager: "Tom Reed"}})
	}
	const cef = "Children, Education and Families"
	for _, tt := range []struct {
		name         string
		lead         string // the lead worker's agency
		role, agency string
		qualified    bool
		want         bool
	}{
		// Another service, by role, no agency written.
		{"hospital social worker", cef, "hospital social worker", "", false, false},
		{"CAMHS social worker", cef, "CAMHS social worker", "", false, false},
		{"adult social worker", cef, "adult social worker", "", false, false},
		{"adults' social worker", cef, "Social Worker (Adults)", "", false, false},
		{"YOT social worker", cef, "YOT social worker", "", false, false},
		{"youth offending social worker", cef, "Youth Offending Service social worker", "", true, false},
		{"mental health social worker", cef, "mental health social worker", "", true, false},
		{"independent social worker", cef, "independent social worker", "", true, false},
		{"hospital social worker of children's services", cef, "hospital social worker", "Children's Services", true, false},
		// Another profession, qualified = true.
		{"health visitor, qualified", cef, "health visitor", "", true, false},
		{"class teacher, qualified", cef, "class teacher", "", true, false},
		{"police officer, qualified", cef, "police officer", "", true, false},
		{"midwife, qualified", cef, "midwife", "", true, false},
		{"Children's Guardian, qualified", cef, "Children's Guardian", "", true, false},
		{"IRO, qualified", cef, "independent reviewing officer", "", true, false},
		{"family support worker, qualified", cef, "family support worker", "Children's Services", true, false},
		// Another authority.
		{"social worker of another council", cef, "social worker", "Cheshire East Council Children's Services", true, false},
		{"social worker of a London borough", "Stoke-on-Trent City Council", "social worker", "London Borough of Merton", true, false},
		{"another council, lead's written by place", "Oxfordshire County Council", "social worker", "Cheshire West and Chester Council", true, false},
		// The authority's own, written the many ways.
		{"social worker, same agency", cef, "social worker", cef, true, true},
		{"social worker, no agency", cef, "social worker", "", false, true},
		{"senior practitioner", cef, "Senior Practitioner", "", false, true},
		{"duty social worker", cef, "duty social worker", "Children's Services", false, true},
		{"EDT social worker", cef, "Emergency Duty Team social worker", "Children's Services", false, true},
		{"leaving care social worker", cef, "leaving care social worker", "", true, true},
		{"fostering social worker", cef, "supervising social worker (fostering)", "", true, true},
		{"team manager, qualified", cef, "team manager", cef, true, true},
		{"no role, qualified", cef, "", "", true, true},
		{"locum, qualified", cef, "locum", "Children's Social Care", true, true},
		{"same council by name", cef, "social worker", "Oxfordshire County Council", true, true},
		{"same council, lead's by name", "Stoke-on-Trent City Council", "social worker", "Stoke City Council Children's Services", true, true},
		{"same council, a team of it", "Oxfordshire County Council", "social worker", "Locality Team 3, Oxfordshire County Council", true, true},
		{"a council, the lead's authority unwritten", "Children's Services", "social worker", "Cheshire East Council", true, true},
		{"a council, no lead agency", "", "social worker", "Cheshire East Council", true, true},
		// Not a social worker at all.
		{"class teacher", cef, "class teacher", "", false, false},
		{"health visitor", cef, "health visitor", "Health", false, false},
	} {
		c := build(tt.lead, tt.lead, schema.Person{Name: "Jo Wells", Role: tt.role, Agency: tt.agency, Qualified: tt.qualified})
		if got := c.IsSocialWorker("Jo Wells"); got != tt.want {
			t.Errorf("%s: IsSocialWorker = %v, want %v", tt.name, got, tt.want)
		}
		if got := c.IsCoveringSocialWorker("Jo Wells"); got != tt.want {
			t.Errorf("%s: IsCoveringSocialWorker = %v, want %v", tt.name, got, tt.want)
		}
	}
	// The lead worker's agency naming no authority, the manager's does.
	c := build("Children's Services", "Oxfordshire County Council",
		schema.Person{Name: "Jo Wells", Role: "social worker", Agency: "Cheshire East Council", Qualified: true})
	if c.IsSocialWorker("Jo Wells") || !c.OfAnotherAuthority("Jo Wells") {
		t.Error("another council than the manager's, the lead worker's own unwritten: not the authority's")
	}
	if c.OfAnotherAuthority("Amy Frost") {
		t.Error("the lead worker is of their own authority")
	}
}

func TestAgencyAuthority(t *testing.T) {
	for agency, want := range map[string]string{
		"":                       "",
		"Children's Services":    "",
		"Children's Social Care": "",
		"CSC":                    "",
		"Locality Team 3":        "",
		"City Council":           "",
		"Cheshire East Council Children's Services":   "cheshire east",
		"Children's Services, Cheshire East Council":  "cheshire east",
		"Oxfordshire County Council":                  "oxfordshire",
		"Oxfordshire Children's Services":             "oxfordshire",
		"Stoke-on-Trent City Council":                 "stoke on trent",
		"London Borough of Merton":                    "merton",
		"Royal Borough of Kingston upon Thames":       "kingston upon thames",
		"Children, Education and Families":            "oxfordshire",
		"Vulnerable Children and Corporate Parenting": "stoke on trent",
		"City Hospital NHS Trust":                     "",
		"Adult Social Care, Cheshire East Council":    "",
	} {
		if got := AgencyAuthority(agency); got != want {
			t.Errorf("AgencyAuthority(%q) = %q, want %q", agency, got, want)
		}
	}
	for _, tt := range []struct {
		a, b string
		same bool
	}{
		{"stoke", "stoke on trent", true},
		{"oxfordshire", "locality oxfordshire", true},
		{"cheshire east", "cheshire west chester", false},
		{"cheshire east", "oxfordshire", false},
	} {
		if got := sameAuthority(tt.a, tt.b); got != tt.same {
			t.Errorf("sameAuthority(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

// TestDirectorates: each procedure's directorate is named once
// (directorates) and read everywhere from there: as children's social
// care, as its authority, and for its profile's messages.
func TestDirectorates(t *testing.T) {
	for _, d := range directorates {
		for _, p := range d.phrases {
			if got := AgencyService(p); got != ServiceSocialCare {
				t.Errorf("AgencyService(%q) = %v, want children's social care", p, got)
			}
			if got := AgencyAuthority(strings.ToUpper(p)); got != d.authority {
				t.Errorf("AgencyAuthority(%q) = %q, want %q", p, got, d.authority)
			}
		}
		for _, c := range d.council {
			if got := AgencyAuthority(c + " Social Care"); got != d.authority {
				t.Errorf("AgencyAuthority(%q) = %q, want %q", c, got, d.authority)
			}
		}
		prof, err := ShippedProfile(d.profile)
		if err != nil {
			t.Fatal(err)
		}
		if got := prof.Directorate(); got != d.name {
			t.Errorf("profile %s: Directorate() = %q, want %q", d.profile, got, d.name)
		}
	}
	combined, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	if got := combined.Directorate(); got != "" {
		t.Errorf("combined: Directorate() = %q, want none", got)
	}
}

// TestRoleMemo: a run's kept roles answer as readRole, and no more than
// roleMemoMax are kept however many different roles the records hold.
func TestRoleMemo(t *testing.T) {
	var m roleMemo
	roles := []string{"social worker", "Social Worker (covering)", "mother", "IRO", "Conference Chair", "team manager", "", "health visitor"}
	for range 2 {
		for _, r := range roles {
			if got, want := m.read(r), readRole(r); got != want {
				t.Errorf("read(%q) = %+v; readRole gives %+v", r, got, want)
			}
		}
	}
	for i := range roleMemoMax + 100 {
		m.read(fmt.Sprintf("worker %d", i))
	}
	if n := m.n.Load(); n > roleMemoMax {
		t.Errorf("%d roles kept; at most %d should be", n, roleMemoMax)
	}
}

// TestPersonNamed: the full name, any case and spacing, a title left out,
// names its person; a single word names the one person whose first name
// or surname it is, and no one when two people share it; anything else
// names no one.
func TestPersonNamed(t *testing.T) {
	leads := []string{"Priya Sharma", "Emma Walsh", "PRIYA SHARMA", "Tom Ashby", "Tom Reid", "Ola Adeyemi (social worker)"}
	for _, tc := range []struct {
		query, want string
		people      int
	}{
		{"Priya Sharma", "Priya Sharma", 1},
		{"  priya   SHARMA ", "Priya Sharma", 1},
		{"Ms Priya Sharma", "Priya Sharma", 1},
		{"Priya", "Priya Sharma", 1}, // written twice, one person
		{"sharma", "Priya Sharma", 1},
		{"Ola", "Ola Adeyemi (social worker)", 1},
		{"Tom", "", 2},
		{"Ashby", "Tom Ashby", 1},
		{"Emma Walsch", "", 0},
		{"Walsh Emma", "", 0},
		{"Pri", "", 0},
		{"Emma Sharma", "", 0},
		{"", "", 0},
		{"  ", "", 0},
	} {
		got, n := PersonNamed(tc.query, leads)
		if n != tc.people || !SamePerson(got, tc.want) && got != tc.want {
			t.Errorf("PersonNamed(%q) = %q, %d; want %q, %d", tc.query, got, n, tc.want, tc.people)
		}
	}
	if got, n := PersonNamed("Priya", nil); got != "" || n != 0 {
		t.Errorf("PersonNamed among no one = %q, %d", got, n)
	}
}

// TestUnqualifiedRoleWords pins the ways a role says its holder is not
// (yet) a qualified social worker, and the ways it does not.
func TestUnqualifiedRoleWords(t *testing.T) {
	for role, want := range map[string]bool{
		"Social worker (not yet qualified)":          true,
		"Non-qualified social worker":                true,
		"Non qualified social worker":                true,
		"Nonqualified social worker":                 true,
		"Pre-qualified social worker":                true,
		"Pre qualified social worker":                true,
		"Social worker (not qualified)":              true,
		"Social worker (pre-registration)":           true,
		"Social worker (awaiting SWE registration)":  true,
		"Social worker (awaiting registration)":      true,
		"Social worker - registration pending":       true,
		"Unregistered social worker":                 true,
		"Social worker (not registered)":             true,
		"Student social worker":                      true,
		"Social worker":                              false,
		"Newly qualified social worker":              false,
		"Qualified social worker":                    false,
		"Senior Practitioner":                        false,
		"Social worker (registered with SWE)":        false,
		"Social worker (DBS pending)":                false,
		"Social worker, qualified (awaiting laptop)": false,
	} {
		if got := isUnqualified(readRoleText(role)); got != want {
			t.Errorf("isUnqualified(%q) = %v, want %v", role, got, want)
		}
	}
}

// TestQualifiedFalseIsNoCover: qualified = false written on a social
// worker's entry says they are not qualified, so not cover for the lead
// worker; the flag left out says nothing, and the role decides.
func TestQualifiedFalseIsNoCover(t *testing.T) {
	c := peopleCase(t, &schema.Plan{LeadWorker: "Aisha Patel", Manager: "Rob Jones"})
	c.Record.People = append(c.Record.People,
		schema.Person{Name: "Jade Holt", Role: "social worker", Agency: "Children's Services", QualifiedFalse: true},
		schema.Person{Name: "Kit Moss", Role: "social worker", Agency: "Children's Services"},
		schema.Person{Name: "Ria Lane", Role: "Non-qualified social worker", Agency: "Children's Services", Qualified: true},
	)
	c = NewCase("c", c.Record, []schema.Record{c.Plan})
	if c.IsCoveringSocialWorker("Jade Holt") {
		t.Error("a social worker with qualified = false covers for the lead worker")
	}
	if !c.IsCoveringSocialWorker("Kit Moss") {
		t.Error("a social worker with no qualified flag does not cover")
	}
	if c.IsCoveringSocialWorker("Ria Lane") || c.IsQualifiedSocialWorker("Ria Lane") {
		t.Error("a non-qualified social worker marked qualified = true is qualified")
	}
}

// TestBracketedChair: "(Chair)" makes a conference chair only after a
// title of the conference and review service or no profession; a core
// group's chair is never the conference's.
func TestBracketedChair(t *testing.T) {
	for role, want := range map[string]bool{
		"Designated Safeguarding Lead (Chair)":       false,
		"DSL (Chair)":                                false,
		"Health visitor (chair)":                     false,
		"Team Manager (Chair)":                       false,
		"Independent Reviewing Officer (Chair)":      false,
		"Chair (core group)":                         false,
		"Core group chair":                           false,
		"Chair of the core group":                    false,
		"Safeguarding Manager (Chair)":               true,
		"Review Team Manager (Chair)":                true,
		"(Chair)":                                    true,
		"Chair":                                      true,
		"Independent (Chair)":                        true,
		"Conference chair (also chairs core groups)": true,
		"Independent Conference Chair":               true,
	} {
		if got := IsConferenceChairRole(role); got != want {
			t.Errorf("IsConferenceChairRole(%q) = %v, want %v", role, got, want)
		}
	}
}

// TestGivesNoWhy: where a record must say why (an ignore's reason, the
// exceptional circumstances for ending a plan early), a single word, no
// answer, or an assent and no answer says nothing a reviewer can check.
func TestGivesNoWhy(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"", "-", "TBC", "ok", "x", "Yes", "yes.", "Agreed", "Hospitalised", "ok 123", "- ok -",
		"See notes.", "as above", "As per the conference minutes", "See minutes", "Yes - see minutes", "Agreed, see notes",
		"Yes (TBC)", "As discussed"} {
		if !p.GivesNoWhy(s) {
			t.Errorf("GivesNoWhy(%q) = false, want true", s)
		}
	}
	for _, s := range []string{"Emigrated permanently", "Jamie in hospital 2-20 March, seen on the ward",
		"See notes: Jamie in hospital", "Agreed with TM Rob Jones", "Zoë hospitalisée",
		"Yes - Jamie moved to live with his father in Scotland", "Father in prison for five years",
		"Agreed by chair"} {
		if p.GivesNoWhy(s) {
			t.Errorf("GivesNoWhy(%q) = true, want false", s)
		}
	}
}

// TestOwnersSettingAlone: "School", "Health" or "Nursery" alone name a
// setting or an agency, not the person of it whose role holds the word
// (a school nurse, a health visitor); with the role they qualify, they
// still name that person.
func TestOwnersSettingAlone(t *testing.T) {
	prof, _ := ShippedProfile(ProfileCombined)
	c := peopleCase(t, &schema.Plan{LeadWorker: "Aisha Patel", Manager: "Rob Jones"})
	c.Record.People = append(c.Record.People, schema.Person{Name: "Gemma Lowe", Role: "school nurse", Agency: "School Nursing Service"})
	c = NewCase("c", c.Record, []schema.Record{&schema.Plan{LeadWorker: "Aisha Patel", Manager: "Rob Jones"}})
	for _, cell := range []string{"School", "the school", "Health", "Nursery"} {
		if got := c.Owners(cell, prof); len(got) != 1 || got[0].Kind != OwnerUnknown {
			t.Errorf("Owners(%q) = %+v, want one OwnerUnknown", cell, got)
		}
	}
	if got := c.Owners("School nurse", prof); len(got) != 1 || got[0].Kind != OwnerByRole || got[0].Name != "Gemma Lowe" {
		t.Errorf("Owners(School nurse) = %+v, want Gemma Lowe by role", got)
	}
	if got := c.Owners("School (Lee Morgan)", prof); len(got) != 1 || got[0].Name != "Lee Morgan" {
		t.Errorf("Owners(School (Lee Morgan)) = %+v, want Lee Morgan", got)
	}
}

// TestSaysOnlyNonVerbal: a wishes and feelings section that says only
// that the child does not speak records none of their wishes; one that
// goes on to say what they showed does.
func TestSaysOnlyNonVerbal(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	sec := func(text string) *schema.Section {
		b := schema.ParseBody(schema.NewSource("v.md", []byte("## Wishes and feelings\n\n"+text+"\n")), schema.KindVisit, 0)
		return b.Section("wishes")
	}
	for _, text := range []string{"Ellie is non-verbal.", "N/A - Ellie is non-verbal", "Non-verbal.", "Ellie Brook has no speech.",
		"Not ascertained as Leo is nonverbal.", "Leo does not speak. Not ascertained.", "He has limited speech",
		"Ellie is non-verbal, see her communication passport.", "Non-verbal - see communication plan.",
		"Leo has no speech; please refer to the school's report.", "Ellie is non-verbal. See school's report.",
		"Leo is non-verbal, as per his EHCP.", "ELLIE IS NON-VERBAL.", "Ellie doesn’t speak.", "Ellie is Non‑Verbal."} {
		if !p.SaysOnlyNonVerbal(sec(text)) {
			t.Errorf("SaysOnlyNonVerbal(%q) = false, want true", text)
		}
	}
	for _, text := range []string{"", "TBC", "Ellie is non-verbal; she smiled and reached for Mum when she came in.",
		"Ellie is non-verbal. She pushed the spoon away and signed 'finished'.", "Ellie said she likes school.",
		"Leo's brother is non-verbal; Leo said he helps him at bedtime.", "Leo uses Makaton and signed 'happy' and 'home'.",
		"Ellie is non-verbal, you could see she was scared.", "Ellie is non-verbal; I could see she was happy when Nan came in.",
		"Ellie is non-verbal; see her passport, which says she signs yes with a thumbs up; today she signed yes to staying with Nan."} {
		if p.SaysOnlyNonVerbal(sec(text)) {
			t.Errorf("SaysOnlyNonVerbal(%q) = true, want false", text)
		}
	}
}
