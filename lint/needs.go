package lint

import (
	"strings"
)

// The child's needs and the plan that must address them: Stoke-on-Trent
// C06 §01 "Describe the identified developmental needs of the child/young
// person, and what services are required"; Oxfordshire 1.8 §1 "Describe the
// identified developmental needs of the child, and what therapeutic
// services are required" and "appropriate for those with disabilities".
//
// A need written in case.md's [child].needs is addressed when the plan
// mentions it: in its Developmental needs section, in an outcome or in an
// action. Mentioning is read honestly and simply: every word of the need
// that carries meaning appears in the same section, outcome or action, case,
// punctuation, a plural "s" and an "-ed" ignored, a part in brackets of the need
// ("autism (diagnosed 2024)") and the words that only say what kind of need
// it is ("delay", "disorder", "condition") left out; and a few abbreviations read as the
// words they stand for (ASD and autistic are autism; ADHD; SEND; FASD;
// GDD). No other synonym is guessed: "speech delay" is not met by "language
// difficulties".

// needStopWords carry no meaning of their own in a need.
var needStopWords = map[string]bool{
	"and": true, "of": true, "the": true, "a": true, "an": true, "in": true, "with": true,
	"to": true, "for": true, "on": true, "her": true, "his": true, "their": true, "has": true,
	"is": true, "at": true, "by": true, "from": true, "or": true, "some": true, "needs": true,
	"need": true,
}

// needAliases are groups of words that name the same need.
var needAliases = [][]string{
	{"autism", "autistic", "asd", "asc", "autism spectrum disorder", "autistic spectrum disorder",
		"autism spectrum condition", "autistic spectrum condition"},
	{"adhd", "attention deficit hyperactivity disorder"},
	{"send", "sen", "special educational", "special educational and disability"},
	{"fasd", "foetal alcohol spectrum disorder", "fetal alcohol spectrum disorder"},
	{"gdd", "global developmental delay", "global development delay"},
	{"slcn", "speech language and communication"},
	// The condition and the word for the child who has it.
	{"asthma", "asthmatic"},
	{"diabetes", "diabetic"},
	{"epilepsy", "epileptic"},
	{"dyslexia", "dyslexic"},
	{"dyspraxia", "dyspraxic"},
	{"ehcp", "ehc plan", "education health and care plan"},
}

// foldWord folds a plural to its singular and a past participle to its
// stem ("needs" "need", "difficulties" "difficulty", "delayed" "delay"),
// the same way on both sides of a comparison.
func foldWord(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		return w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// needGeneric are words that say what kind of need it is, not which: a
// plan that writes "Jamie's speech and language are behind" addresses
// "speech and language delay". They are dropped unless nothing else is
// left.
var needGeneric = map[string]bool{"delay": true, "disorder": true, "condition": true, "problem": true, "issue": true}

// needWords are the meaningful words of a need, folded.
func needWords(need string) []string {
	outer, _ := splitBrackets(need)
	// A note after a spaced dash or a colon is not the need: "asthma -
	// uses an inhaler", "Autism: diagnosed 2024".
	for _, sep := range []string{" - ", " – ", " — ", ":"} {
		if i := strings.Index(outer, sep); i > 0 {
			outer = outer[:i]
		}
	}
	var out, generic []string
	for _, w := range words(outer) {
		if needStopWords[w] {
			continue
		}
		if f := foldWord(w); needGeneric[f] {
			generic = append(generic, f)
		} else {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return generic
	}
	return out
}

// MentionsNeed reports whether text mentions need: every meaningful word
// of the need, or of a name of the same need (needAliases), is a word of
// the text. A need with no meaningful word is mentioned by any text.
func MentionsNeed(text, need string) bool {
	nw := needWords(need)
	if len(nw) == 0 {
		return true
	}
	have := map[string]bool{}
	for _, w := range words(text) {
		have[foldWord(w)] = true
	}
	all := func(ws []string) bool {
		for _, w := range ws {
			if !have[w] {
				return false
			}
		}
		return true
	}
	if all(nw) {
		return true
	}
	key := strings.Join(nw, " ")
	for _, group := range needAliases {
		in := false
		for _, a := range group {
			if strings.Join(needWords(a), " ") == key {
				in = true
				break
			}
		}
		if !in {
			continue
		}
		for _, a := range group {
			if all(needWords(a)) {
				return true
			}
		}
	}
	return false
}

// Needs returns the child's needs as case.md lists them, spaces trimmed;
// empty and placeholder entries, and entries that say there is none ("none
// identified", "no additional needs", "not known"), left out.
func (c *Case) Needs(prof *Profile) []string {
	var out []string
	for _, n := range c.Child().Needs {
		if n = strings.TrimSpace(n); n == "" || prof.IsPlaceholder(n) {
			continue
		}
		if w := words(n); len(w) > 0 && (w[0] == "no" || w[0] == "none" || w[0] == "nil" || w[0] == "unknown") ||
			len(w) == 2 && w[0] == "not" && (w[1] == "known" || w[1] == "identified" || w[1] == "applicable") {
			continue // "none identified", "no additional needs", "not known": no need named
		}
		out = append(out, n)
	}
	return out
}

// NeedAddressed reports whether the plan mentions need (MentionsNeed) in
// its Developmental needs section, in one of its outcomes or in one of its
// actions. A case without a readable plan addresses nothing.
func (c *Case) NeedAddressed(need string) bool {
	if c.Plan == nil || c.Plan.Doc == nil || c.Plan.Doc.Body == nil {
		return false
	}
	b := c.Plan.Doc.Body
	for _, s := range b.Sections {
		if s.Name == "needs" && MentionsNeed(s.Content(), need) {
			return true
		}
	}
	for _, o := range b.Outcomes {
		if MentionsNeed(o.Text, need) {
			return true
		}
	}
	if b.Actions != nil {
		for _, a := range b.Actions.Rows {
			if MentionsNeed(a.Action.Text, need) {
				return true
			}
		}
	}
	return false
}
