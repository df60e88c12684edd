package lint

import (
	"strings"

	"github.com/caselint/caselint/schema"
)

// deferredLimit is the longest section prose SectionDeferred reads: a
// section that only puts itself off is a sentence or two, and one longer
// than this says more.
const deferredLimit = 600

// SectionDeferred reports whether plan section s says, in sentences of its
// own words, only that it is still to be made: every sentence of what it
// has written (schema.Section.Written) is a placeholder or a not_done
// answer, or puts the section off (deferralSentence: "The core group will
// agree a contingency plan at its first meeting", "Contingency to be
// confirmed", "SW to write contingency plan by next core group", "This
// will be agreed at the first core group"), and none says what will happen
// if something does (an "if", "unless", "in the event" ...). subject is the
// word the section's own name opens with ("contingency"): a sentence putting
// off something else says nothing of the section. C06 §01 asks the plan to
// "Outline a Contingency Plan"; a promise to write one outlines nothing.
// A section with a written table cell, or longer than deferredLimit, is
// not deferred.
func (p *Profile) SectionDeferred(s *schema.Section, subject string) bool {
	if s == nil {
		return false
	}
	prose, cells := s.Written()
	if len(prose) > deferredLimit {
		return false
	}
	for _, c := range cells {
		if !p.IsPlaceholder(c) {
			return false
		}
	}
	verbs := p.readyWords().planDeferred
	said := false
	for _, sent := range clauses(prose) {
		ws := words(sent)
		if len(ws) == 0 {
			continue
		}
		if conditional(ws) {
			return false
		}
		if !p.NoAnswer(sent) && !deferralSentence(ws, subject, verbs) {
			return false
		}
		said = true
	}
	return said
}

// clauses splits text into sentences (sentences) and each at its
// semicolons: "To be developed at the core group; for now, if ..." is two.
func clauses(text string) []string {
	var out []string
	for _, s := range sentences(text) {
		out = append(out, strings.Split(s, ";")...)
	}
	return out
}

// conditional reports whether the words ws of a sentence say what happens
// in some event: "if", "unless", "whenever", "otherwise", "in the event",
// "in case", or an opening "should" ("Should Imran return, ...").
func conditional(ws []string) bool {
	if ws[0] == "should" {
		return true
	}
	for i, w := range ws {
		switch w {
		case "if", "unless", "whenever", "otherwise":
			return true
		case "in":
			if i+2 < len(ws) && (ws[i+1] == "the" && ws[i+2] == "event" || ws[i+1] == "case" && ws[i+2] != "of") {
				return true
			}
		}
	}
	return false
}

// deferMarkers open the putting off of a verb: "will agree", "to write",
// "is to be drawn up", "can be made".
var deferMarkers = map[string]bool{
	"will": true, "to": true, "shall": true, "must": true, "should": true,
	"can": true, "could": true, "would": true,
}

// deferFillers may stand between a marker and its verb: "will be agreed",
// "will then draw up", "to jointly agree", "needs to be formally agreed".
var deferFillers = map[string]bool{
	"be": true, "then": true, "also": true, "now": true, "jointly": true,
	"further": true, "formally": true, "need": true, "needs": true, "to": true,
	"have": true, "been": true, "still": true, "first": true, "fully": true,
}

// deferralSentence reports whether the words ws of a sentence put off the
// section named by subject: a marker and a verb of verbs with subject
// close to them, before ("Contingency plan to be confirmed", "contingency
// planning will be discussed") or after ("will agree a contingency plan",
// "SW to write contingency plan"); or a sentence that opens with the
// putting off, naming nothing ("To be agreed with Nadia", "This will be
// agreed at the first core group", "Will be confirmed at core group"); or
// one that opens with "awaiting" or "pending" ("Awaiting the parenting
// assessment before a plan can be made").
func deferralSentence(ws []string, subject string, verbs map[string]bool) bool {
	switch ws[0] {
	case "awaiting", "pending", "awaited":
		return true
	}
	if inHand(ws, verbs) {
		return true
	}
	for i, w := range ws {
		if !deferMarkers[w] {
			continue
		}
		j := i + 1
		for j < len(ws) && j < i+4 && deferFillers[ws[j]] {
			j++
		}
		if j >= len(ws) || !verbs[ws[j]] {
			continue
		}
		// Someone to decide, and nothing more: "Legal planning meeting to
		// decide", "Core group to agree." (a few words before the marker,
		// none after the verb).
		if j == len(ws)-1 && i > 0 && i <= 4 {
			return true
		}
		// Subjectless: nothing, or only "this", "it", "which" or the
		// plan, before the marker ("To be agreed", "This will be agreed").
		if opensBare(ws[:i]) {
			return true
		}
		if subject == "" {
			continue
		}
		// The subject just before the marker, perhaps with "plan" after
		// it ("contingency plan to be confirmed"; not "Contingency: a
		// referral will be made"), or within a few words after the verb
		// ("draw up a contingency plan").
		if k := i - 1; k >= 0 && (strings.HasPrefix(ws[k], subject) ||
			k > 0 && planNoun[ws[k]] && strings.HasPrefix(ws[k-1], subject)) {
			return true
		}
		for k := j + 1; k < len(ws) && k <= j+4; k++ {
			if strings.HasPrefix(ws[k], subject) {
				return true
			}
		}
	}
	return false
}

// planNoun may follow the subject before the marker: "contingency plan",
// "contingency planning", "contingency arrangements".
var planNoun = map[string]bool{"plan": true, "planning": true, "plans": true, "arrangements": true}

// inHand reports whether the words ws of a sentence say only that the
// section is being written, naming nothing else before it: "Being
// drafted", "Currently being drafted by the social worker", "In
// progress", "Work in progress", "Under discussion with the family".
func inHand(ws []string, verbs map[string]bool) bool {
	i := 0
	for i < len(ws) && (opensBare(ws[i:i+1]) || ws[i] == "currently" || ws[i] == "still" || ws[i] == "work") {
		i++
	}
	if i+1 >= len(ws) {
		return false
	}
	switch {
	case ws[i] == "being" && verbs[ws[i+1]]:
	case ws[i] == "in" && ws[i+1] == "progress":
	case ws[i] == "under" && (ws[i+1] == "discussion" || ws[i+1] == "review" || ws[i+1] == "consideration" || ws[i+1] == "development"):
	default:
		return false
	}
	// Nothing after, or only who, with whom, when: "In progress: Zara
	// stays with Parveen" says what happens.
	rest := ws[i+2:]
	if len(rest) > 0 && rest[0] == "up" {
		rest = rest[1:] // "being drawn up"
	}
	return len(rest) == 0 || inHandAfter[rest[0]]
}

// inHandAfter may follow the words saying a section is being written:
// by whom, with whom, when, and what else is put off.
var inHandAfter = map[string]bool{"by": true, "with": true, "at": true, "until": true, "and": true, "to": true, "for": true, "following": true, "after": true, "pending": true}

// opensBare reports whether the words before a deferral name nothing
// but the section itself: none, "this", "it", "which", "plan", "is", or
// what stands for its text ("details", "full details", "further
// information").
func opensBare(ws []string) bool {
	for _, w := range ws {
		switch w {
		case "this", "it", "which", "plan", "is", "the", "a", "details", "detail", "full", "further", "information", "more":
		default:
			return false
		}
	}
	return true
}
