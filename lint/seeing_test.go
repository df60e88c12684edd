package lint

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/schema"
)

// seeingCase builds a case from case.md's [child] lines and plan lines, with
// the usual people: a lead worker (Aisha Patel), her manager (Rob Jones),
// another social worker of the authority (Tom Hill), a hospital social
// worker (Meg Lane), a family support worker (Ben Hughes), a student social
// worker of the authority (Nina Shah), a class teacher
// (Lee Morgan), a health visitor (Jo Bell) and the mother (Sam Doe).
func seeingCase(t *testing.T, child string, plan string) *Case {
	t.Helper()
	caseMD := "+++\ntype = \"case\"\nid = \"T-1\"\n[child]\nname = \"Jamie\"\nfirst_language = \"English\"\n" + child + `
[[people]]
name = "Aisha Patel"
role = "social worker"
agency = "Children's Services"
qualified = true
[[people]]
name = "Rob Jones"
role = "team manager"
agency = "Children's Services"
[[people]]
name = "Tom Hill"
role = "senior social worker"
agency = "Children's Social Care"
[[people]]
name = "Meg Lane"
role = "social worker"
agency = "City Hospital NHS Trust"
[[people]]
name = "Ben Hughes"
role = "family support worker"
agency = "Children's Services"
[[people]]
name = "Ali Khan"
role = "Social Work Apprentice"
agency = "Children's Services"
qualified = true
[[people]]
name = "Nina Shah"
role = "Student Social Worker"
agency = "Children's Services"
[[people]]
name = "Lee Morgan"
role = "class teacher"
agency = "Oak Primary School"
[[people]]
name = "Jo Bell"
role = "health visitor"
agency = "Health"
[[people]]
name = "Sam Doe"
role = "mother"
family = true
+++
`
	doc, ok := schema.Parse("case.md", []byte(caseMD))
	if !ok || len(doc.Problems) > 0 {
		t.Fatalf("case.md: %v", doc.Problems)
	}
	rec := doc.Record.(*schema.CaseRecord)
	if plan == "" {
		plan = "started = 2026-01-12\nlead_worker = \"Aisha Patel\"\nmanager = \"Rob Jones\""
	}
	pdoc, _ := schema.Parse("plan.md", []byte("+++\ntype = \"plan\"\n"+plan+"\n+++\n"))
	return NewCase("c", rec, []schema.Record{pdoc.Record})
}

// visit parses a visit record from its frontmatter lines (type added).
func visit(t *testing.T, lines ...string) *schema.Visit {
	t.Helper()
	doc, ok := schema.Parse("visits/v.md", []byte("+++\ntype = \"visit\"\n"+strings.Join(lines, "\n")+"\n+++\n"))
	if !ok {
		t.Fatal("not a record")
	}
	for _, p := range doc.Problems {
		t.Fatalf("visit: %s", p.Message)
	}
	return doc.Record.(*schema.Visit)
}

func TestSeenAlone(t *testing.T) {
	older := seeingCase(t, "born = 2015-04-02", "")
	baby := seeingCase(t, "born = 2025-10-01", "")
	unborn := seeingCase(t, "unborn = true\nexpected = 2026-03-01", "")
	tests := []struct {
		name string
		c    *Case
		v    []string
		want bool
	}{
		{"seen alone", older, []string{`date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `seen_alone = true`}, true},
		{"seen, not alone", older, []string{`date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `seen_alone = false`}, false},
		{"seen_alone without child_seen", older, []string{`date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = false`, `seen_alone = true`}, false},
		{"older child awake, not alone", older, []string{`date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `awake = true`}, false},
		{"baby awake, not alone", baby, []string{`date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `awake = true`}, true},
		{"baby alone and asleep", baby, []string{`date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `seen_alone = true`, `awake = false`}, false},
		{"baby alone, awake not written", baby, []string{`date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `seen_alone = true`}, true},
		{"baby asleep, not alone", baby, []string{`date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `awake = false`}, false},
		{"the first birthday ends the baby rule", baby, []string{`date = 2026-10-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `awake = true`}, false},
		{"the day before the first birthday", baby, []string{`date = 2026-09-30T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `awake = true`}, true},
		{"unborn: nobody to see", unborn, []string{`date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `seen_alone = true`}, false},
	}
	for _, tt := range tests {
		if got := tt.c.SeenAlone(visit(t, tt.v...)); got != tt.want {
			t.Errorf("%s: SeenAlone = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestCountsAsLeadWorker(t *testing.T) {
	c := seeingCase(t, "born = 2015-04-02", "")
	tests := []struct {
		name string
		v    []string
		want VisitStanding
	}{
		{"the lead worker", []string{`by = "Aisha Patel"`}, ByLeadWorker},
		{"the lead worker, role in brackets", []string{`by = "aisha patel (social worker)"`}, ByLeadWorker},
		{"another social worker of the authority covering", []string{`by = "Tom Hill"`}, ByCoveringSocialWorker},
		{"the lead worker's manager covering", []string{`by = "Rob Jones"`}, ByCoveringSocialWorker},
		{"a social worker of another agency", []string{`by = "Meg Lane"`}, NotLeadWorkersVisit},
		{"a family support worker, no delegation", []string{`by = "Ben Hughes"`}, NotLeadWorkersVisit},
		{"a student social worker of the authority is not cover", []string{`by = "Nina Shah"`}, NotLeadWorkersVisit},
		{"an apprentice social worker is not cover", []string{`by = "Ali Khan"`}, NotLeadWorkersVisit},
		{"a student social worker, delegated in writing", []string{`by = "Nina Shah"`, `delegated_by = "Aisha Patel"`, `delegation_agreed = "Rob Jones"`}, ByDelegation},
		{"a family support worker, delegated in writing", []string{`by = "Ben Hughes"`, `delegated_by = "Aisha Patel"`, `delegation_agreed = "Rob Jones"`}, ByDelegation},
		{"delegated but not agreed by the manager", []string{`by = "Ben Hughes"`, `delegated_by = "Aisha Patel"`, `delegation_agreed = "Tom Hill"`}, NotLeadWorkersVisit},
		{"agreed by the manager but not delegated by the lead worker", []string{`by = "Ben Hughes"`, `delegated_by = "Tom Hill"`, `delegation_agreed = "Rob Jones"`}, NotLeadWorkersVisit},
		{"a class teacher", []string{`by = "Lee Morgan"`}, NotLeadWorkersVisit},
		{"a health visitor", []string{`by = "Jo Bell"`}, NotLeadWorkersVisit},
		{"a joint visit written by the health visitor, the lead worker present", []string{`by = "Jo Bell"`, `present = ["Jamie", "Sam Doe", "Aisha Patel (Social Worker)"]`}, ByLeadWorker},
		{"a joint visit, a covering social worker present", []string{`by = "Jo Bell"`, `present = ["Jamie", "Tom Hill"]`}, ByCoveringSocialWorker},
		{"a health visitor with the mother and a student present", []string{`by = "Jo Bell"`, `present = ["Jamie", "Sam Doe", "Nina Shah"]`}, NotLeadWorkersVisit},
		{"the mother, even 'delegated'", []string{`by = "Sam Doe"`, `delegated_by = "Aisha Patel"`, `delegation_agreed = "Rob Jones"`}, NotLeadWorkersVisit},
		{"someone not among the people", []string{`by = "Kim Stranger"`}, NotLeadWorkersVisit},
	}
	for _, tt := range tests {
		v := visit(t, append([]string{`date = 2026-02-01T10:00:00`, `child_seen = true`, `seen_alone = true`}, tt.v...)...)
		if got := c.Standing(v); got != tt.want {
			t.Errorf("%s: Standing = %v, want %v", tt.name, got, tt.want)
		}
		if got := c.CountsAsLeadWorker(v); got != (tt.want != NotLeadWorkersVisit) {
			t.Errorf("%s: CountsAsLeadWorker = %v", tt.name, got)
		}
		if why := c.WhyNotLeadWorkers(v); (why == "") != (tt.want != NotLeadWorkersVisit) {
			t.Errorf("%s: WhyNotLeadWorkers = %q", tt.name, why)
		}
	}
	if got := c.NameWithRole("Lee Morgan"); got != "Lee Morgan (class teacher)" {
		t.Errorf("NameWithRole = %q", got)
	}
}

func TestSawBedroom(t *testing.T) {
	c := seeingCase(t, "born = 2015-04-02", "")
	for _, tt := range []struct {
		name string
		v    []string
		want bool
	}{
		{"the lead worker", []string{`by = "Aisha Patel"`, `bedroom_seen = true`}, true},
		{"a covering social worker", []string{`by = "Tom Hill"`, `bedroom_seen = true`}, true},
		{"a joint visit, the lead worker present", []string{`by = "Jo Bell"`, `present = ["Aisha Patel"]`, `bedroom_seen = true`}, true},
		{"a family support worker, no delegation", []string{`by = "Ben Hughes"`, `bedroom_seen = true`}, false},
		{"a health visitor", []string{`by = "Jo Bell"`, `bedroom_seen = true`}, false},
		{"the lead worker, bedroom not seen", []string{`by = "Aisha Patel"`}, false},
	} {
		v := visit(t, append([]string{`date = 2026-02-01T10:00:00`, `child_seen = true`}, tt.v...)...)
		if got := c.SawBedroom(v); got != tt.want {
			t.Errorf("%s: SawBedroom = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestIsAuthorityAgency(t *testing.T) {
	c := seeingCase(t, "born = 2015-04-02", "")
	for agency, want := range map[string]bool{
		"":                                 true,
		"Children's Services":              true,
		"children's services":              true,
		"Children's Social Care":           true,
		"Children, Education and Families": true,
		"Vulnerable Children and Corporate Parenting": true,
		"Stoke-on-Trent City Council":                 true,
		"Adult Social Care":                           false,
		"City Hospital NHS Trust":                     false,
		"Oak Primary School":                          false,
		"Thames Valley Police":                        false,
		"Action for Children":                         false,
		"Health":                                      false,
	} {
		if got := c.IsAuthorityAgency(agency); got != want {
			t.Errorf("IsAuthorityAgency(%q) = %v, want %v", agency, got, want)
		}
	}
}

func TestRefusedInWords(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"Mother refused entry":             true,
		"Mr Doe would not let me in":       true,
		"Mr Doe wouldn’t let me see Jamie": true,
		"Denied entry at the door":         true,
		"No one answered; the family did not answer the door although the TV was on": true,
		"The family avoided the visit":                                     true,
		"Father declined to let me in":                                     true,
		"I was not allowed to see Jamie":                                   true,
		"Refusal at the door.":                                             true,
		"No answer at the door; the curtains were drawn":                   true,
		"Knocked twice, no reply at the door.":                             true,
		"Nobody came to the door although the TV was on":                   true,
		"Dad came to the door and told me to leave":                        true,
		"Mum asked us to leave and come back next week":                    true,
		"Mum said I couldn’t come in today":                                true,
		"Dad told me we could not come in without an appointment":          true,
		"Mum shut the door on me":                                          true,
		"Mum said I couldn't see him as he was poorly in bed":              true,
		"Mum said she could not see why I had come; Jamie was at school":   false,
		"Mum said I could come in but Jamie was at nursery":                false,
		"I told Mum I would leave the leaflet":                             false,
		"Mother was out; no answer on her phone":                           false,
		"Jamie was at his grandmother's; mother had not refused":           false,
		"Mother did not refuse; Jamie was in hospital":                     false,
		"Nobody refused, Jamie was at school":                              false,
		"Jamie was at school":                                              false,
		"Jamie was asleep":                                                 false,
		"Visit cancelled: worker unwell. Mother has never refused a visit": false,
		"Mother was out. Later she refused a new date":                     true,
		// Refusals and avoidance written in words (no access, the door).
		"No access":                                                  true,
		"No access visit, card left":                                 true,
		"Knocked several times, no answer":                           true,
		"No answer.":                                                 true,
		"No answer; curtains drawn":                                  true,
		"Knocked but no answer":                                      true,
		"No answer when I knocked":                                   true,
		"No reply, left a card":                                      true,
		"Door not answered":                                          true,
		"The door was not answered although the TV was on":           true,
		"Mum declined the visit":                                     true,
		"Mum declined today's visit":                                 true,
		"Mum did not want me to see Leo":                             true,
		"Mum didn’t want me to see Leo":                              true,
		"Not permitted to see Leo":                                   true,
		"I was not allowed in":                                       true,
		"Leo declined to see me":                                     true,
		"Mum had no answer to why Leo was off school; Leo at Nan's":  false,
		"Mother was out; no answer on her phone, tried again later":  false,
		"No answer from school about the referral, Leo at Nan's":     false,
		"Mum declined the offer of a parenting course; Leo at Nan's": false,
		"Mum did not want Leo to see his dad; Leo was at Nan's":      false,
		"Leo was at Nan's; we had access to the flat":                false,
		"There was not no access":                                    false,
		// The family away without telling the worker: contact avoided
		// (1.8 §3 "refused or avoided"); away with the worker told is not.
		"Family on holiday, not told to us":                                     true,
		"family had gone away without letting us know":                          true,
		"Moved out without telling anyone":                                      true,
		"Nadia and Leo away for the week without informing the social worker":   true,
		"Neighbour said the family have gone to Pakistan; Mum had not told us":  true,
		"Family away - no notice given to SW":                                   true,
		"Flat empty, neighbour says they moved out last week. We were not told": true,
		"Family away, SW not made aware":                                        true,
		"Moved out last week, no forwarding address":                            true,
		"Family have moved, whereabouts unknown":                                true,
		"Family moved in October and told us the new address; Leo at school":    false,
		"Family on holiday":                                                     false,
		"They told us they would be on holiday":                                 false,
		"Family on holiday as agreed with SW":                                   false,
		"Family on holiday - not told of the visit as it was unannounced":       false,
		"Family on holiday; we had not told Mum we were coming":                 false,
		"Mum had not told us about the appointment; Leo at the dentist":         false,
		"Mum said they would not go away without telling us; Leo at Nan's":      false,
		"The family have not moved out without telling us, Mum was at work":     false,
		"Family had gone away, not told":                                        false,
		"":                                                                      false,
	} {
		if got := p.RefusedInWords(text); got != want {
			t.Errorf("RefusedInWords(%q) = %v, want %v", text, got, want)
		}
	}
	// IsRefusal: ticked, or in words when the child was not seen.
	ticked := visit(t, `date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = false`, `access_refused = true`)
	words := visit(t, `date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = false`, `not_seen_reason = "Mother would not let me in"`)
	seen := visit(t, `date = 2026-02-01T10:00:00`, `by = "Aisha Patel"`, `child_seen = true`, `not_seen_reason = "Mother refused to leave the room"`)
	if !p.IsRefusal(ticked) || p.IsRefusalInWordsOnly(ticked) {
		t.Error("a ticked refusal is a refusal, not one in words only")
	}
	if !p.IsRefusal(words) || !p.IsRefusalInWordsOnly(words) {
		t.Error("a refusal in words is a refusal in words only")
	}
	if p.IsRefusal(seen) {
		t.Error("a child who was seen did not remain unseen: not a refusal of contact")
	}
	// In the notes, going away and not telling may be two sentences; not
	// telling alone, about something else, is no refusal.
	for body, want := range map[string]bool{
		"Neighbour said they have gone to Spain. Mum had not told us.":              true,
		"Neighbour said they have gone to Spain. Mum told us last week.":            false,
		"Mum had not told us about the appointment. Jamie was at the dentist.":      false,
		"Flat empty. Curtains down. We were not told the family was going anywhere": false,
	} {
		doc, _ := schema.Parse("visits/v.md", []byte("+++\ntype = \"visit\"\ndate = 2026-02-01T10:00:00\nby = \"Aisha Patel\"\nchild_seen = false\n+++\n\n## Observations\n"+body+"\n"))
		v := doc.Record.(*schema.Visit)
		if got := p.IsRefusal(v); got != want {
			t.Errorf("notes %q: IsRefusal = %v, want %v", body, got, want)
		}
	}
	// A config extends the list.
	over := &Profile{Words: Words{Refusals: []string{"Kept the chain on"}}}
	ext := extend(p, over, func(string) bool { return false })
	if !ext.RefusedInWords("Mother kept the chain on the door") || p.RefusedInWords("Mother kept the chain on the door") {
		t.Error("a config's refusals extend the profile's")
	}
}

func TestBirth(t *testing.T) {
	d := func(s string) schema.Date {
		x, err := schema.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	born := seeingCase(t, "born = 2026-03-01", "")
	unborn := seeingCase(t, "unborn = true\nexpected = 2026-03-01", "")
	noExpected := seeingCase(t, "unborn = true", "")
	if born.IsBornOn(d("2026-02-28")) || !born.IsBornOn(d("2026-03-01")) {
		t.Error("IsBornOn: the day of the birth is the first day there is a child to see")
	}
	if unborn.IsBornOn(d("2027-01-01")) || !unborn.IsUnborn() {
		t.Error("an unborn child is born on no day until the birth is recorded")
	}
	if f, ok := born.SeeingFrom(); !ok || f != d("2026-03-01") {
		t.Errorf("SeeingFrom = %v %v: the later of the plan's start and the birth", f, ok)
	}
	if f, ok := seeingCase(t, "born = 2015-04-02", "").SeeingFrom(); !ok || f != d("2026-01-12") {
		t.Errorf("SeeingFrom = %v %v: the plan's start", f, ok)
	}
	if _, ok := unborn.SeeingFrom(); ok {
		t.Error("SeeingFrom: nothing to see before the birth")
	}
	pass := func(c *Case, asOf string) *Pass {
		p, _ := ShippedProfile(ProfileStoke)
		return &Pass{Case: c, Profile: p, AsOf: d(asOf)}
	}
	for _, tt := range []struct {
		c    *Case
		asOf string
		want bool
	}{
		{unborn, "2026-03-15", false}, // expected + 14 days
		{unborn, "2026-03-16", true},  // expected + 15 days
		{born, "2026-06-01", false},
		{noExpected, "2026-11-15", false}, // plan started 2026-01-12: + 44 weeks = 2026-11-16
		{noExpected, "2026-11-17", true},
	} {
		if _, got := pass(tt.c, tt.asOf).UnrecordedBirth(); got != tt.want {
			t.Errorf("UnrecordedBirth as of %s = %v, want %v", tt.asOf, got, tt.want)
		}
	}
}

// TestBirthStillToCome: a date of birth after the day the case is read as
// of is no birth the rules count from; an expected date later than any
// pregnancy lasts is no expected date.
func TestBirthStillToCome(t *testing.T) {
	d := sd
	typo := seeingCase(t, "born = 2081-03-10", "")
	if typo.IsBornOn(d("2026-02-01")) || typo.BornInFuture() {
		t.Error("before ReadOn, a date of birth is taken as written (born on no day before it), and not known to be still to come")
	}
	typo = seeingCase(t, "born = 2081-03-10", "")
	typo.ReadOn(d("2026-06-10"))
	if !typo.BornInFuture() || !typo.Birth().IsZero() || !typo.IsBornOn(d("2026-02-01")) {
		t.Error("born after the as-of date: still to come, no birth to count from, the child counts as born")
	}
	if f, ok := typo.SeeingFrom(); !ok || f != d("2026-01-12") {
		t.Errorf("SeeingFrom = %v %v, want the plan's start", f, ok)
	}
	today := seeingCase(t, "born = 2026-06-10", "")
	today.ReadOn(d("2026-06-10"))
	if today.BornInFuture() || today.Birth() != d("2026-06-10") {
		t.Error("born on the as-of date has happened")
	}
	late := seeingCase(t, "unborn = true\nexpected = 2062-04-20", "")
	if !late.ExpectedTooLate() {
		t.Error("an expected date 36 years after the plan's start is too late")
	}
	if _, due, ok := late.BirthRecordDue(); !ok || due != d("2026-11-16") {
		t.Errorf("BirthRecordDue = %v %v, want the plan's start + 44 weeks", due, ok)
	}
	inTime := seeingCase(t, "unborn = true\nexpected = 2026-11-02", "") // the plan's start + 42 weeks
	if inTime.ExpectedTooLate() {
		t.Error("an expected date 42 weeks after the plan's start is possible")
	}
}

func TestRefusalsFromConfig(t *testing.T) {
	cfg, err := ParseConfig(".caselint.toml", []byte(`profile = "ours"
[profiles.ours]
extends = "oxfordshire"
[profiles.ours.words]
refusals = ["Shut the door on me"]
`))
	if err != nil {
		t.Fatal(err)
	}
	p, err := cfg.ResolveProfile("")
	if err != nil {
		t.Fatal(err)
	}
	if !p.RefusedInWords("Mr Doe shut the door on me") || !p.RefusedInWords("Mother refused entry") {
		t.Error("a config's refusals are added to the shipped ones")
	}
	if _, err := ParseConfig(".caselint.toml", []byte("[profiles.ours]\nextends = \"oxfordshire\"\n[profiles.ours.words]\nrefusal = [\"x\"]\n")); err == nil || !strings.Contains(err.Error(), "refusals") {
		t.Errorf("a misspelt list: %v, want a did you mean refusals", err)
	}
}

func TestCoverNeedsTheNamedManager(t *testing.T) {
	// With no manager named in the plan, a GP practice manager is not cover.
	c := seeingCase(t, "born = 2015-04-02", "started = 2026-01-12\nlead_worker = \"Aisha Patel\"")
	c.Record.People = append(c.Record.People, schema.Person{Name: "Pat Vance", Role: "practice manager"})
	c = NewCase("c", c.Record, []schema.Record{c.Plan})
	if c.IsCoveringSocialWorker("Pat Vance") {
		t.Error("a practice manager with no agency written is not cover")
	}
	if !c.IsCoveringSocialWorker("Tom Hill") {
		t.Error("a social worker of the authority is cover")
	}
}

func TestNotAloneInWords(t *testing.T) {
	p, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	parse := func(front, body string) *schema.Visit {
		doc, ok := schema.Parse("visits/v.md", []byte("+++\ntype = \"visit\"\ndate = 2026-02-01T10:00:00\nby = \"Aisha Patel\"\nchild_seen = true\n"+front+"\n+++\n\n"+body))
		if !ok || len(doc.Problems) > 0 {
			t.Fatalf("visit: %v", doc.Problems)
		}
		return doc.Record.(*schema.Visit)
	}
	for _, tt := range []struct {
		front, body string
		want        string
	}{
		{"seen_alone = true", "## Observations\n\nHome tidy. Mum stayed in the room throughout, so this was not a private conversation.\n", "Mum stayed in the room throughout, so this was not a private conversation."},
		{"seen_alone = true", "## Wishes and feelings\n\nI was unable to see Jamie alone as his father would not leave the room.\n", "I was unable to see Jamie alone as his father would not leave the room."},
		{"seen_alone = true\nnot_seen_reason = \"Jamie was with Nan: Nan present throughout\"", "", "Jamie was with Nan: Nan present throughout"},
		{"seen_alone = true", "## Observations\n\nMum stayed in the room throughout the tour of the house. I then saw Jamie alone in his bedroom.\n", ""},
		{"seen_alone = true", "## Observations\n\nMum did not stay in the room; Jamie and I talked in the kitchen.\n", ""},
		{"seen_alone = true", "## Observations\n\nMum left the room when asked.\n", ""},
		{"seen_alone = true", "## Observations\n\nMum said she was not alone in finding the bills hard.\n", ""},
		{"seen_alone = true", "## Observations\n\nMum was present throughout the visit; Jamie and I talked alone in the garden.\n", ""},
		{"seen_alone = true", "## Observations\n\nDad was present throughout, but I spoke to Jamie privately at the door.\n", ""},
		{"seen_alone = false\nnot_seen_reason = \"Mum would not leave the room\"", "", ""},
		// "On his own" is "alone".
		{"seen_alone = true", "## Observations\n\nNot seen on own - Mum present.\n", "Not seen on own - Mum present."},
		{"seen_alone = true", "## Observations\n\nUnable to see Leo on his own as Mum would not leave.\n", "Unable to see Leo on his own as Mum would not leave."},
		{"seen_alone = true", "## Observations\n\nJamie was not seen on his own today.\n", "Jamie was not seen on his own today."},
		{"seen_alone = true", "## Observations\n\nLeo was seen on his own in his bedroom.\n", ""},
		{"seen_alone = true", "## Observations\n\nMum was not on her own with the bills. Leo was seen on his own in his bedroom.\n", ""},
		{"seen_alone = true", "## Observations\n\nMum could not see Leo on his own at weekends; I saw Leo on his own in the garden.\n", ""},
	} {
		v := parse(tt.front, tt.body)
		got, ok := p.NotAloneInWords(v)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("NotAloneInWords(%q, %q) = %q, %v; want %q", tt.front, tt.body, got, ok, tt.want)
		}
	}
}

func TestRefusalInWords(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	parse := func(front, body string) *schema.Visit {
		doc, ok := schema.Parse("visits/v.md", []byte("+++\ntype = \"visit\"\ndate = 2026-02-01T10:00:00\nby = \"Aisha Patel\"\n"+front+"\n+++\n\n"+body))
		if !ok || len(doc.Problems) > 0 {
			t.Fatalf("visit: %v", doc.Problems)
		}
		return doc.Record.(*schema.Visit)
	}
	for _, tt := range []struct {
		front, body string
		want        string
		inBody      bool
	}{
		{"child_seen = false\nnot_seen_reason = \"Mum would not let me in\"", "", "Mum would not let me in", false},
		{"child_seen = false", "## Observations\n\nUnannounced. Mum would not let me in. Jamie heard inside.\n", "Mum would not let me in.", true},
		{"child_seen = false\nnot_seen_reason = \"TBC\"", "## Observations\n\nNo answer at the door.\n", "No answer at the door.", true},
		{"child_seen = false", "## Observations\n\nUnannounced. Mr. Grant refused entry. Left a card.\n", "Mr. Grant refused entry.", true},
		{"child_seen = false\nnot_seen_reason = \"Jamie was at school\"", "## Observations\n\nMum refused to discuss the referral.\n", "", false},
		{"child_seen = true\nseen_alone = true", "## Observations\n\nMum refused to leave the room at first.\n", "", false},
		// A reason that says only "not seen" is no reason: the notes are read.
		{"child_seen = false\nnot_seen_reason = \"Not seen\"", "## Observations\n\nKnocked several times, no answer.\n", "Knocked several times, no answer.", true},
		{"child_seen = false\nnot_seen_reason = \"No access\"", "", "No access", false},
	} {
		v := parse(tt.front, tt.body)
		said, off, ok := p.RefusalInWords(v)
		if said != tt.want || ok != (tt.want != "") || (ok && (off >= 0) != tt.inBody) {
			t.Errorf("RefusalInWords(%q, %q) = %q, %d, %v; want %q (in the body: %v)", tt.front, tt.body, said, off, ok, tt.want, tt.inBody)
		}
		if ok && tt.inBody && !strings.HasPrefix(string(v.Doc.Source.Data[off:]), tt.want) {
			t.Errorf("RefusalInWords(%q): offset %d is not at %q", tt.body, off, tt.want)
		}
	}
}

func TestAsleepInWords(t *testing.T) {
	parse := func(front, body string) *schema.Visit {
		doc, ok := schema.Parse("visits/v.md", []byte("+++\ntype = \"visit\"\ndate = 2026-02-01T10:00:00\nby = \"Aisha Patel\"\nchild_seen = true\n"+front+"\n+++\n\n"+body))
		if !ok || len(doc.Problems) > 0 {
			t.Fatalf("visit: %v", doc.Problems)
		}
		return doc.Record.(*schema.Visit)
	}
	for _, tt := range []struct {
		front, body, want string
	}{
		{"seen_alone = true", "## Observations\n\nAva was asleep upstairs throughout. Home tidy.\n", "Ava was asleep upstairs throughout."},
		{"seen_alone = true", "## Observations\n\nAva slept through the visit.\n", "Ava slept through the visit."},
		{"seen_alone = true", "## Observations\n\nAva was asleep when I arrived but woke for a feed.\n", ""},
		{"seen_alone = true", "## Observations\n\nAva was asleep at first, then smiled and cooed at me.\n", ""},
		{"seen_alone = true\nawake = false", "## Observations\n\nAva was asleep.\n", ""}, // the fact is written: Case.SeenAlone
		{"seen_alone = true\nawake = true", "## Observations\n\nAva was asleep at the end of the visit.\n", ""},
		{"seen_alone = false", "## Observations\n\nAva was asleep.\n", ""},
		{"seen_alone = true", "## Meals and sleeping\n\nAva sleeps in a cot in her parents' room.\n", ""},
		{"seen_alone = true", "## Observations\n\nAva was in her cot and did not wake during the visit.\n", "Ava was in her cot and did not wake during the visit."},
		{"seen_alone = true", "## Observations\n\nAva was not awake when I saw her.\n", "Ava was not awake when I saw her."},
		{"seen_alone = true", "## Observations\n\nAva was sleeping the whole time.\n", "Ava was sleeping the whole time."},
		{"seen_alone = true", "## Observations\n\nAva did not wake at first, then fed and smiled.\n", ""},
		{"seen_alone = true", "## Observations\n\nMum said Ava is not sleeping well at night; Ava was alert.\n", ""},
	} {
		got, ok := AsleepInWords(parse(tt.front, tt.body))
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("AsleepInWords(%q, %q) = %q, %v; want %q", tt.front, tt.body, got, ok, tt.want)
		}
	}
}

func TestReducedVisitingAgreedForThisPlan(t *testing.T) {
	oxon, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, agreed    string
		before, inForce bool
	}{
		{"agreed before the plan started (an earlier plan's)", "2026-01-05", true, false},
		{"agreed the day before the plan started", "2026-01-11", true, false},
		{"agreed on the day the plan started", "2026-01-12", false, true},
		{"agreed in the review period", "2026-04-15", false, true},
	} {
		c := seeingCase(t, "born = 2015-04-02", "started = 2026-01-12\nlead_worker = \"Aisha Patel\"\nmanager = \"Rob Jones\"\n"+
			"[reduced_visiting]\nagreed = "+tt.agreed+"\napproved_by = \"Chris Hall (independent conference chair)\"")
		c.Record.People = append(c.Record.People, schema.Person{Name: "Chris Hall", Role: "independent conference chair"})
		c = NewCase("c", c.Record, []schema.Record{c.Plan})
		if got := c.ReducedVisitingBeforePlan(); got != tt.before {
			t.Errorf("%s: ReducedVisitingBeforePlan = %v, want %v", tt.name, got, tt.before)
		}
		p := &Pass{Case: c, Profile: oxon, AsOf: day("2026-06-01")}
		if _, ok := p.ReducedVisitingFrom(); ok != tt.inForce {
			t.Errorf("%s: ReducedVisitingFrom in force = %v, want %v", tt.name, ok, tt.inForce)
		}
	}
	if c := seeingCase(t, "born = 2015-04-02", ""); c.ReducedVisitingBeforePlan() {
		t.Error("no agreement: not before the plan")
	}
}

func TestReducedVisitingAppliesTo(t *testing.T) {
	agreed := day("2026-04-15")
	for usual, want := range map[string]bool{
		"2026-04-10": false, // already overdue when agreed
		"2026-04-14": false, // due the day before the agreement
		"2026-04-15": true,  // due on the day it was agreed: not yet missed
		"2026-04-24": true,
	} {
		if got := ReducedVisitingAppliesTo(agreed, day(usual)); got != want {
			t.Errorf("ReducedVisitingAppliesTo(%s, usual due %s) = %v, want %v", agreed, usual, got, want)
		}
	}
}

// TestReducedSeenAloneEvery: under reduced visiting the plan's own
// seen_alone_every applies where it is a smaller reduction (looser than the
// usual 2 weeks, stricter than the reduced 4 weeks); a plan frequency no
// looser than the usual one is the one the reduction replaced.
func TestReducedSeenAloneEvery(t *testing.T) {
	oxon, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	stoke, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	from := day("2026-06-01")
	for _, tt := range []struct {
		name, every string // the plan's seen_alone_every ("" none)
		profile     *Profile
		want        string
		byPlan      bool
	}{
		{"no plan frequency", "", oxon, "4 weeks", false},
		{"the plan's 3 weeks, a smaller reduction", "3 weeks", oxon, "3 weeks", true},
		{"the plan's 18 working days", "18 working days", oxon, "18 working days", true},
		{"the plan's 20 working days, the same day as 4 weeks", "20 working days", oxon, "4 weeks", false},
		{"the plan's 2 weeks, from before the reduction", "2 weeks", oxon, "4 weeks", false},
		{"the plan's weekly, from before the reduction", "weekly", oxon, "4 weeks", false},
		{"the plan's 15 days, a day looser than the usual", "15 days", oxon, "15 days", true},
		{"the plan's 4 weeks, the reduction itself", "4 weeks", oxon, "4 weeks", false},
		{"the plan's monthly, looser than the reduction", "monthly", oxon, "4 weeks", false},
		{"a profile with no reduction", "3 weeks", stoke, "off", false},
	} {
		plan := "started = 2026-01-12\nlead_worker = \"Aisha Patel\"\n"
		if tt.every != "" {
			plan += "seen_alone_every = \"" + tt.every + "\"\n"
		}
		c := seeingCase(t, "born = 2015-04-02", plan)
		p := &Pass{Case: c, Profile: tt.profile, AsOf: day("2026-08-01")}
		iv, byPlan := p.ReducedSeenAloneEvery(from)
		if iv.String() != tt.want || byPlan != tt.byPlan {
			t.Errorf("%s: ReducedSeenAloneEvery = %s, %v; want %s, %v", tt.name, iv, byPlan, tt.want, tt.byPlan)
		}
	}
}
