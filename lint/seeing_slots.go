package lint

import "strings"

// Slots in the profile's refusal and not-alone words. A phrase names who
// or how in general, and the record in its own words: "said * could not see
// {child}" is said by "Mum said I couldn't see Jamie" as by "Mum said that
// I could not see the children"; "{adult} was present." by "Kerry was
// present." and "Her nan was present."; "not seen {alone}" by "not seen on
// her own" and "not seen by herself".
const (
	// slotChild is the child, or a child of the case: him, her, them, the
	// child, the children, the baby, the young person, the kids; the
	// child's name as case.md's [child] gives it (first name or full name),
	// and the names of the child's brothers and sisters among its people.
	slotChild = "{child}"
	// slotAdult is a grown-up of the child's: a family word (mum, dad, nan,
	// carer, partner, the parents; relationWords, but not a brother,
	// sister or cousin, who may be a child), perhaps after "the", "his",
	// "her", "their" or a possessive ("Leo's mum", "her maternal
	// grandmother"), or the name of one of case.md's people who is not the
	// child nor a brother or sister (first name, full name, or title and
	// surname: "Ms Walsh"); "Mum and Dad" is one.
	slotAdult = "{adult}"
	// slotAlone is alone: "alone", "on his own" (on * own, on own), "by
	// herself", "by himself", "by themselves", "privately", "in private",
	// "one to one".
	slotAlone = "{alone}"
)

// isSlot reports whether w, a word of a phrase, is a slot.
func isSlot(w string) bool {
	return len(w) > 2 && w[0] == '{' && w[len(w)-1] == '}'
}

// phraseWords splits a phrase of a word list by refusalTokens, keeping
// each slot ({child}, {adult}, {alone}, any case) as one word. A word in
// braces that is no slot is read as its letters, as before slots were.
func phraseWords(phrase string) []string {
	if !strings.Contains(phrase, "{") {
		return refusalTokens(phrase)
	}
	// Each slot is written as a word no text holds, then read back.
	lower := strings.ToLower(phrase)
	var b strings.Builder
	for i := 0; i < len(phrase); {
		if phrase[i] == '{' {
			if slot, ok := slotAt(lower[i:]); ok {
				b.WriteString(" " + slotMark + slot[1:len(slot)-1] + " ")
				i += len(slot)
				continue
			}
		}
		b.WriteByte(phrase[i])
		i++
	}
	toks := refusalTokens(b.String())
	for k, t := range toks {
		if strings.HasPrefix(t, slotMark) {
			toks[k] = "{" + strings.TrimPrefix(t, slotMark) + "}"
		}
	}
	return toks
}

// slotMark opens the word a slot is written as while a phrase is split.
const slotMark = "caselintslotmark"

// slotAt returns the slot text opens with, if any.
func slotAt(text string) (string, bool) {
	for _, s := range []string{slotChild, slotAdult, slotAlone} {
		if strings.HasPrefix(text, s) {
			return s, true
		}
	}
	return "", false
}

// slotPeople are the names of a case's people as the slots read them,
// split by refusalTokens: the children's ({child}) and the adults'
// ({adult}). A nil *slotPeople knows no names: the slots are then read by
// their general words alone.
type slotPeople struct {
	children, adults names
	// surnames are the last words of the adults' names of more than one
	// word: "Ms Walsh" is an adult (slotTitles).
	surnames map[string]bool
}

// slotTitles are the titles before a surname that {adult} reads.
var slotTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true}

// names are people's names split into words, by their first word.
type names map[string][][]string

func (n *names) add(words []string) {
	if *n == nil {
		*n = names{}
	}
	(*n)[words[0]] = append((*n)[words[0]], words)
}

// slotPeople returns the case's people as the slots read them, made once
// a case.
func (c *Case) slotPeople() *slotPeople {
	if c.slots != nil {
		return c.slots
	}
	sp := &slotPeople{}
	addName := func(to *names, name string, title bool) {
		toks := refusalTokens(name)
		if len(toks) == 0 || slicesHasBreak(toks) || toks[0] == "" {
			return
		}
		to.add(toks)
		if len(toks) > 1 {
			to.add(toks[:1])
			if title {
				if sp.surnames == nil {
					sp.surnames = map[string]bool{}
				}
				sp.surnames[toks[len(toks)-1]] = true
			}
		}
	}
	addName(&sp.children, c.Child().Name, false)
	for i := range c.persons {
		p := &c.persons[i]
		if c.IsChild(p.Name) {
			continue
		}
		if p.isSibling() {
			addName(&sp.children, p.Name, false)
			continue
		}
		addName(&sp.adults, p.Name, true)
	}
	c.slots = sp
	return sp
}

// slicesHasBreak reports whether toks hold a clause break.
func slicesHasBreak(toks []string) bool {
	for _, t := range toks {
		if t == clauseBreak || t == "*" {
			return true
		}
	}
	return false
}

// childWords are what {child} stands for besides names: a pronoun, or a
// noun for a child after an optional determiner (childDeterminers).
var (
	childPronouns    = map[string]bool{"him": true, "her": true, "them": true}
	childDeterminers = map[string]bool{"the": true, "both": true, "all": true, "her": true, "his": true, "their": true}
	childNouns       = map[string]bool{"child": true, "children": true, "baby": true, "babies": true,
		"kids": true, "kid": true, "boy": true, "girl": true, "boys": true, "girls": true,
		"siblings": true, "son": true, "daughter": true, "twins": true}
	adultDeterminers = map[string]bool{"the": true, "his": true, "her": true, "their": true, "both": true, "my": true}
	adultAdjectives  = map[string]bool{"maternal": true, "paternal": true, "foster": true, "step": true}
	// adultWords are relationWords of one word that name a grown-up of the
	// child's; adultPairs those of two.
	adultWords, adultPairs = adultRelationWords()
)

// adultRelationWords splits relationWords, less those that may name a
// child (brother, sister, cousin...), into words of one and two words.
func adultRelationWords() (map[string]bool, names) {
	one := map[string]bool{}
	var two names
	for _, w := range relationWords {
		switch w {
		case "brother", "sister", "sibling", "stepbrother", "stepsister", "cousin", "niece", "nephew",
			"friend", "neighbour", "neighbor":
			continue
		}
		toks := refusalTokens(w)
		switch len(toks) {
		case 1:
			one[toks[0]] = true
		case 2:
			two.add(toks)
		}
	}
	for _, w := range []string{"granny", "grandmother", "grandparents", "mam", "mammy", "stepdad", "fosterer", "guardian", "adult", "adults"} {
		one[w] = true
	}
	return one, two
}

// slotEnds appends to ends, and returns, each index of toks where slot,
// said from toks[i], may end (one past its last word), reading names
// with people (nil: none). The slot never takes a clause break.
func slotEnds(ends []int, toks []string, i int, slot string, people *slotPeople) []int {
	if i >= len(toks) || toks[i] == clauseBreak {
		return ends
	}
	switch slot {
	case slotChild:
		return childEnds(ends, toks, i, people)
	case slotAdult:
		ends = adultEnds(ends, toks, i, people)
		// "Mum and Dad", "Nan and Kerry".
		for _, e := range ends {
			if e < len(toks) && (toks[e] == "and" || toks[e] == "or") {
				ends = adultEnds(ends, toks, e+1, people)
				break
			}
		}
		return ends
	case slotAlone:
		return aloneEnds(ends, toks, i)
	}
	return ends
}

// nameEnds appends where one of names, said from toks[i], ends.
func nameEnds(ends []int, toks []string, i int, names names) []int {
	if i >= len(toks) {
		return ends
	}
	for _, n := range names[toks[i]] {
		if i+len(n) <= len(toks) && equalWords(toks[i:i+len(n)], n) && !containsInt(ends, i+len(n)) {
			ends = append(ends, i+len(n))
		}
	}
	return ends
}

func equalWords(a, b []string) bool {
	for k := range b {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

func containsInt(s []int, n int) bool {
	for _, x := range s {
		if x == n {
			return true
		}
	}
	return false
}

// childEnds is slotEnds of slotChild.
func childEnds(ends []int, toks []string, i int, people *slotPeople) []int {
	t := toks[i]
	if childPronouns[t] {
		ends = append(ends, i+1)
	}
	j := i
	if childDeterminers[t] {
		j++
	}
	if j < len(toks) {
		switch {
		case childNouns[toks[j]]:
			ends = append(ends, j+1)
		case toks[j] == "young" && j+1 < len(toks) && (toks[j+1] == "person" || toks[j+1] == "people"):
			ends = append(ends, j+2)
		}
	}
	if people != nil {
		ends = nameEnds(ends, toks, i, people.children)
	}
	return ends
}

// adultEnds is slotEnds of slotAdult, without "and".
func adultEnds(ends []int, toks []string, i int, people *slotPeople) []int {
	if i >= len(toks) || toks[i] == clauseBreak {
		return ends
	}
	j := i
	if t := toks[j]; adultDeterminers[t] || (len(t) > 2 && strings.HasSuffix(t, "'s")) {
		j++
	}
	if j < len(toks) && adultAdjectives[toks[j]] {
		j++
	}
	if j < len(toks) {
		if adultWords[toks[j]] {
			ends = append(ends, j+1)
		}
		ends = nameEnds(ends, toks, j, adultPairs)
	}
	if people != nil {
		ends = nameEnds(ends, toks, i, people.adults)
		if slotTitles[toks[i]] && i+1 < len(toks) && people.surnames[toks[i+1]] && !containsInt(ends, i+2) {
			ends = append(ends, i+2) // "Ms Walsh"
		}
	}
	return ends
}

// aloneEnds is slotEnds of slotAlone.
func aloneEnds(ends []int, toks []string, i int) []int {
	at := func(k int, w string) bool { return k < len(toks) && toks[k] == w }
	switch toks[i] {
	case "alone", "privately":
		return append(ends, i+1)
	case "on":
		if at(i+1, "own") {
			return append(ends, i+2)
		}
		if i+2 < len(toks) && toks[i+1] != clauseBreak && at(i+2, "own") {
			return append(ends, i+3)
		}
	case "by":
		if i+1 < len(toks) {
			switch toks[i+1] {
			case "herself", "himself", "themselves", "themself":
				return append(ends, i+2)
			}
		}
	case "in":
		if at(i+1, "private") {
			return append(ends, i+2)
		}
	case "one":
		if at(i+1, "to") && at(i+2, "one") {
			return append(ends, i+3)
		}
	}
	return ends
}
