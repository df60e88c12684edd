package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

// TestSectionDeferred: a contingency plan that says only that it is still
// to be made, in a sentence of its own words, is deferred; one that says
// what happens if, or says anything else, is not.
func TestSectionDeferred(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	deferred := []string{
		"The core group will agree a contingency plan at its first meeting.",
		"Contingency to be confirmed.",
		"SW to write contingency plan by next core group.",
		"Sarah Bennett to complete contingency plan with the family.",
		"To be agreed with Nadia and Parveen.",
		"This will be agreed at the first core group meeting.",
		"Will be confirmed at core group",
		"Contingency planning to be discussed at next core group.",
		"Lead social worker will draft a contingency plan and share it with the core group.",
		"Awaiting outcome of the parenting assessment before a contingency plan can be made.",
		"The contingency plan will be discussed and agreed at the core group on 11 June.",
		"The core group will develop the contingency plan. TBC.",
		"Contingency to be confirmed following legal planning meeting; to be shared with Nadia.",
		"The contingency arrangements will be drawn up by the core group.",
		"Details to follow.",
		"Full details to follow after the legal planning meeting.",
		"Plan to follow after the strategy meeting.",
		"Being drafted.",
		"Currently being drafted by the social worker.",
		"In progress.",
		"Work in progress - to be finalised at core group.",
		"Under discussion with the family.",
		"Legal planning meeting to decide.",
		"Core group to agree.",
	}
	written := []string{
		"",
		"If Nadia lets Imran back in, Sarah will call a strategy discussion the same day.",
		"The core group will agree a contingency plan at its first meeting. Until then, if Imran comes to the house, Nadia calls 999.",
		"To be developed at the core group; for now, if Zara is left alone, Sarah convenes a strategy discussion.",
		"Contingency: Zara will stay with Parveen and a legal planning meeting will be arranged.",
		"Contingency: a referral will be made to the legal gateway panel.",
		"Zara to go to Parveen's; Sarah Bennett to arrange a legal planning meeting.",
		"Should Imran return, Nadia will call 999 and the contingency plan will be reviewed.",
		"The contingency plan is for Zara to be placed with Parveen Akhtar.",
		"In the event of a breach, the core group will agree a new contingency plan the same week.",
		"Unless Nadia keeps to the safety plan, the core group will review the contingency plan.",
		"A legal planning meeting will be arranged and Zara will stay with Parveen.",
		"Zara will go to Parveen's and the legal planning meeting will decide.",
		"Being left alone again would mean a strategy discussion the same day.",
		"Legal planning meeting to be convened if Nadia allows Imran back into the home.",
		"Nadia to follow the safety plan; Zara to stay with Parveen at weekends.",
		"In progress: Zara stays with Parveen while Imran is on bail.",
	}
	sec := func(text string) *schema.Section {
		b := schema.ParseBody(schema.NewSource("plan.md", []byte("## Contingency plan\n\n"+text+"\n")), schema.KindPlan, 0)
		return b.Section("contingency")
	}
	for _, text := range deferred {
		if !p.SectionDeferred(sec(text), "contingency") {
			t.Errorf("SectionDeferred(%q) = false, want true", text)
		}
	}
	for _, text := range written {
		if p.SectionDeferred(sec(text), "contingency") {
			t.Errorf("SectionDeferred(%q) = true, want false", text)
		}
	}
	long := "The core group will agree a contingency plan at its first meeting. "
	for len(long) < 2*deferredLimit {
		long += "Zara is doing well at school and her attendance has improved. "
	}
	if p.SectionDeferred(sec(long), "contingency") {
		t.Error("SectionDeferred of a long section = true, want false")
	}
	if p.SectionDeferred(nil, "contingency") {
		t.Error("SectionDeferred(nil) = true")
	}
}
