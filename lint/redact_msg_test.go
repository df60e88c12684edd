package lint

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/schema"
)

// TestRedactMsg: the format of a message is kept, its arguments redacted:
// names become roles, numbers, dates and hashes stay, and every other
// word that is not caselint's is Redacted, however the argument is typed
// and however deep it is nested (issue 14, item 4).
func TestRedactMsg(t *testing.T) {
	r, _ := testRedactor(t)
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	words := buildVocabulary(nil, prof)
	type named string
	for _, c := range []struct {
		m    schema.Msg
		want string
	}{
		{schema.Msgf("unknown key %s in %s", "zofia_mood", "visit record"), "unknown key [redacted] in visit record"},
		{schema.Msgf("caselint:ignore names %s, which is not a rule", "zofia-mood"), "caselint:ignore names [redacted], which is not a rule"},
		{schema.Msgf("%s: %q is not a date", "date", "Zofia Mood"), `date: "[redacted]" is not a date`},
		{schema.Msgf("%s was seen %d times on %s (commit %s)", "Jamie", 3, schema.NewDate(2026, 1, 12), "0123abc"),
			"[the child] was seen 3 times on 2026-01-12 (commit 0123abc)"},
		{schema.Msgf("%s: %s", "outer", schema.Msgf("inner %s and %s", "Sam Doe", "Zofia")), "[redacted]: inner [mother] and [redacted]"},
		{schema.Msgf("%v", []string{"Aisha Patel", "zofia"}), "[[social worker] [redacted]]"},
		{schema.Msgf("%v", errors.New("open zofia.md: no such file")), "open [redacted].md: no such file"},
		{schema.Msgf("%s", named("Zofia")), "[redacted]"},
		{schema.Msgf("%v %v", time.Duration(0), true), "0s true"},
		{schema.Msgf("action %s of %s", "A12", "Zo1a"), "action A12 of [redacted]"},
		{schema.Msgf("a %s b", "Zofia Mood-Smith O'Zofia"), "a [redacted] O'[redacted] b"},
		{schema.Msgf("%s", "[zofia] [the zofia] [Jamie]"), "[[redacted]] [the [redacted]] [[the child]]"},
		{schema.Msgf("%s", "\uE000zofia\uE001 Jamie"), "[redacted] [the child]"},
	} {
		if got := r.redactMsg(c.m, c.m.String(), words); got != c.want {
			t.Errorf("redactMsg(%q) =\n  %q, want\n  %q", c.m.String(), got, c.want)
		}
	}
	// A message with no structure is all argument.
	if got := r.redactMsg(schema.Msg{}, "the plan names Zofia, not Jamie", words); got != "the plan names [redacted], not [the child]" {
		t.Errorf("a message without format: %q", got)
	}
	// No names known (a notice of no one case): caselint's words only.
	var none *redactor
	if got := none.redactMsg(schema.Msg{}, "not read: zofia.md is too large", words); got != "not read: [redacted].md is too large" {
		t.Errorf("without a case: %q", got)
	}
}

// TestRedactRoleLabel: a role with a word caselint does not know is
// "[person]": the role is free text in case.md.
func TestRedactRoleLabel(t *testing.T) {
	words := buildVocabulary(nil, nil)
	c := &Case{Record: &schema.CaseRecord{}}
	c.Record.Child.Name = "Jamie"
	c.Record.People = []schema.Person{{Name: "Dana Price", Role: "aunt zofia"}, {Name: "Sam Doe", Role: "mother"}}
	r := newRedactor(c, nil, nil, words)
	for in, want := range map[string]string{"Dana Price came": "[person] came", "Sam Doe came": "[mother] came"} {
		if got := r.text(in); got != want {
			t.Errorf("text(%q) = %q, want %q", in, got, want)
		}
	}
	if strings.Contains(r.text("Dana Price"), "zofia") {
		t.Error("the role's word came out")
	}
}

// FuzzRedactText: whatever the text, every word redactText lets through
// is one caselint keeps (issue 14, item 4).
func FuzzRedactText(f *testing.F) {
	for _, s := range []string{"unknown key zofia_mood in visit", "Zofia-Mood's [zofia] (zofia)", "\uE000zofia\uE001", "a\u0301b zofia2 A1 1st 0123abcd", "[redacted] redacted", ""} {
		f.Add(s)
	}
	words := buildVocabulary(nil, nil)
	var none *redactor
	f.Fuzz(func(t *testing.T, s string) {
		out := none.redactText(s, words)
		out = strings.ReplaceAll(out, Redacted, " ")
		forEachWord(out, func(w string) {
			if !words.keeps(w) {
				t.Fatalf("redactText(%q) = %q lets %q through", s, none.redactText(s, words), w)
			}
		})
	})
}
