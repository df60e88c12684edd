package checks

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/caselint/caselint/internal/testrecords"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// oldUnanswered is incomplete-visit-record's test before sectionPlaceholder:
// all the section has written read (Written), empty or a placeholder that
// is not an answer.
func oldUnanswered(prof *lint.Profile, heading, prose string, cells []string) bool {
	if !schema.IsWrittenPlaceholder(heading, prose, cells, schema.NewWordList(prof.Words.Placeholders)) {
		return false
	}
	if isVisitAnswer(prose) {
		return false
	}
	for _, c := range cells {
		if isVisitAnswer(c) {
			return false
		}
	}
	return true
}

// wholePlaceholder is the whole-content answer of the section helpers:
// IsWrittenPlaceholder of all the section has written.
func wholePlaceholder(heading, prose string, cells []string, words []string) bool {
	return schema.IsWrittenPlaceholder(heading, prose, cells, schema.NewWordList(words))
}

// checkSectionAnswers fails t unless, for every section of data parsed as
// each kind, unanswered, planSectionEmpty and sectionPlaceholder give the
// answers the tests they replace gave on the whole content. The sections
// asked are parsed apart from those whose content is read, so that no
// answer is read from content another call kept.
func checkSectionAnswers(t *testing.T, pass *lint.Pass, name string, data []byte) int {
	t.Helper()
	n := 0
	for _, k := range schema.Kinds {
		asked := schema.ParseBody(schema.NewSource(name, data), k, 0)
		read := schema.ParseBody(schema.NewSource(name, data), k, 0)
		for i, s := range asked.Sections {
			r := read.Sections[i]
			prose, cells := r.Written()
			if got, want := unanswered(pass, s), oldUnanswered(pass.Profile, r.Heading, prose, cells); got != want {
				t.Errorf("%s (%s, %s): unanswered(%q) = %v, want %v", name, k, pass.Profile.Name, s.Heading, got, want)
			}
			if got, want := planSectionEmpty(pass, s), wholePlaceholder(r.Heading, prose, cells, schema.DefaultPlaceholders()) || wholePlaceholder(r.Heading, prose, cells, pass.Profile.Words.Placeholders); got != want {
				t.Errorf("%s (%s, %s): planSectionEmpty(%q) = %v, want %v", name, k, pass.Profile.Name, s.Heading, got, want)
			}
			if got, want := sectionPlaceholder(pass, s), wholePlaceholder(r.Heading, prose, cells, pass.Profile.Words.Placeholders); got != want {
				t.Errorf("%s (%s, %s): sectionPlaceholder(%q) = %v, want %v", name, k, pass.Profile.Name, s.Heading, got, want)
			}
			n++
		}
	}
	return n
}

// profilePasses returns a pass for each built-in profile.
func profilePasses(t *testing.T) []*lint.Pass {
	t.Helper()
	var passes []*lint.Pass
	for _, name := range []string{"stoke-on-trent", "oxfordshire", "combined"} {
		prof, err := (*lint.Config)(nil).ResolveProfile(name)
		if err != nil {
			t.Fatal(err)
		}
		passes = append(passes, &lint.Pass{Profile: prof})
	}
	return passes
}

// TestSectionPlaceholderAgreesOnEveryTestRecord: on every section of every
// record of the test data, under every built-in profile, the section
// helpers answer as the whole-content tests they replace.
func TestSectionPlaceholderAgreesOnEveryTestRecord(t *testing.T) {
	n := 0
	passes := profilePasses(t)
	testrecords.Each(t, "../testdata", func(path string, data []byte) {
		for _, pass := range passes {
			n += checkSectionAnswers(t, pass, path, data)
		}
	})
	if n < 10000 {
		t.Fatalf("only %d sections checked", n)
	}
}

// TestSectionPlaceholderAgreesOnRandomSections: the same on random visit
// and plan sections, short and long, answers and placeholders.
func TestSectionPlaceholderAgreesOnRandomSections(t *testing.T) {
	frags := []string{
		"\n## Observations\n", "\n## Incidents and injuries\n", "\n## Contingency plan\n", "\n**Observations:** ",
		"TBC", "(tbc)", "to follow", "None", "none.", "N/A", "nil", "No", "none seen", "Unknown", "not known",
		"pending", "at the next core group", " - ", "-", "—", "?", strings.Repeat("-", 90), "<!-- comment -->",
		"**", "_", " ", "\n", "\n\n", "\u00a0", "é", "Mia", strings.Repeat("word ", 10), strings.Repeat("x", 60),
		"\n- item\n", "&amp;", "`TBC`",
		"\n### Who will act\n", "\n| If | Who |\n|---|---|\n| | |\n", "\n| Incidents | Injuries |\n|---|---|\n| None | None |\n",
		"\n| If | Who |\n|---|---|\n| TBC | Tom Reid |\n", "T.B.C.", "XXX", "TBC by SW", "[Write here]", "Enter details",
	}
	rng := rand.New(rand.NewPCG(18, 3))
	passes := profilePasses(t)
	for i := 0; i < 3000; i++ {
		var sb strings.Builder
		for n := rng.IntN(24); n >= 0; n-- {
			sb.WriteString(frags[rng.IntN(len(frags))])
		}
		checkSectionAnswers(t, passes[rng.IntN(len(passes))], "random", []byte(sb.String()))
	}
}
