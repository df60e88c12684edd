package lint

import (
	"strings"
	"testing"

	"github.com/caselint/caselint/schema"
)

// siblingsCase is a case of Leo (born 2018) with his mother Kerry Walsh, his
// sister Ruby, his half-brother Sam Walsh, a ward sister of the hospital and
// the lead worker Priya Shah.
func siblingsCase(t *testing.T) *Case {
	t.Helper()
	caseMD := `+++
type = "case"
id = "T-2"
[child]
name = "Leo"
born = 2018-09-15
first_language = "English"
[[people]]
name = "Kerry Walsh"
role = "mother"
family = true
[[people]]
name = "Ruby"
role = "sister"
family = true
[[people]]
name = "Sam Walsh"
role = "Half-brother"
[[people]]
name = "Nell Hart"
role = "Ward Sister"
agency = "City Hospital"
[[people]]
name = "Priya Shah"
role = "social worker"
agency = "Children's Services"
qualified = true
[[people]]
name = "Tom Ridley"
role = "team manager"
agency = "Children's Services"
+++
`
	doc, ok := schema.Parse("case.md", []byte(caseMD))
	if !ok || len(doc.Problems) > 0 {
		t.Fatalf("case.md: %v", doc.Problems)
	}
	pdoc, _ := schema.Parse("plan.md", []byte("+++\ntype = \"plan\"\nstarted = 2026-03-02\nlead_worker = \"Priya Shah\"\nmanager = \"Tom Ridley\"\n+++\n"))
	return NewCase("c", doc.Record.(*schema.CaseRecord), []schema.Record{pdoc.Record})
}

// siblingsVisit parses a visit of 18 March 2026 by Priya Shah, child seen,
// from its other frontmatter lines and its Wishes and feelings.
func siblingsVisit(t *testing.T, front, wishes string) *schema.Visit {
	t.Helper()
	data := "+++\ntype = \"visit\"\ndate = 2026-03-18T16:00:00\nby = \"Priya Shah\"\nchild_seen = true\n" + front + "\n+++\n## Observations\nFridge stocked.\n## Wishes and feelings\n" + wishes + "\n"
	doc, ok := schema.Parse("visits/v.md", []byte(data))
	if !ok || len(doc.Problems) > 0 {
		t.Fatalf("visit: %v", doc.Problems)
	}
	return doc.Record.(*schema.Visit)
}

func TestIsSibling(t *testing.T) {
	c := siblingsCase(t)
	for ref, want := range map[string]bool{
		"Ruby": true, "Sam Walsh": true, "Ruby (sister)": true,
		"Kerry Walsh": false, "Leo": false, "Nell Hart": false, "Priya Shah": false, "Amy Stone": false,
	} {
		if got := c.IsSibling(ref); got != want {
			t.Errorf("IsSibling(%q) = %v, want %v", ref, got, want)
		}
	}
}

func TestSiblingPresentInstead(t *testing.T) {
	c := siblingsCase(t)
	for _, tt := range []struct {
		present, wishes string
		want            string // the sibling, "" when not
	}{
		{`["Ruby", "Kerry Walsh"]`, "Ruby said home is better now.", "Ruby"},
		{`["Kerry Walsh", "Sam Walsh"]`, "He said home is better now.", "Sam Walsh"},
		{`["Ruby", "Kerry Walsh"]`, "Ruby and her brother were both seen alone.", "Ruby"}, // "the children": not by name
		// The child is there.
		{`["Leo", "Ruby", "Kerry Walsh"]`, "Ruby said home is better now.", ""},
		{`["Leo Walsh", "Ruby"]`, "", ""},
		// The child left out with no sibling listed: many records list only the adults.
		{`["Kerry Walsh"]`, "Leo said home is better now.", ""},
		{`[]`, "", ""},
		// A name not among the people may be the child.
		{`["Ruby", "Leo and Ruby's mum"]`, "", ""},
		{`["Ruby", "Lenny"]`, "", ""},
		// A ward sister is not a sister.
		{`["Nell Hart", "Kerry Walsh"]`, "", ""},
		// The words say, by the child's name, that the child was seen alone.
		{`["Ruby", "Kerry Walsh"]`, "Leo was seen alone in his bedroom.", ""},
		{`["Ruby", "Kerry Walsh"]`, "Leo and Ruby were each seen alone.", ""},
		{`["Ruby", "Kerry Walsh"]`, "I saw Leo alone in the garden.", ""},
		{`["Ruby", "Kerry Walsh"]`, "Ruby was seen alone; Leo was not.", "Ruby"},
		{`["Ruby", "Kerry Walsh"]`, "He was seen alone in his bedroom.", "Ruby"},
	} {
		v := siblingsVisit(t, "seen_alone = true\npresent = "+tt.present, tt.wishes)
		got, ok := c.SiblingPresentInstead(v)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("SiblingPresentInstead(present = %s, %q) = %q, %v; want %q", tt.present, tt.wishes, got, ok, tt.want)
		}
		if c.SeenAlone(v) != (tt.want == "") {
			t.Errorf("SeenAlone(present = %s, %q) = %v, want %v", tt.present, tt.wishes, c.SeenAlone(v), tt.want == "")
		}
	}
}

func TestSeenAloneSaid(t *testing.T) {
	c := siblingsCase(t)
	for _, tt := range []struct {
		text          string
		child, byName bool
		notChild      string
	}{
		{"Ruby was seen alone in her bedroom.", false, false, ""},
		{"Leo was seen alone in his bedroom.", true, true, ""},
		{"Leo and Ruby were each seen alone.", true, true, ""},
		{"Both Leo and Ruby were seen alone.", true, true, ""},
		{"Ruby and Leo were seen alone in turn.", true, true, ""},
		{"Seen alone in his bedroom.", true, false, ""},
		{"He was seen alone in his bedroom.", true, false, ""},
		{"The children were each seen alone.", true, false, ""},
		{"Mum left the room and he was seen alone.", true, false, ""},
		{"Kerry Walsh was seen alone to talk about the rent.", false, false, ""},
		{"Mum was seen alone.", false, false, ""},
		{"Ruby and her brother were seen alone.", false, false, ""}, // "her brother" is family, not by the child's name
		{"I saw Ruby alone in the garden.", false, false, ""},
		{"I saw Leo alone in the garden.", true, true, ""},
		{"I spent time alone with Ruby.", false, false, ""},
		{"I spent time alone with Leo.", true, true, ""},
		{"Leo's sister was seen alone.", false, false, ""},
		{"Ruby was seen on her own.", false, false, ""},
		{"Leo was seen on his own.", true, true, ""},
		{"Seen on his own in the garden.", true, false, ""},
		// "then Leo on his own" says no seen-alone phrase: not read.
		{"I saw Ruby on her own, then Leo on his own.", false, false, ""},
		{"I saw Ruby on her own, then saw Leo on his own.", true, true, ""},
		{"I saw her on her own.", true, false, ""},
		{"Ruby was seen on her own; Leo wasn't.", false, false, "Ruby was seen on her own; Leo wasn't."},
		{"Ruby was seen alone and Leo stayed with Mum.", false, false, ""},
		// Another seen alone, then the child not.
		{"Ruby was seen alone; Leo was not.", false, false, "Ruby was seen alone; Leo was not."},
		{"Ruby was seen alone but Leo was not.", false, false, "Ruby was seen alone but Leo was not."},
		{"Ruby was seen alone, Leo wasn't.", false, false, "Ruby was seen alone, Leo wasn't."},
		{"Ruby was seen alone but not Leo.", false, false, "Ruby was seen alone but not Leo."},
		{"Ruby was seen alone. Leo was not.", false, false, "Leo was not."},
		{"Leo was not seen alone.", false, false, ""}, // the not-alone words' concern
		{"Ruby was seen alone; Leo was not. Later Leo was seen alone in the kitchen.", true, true, "Ruby was seen alone; Leo was not."},
		{"Leo was not happy. Ruby was seen alone.", false, false, ""},
	} {
		got := c.seenAloneSaid([]string{tt.text}, "")
		if got.child != tt.child || got.byName != tt.byName || got.notChild != tt.notChild {
			t.Errorf("seenAloneSaid(%q) = %+v; want child %v, by name %v, not the child %q", tt.text, got, tt.child, tt.byName, tt.notChild)
		}
	}
}

func TestNotSeenAloneInWordsWhom(t *testing.T) {
	oxon, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		front, wishes string
		want          string // the words that contradict seen_alone, "" when none
	}{
		// A sentence about a sibling does not answer one about the child.
		{"seen_alone = true", "Could not see Leo alone as Kerry would not leave the room. Ruby was seen alone in her bedroom.", "Could not see Leo alone as Kerry would not leave the room."},
		{"seen_alone = true", "Could not see Leo alone as Kerry would not leave the room. Leo and Ruby were each seen alone later.", ""},
		{"seen_alone = true", "Could not see Leo alone as Kerry would not leave the room. Later he was seen alone in his bedroom.", ""},
		{"seen_alone = true", "Kerry would not leave the room at first. I then saw Leo alone in his bedroom.", ""},
		{"seen_alone = true", "Ruby was seen alone; Leo was not.", "Ruby was seen alone; Leo was not."},
		{"seen_alone = true", "Ruby was seen alone in her bedroom. Leo was seen alone in the kitchen.", ""},
		{"seen_alone = true", "Leo said home is better now.", ""},
		// not_seen_reason gives a reason: a contradiction.
		{"seen_alone = true\nnot_seen_reason = \"Not seen - at his dad's\"", "Ruby said home is better now.", "Not seen - at his dad's"},
		{"seen_alone = true\nnot_seen_reason = \"Leo was at football\"", "", "Leo was at football"},
		{"seen_alone = true\nnot_seen_reason = \"Not seen\"", "", "Not seen"},
		{"seen_alone = true\nnot_seen_reason = \"Ruby was seen alone; Leo was at his dad's\"", "", "Ruby was seen alone; Leo was at his dad's"},
		// ... unless it is no reason, or the record says the child was seen alone.
		{"seen_alone = true\nnot_seen_reason = \"N/A\"", "Leo said home is better now.", ""},
		{"seen_alone = true\nnot_seen_reason = \"n/a\"", "", ""},
		{"seen_alone = true\nnot_seen_reason = \"None\"", "", ""},
		{"seen_alone = true\nnot_seen_reason = \"TBC\"", "", ""},
		{"seen_alone = true\nnot_seen_reason = \"See notes\"", "", ""},
		{"seen_alone = true\nnot_seen_reason = \"N/A - seen alone\"", "", ""},
		{"seen_alone = true\nnot_seen_reason = \"Kerry would not leave at first\"", "Leo was then seen alone in his bedroom.", ""},
		// Not recorded seen alone: the reason is the reason.
		{"seen_alone = false\nnot_seen_reason = \"Kerry would not leave the room\"", "", ""},
	} {
		c := siblingsCase(t)
		p := &Pass{Case: c, Profile: oxon, AsOf: day("2026-03-27")}
		v := siblingsVisit(t, tt.front, tt.wishes)
		got, ok := p.NotSeenAloneInWords(v)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("NotSeenAloneInWords(%q, %q) = %q, %v; want %q", tt.front, tt.wishes, got, ok, tt.want)
		}
		if want := strings.Contains(tt.front, "seen_alone = true") && tt.want == ""; p.SeenAlone(v) != want {
			t.Errorf("Pass.SeenAlone(%q, %q) = %v, want %v", tt.front, tt.wishes, p.SeenAlone(v), want)
		}
	}
}

func TestGivesNotSeenReason(t *testing.T) {
	oxon, err := ShippedProfile(ProfileOxfordshire)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]bool{
		"": false, "N/A": false, "n/a": false, "None": false, "TBC": false, "-": false,
		"See notes": false, "As before": false, "No change": false,
		"Not seen": true, "Leo not seen": true, "Not seen - at his dad's": true,
		"Kerry would not leave the room": true, "At school": true,
	} {
		if got := oxon.GivesNotSeenReason(text); got != want {
			t.Errorf("GivesNotSeenReason(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestSeenAloneByOther: a child seen alone by someone other than the
// visiting worker (a police officer on a joint visit, a teacher, a
// parent) was not seen alone by the worker (seeing_seer.go); the worker
// named, as "I", "me" or by name, among others, was.
func TestSeenAloneByOther(t *testing.T) {
	c := siblingsCase(t)
	for _, tt := range []struct {
		text           string
		child, byOther bool
	}{
		{"PC Lowe spoke to Leo alone in his room while I stayed with Mum.", false, true},
		{"PC Lowe saw Leo alone; I spoke with Kerry downstairs.", false, true},
		{"The health visitor saw Leo alone at clinic.", false, true},
		{"Leo's teacher spoke to him alone and told me what he said.", false, true},
		{"Leo was seen alone at school by the DSL on Monday.", false, true},
		{"Leo was seen alone by the school nurse.", false, true},
		{"Leo was seen alone in his room by PC Lowe.", false, true},
		{"Leo was seen alone by Tom Ridley.", false, true},
		{"Leo was seen alone by Mrs Carter, his form tutor.", false, true},
		{"Kerry spoke to Leo alone.", false, true},
		// The worker saw the child alone, others named around it.
		{"I spoke to Leo alone while PC Lowe stayed with Kerry.", true, false},
		{"PC Lowe waited outside while I saw Leo alone.", true, false},
		{"Kerry went upstairs and I spoke to Leo alone.", true, false},
		{"Kerry went to the shop and Leo talked to me alone.", true, false},
		{"Leo was seen alone by me in the garden.", true, false},
		{"Leo was seen alone by Priya Shah.", true, false},
		{"Leo was seen alone by Ms Shah.", true, false},
		{"Leo was seen alone by the social worker.", true, false},
		{"Leo was seen alone by PC Lowe and me.", true, false},
		{"Leo was seen alone by the window.", true, false},
		{"Leo was seen alone by the back door while Kerry made tea.", true, false},
		{"Leo was seen alone by Mum's request in his bedroom.", true, false},
		{"Leo was seen alone by Leo's teacher.", false, true},
		{"SW spoke to Leo alone.", true, false},
		{"PC Lowe and I spoke to Leo alone.", true, false},
		{"Leo was seen alone; PC Lowe also spoke to him alone.", true, true},
		// Someone else's time alone with the child, at second hand or on
		// another day, says nothing of this visit.
		{"Leo told me his teacher spoke to him alone about the bruise.", false, false},
		{"The DSL had seen Leo alone on Monday.", false, false},
		{"Leo had been seen alone by the school nurse.", false, false},
		{"PC Lowe saw Leo alone last week.", false, false},
	} {
		got := c.seenAloneSaid([]string{tt.text}, "Priya Shah")
		if got.child != tt.child || (got.byOther != "") != tt.byOther {
			t.Errorf("seenAloneSaid(%q, by Priya Shah) = %+v; want child %v, by another %v", tt.text, got, tt.child, tt.byOther)
		}
	}
}
