package lint

import (
	"slices"
	"strings"
)

// Who saw the child alone.
//
// Oxfordshire 1.8 §3 gives the Lead Social Worker the task "to have face
// to face contact with the child ... This must include seeing the child
// alone", and has the record give "confirmation that the Lead Social
// Worker spoke with the child (including if alone)"; C06 §03 has the
// lead worker "see the child/young person alone". A visit is the visiting
// worker's (its by: the lead worker, or the worker a visit was delegated
// to), so a child seen alone by someone else on it, a police officer on a
// joint visit, a teacher earlier that day, a parent, was not seen alone
// by the worker: "PC Lowe spoke to Ellie alone while I stayed with Mum",
// "Ellie was seen alone by the school nurse". A record saying only that
// does not show the child seen alone, whatever seen_alone says.

// seerKind is whom a word in the place of the one who saw says saw.
type seerKind uint8

const (
	seerNone   seerKind = iota
	seerWorker          // the visiting worker: "I", "me", their name
	seerOther           // anyone else: "PC Lowe", "the school nurse", "Mum"
	seerAside           // anyone else, at second hand or another time (seers.seenBy)
)

// seers are the words that name the one who saw the child alone on a
// visit (Case.seersOf).
type seers struct {
	// worker holds the words of the visit's by ("sarah", "bennett").
	worker []string
	// others holds the words of the case's people's names, and family
	// words (nameRefs.other), the worker's left out when read.
	others map[string]bool
	// refs name the child (nameRefs).
	refs *nameRefs
}

// seerWorkerWords name the one writing the record, or a social worker
// ("seen alone by the duty social worker": a social worker of the
// service, as on a delegated visit).
var seerWorkerWords = map[string]bool{
	"i": true, "me": true, "myself": true, "we": true, "us": true, "sw": true, "lsw": true,
	"social": true, "writer": true, "caseworker": true,
}

// seerOtherWords name someone other than the visiting worker by their
// work or title: "PC", "the school nurse", "her teacher", "Mrs Khan".
var seerOtherWords = map[string]bool{
	"pc": true, "dc": true, "ds": true, "police": true, "officer": true, "officers": true,
	"constable": true, "detective": true, "teacher": true, "teachers": true, "headteacher": true,
	"senco": true, "dsl": true, "nurse": true, "nurses": true, "hv": true, "visitor": true,
	"gp": true, "doctor": true, "dr": true, "paediatrician": true, "pediatrician": true,
	"consultant": true, "midwife": true, "camhs": true, "therapist": true, "counsellor": true,
	"counselor": true, "psychologist": true, "psychiatrist": true, "practitioner": true,
	"fsw": true, "keyworker": true, "staff": true, "colleague": true, "student": true,
	"manager": true, "advocate": true, "iro": true, "interpreter": true, "childminder": true,
	"mentor": true, "support": true, "assistant": true, "ta": true, "guardian": true,
	"solicitor": true, "mr": true, "mrs": true, "ms": true, "miss": true, "mx": true,
	"youth": true, "foster": true,
}

// seerSkipWords may stand between "by" and the one who saw: "by the
// school nurse", "by her class teacher", "by the duty social worker".
var seerSkipWords = map[string]bool{
	"the": true, "a": true, "an": true, "her": true, "his": true, "their": true, "my": true,
	"our": true, "and": true, "&": true, "school": true, "class": true, "duty": true,
	"family": true, "health": true, "specialist": true, "community": true, "key": true,
	"named": true, "head": true, "lead": true, "worker": true, "also": true, "both": true,
}

// seersOf returns the seers of visit v's record, whose by is by.
func (c *Case) seersOf(by string) seers {
	name, _ := splitBrackets(by)
	s := seers{worker: refusalTokens(name), others: c.seerOthers(), refs: c.nameRefs()}
	return s
}

// seerOthers returns the words of the names of the case's people, and
// the family words: made once a case.
func (c *Case) seerOthers() map[string]bool {
	if c.seerNames != nil {
		return c.seerNames
	}
	m := map[string]bool{}
	for w := range c.nameRefs().other {
		m[w] = true
	}
	child := refusalTokens(c.Child().Name)
	for i := range c.persons {
		name, _ := splitBrackets(c.persons[i].Name)
		for _, w := range refusalTokens(name) {
			if len(w) > 1 && w != clauseBreak && !personTitles[w] && !slices.Contains(child, w) {
				m[w] = true
			}
		}
	}
	c.seerNames = m
	return m
}

// kind returns whom w names as the one who saw.
func (s *seers) kind(w string) seerKind {
	w = strings.TrimSuffix(w, "'s")
	switch {
	case seerWorkerWords[w] || slices.Contains(s.worker, w):
		return seerWorker
	case seerOtherWords[w] || s.others[w]:
		return seerOther
	}
	return seerNone
}

// seenBy returns who, clause cl says, saw the child alone at i, where it
// says one of the seen-alone phrases (phrase): the agent after "by"
// ("Ellie was seen alone in her room by PC Lowe"; not "by the window"; the
// worker in "by PC Lowe and me"), or, for a phrase of seeing or talking,
// its subject ("PC Lowe spoke to Ellie alone"; not "Mum went out and I
// spoke to Ellie alone"); seerNone when it names no one. Someone else's
// time alone with the child told at second hand or at another time
// ("Ellie told me her teacher spoke to her alone", "the DSL had seen her
// alone", "PC Lowe saw her alone last week") is seerAside: it says
// nothing of this visit.
func (s *seers) seenBy(cl []string, i int, phrase []string) seerKind {
	who := s.seer(cl, i, phrase)
	if who == seerOther && elsewhere(cl, i) {
		return seerAside
	}
	return who
}

func (s *seers) seer(cl []string, i int, phrase []string) seerKind {
	end := i + len(phrase)
	for k := end; k < len(cl) && k < end+6; k++ {
		if cl[k] != "by" {
			continue
		}
		if who := s.agent(cl[k+1:]); who != seerNone {
			return who
		}
	}
	if !seerVerbs[phrase[0]] {
		return seerNone
	}
	// The subject is a word or three before the verb ("PC Lowe spoke",
	// "the health visitor saw", "PC Lowe and I spoke"); the child there
	// is the subject ("Mum went out and Jamie talked to me alone").
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if kind := s.refs.kind(cl[k]); kind == refChild || kind == refChildLike {
			return seerNone
		}
		if who := s.kind(cl[k]); who != seerNone {
			return who
		}
	}
	return seerNone
}

// elsewhere reports whether clause cl tells of the seeing at i at second
// hand ("said", "told me" before it) or at another time ("had seen",
// "had been seen", "last week", "yesterday", "previously", "ago").
func elsewhere(cl []string, i int) bool {
	if i > 0 && cl[i-1] == "had" || i > 1 && cl[i-2] == "had" && cl[i-1] == "been" {
		return true
	}
	for k, w := range cl {
		if k < i && reportWords[w] || otherTimeWords[w] {
			return true
		}
	}
	return false
}

// otherTimeWords say a clause is of another day than the visit.
var otherTimeWords = wordsSet{"yesterday": true, "last": true, "previously": true, "ago": true}

// seerVerbs open the seen-alone phrases whose subject is the one who saw
// (seenAloneWords): "saw", "spoke to", "talked with", "time alone with".
var seerVerbs = map[string]bool{"saw": true, "spoke": true, "talked": true, "chatted": true, "spent": true, "time": true}

// agent returns whom the words after "by" name: the worker when any of
// the next few does ("by PC Lowe and me"), else anyone else they name;
// none when a word that is neither a name nor one of seerSkipWords comes
// before any ("by the window").
func (s *seers) agent(ws []string) seerKind {
	who := seerNone
	for n, w := range ws {
		if n == 6 {
			break
		}
		if strings.HasSuffix(w, "'s") {
			continue // whose, not who: "by Mum's request", "by Zara's teacher"
		}
		switch s.kind(w) {
		case seerWorker:
			return seerWorker
		case seerOther:
			who = seerOther
		default:
			if who == seerNone && !seerSkipWords[w] {
				return seerNone
			}
		}
	}
	return who
}
