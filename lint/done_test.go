package lint

import (
	"slices"
	"testing"

	"github.com/caselint/caselint/schema"
)

// TestDone: a note in brackets saying the act was not done, or a
// placeholder, is no one; a role in brackets is the person.
func TestDone(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	notDone := []string{
		"Paul Rigby (requested, not yet agreed)", "Helen Marsh (sent for approval, awaiting reply)",
		"Paul Rigby (voicemail left, on leave)", "Alison Ward (DNA)", "Alison Ward (apologies)",
		"Alison Ward (absent)", "Ellie (not told)", "Dr Kim Green (report to follow)", "Paul Rigby (TBC)",
		"Paul Rigby (pending)", "Paul Rigby (unavailable)", "Alison Ward (did not attend)",
		"Alison Ward (didn't attend)", "N/A", "None", "n/a", " - ", "TBC", "",
	}
	for _, r := range notDone {
		if got := p.Done(r); got != "" {
			t.Errorf("Done(%q) = %q, want \"\"", r, got)
		}
	}
	done := []string{
		"Paul Rigby", "Paul Rigby (team manager)", "Gemma (mum)", "Dr Kim Green (GP)",
		"Helen Marsh (Independent Chair)", "Alison Ward (health visitor)", "Lee Morgan (class teacher)",
		"Ellie (child)", "Sam Doe (mother's partner)", "Jo Hart (Senior Practitioner)",
	}
	for _, r := range done {
		if got := p.Done(r); got != r {
			t.Errorf("Done(%q) = %q, want it unchanged", r, got)
		}
	}
	if p.NoteSaysNotDone("") || p.NoteSaysNotDone("team manager") || !p.NoteSaysNotDone("Voicemail left") {
		t.Error("NoteSaysNotDone: wrong on the documented examples")
	}
	in := []string{"Nadia Okafor", "Alison Ward (DNA)", "N/A", "Owen Pritchard (police)"}
	if got, want := p.DoneAll(in), []string{"Nadia Okafor", "Owen Pritchard (police)"}; !slices.Equal(got, want) {
		t.Errorf("DoneAll = %q, want %q", got, want)
	}
	all := []string{"Nadia Okafor", "Owen Pritchard"}
	if got := p.DoneAll(all); &got[0] != &all[0] {
		t.Error("DoneAll of a list all done should be the list itself")
	}
}

// TestTookPartReadsNotes: attended "X (DNA)" is absent, a written report
// "to follow" has not come, read with a profile; without one the names are
// read as written.
func TestTookPartReadsNotes(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	c := NewCase("c", &schema.CaseRecord{People: []schema.Person{{Name: "Alison Ward"}, {Name: "Dr Kim Green"}}}, nil)
	cg := &schema.CoreGroup{Attended: []string{"Alison Ward (DNA)"}, WrittenReports: []string{"Dr Kim Green (to follow)"}}
	if !c.TookPart(cg, "Alison Ward") {
		t.Error("without a profile, the names are read as written")
	}
	c.ReadWith(p)
	if c.TookPart(cg, "Alison Ward") || c.TookPart(cg, "Dr Kim Green") {
		t.Error("TookPart: a note saying they did not attend, or that the report is to follow, is not taking part")
	}
	// (A meeting's references are read once a case: another meeting.)
	cg = &schema.CoreGroup{Attended: []string{"Alison Ward (health visitor)"}}
	if !c.TookPart(cg, "Alison Ward") {
		t.Error("TookPart: a role in brackets is the person")
	}
}

func TestNoteSaysReportSent(t *testing.T) {
	p, err := ShippedProfile(ProfileStoke)
	if err != nil {
		t.Fatal(err)
	}
	for note, want := range map[string]bool{
		"report sent":                         true,
		"sent apologies and a report":         true,
		"written report received":             true,
		"emailed written views":               true,
		"report to follow":                    false,
		"report requested":                    false,
		"no report":                           false,
		"report not received":                 false,
		"report awaited":                      false,
		"":                                    false,
		"on leave":                            false,
		"GP":                                  false,
		"sent apologies":                      false,
		"will send a report after the review": false,
		"report to be sent":                   false,
	} {
		if got := p.NoteSaysReportSent(note); got != want {
			t.Errorf("NoteSaysReportSent(%q) = %v, want %v", note, got, want)
		}
	}
}

// TestNoteSaysNotDonePresentNotes: a note holding a status word that
// does not say the person was absent ("not the chair", "not well") is
// read out before the status words are; what else the note says still
// counts.
func TestNoteSaysNotDonePresentNotes(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	for _, note := range []string{"not the chair", "lead SW - not the chair today", "mother - not well, by phone",
		"unable to stay for all of it", "not able to stay for the whole meeting", "not minuting", "by phone"} {
		if p.NoteSaysNotDone(note) {
			t.Errorf("NoteSaysNotDone(%q) = true, want false", note)
		}
	}
	for _, note := range []string{"not the chair - apologies", "not well, did not attend", "unable to stay - DNA",
		"not present", "not able to attend", "unable to attend", "not", "absent"} {
		if !p.NoteSaysNotDone(note) {
			t.Errorf("NoteSaysNotDone(%q) = false, want true", note)
		}
	}
}
