package lint

import (
	"slices"
	"testing"

	"github.com/caselint/caselint/schema"
)

// wordsCase is seeingCase's Jamie (born 2015; Sam Doe his mother) with a
// sister, Ruby Doe, and a grandmother, Pat Doe.
func wordsCase(t *testing.T) *Case {
	t.Helper()
	c := seeingCase(t, "born = 2015-04-02", "")
	c.Record.People = append(c.Record.People,
		schema.Person{Name: "Ruby Doe", Role: "sister", Family: true},
		schema.Person{Name: "Pat Doe", Role: "maternal grandmother", Family: true})
	return NewCase("c", c.Record, []schema.Record{c.Plan})
}

// wordsVisit parses a visit of 1 February 2026 by Aisha Patel from its
// other frontmatter lines and its notes (one Observations section).
func wordsVisit(t *testing.T, front, notes string) *schema.Visit {
	t.Helper()
	body := ""
	if notes != "" {
		body = "\n## Observations\n\n" + notes + "\n"
	}
	doc, ok := schema.Parse("visits/v.md", []byte("+++\ntype = \"visit\"\ndate = 2026-02-01T10:00:00\nby = \"Aisha Patel\"\n"+front+"\n+++\n"+body))
	if !ok || len(doc.Problems) > 0 {
		t.Fatalf("visit: %v", doc.Problems)
	}
	return doc.Record.(*schema.Visit)
}

// TestNotSeenAloneInEverydayWords: a visit recorded seen_alone = true
// whose notes say, in the words practitioners write, that an adult stayed
// or that the child was not seen alone did not see the child alone; notes
// that say the child was seen alone after all, or that the adult was
// there only for part of the visit, do not say so.
func TestNotSeenAloneInEverydayWords(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	c := wordsCase(t)
	pass := &Pass{Case: c, Profile: p}
	notAlone := []string{
		"Sam stayed in the room, so Jamie said little.",
		"Spoke with Jamie with Mum present.",
		"Nan sat in throughout.",
		"Nan insisted on staying.",
		"Nan would not let me speak to Jamie alone.",
		"Jamie refused to be seen alone.",
		"No opportunity to see Jamie alone.",
		"Jamie wasnt seen alone as Sam stayed.",
		"I could not see Jamie by himself as Sam stayed.",
		"Sam was in the room the whole time.",
		"Dad would not leave us on our own.",
		"Mum sat with us for the whole visit.",
		"Mum was present for the whole visit.",
		"We talked in the lounge with his nan present.",
		"Ms Doe was present.",
		"Sam Doe remained in the room throughout our conversation.",
		"His maternal grandmother sat in on the conversation.",
		"Mum and Dad were present.",
		"The parents were in the room.",
		"Pat insisted on being present",
		"Jamie did not want to be seen alone today.",
		"Mum wouldn't let me see Jamie on his own.",
		"Not seen on his own - Mum present.",
		"Couldnt speak to Jamie on his own.",
		"Jamie said very little in front of Mum.",
		"Unable to get Jamie on his own; Sam Doe hovered.",
		"Jamie's mum stayed with us throughout.",
		"Jamie would not talk with me without Mum.",
		"Jamie wouldnt speak to me without his nan.",
		"Sam would not let Jamie speak to me on his own.",
		"Jamie was too shy to be seen on his own.",
		"Jamie wanted Mum to stay with him.",
		"Mum was with us the whole time.",
		"Sam did not leave Jamie's side.",
		"Dad was present during the visit.",
		"Jamie was seen with Mum.",
		"Jamie was seen together with his mum in the lounge.",
		"Mum stayed with Jamie throughout.",
		"Jamie clung to Mum and would not be separated from her.",
		"Jamie clung to his mum throughout.",
		"Jamie sat on Sam's lap for the whole visit.",
		"Jamie stayed on Mum's knee throughout.",
		"Jamie did not want to talk to me without her.",
		"Jamie would not speak to me on his own.",
		"Jamie did not want to be on his own with me.",
		"Jamie did not want Mum to leave.",
		"Mum sat with Jamie throughout.",
		"Mum was with Jamie the whole time.",
		"Mum listened in from the kitchen door.",
		"Jamie was seen with Mum in the living room.",
		"Jamie and Mum seen together in the lounge.",
		"Seen on the ward; Mum was at the bedside the whole visit.",
		"Jamie seen briefly on the doorstep with Mum.",
		"Jamie waved at me from the upstairs window.",
		"Visit at school. Lee Morgan sat in at Jamie's request.",
		"Jamie was seen at school with his class teacher present.",
		"Seen on the ward with a nurse present.",
	}
	alone := []string{
		"Mum stayed downstairs while I saw Jamie alone in his room.",
		"Mum was present at the start, then left us.",
		"Jamie was seen alone; Mum was present for the rest of the visit.",
		"Jamie was seen alone after Mum left the room.",
		"Mum was not present.",
		"Mum stayed in the kitchen while I looked at the bedrooms.",
		"Mum said she was present at the birth.",
		"Mum was in the room next door.",
		"Nan stayed for tea after I left.",
		"Jamie's sister stayed in the room.",
		"The class teacher was present at the start.",
		"Mum sat in the car with the baby while we talked.",
		"Spoke with Jamie on his own in the garden.",
		"I saw Jamie by himself in his bedroom.",
		"Jamie was seen privately at school.",
		"Mum stayed. I then saw Jamie alone in his room.",
		"Dad left; Jamie and I talked alone in the garden.",
		"Dad said he would not leave Jamie alone with strangers. Jamie was seen alone in his room.",
		"Mum was never present when Jamie was upset.",
		"Home warm; food in the fridge.",
		"Jamie said Mum stayed at Nan's on Friday.",
		"Multi-agency meeting next week - Mum present at school.",
		"Mum had no answer; she said Jamie is often alone at home.",
		"Jamie was happy to be seen alone and talked about school.",
		"Jamie spoke to me without Mum present, in his bedroom.",
		"Jamie was seen with Mum first, then alone in his bedroom.",
		"Mum was present during the first part of the visit, then went out; Jamie and I talked alone.",
		"Jamie said he did not want Nan to leave him alone at night.",
		"Jamie wanted Mum to stay for tea at Nan's on Sunday. I saw Jamie alone in his room.",
		"Jamie clung to Mum at first; then Mum went to the shop and Jamie talked to me alone.",
		"Jamie would not speak to me on his own at first, but later he showed me his room and we talked alone.",
		"Jamie did not want Mum to leave for work; Mum stayed in the kitchen while I saw Jamie alone.",
		"Mum said Jamie clings to her at bedtime. Jamie seen alone in his room.",
		"The class teacher was present at the start, then left us.",
		"Lee Morgan brought Jamie to the room and left; seen alone.",
		"Lee Morgan sat in for the first ten minutes, then left us.",
		"Lee Morgan sat in at the start.",
		"The teacher stayed with us for five minutes and then went back to class.",
		"A member of staff sat in on the first part of the conversation.",
		"Jamie said he sat on Nan's lap to watch the film.",
	}
	for _, notes := range notAlone {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true", notes)
		if said, ok := pass.NotSeenAloneInWords(v); !ok {
			t.Errorf("%q: not read as not seen alone", notes)
		} else if said == "" {
			t.Errorf("%q: no sentence given", notes)
		}
	}
	for _, notes := range alone {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true", notes)
		if said, ok := pass.NotSeenAloneInWords(v); ok {
			t.Errorf("%q: read as not seen alone (%q)", notes, said)
		}
	}
	if len(notAlone) < 20 || len(alone) < 20 {
		t.Fatal("the table says little")
	}
}

// TestRefusalInEverydayWords: a visit that did not see the child whose
// reason or notes say contact was refused or avoided in everyday words
// (no apostrophe, a spaced hyphen, no "the", the child by name) is a
// refusal; other reasons are not.
func TestRefusalInEverydayWords(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	c := wordsCase(t)
	pass := &Pass{Case: c, Profile: p}
	refused := []string{
		"No answer - card left",
		"No answer, card left",
		"Sam told me to leave",
		"Sam told me to leave as Jamie was asleep",
		"Sam asked us to leave because she was busy",
		"Sam asked me to leave the property",
		"Sam asked us to leave and come back next week",
		"Dad came to the door and told me to leave, Jamie not seen",
		"no answer at door",
		"No answer at the front door",
		"Sam wouldnt let me in",
		"Sam didnt let me in",
		"Sam shut the door",
		"Sam Doe said I couldn't see Jamie today and closed the door.",
		"Sam said I could not see Jamie today",
		"Sam said that I could not come in",
		"Sam told me that I couldn't come in",
		"Sam said I could not see the child",
		"Sam said I can't see Jamie",
		"Sam said I cant see Jamie Doe",
		"Sam said I couldn't see Ruby or Jamie",
		"Sam told us we cannot see the children",
		"Knocked twice -- no reply",
		// Avoidance in everyday words: a visit declined or put off, words
		// through the door, the child hiding, nobody home.
		"Visit declined by mum",
		"Mum did not want a visit today",
		"Sam doesnt want us to come",
		"Mum said now was not a good time",
		"Sam said it wasn't convenient",
		"Told to come back another day",
		"Sam told me to come back next week",
		"Mum asked me to leave",
		"Mum shouted through the letterbox to go away",
		"Sam spoke to me through the letter box",
		"No answer but could hear the TV",
		"Sam said Jamie was asleep and I could not go up",
		"Jamie hid upstairs and would not come down",
		"Jamie hid in the bathroom",
		"Jamie refused to come to the door",
		"Jamie wouldnt come downstairs",
		"Jamie did not want to see me",
		"Nobody home",
		"No one in - card left",
		"no-one home",
		"no one at home",
		"nobody in",
		"Not in",
		"Sam not at home",
		"Out when I called",
		"Family out when I called",
		"Noone in, card left",
		"Mum answered but said I should come back tomorrow",
		"Sam said to come back later",
		"Not there when I arrived",
		"Sam and Jamie were not there when I called",
		"Family had gone out despite the visit being arranged",
		"Sam had gone out",
		"Jamie not brought to the appointment at the family centre",
		"Sam did not bring Jamie to the contact centre",
		"Sam did not attend the planned visit at the family centre",
		"Visit cancelled by mum",
		"Sam rang to cancel",
		"Mum cancelled - Jamie ill",
	}
	notRefused := []string{
		"Sam said Jamie was at school",
		"Sam said I could see Jamie next week",
		"Jamie was at Nan's - Sam said he would be back at six",
		"No answer on Sam's phone, Jamie at school",
		"Sam said she could not see why I had come; Jamie was at school",
		"Sam shut the door behind us; Jamie was out with Nan",
		"Jamie in hospital (multi-agency meeting)",
		"Sam has not refused; Jamie was at his dad's",
		"Jamie was asleep",
		// A cause that is not avoidance, in the same words.
		"Jamie in hospital",
		"at school - agreed",
		"worker off sick",
		"visit rearranged at worker's request",
		"Jamie at school; Sam said it was not a good time to talk about the referral but she let me in",
		"Jamie at school - Sam said to come back after 3.30 to see him",
		"Sam was out at the dentist and Jamie at school",
		"Jamie not at home - staying with his dad as agreed",
		"Jamie not in school today, at the GP with his nan",
		"Sam declined the offer of a parenting course; Jamie at school",
		"Jamie was hiding a cut on his arm at school, the teacher said; Jamie at school",
		"Jamie at school; Sam asked me to leave a leaflet about the parenting course",
		"Jamie at nursery; Sam asked us to leave our number",
		"Jamie at school; Sam said to come back after 3.30 to see him",
		"Visit cancelled by worker - off sick",
		"Visit cancelled by the team manager as the worker was needed in court",
		"Jamie at school; I will come back tomorrow",
		"Jamie at his dad's as agreed; Sam attended the appointment with him",
		"Jamie was at school and Sam was not there when the nurse called last week",
	}
	for _, reason := range refused {
		v := wordsVisit(t, "child_seen = false\nnot_seen_reason = \""+reason+"\"", "")
		if !pass.IsRefusal(v) || !pass.IsRefusalInWordsOnly(v) {
			t.Errorf("not_seen_reason %q: not read as a refusal", reason)
		}
		v = wordsVisit(t, "child_seen = false", "Unannounced visit. "+reason+".")
		if _, off, ok := pass.RefusalInWords(v); !ok || off < 0 {
			t.Errorf("notes %q: not read as a refusal", reason)
		}
	}
	for _, reason := range notRefused {
		v := wordsVisit(t, "child_seen = false\nnot_seen_reason = \""+reason+"\"", "")
		if pass.IsRefusal(v) {
			t.Errorf("not_seen_reason %q: read as a refusal", reason)
		}
	}
	// Without the case, the child's name is a name like any other.
	if p.RefusedInWords("Sam said I can't see Jamie") || !p.RefusedInWords("Sam said I can't see him") {
		t.Error("Profile.RefusedInWords reads {child} by its general words alone")
	}
}

// TestSlotEnds: what each slot stands for, and where it ends.
func TestSlotEnds(t *testing.T) {
	people := wordsCase(t).slotPeople()
	for _, tt := range []struct {
		slot, text string
		want       []int
	}{
		{slotChild, "jamie said", []int{1}},
		{slotChild, "jamie doe said", []int{1}},
		{slotChild, "ruby", []int{1}},
		{slotChild, "the children", []int{2}},
		{slotChild, "her son", []int{1, 2}},
		{slotChild, "the young person", []int{3}},
		{slotChild, "sam", nil},
		{slotChild, "jamie's room", nil},
		{slotAdult, "mum stayed", []int{1}},
		{slotAdult, "her maternal grandmother", []int{3}},
		{slotAdult, "jamie's mum", []int{2}},
		{slotAdult, "mum and dad stayed", []int{1, 3}},
		{slotAdult, "sam doe", []int{1, 2}},
		{slotAdult, "ms doe", []int{2}},
		{slotAdult, "pat", []int{1}},
		{slotAdult, "the parents", []int{2}},
		{slotAdult, "ruby", nil},
		{slotAdult, "jamie", nil},
		{slotAdult, "his sister", nil},
		{slotAdult, "the teacher", nil},
		{slotAlone, "alone", []int{1}},
		{slotAlone, "on his own", []int{3}},
		{slotAlone, "on own", []int{2}},
		{slotAlone, "by herself", []int{2}},
		{slotAlone, "in private", []int{2}},
		{slotAlone, "on the sofa", nil},
	} {
		got := slotEnds(nil, refusalTokens(tt.text), 0, tt.slot, people)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("slotEnds(%s, %q) = %v, want %v", tt.slot, tt.text, got, tt.want)
		}
	}
}

// TestEverydayTokens: a spaced hyphen is a clause break, a hyphen in a
// word or a date is not, and a contraction without its apostrophe is read
// with it.
func TestEverydayTokens(t *testing.T) {
	for text, want := range map[string][]string{
		"No answer - card left":       {"no", "answer", clauseBreak, "card", "left"},
		"No answer -- card left":      {"no", "answer", clauseBreak, "card", "left"},
		"no answer -card":             {"no", "answer", clauseBreak, "card"},
		"multi-agency on 2026-03-01":  {"multi", "agency", "on", "2026", "03", "01"},
		"Gina WOULDNT let me in":      {"gina", "wouldn't", "let", "me", "in"},
		"didnt, wont, cant, isnt":     {"didn't", clauseBreak, "won't", clauseBreak, "can't", clauseBreak, "isn't"},
		"wasnt werent hasnt couldnt":  {"wasn't", "weren't", "hasn't", "couldn't"},
		"the want and the tint count": {"the", "want", "and", "the", "tint", "count"},
	} {
		if got := refusalTokens(text); !slices.Equal(got, want) {
			t.Errorf("refusalTokens(%q) = %q, want %q", text, got, want)
		}
	}
	if got := phraseWords("said * could not see {child}."); !slices.Equal(got, []string{"said", "*", "could", "not", "see", slotChild, clauseBreak}) {
		t.Errorf("phraseWords = %q", got)
	}
	if got := phraseWords("{nobody} stayed"); !slices.Equal(got, []string{"nobody", "stayed"}) {
		t.Errorf("phraseWords of an unknown slot = %q, want its letters", got)
	}
}

// TestSlotPeopleSiblingsAreOneConcept: the slots read a brother or sister
// as a child by the one sibling concept (casePerson.isSibling): a ward
// sister on the case is a grown-up, a half-brother a child.
func TestSlotPeopleSiblingsAreOneConcept(t *testing.T) {
	c := seeingCase(t, "born = 2015-04-02", "")
	c.Record.People = append(c.Record.People,
		schema.Person{Name: "Ruby Doe", Role: "half-sister", Family: true},
		schema.Person{Name: "Jean Hale", Role: "ward sister", Agency: "Royal Stoke University Hospital"})
	c = NewCase("c", c.Record, []schema.Record{c.Plan})
	sp := c.slotPeople()
	if _, ok := sp.children["ruby"]; !ok {
		t.Errorf("a half-sister is not among the children: %v", sp.children)
	}
	if _, ok := sp.children["jean"]; ok {
		t.Errorf("a ward sister is among the children: %v", sp.children)
	}
	if _, ok := sp.adults["jean"]; !ok {
		t.Errorf("a ward sister is not among the grown-ups: %v", sp.adults)
	}
}

// TestBedroomNotSeenInWords: a visit recorded bedroom_seen = true whose
// reason or notes say, in the words practitioners write, that the child's
// bedroom was not seen, or that the worker was kept from going upstairs,
// did not see it (Pass.SawBedroom); words about a brother's or sister's
// bedroom, or a record that says the child's bedroom was seen after all,
// do not say so.
func TestBedroomNotSeenInWords(t *testing.T) {
	p, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	c := wordsCase(t)
	pass := &Pass{Case: c, Profile: p}
	notSeen := []string{
		"Sam would not let me go upstairs, so I did not see his bedroom today.",
		"Bedroom not seen - Sam said it was a mess.",
		"Did not see Jamie's bedroom; Sam said it was being decorated.",
		"I couldnt see his room as the door was locked.",
		"Not able to see Jamie's bedroom today.",
		"Unable to go upstairs as Sam said the stairs were being painted.",
		"Jamie's room was not seen.",
		"Sam wouldn't let me upstairs.",
		"Sam refused to show me the bedroom.",
		"We talked in the kitchen. I didn't see the bedrooms.",
		"The children's bedrooms were not seen.",
	}
	seen := []string{
		"Did not see Ruby's bedroom as she was asleep in it.",
		"I did not see his sister's bedroom.",
		"Did not see the parents' bedroom.",
		"Sam would not let me go upstairs at first; later she showed me Jamie's bedroom.",
		"Jamie showed me his bedroom.",
		"Saw the bedroom: clean bedding.",
		"The bedroom was tidy and warm.",
		"I did not see the kitchen.",
		"Jamie was not seen alone.",
		"Sam said Jamie did not go upstairs until nine.",
		"",
	}
	for _, notes := range notSeen {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true\nbedroom_seen = true", notes)
		if said, ok := pass.BedroomNotSeenInWords(v); !ok || said == "" {
			t.Errorf("%q: not read as the bedroom not seen", notes)
		}
		if pass.SawBedroom(v) || !c.SawBedroom(v) {
			t.Errorf("%q: Pass.SawBedroom counts the visit, or Case.SawBedroom does not", notes)
		}
		if _, ok := pass.BedroomNotSeenInWords(wordsVisit(t, "child_seen = true\nbedroom_seen = false", notes)); ok {
			t.Errorf("%q: a visit not recording bedroom_seen contradicts nothing", notes)
		}
	}
	for _, notes := range seen {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true\nbedroom_seen = true", notes)
		if said, ok := pass.BedroomNotSeenInWords(v); ok {
			t.Errorf("%q: read as the bedroom not seen (%q)", notes, said)
		}
		if !pass.SawBedroom(v) {
			t.Errorf("%q: Pass.SawBedroom does not count the visit", notes)
		}
	}
	// In not_seen_reason too.
	v := wordsVisit(t, "child_seen = true\nseen_alone = true\nbedroom_seen = true\nnot_seen_reason = \"Bedroom not seen\"", "")
	if _, ok := pass.BedroomNotSeenInWords(v); !ok {
		t.Error("not_seen_reason \"Bedroom not seen\": not read")
	}
}

// TestChildAsleepInWords: a visit of a child of a year or more recorded
// seen_alone = true whose words say the child was asleep through it, in
// a parent's words or the worker's, did not see the child alone; words
// of a brother or sister asleep, of another time, of someone else not
// disturbed, or a record that says the child woke, talked or was seen
// alone, do not say so. A baby is read by awake (AsleepInWords).
func TestChildAsleepInWords(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	c := wordsCase(t)
	pass := &Pass{Case: c, Profile: p}
	asleep := []string{
		"Mum said Jamie was asleep.",
		"Sam said Jamie was asleep upstairs, so I did not disturb him.",
		"Jamie was napping upstairs so I didn't disturb him.",
		"Jamie was asleep when I arrived and I did not wake him.",
		"Jamie was in bed asleep; I looked in on him from the doorway.",
		"Mum said he was asleep.",
		"Mum told me Jamie was fast asleep and she did not want him woken.",
		"Jamie was still asleep at 11am. Mum did not want to wake him.",
		"Looked in on Jamie; he was sleeping.",
		"Jamie slept through the visit.",
		"Jamie wasnt awake.",
		"The children were asleep.",
	}
	notAsleep := []string{
		"Ruby was asleep. Saw Jamie in the lounge.",
		"Mum was on the phone so I did not disturb her.",
		"Jamie is usually asleep by 7.30pm.",
		"Jamie was asleep when I arrived; he woke and came down and we talked alone.",
		"Jamie was asleep at first, then came down.",
		"Jamie sleeps in his own room and was asleep by 8 last night.",
		"Jamie was not asleep.",
		"Jamie was asleep when I arrived. Jamie said he was tired after football.",
		"Jamie was asleep on the sofa when I arrived; Mum woke him and I saw Jamie alone in his room.",
		"Mum said Jamie has not been sleeping well.",
		"Mum said he was sleeping better since the new bed arrived.",
		"Pat said Ruby was asleep upstairs.",
		"Nan was asleep in the chair.",
		"Dad, who was asleep on the sofa, did not wake.",
		"Home warm; Jamie chatty.",
	}
	for _, notes := range asleep {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true", notes)
		if said, ok := pass.ChildAsleepInWords(v); !ok || said == "" {
			t.Errorf("%q: not read as asleep", notes)
		}
		if pass.SeenAlone(v) {
			t.Errorf("%q: counted as seen alone", notes)
		}
	}
	for _, notes := range notAsleep {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true", notes)
		if said, ok := pass.ChildAsleepInWords(v); ok {
			t.Errorf("%q: read as asleep (%q)", notes, said)
		}
	}
	// Not recorded seen alone: nothing to contradict.
	if _, ok := pass.ChildAsleepInWords(wordsVisit(t, "child_seen = true\nseen_alone = false", "Mum said Jamie was asleep.")); ok {
		t.Error("seen_alone = false: read as contradicted")
	}
	// A baby under one is read by awake and AsleepInWords, not here.
	baby := seeingCase(t, "born = 2025-09-01", "")
	bp := &Pass{Case: baby, Profile: p}
	if _, ok := bp.ChildAsleepInWords(wordsVisit(t, "child_seen = true\nseen_alone = true\nawake = true", "Mum said Jamie was asleep when I arrived.")); ok {
		t.Error("a baby recorded awake: read as asleep")
	}
}

// TestNotesMentioning: the sentence of a visit's notes that mentions a
// person, by name or role, for a message; none when the notes do not.
func TestNotesMentioning(t *testing.T) {
	c := wordsCase(t)
	for _, tt := range []struct{ notes, want string }{
		{"Mum would not let me in. Discussed with my team manager Rob Jones the same afternoon.", "Discussed with my team manager Rob Jones the same afternoon."},
		{"No answer. Spoke to Rob on return to the office.", "Spoke to Rob on return to the office."},
		{"No answer. Told my team manager.", "Told my team manager."},
		{"No answer at the door. Card left.", ""},
		{"", ""},
	} {
		got, ok := c.NotesMentioning(wordsVisit(t, "child_seen = false", tt.notes), "Rob Jones")
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("NotesMentioning(%q) = %q, %v; want %q", tt.notes, got, ok, tt.want)
		}
	}
	if _, ok := c.NotesMentioning(wordsVisit(t, "child_seen = false", "Told Rob."), ""); ok {
		t.Error("no one to mention: found")
	}
}
