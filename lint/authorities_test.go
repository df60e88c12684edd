package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

// TestAuthoritiesListed: the list is read, and each procedure's
// directorate names a listed authority by its key.
func TestAuthoritiesListed(t *testing.T) {
	l := listedAuthorities()
	if len(l.keys) < 170 {
		t.Errorf("%d authorities listed, want the English and Welsh authorities (over 170)", len(l.keys))
	}
	for _, d := range directorates {
		if !IsListedAuthority(d.authority) {
			t.Errorf("directorate %q: authority %q is not a listed key", d.name, d.authority)
		}
	}
	for _, k := range []string{"cheshire east", "stoke on trent", "bristol", "kingston upon hull",
		"brighton and hove", "tower hamlets", "rhondda cynon taf", "city of london", "oxfordshire"} {
		if !IsListedAuthority(k) {
			t.Errorf("%q not listed", k)
		}
	}
}

// TestAgencyAuthorityByPlace: an agency or a role naming only a place
// names its authority; a place inside a school's, a hospital's or a
// road's name does not; the authority's own written differently is the
// same authority.
func TestAgencyAuthorityByPlace(t *testing.T) {
	for agency, want := range map[string]string{
		"Cheshire East":                         "cheshire east",
		"cheshire east":                         "cheshire east",
		"Stoke-on-Trent":                        "stoke on trent",
		"Stoke":                                 "stoke on trent",
		"Stoke City Council":                    "stoke on trent",
		"Stoke-on-Trent Children's Services":    "stoke on trent",
		"Stoke on Trent CSC":                    "stoke on trent",
		"Bristol":                               "bristol",
		"City of Bristol":                       "bristol",
		"Bristol City Council":                  "bristol",
		"Hull":                                  "kingston upon hull",
		"Kingston upon Hull":                    "kingston upon hull",
		"Hull City Council Children's Services": "kingston upon hull",
		"Brighton and Hove":                     "brighton and hove",
		"Brighton & Hove City Council":          "brighton and hove",
		"Tower Hamlets":                         "tower hamlets",
		"London Borough of Tower Hamlets":       "tower hamlets",
		"Rhondda Cynon Taf":                     "rhondda cynon taf",
		"RCT Children's Services":               "rhondda cynon taf",
		"Oxon":                                  "oxfordshire",
		"OCC Children's Services":               "oxfordshire",
		"Locality Team 3, Oxfordshire County Council": "oxfordshire",
		"Crewe office, Cheshire East Council":         "cheshire east",
		"Leeds Locality Team 2":                       "leeds",
		"Cheshire West and Chester":                   "cheshire west and chester",
		"Newcastle-under-Lyme Borough Council":        "newcastle under lyme",
		// A place inside another name, or no place.
		"Royal Stoke University Hospital":    "",
		"Oxford Road Primary":                "",
		"Stoke Road Primary":                 "",
		"Hull Road team":                     "",
		"Bristol Family Practice":            "",
		"Leeds Teaching Hospitals NHS Trust": "",
		"City Council":                       "",
		"Children's Services":                "",
		"Crewe":                              "",
	} {
		if got := AgencyAuthority(agency); got != want {
			t.Errorf("AgencyAuthority(%q) = %q, want %q", agency, got, want)
		}
	}
	for role, want := range map[string]string{
		"social worker (Cheshire East)":      "cheshire east",
		"Social Worker [Hull]":               "kingston upon hull",
		"social worker (Leeds City Council)": "leeds",
		"Cheshire East social worker":        "cheshire east",
		"senior practitioner, Tower Hamlets": "tower hamlets",
		"social worker":                      "",
		"social worker (Stoke Road team)":    "",
		"Social Worker (Adults)":             "",
		"hospital social worker":             "",
		"class teacher (Bristol Grammar)":    "",
	} {
		if got := roleAuthority(role); got != want {
			t.Errorf("roleAuthority(%q) = %q, want %q", role, got, want)
		}
	}
}

// TestOfAnotherAuthorityUnderProfile: when the lead worker's side names
// no authority, the profile's authority (Stoke-on-Trent's, Oxfordshire's)
// holds the plan; under the combined profile nothing is judged.
func TestOfAnotherAuthorityUnderProfile(t *testing.T) {
	build := func(lead string, jo schema.Person) *Case {
		jo.Name = "Jo Wells"
		rec := &schema.CaseRecord{
			Child: schema.Child{Name: "Leo", Born: schema.Date{Year: 2018, Month: 3, Day: 10}},
			People: []schema.Person{
				{Name: "Amy Frost", Role: "social worker", Agency: lead, Qualified: true},
				{Name: "Tom Reed", Role: "team manager", Agency: lead},
				jo,
			},
		}
		return NewCase("c", rec, []schema.Record{&schema.Plan{LeadWorker: "Amy Frost", Manager: "Tom Reed"}})
	}
	profiles := map[string]*Profile{}
	for _, n := range ShippedProfileNames {
		p, err := ShippedProfile(n)
		if err != nil {
			t.Fatal(err)
		}
		profiles[n] = p
	}
	sw := func(agency string) schema.Person {
		return schema.Person{Role: "social worker", Agency: agency, Qualified: true}
	}
	for _, tt := range []struct {
		name    string
		profile string
		lead    string
		jo      schema.Person
		another bool
	}{
		{"place only", ProfileStoke, "Stoke-on-Trent City Council Children's Services", sw("Cheshire East"), true},
		{"place in the role", ProfileStoke, "Stoke-on-Trent City Council Children's Services",
			schema.Person{Role: "social worker (Cheshire East)", Qualified: true}, true},
		{"lead names none, stoke", ProfileStoke, "Children's Services", sw("Cheshire East Council Children's Services"), true},
		{"lead names none, oxfordshire", ProfileOxfordshire, "Children's Services", sw("Bristol"), true},
		{"lead names none, combined", ProfileCombined, "Children's Services", sw("Cheshire East Council Children's Services"), false},
		{"lead agency empty, stoke", ProfileStoke, "", sw("Hull"), true},
		{"ours by place, stoke", ProfileStoke, "Children's Services", sw("Stoke-on-Trent Children's Services"), false},
		{"ours as Stoke City Council", ProfileStoke, "City Council", sw("Stoke City Council"), false},
		{"ours by directorate", ProfileStoke, "Children's Services", sw("VCCP"), false},
		{"city council, stoke", ProfileStoke, "Children's Services", sw("City Council"), false},
		{"ours, oxfordshire county council", ProfileOxfordshire, "Children's Services", sw("Oxfordshire County Council"), false},
		{"ours, OCC", ProfileOxfordshire, "Children's Services", sw("OCC Children's Services"), false},
		{"a team named after a road", ProfileStoke, "Children's Services",
			schema.Person{Role: "social worker (Stoke Road team)", Agency: "Children's Services", Qualified: true}, false},
		{"a town, not listed", ProfileStoke, "Children's Services", sw("Crewe"), false},
		{"the lead's record names ours, profile another", ProfileOxfordshire, "Stoke-on-Trent City Council", sw("Stoke"), false},
		{"Cheshire East beside Cheshire West and Chester", ProfileCombined, "Cheshire West and Chester Council", sw("Cheshire East"), true},
	} {
		c := build(tt.lead, tt.jo)
		c.ReadWith(profiles[tt.profile])
		if got := c.OfAnotherAuthority("Jo Wells"); got != tt.another {
			t.Errorf("%s: OfAnotherAuthority = %v, want %v", tt.name, got, tt.another)
		}
		if got := c.IsCoveringSocialWorker("Jo Wells"); got == tt.another {
			t.Errorf("%s: IsCoveringSocialWorker = %v, want %v", tt.name, got, !tt.another)
		}
		if c.OfAnotherAuthority("Amy Frost") {
			t.Errorf("%s: the lead worker is of their own authority", tt.name)
		}
	}
	if got := profiles[ProfileStoke].Authority(); got != "stoke on trent" {
		t.Errorf("stoke-on-trent: Authority() = %q", got)
	}
	if got := profiles[ProfileCombined].Authority(); got != "" {
		t.Errorf("combined: Authority() = %q, want none", got)
	}
}

// TestLeadWorkerElsewhere: under the profile of one authority, a lead
// worker whose agency or role names another authority is not from within
// the profile's service; under the combined profile, and when the lead
// worker's record names no authority, nothing is judged.
func TestLeadWorkerElsewhere(t *testing.T) {
	profiles := map[string]*Profile{}
	for _, n := range ShippedProfileNames {
		p, err := ShippedProfile(n)
		if err != nil {
			t.Fatal(err)
		}
		profiles[n] = p
	}
	for _, tt := range []struct {
		name, profile, role, agency string
		elsewhere                   bool
	}{
		{"another council, stoke", ProfileStoke, "social worker", "Cheshire East Council Children's Services", true},
		{"another council in the role", ProfileStoke, "social worker (Cheshire East)", "", true},
		{"oxfordshire's directorate under stoke", ProfileStoke, "social worker", "Children, Education and Families", true},
		{"stoke under oxfordshire", ProfileOxfordshire, "social worker", "Stoke-on-Trent City Council", true},
		{"ours by name", ProfileStoke, "social worker", "Stoke-on-Trent City Council Children's Services", false},
		{"ours by short name", ProfileStoke, "social worker", "Stoke City Council", false},
		{"ours by directorate", ProfileStoke, "social worker", "VCCP", false},
		{"ours, OCC", ProfileOxfordshire, "social worker", "OCC Children's Services", false},
		{"names none", ProfileStoke, "social worker", "Children's Services", false},
		{"nothing written", ProfileOxfordshire, "social worker", "", false},
		{"a town, not listed", ProfileStoke, "social worker", "Crewe office", false},
		{"combined", ProfileCombined, "social worker", "Cheshire East Council Children's Services", false},
	} {
		rec := &schema.CaseRecord{
			Child:  schema.Child{Name: "Leo", Born: schema.Date{Year: 2018, Month: 3, Day: 10}},
			People: []schema.Person{{Name: "Amy Frost", Role: tt.role, Agency: tt.agency, Qualified: true}},
		}
		c := NewCase("c", rec, []schema.Record{&schema.Plan{LeadWorker: "Amy Frost"}})
		c.ReadWith(profiles[tt.profile])
		theirs, ours := c.LeadWorkerElsewhere()
		if got := theirs != ""; got != tt.elsewhere || (ours == "") == tt.elsewhere {
			t.Errorf("%s: LeadWorkerElsewhere = %q, %q; want elsewhere %v", tt.name, theirs, ours, tt.elsewhere)
		}
	}
	// No lead worker, or one not among the people: nothing to judge.
	c := NewCase("c", &schema.CaseRecord{Child: schema.Child{Name: "Leo"}}, []schema.Record{&schema.Plan{LeadWorker: "Kim Ray"}})
	c.ReadWith(profiles[ProfileStoke])
	if theirs, _ := c.LeadWorkerElsewhere(); theirs != "" {
		t.Errorf("lead worker not among the people: LeadWorkerElsewhere = %q", theirs)
	}
}
