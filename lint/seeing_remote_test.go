package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

// TestNotFaceToFaceInWords: a visit recorded child_seen (and seen_alone, or
// a baby awake) whose words say the child was seen only by video or
// telephone did not see the child alone (Pass.SeenAlone) nor the bedroom
// (Pass.SawBedroom): Oxfordshire 1.8 §3 "face to face contact with the
// child"; C06 §03 "To see the child/young person alone". Words about other
// calls (a parent's video calls, a phone call to arrange the visit, the
// last or next visit), or a negation, do not say so.
func TestNotFaceToFaceInWords(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	c := wordsCase(t)
	pass := &Pass{Case: c, Profile: p}
	remote := []string{
		"Virtual visit via Teams as Sam and Jamie were isolating.",
		"Video call on Teams as Jamie had Covid. He was on his own in his bedroom.",
		"Seen on a video call. Jamie ok.",
		"Seen via WhatsApp video, Jamie ok.",
		"I spoke with Jamie on FaceTime for twenty minutes; he was in his bedroom.",
		"Spoke to him by video as the worker was snowed in.",
		"This visit took place virtually.",
		"The visit was by phone as the roads were closed.",
		"Telephone visit: Jamie spoke to me alone.",
		"Video call as Sam was unwell; Jamie showed me his bedroom.",
		"Jamie seen on screen.",
	}
	faceToFace := []string{
		"I spoke to Sam on the phone before the visit to arrange it.",
		"Jamie has a video call with his dad on Sundays and said he enjoys it.",
		"Last visit was by video, as Jamie was isolating; today I saw him alone in his bedroom.",
		"The next visit will be a virtual visit as Sam is going into hospital.",
		"This was not a virtual visit: Jamie was seen alone in the kitchen.",
		"Jamie showed me a video of his football match.",
		"Jamie told me about his video games.",
		"",
	}
	for _, notes := range remote {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true\nbedroom_seen = true", notes)
		if said, ok := pass.NotFaceToFaceInWords(v); !ok || said == "" {
			t.Errorf("%q: not read as seen only by video or telephone", notes)
		}
		if pass.SeenAlone(v) || !c.SeenAlone(v) {
			t.Errorf("%q: Pass.SeenAlone counts the visit, or Case.SeenAlone does not", notes)
		}
		if pass.SawBedroom(v) {
			t.Errorf("%q: Pass.SawBedroom counts the visit", notes)
		}
		if _, ok := pass.NotFaceToFaceInWords(wordsVisit(t, "child_seen = false", notes)); ok {
			t.Errorf("%q: a visit recording the child not seen contradicts nothing", notes)
		}
	}
	for _, notes := range faceToFace {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true\nbedroom_seen = true", notes)
		if said, ok := pass.NotFaceToFaceInWords(v); ok {
			t.Errorf("%q: read as seen only by video or telephone (%q)", notes, said)
		}
		if !pass.SeenAlone(v) || !pass.SawBedroom(v) {
			t.Errorf("%q: Pass.SeenAlone or Pass.SawBedroom does not count the visit", notes)
		}
	}
	// A baby seen awake on a video call is not seen as 1.8 §3 asks either.
	baby := seeingCase(t, "born = 2026-01-10", "")
	bc := NewCase("c", baby.Record, []schema.Record{baby.Plan})
	bpass := &Pass{Case: bc, Profile: p}
	v := wordsVisit(t, "child_seen = true\nawake = true", "Seen on a video call; Jamie was awake and feeding.")
	if !bc.SeenAlone(v) || bpass.SeenAlone(v) {
		t.Error("a baby seen awake on a video call: counted by Pass.SeenAlone")
	}
	// In not_seen_reason too.
	v = wordsVisit(t, "child_seen = true\nseen_alone = true\nnot_seen_reason = \"Virtual visit - family isolating\"", "")
	if _, ok := pass.NotFaceToFaceInWords(v); !ok {
		t.Error("not_seen_reason \"Virtual visit - family isolating\": not read")
	}
}

// TestNotSeenInWords: a visit recorded child_seen = true whose words say
// the child was not seen at all did not see the child alone
// (Pass.SeenAlone); words about someone else not seen, the bedroom, being
// alone, another professional, or a part of the visit do not say so, nor
// does a record that says the child was seen alone after all.
func TestNotSeenInWords(t *testing.T) {
	p, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	c := wordsCase(t)
	pass := &Pass{Case: c, Profile: p}
	notSeen := []string{
		"Jamie not seen as at nursery.",
		"Jamie was at nursery so not seen.",
		"Jamie was asleep so not seen.",
		"Did not see Jamie today.",
		"Jamie was not at home.",
		"Jamie was staying at his nan's so I did not see him.",
		"Spoke with Mum. Didnt see Jamie - at school.",
		"Jamie wasn't there when I called.",
		"Jamie was at school so was not seen on this visit; I spoke with Mum.",
		"I did not get to see Jamie today as he was at his friend's house.",
		"Didn't manage to see Jamie - he was at football.",
		"Jamie was out.",
		"I have not seen Jamie on this visit.",
	}
	seen := []string{
		"Ruby was at school so I did not see her.",
		"Mum was out so I did not see her; Jamie was seen alone with Nan downstairs.",
		"Dad not seen.",
		"I did not see his bedroom.",
		"Jamie was not seen at first as he was hiding, then came down.",
		"Jamie has not been seen by the GP since March.",
		"Bedroom not seen.",
		"Jamie was not seen alone.",
		"Jamie was not at home when I first called, so I came back at four and saw him alone in his room.",
		"Jamie said he did not see his dad at the weekend.",
		"Visit the day after Jamie was not at home. Sam was there.",
		"Jamie was not at home last week when the health visitor called.",
		"Home warm; food in the fridge.",
		"Jamie was out in the garden when I arrived; I saw him alone there.",
		"Jamie was out of school for a week in March.",
		"Mum was at work so was not seen; Jamie was seen alone in his room.",
		"Ruby was out.",
		"Ruby was at nursery so was not seen.",
		"I did not get to see Ruby as she was at her dad's.",
		"I have not seen Pat on this visit.",
		"",
	}
	for _, notes := range notSeen {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true", notes)
		if said, ok := pass.NotSeenInWords(v); !ok || said == "" {
			t.Errorf("%q: not read as the child not seen", notes)
		}
		if pass.SeenAlone(v) || !c.SeenAlone(v) {
			t.Errorf("%q: Pass.SeenAlone counts the visit, or Case.SeenAlone does not", notes)
		}
		if _, ok := pass.NotSeenInWords(wordsVisit(t, "child_seen = false", notes)); ok {
			t.Errorf("%q: a visit recording the child not seen contradicts nothing", notes)
		}
	}
	for _, notes := range seen {
		v := wordsVisit(t, "child_seen = true\nseen_alone = true", notes)
		if said, ok := pass.NotSeenInWords(v); ok {
			t.Errorf("%q: read as the child not seen (%q)", notes, said)
		}
	}
}

// TestSaysSeenAlone: a visit's words that say the child was seen alone,
// whatever seen_alone records; a brother or sister or an adult seen alone
// is not the child.
func TestSaysSeenAlone(t *testing.T) {
	c := wordsCase(t)
	for notes, want := range map[string]bool{
		"Spoke with Jamie privately in his bedroom.": true,
		"Jamie was seen on his own.":                 true,
		"Ruby was seen alone in her room.":           false,
		"Spoke to Mum alone in the kitchen.":         false,
		"Home warm.":                                 false,
		"":                                           false,
	} {
		if got := c.SaysSeenAlone(wordsVisit(t, "child_seen = true\nseen_alone = false", notes)); got != want {
			t.Errorf("SaysSeenAlone(%q) = %v, want %v", notes, got, want)
		}
	}
}
