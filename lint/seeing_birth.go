package lint

import (
	"strconv"
	"strings"

	"github.com/caselint/caselint/schema"
)

// --- A birth written in words -------------------------------------------------

// BirthInWords returns the words of visit v that say the child, recorded
// unborn in case.md, has been born ("Ruby was born on 28/02 at 34 weeks",
// "Baby born 28.02.26, in SCBU", "Sam gave birth to Ruby on Saturday"):
// the first sentence of its not_seen_reason (off is -1) or of its notes
// (off is where the sentence starts in the file) holding one of the
// profile's births words (Words.Births), not negated ("Ruby has not been
// born yet"). {child} in the words is the child only, by case.md's name,
// or "the baby", "baby": never a brother or sister, whose birth a
// pre-birth plan's records tell. Words about another birth are passed
// over (birthAside: "her first baby was born prematurely", "her older
// son", "a sibling", a year before the plan started), and so are words
// a conjunction puts in the future or a condition (futureBefore: "once
// the baby is born", "when baby born", "if baby born early").
//
// A visit during the pregnancy sees the mother, and its words say no
// birth; a visit whose words say the baby was born is the birth recorded
// in words only: the rules about seeing the baby count from the birth
// (SeeingFrom), and cannot until case.md records it. ok is false when the
// child is not recorded unborn (IsUnborn).
func (p *Pass) BirthInWords(v *schema.Visit) (said string, off int, ok bool) {
	c := p.Case
	if v == nil || !c.IsUnborn() {
		return "", 0, false
	}
	births := p.profileWordsOf().births
	if len(births) == 0 {
		return "", 0, false
	}
	people := c.unbornSlotPeople()
	startYear := 0
	if s := c.PlanStart(); !s.IsZero() {
		startYear = s.Year
	}
	says := func(text string) bool {
		return birthSaid(refusalTokens(text), births, people, startYear)
	}
	for _, sen := range sentences(v.NotSeenReason) {
		if says(sen) {
			return strings.TrimSpace(v.NotSeenReason), -1, true
		}
	}
	if v.Doc == nil || v.Doc.Body == nil {
		return "", 0, false
	}
	for _, r := range v.Doc.Body.Text() {
		at := 0
		for _, sen := range sentences(r.Text) {
			if i := strings.Index(r.Text[at:], sen); i >= 0 {
				at += i
			}
			if says(sen) {
				return sen, r.Offset + at, true
			}
		}
	}
	return "", 0, false
}

// birthSaid reports whether toks (a sentence, split by refusalTokens) say
// one of phrases, not negated, in a clause about this birth (BirthInWords).
func birthSaid(toks []string, phrases [][]string, people *slotPeople, startYear int) bool {
	for i := range toks {
		for _, phrase := range phrases {
			if len(phrase) == 0 || !tokensSayAt(toks, i, phrase, people) {
				continue
			}
			if futureBefore(toks, i) || birthAside(toks, i, startYear) {
				continue
			}
			return true
		}
	}
	return false
}

// futureBefore reports whether one of the two words before toks[i], in
// its clause, puts what follows in the future or in a condition ("once
// the baby is born", "when baby born").
func futureBefore(toks []string, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch toks[k] {
		case clauseBreak:
			return false
		case "when", "once", "after", "until", "till", "before", "if", "unless", "whether":
			return true
		}
	}
	return false
}

// clauseAround returns the clause of toks holding toks[i].
func clauseAround(toks []string, i int) []string {
	from, to := i, i
	for from > 0 && toks[from-1] != clauseBreak {
		from--
	}
	for to < len(toks) && toks[to] != clauseBreak {
		to++
	}
	return toks[from:to]
}

// birthAsideWords, in the clause of the words saying a baby was born,
// say it is another child's birth: a pre-birth plan's records tell of
// the mother's earlier children ("her first baby was born prematurely
// and was adopted", "Sam gave birth to her older son in Reading", "a
// sibling"). A word of birthAsideTimes is passed over when a word of
// time follows it (birthTimeWords): "born on the first of March", "born
// last week", "born earlier than expected".
var (
	birthAsideWords = wordsSet{"first": true, "second": true, "third": true, "older": true,
		"oldest": true, "eldest": true, "elder": true, "previous": true, "previously": true,
		"other": true, "another": true, "last": true, "earlier": true, "sibling": true,
		"siblings": true, "brother": true, "sister": true, "half-brother": true,
		"half-sister": true, "children": true, "babies": true}
	birthAsideTimes = wordsSet{"first": true, "second": true, "third": true, "last": true, "earlier": true}
	birthTimeWords  = wordsSet{"of": true, "than": true, "week": true, "weekend": true, "night": true,
		"month": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true,
		"friday": true, "saturday": true, "sunday": true, "time": true, "day": true}
)

// birthAside reports whether the words saying a baby was born, from
// toks[i], are about another birth: their clause holds a word of
// birthAsideWords (not one of time, birthAsideTimes before a word of
// birthTimeWords), or a year before startYear (the plan's start; 0: none
// known).
func birthAside(toks []string, i int, startYear int) bool {
	clause := clauseAround(toks, i)
	for k, w := range clause {
		if birthAsideWords.has(w) {
			if !birthAsideTimes.has(w) || k+1 >= len(clause) || !birthTimeWords.has(clause[k+1]) {
				return true
			}
		}
		if startYear > 0 && len(w) == 4 {
			if y, err := strconv.Atoi(w); err == nil && y > 1900 && y < startYear {
				return true
			}
		}
	}
	return false
}

// unbornSlotPeople returns the slots' people for an unborn child's words:
// the child by case.md's name, and no one else (BirthInWords).
func (c *Case) unbornSlotPeople() *slotPeople {
	sp := &slotPeople{}
	toks := refusalTokens(c.Child().Name)
	if len(toks) == 0 || slicesHasBreak(toks) || toks[0] == "" {
		return sp
	}
	sp.children.add(toks)
	if len(toks) > 1 {
		sp.children.add(toks[:1])
	}
	return sp
}
