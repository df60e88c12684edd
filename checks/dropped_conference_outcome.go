package checks

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// DroppedConferenceOutcome: an outcome the conference agreed is missing from
// the plan.
var DroppedConferenceOutcome = &lint.Rule{
	ID:       "dropped-conference-outcome",
	Title:    "An outcome agreed by the conference is missing from the plan",
	Severity: lint.Error,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference},
	Cites: []lint.Citation{
		{Source: Oxon, Paragraph: "§5.6", Quote: "The Core Group should not alter any of the specified outcomes agreed at the conference although they can agree additional outcomes if required"},
	},
	Text: `The core group adds detail to the plan the conference agreed, but should
not alter any of the outcomes agreed at the conference; it may add outcomes
of its own. A conference record lists the outcomes it agreed in outcomes.

The rule reads the latest of this plan's conferences, up to the as-of
date, that decided on a plan ("plan") or to continue it ("continue"), and
fires once for each outcome it agreed that is not in the plan's Outcomes
list. The previous authority's conferences kept in a transfer-in case, and
the receiving authority's transfer conference at the end of a plan that
ceased "moved to another authority", are not this plan's.

Each entry is read as an action's Outcome cell is: "O2", "Outcome 2" and
"2" are O2, "O1-O3" and "O1 to O3" name three, a letter ("c", "(c)") a
lettered outcome; words after the ids ("O1-O3 unchanged") describe them
and are not read. An entry that opens with no id is an outcome written as
text, kept when one of the plan's outcomes holds the same words (whole
words: "c" is not found in "school"). An entry in words keeping the
outcomes agreed before ("Unchanged", "No change", "Outcomes as agreed at
ICPC": the profile's outcomes_as_before), or agreeing "All" outcomes,
stands for the outcomes the plan's conference before it agreed: those are
still the outcomes the core group should not alter, and a plan that has
dropped one of them is reported. At the conference that made the plan,
"All" is every outcome of the plan, and "no change" has nothing before
it to compare. A placeholder ("TBC", "-") agrees no
outcome: conference-without-outcomes reports a conference with nothing
else. It is reported on the plan's Outcomes heading, or on its type line
when the plan has no Outcomes section. It is on where the profile keeps
conference outcomes (Oxfordshire, combined).`,
	Bad: `# conferences/2026-01-12-initial.md
outcomes = ["O1", "O2", "O3"]

# plan.md
## Outcomes
1. O1: Jamie attends school every day.
2. O2: Sam keeps the home safe and warm.`,
	Good: `# conferences/2026-01-12-initial.md
outcomes = ["O1", "O2", "O3"]

# plan.md
## Outcomes
1. O1: Jamie attends school every day.
2. O2: Sam keeps the home safe and warm.
3. O3: Jamie is free from exposure to domestic abuse.
4. O4: Jamie is registered with a dentist.`,
	Profiles: oxfordOnly,
	Since:    "0.1.0",
	Synonyms: []string{"conference outcome missing from plan", "outcome dropped from plan", "plan left out outcome agreed at conference", "core group dropped outcome"},
	Related:  []string{"conference-without-outcomes", "outcome-without-action", "unaddressed-need", "unlinked-action"},
	Run:      runDroppedConferenceOutcome,
}

func runDroppedConferenceOutcome(pass *lint.Pass) error {
	_, doc := planDoc(pass)
	if doc == nil || !pass.Profile.KeepConferenceOutcomes {
		return nil
	}
	// The latest conference of this authority's plan that decided on it
	// or to continue it: the previous authority's conferences kept in a
	// transfer-in case, and the receiving authority's transfer conference
	// at the end of a plan that moved away, are not this plan's.
	until := pass.Until()
	var agreeing []*schema.Conference // this plan's conferences that agreed outcomes, in order
	for _, cf := range pass.Case.PlanConferences() {
		if cf.Date.After(until) {
			continue
		}
		if cf.Decision == schema.DecisionPlan || cf.Decision == schema.DecisionContinue {
			agreeing = append(agreeing, cf)
		}
	}
	if len(agreeing) == 0 {
		return nil
	}
	latest := agreeing[len(agreeing)-1]
	if len(latest.Outcomes) == 0 {
		return nil
	}
	have := planOutcomeIDs(doc.Body)
	order := planOutcomeOrder(doc.Body)
	var texts []string
	if doc.Body != nil {
		for _, o := range doc.Body.Outcomes {
			texts = append(texts, o.Text)
		}
	}
	at := doc.TypeLine()
	if s := doc.Body.Section("outcomes"); s != nil {
		at = s.HeadingOffset
	}
	seen := map[string]bool{}
	for _, a := range agreedOutcomes(pass, agreeing, order) {
		o, said := a.entry, a.said
		// A placeholder ("TBC", "-") agrees no outcome:
		// conference-without-outcomes reports a conference that lists
		// nothing else.
		if pass.Profile.IsPlaceholder(o) {
			continue
		}
		entry := strings.TrimSpace(o)
		ids := conferenceOutcomeRefs(entry, order)
		if ids == nil {
			// An outcome written as text alone: the plan keeps it when
			// one of its outcomes holds the same words.
			k := strings.ToUpper(strings.Join(strings.Fields(strings.Trim(entry, " .")), " "))
			if seen[k] || outcomeTextIn(entry, texts) {
				continue
			}
			seen[k] = true
			pass.ReportOccurrencef("outcome "+k, doc, at,
				"outcome %q, agreed at %s of %s (%s), is missing from the plan: the core group may add outcomes but should not alter those the conference agreed; add it to the Outcomes list as the conference agreed it (%s)",
				entry, conferenceKindName(latest.Kind), latest.Date.Long(), pathInCase(pass, latest.Doc), cite(pass))
			continue
		}
		for _, id := range ids {
			if seen[id] || have[id] {
				continue
			}
			seen[id] = true
			written := ""
			if !strings.EqualFold(said, id) {
				written = fmt.Sprintf(", outcomes %q", said)
			}
			pass.ReportOccurrencef("outcome "+id, doc, at,
				"outcome %s, agreed at %s of %s (%s%s), is missing from the plan: the core group may add outcomes but should not alter those the conference agreed; add %s to the Outcomes list as the conference agreed it (%s)",
				outcomeName(id), conferenceKindName(latest.Kind), latest.Date.Long(), pathInCase(pass, latest.Doc), written, outcomeName(id), cite(pass))
		}
	}
	return nil
}

// agreedOutcome is one outcome entry the latest conference agreed: entry
// as some conference of the plan wrote it, and said, the latest's own
// entry that stands for it (the same, or its "unchanged").
type agreedOutcome struct{ entry, said string }

// agreedOutcomes returns the outcome entries the last of agreeing (this
// plan's conferences that decided "plan" or "continue", in order) agreed.
// An entry in words keeping the outcomes agreed before ("Unchanged",
// "Outcomes as agreed at ICPC", Profile.KeepsOutcomesAsBefore), or
// agreeing "all" of them, stands for the entries of the conference before
// it (read so in turn): the outcomes that conference agreed are still the
// ones the core group should not alter. With no conference before it, "all"
// is every outcome of the plan, and a "no change" stands for nothing that
// can be compared.
func agreedOutcomes(pass *lint.Pass, agreeing []*schema.Conference, order []string) []agreedOutcome {
	var out []agreedOutcome
	var add func(i int, said string)
	add = func(i int, said string) {
		for _, o := range agreeing[i].Outcomes {
			e := strings.TrimSpace(o)
			s := said
			if s == "" {
				s = e
			}
			ids := conferenceOutcomeRefs(e, order)
			before := (ids == nil && pass.Profile.KeepsOutcomesAsBefore(e)) || opensWithAll(e)
			switch {
			case before && i > 0:
				add(i-1, s)
			case before && ids == nil:
				// "No change" at the first conference: nothing before it.
			default:
				out = append(out, agreedOutcome{entry: e, said: s})
			}
		}
	}
	add(len(agreeing)-1, "")
	return out
}

// opensWithAll reports whether a conference's outcome entry agrees all the
// outcomes ("All", "All outcomes", "All outcomes remain"), as
// conferenceOutcomeRefs reads it.
func opensWithAll(entry string) bool {
	for _, raw := range strings.Fields(entry) {
		switch strings.ToLower(strings.Trim(raw, ".:()[]*_,;")) {
		case "", "-", "the", "outcome", "outcomes", "of":
			continue
		case "all", "every", "each":
			return true
		}
		return false
	}
	return false
}

// conferenceOutcomeRefs reads a conference's outcome entry as the outcome
// ids it opens with, upper case, in order, the way an action's Outcome
// cell is read (actionOutcomeRefs): "O2", "o2", "Outcome 2" and "2" are
// O2; "O1-O4", "O1 to O4", "O1, O2 and O3" name several; a letter or roman
// numeral ("c", "(c)", "ii") names a lettered outcome. Words after the ids
// ("O1-O3 unchanged", "O2: Jamie attends school 5 days a week", "O1 to O3
// (as discussed)") are their description and not read, so a number in
// them is no id. It returns nil for an entry that opens with no id: an
// outcome written as text alone.
func conferenceOutcomeRefs(entry string, all []string) []string {
	toks := strings.FieldsFunc(entry, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == '/' || r == '&' || r == '+'
	})
	var kept []string
	ids := 0
	letters := false // an id is a letter (or a roman numeral)
	for i, raw := range toks {
		f := strings.Trim(raw, ".:()[]*_")
		switch strings.ToLower(f) {
		case "", "-", "–", "—", "and", "to", "outcome", "outcomes", "of", "the":
			kept = append(kept, f)
			continue
		case "all", "every", "each":
			// "All outcomes": every outcome of the plan.
			if all == nil {
				return []string{}
			}
			return all
		}
		isID := outcomeNumber(f) > 0
		if a, b, ok := cutDash(f); ok && outcomeNumber(a) > 0 && outcomeNumber(b) > 0 {
			isID = true
		}
		if !isID && isOutcomeLetter(f) {
			// A bare letter opening words ("A safe home for Leo", "I
			// will be safe") is text; "a", "(c)", "c." and "a - c" are
			// ids.
			bare := f == raw
			isID = !bare || i == len(toks)-1 || !isWordToken(toks[i+1])
			letters = letters || isID
		}
		if !isID {
			break
		}
		ids++
		kept = append(kept, f)
	}
	if ids == 0 {
		return nil
	}
	if !letters {
		return actionOutcomeRefs(strings.Join(kept, " "), nil) // numbers name the same ids whatever the plan's
	}
	// Letters are read as the plan letters its outcomes, or, when it
	// numbers them otherwise, as letters of the alphabet.
	marks := all
	if !hasOutcomeMarks(all) {
		marks = nil
		for r := 'A'; r <= 'Z'; r++ {
			marks = append(marks, string(r))
		}
	}
	return actionOutcomeRefs(strings.Join(kept, " "), marks)
}

// isOutcomeLetter reports whether f is one letter or a roman numeral, as a
// lettered outcome's id is written ("c", "C", "ii").
func isOutcomeLetter(f string) bool {
	return len(f) == 1 && unicode.IsLetter(rune(f[0])) || f != "" && isRomanNumeral(f)
}

// isWordToken reports whether a token of an entry is a word of its text
// rather than an id or joining punctuation.
func isWordToken(raw string) bool {
	f := strings.Trim(raw, ".:()[]*_")
	return len(f) > 1 && outcomeNumber(f) == 0 && strings.IndexFunc(f, unicode.IsLetter) >= 0 &&
		!strings.EqualFold(f, "and") && !strings.EqualFold(f, "to")
}

// hasOutcomeMarks reports whether the plan letters (or numbers in roman)
// any of its outcomes.
func hasOutcomeMarks(all []string) bool {
	for _, id := range all {
		if isOutcomeMarkID(id) {
			return true
		}
	}
	return false
}

// outcomeTextIn reports whether an outcome written as text is one of the
// plan's outcomes: its words, in order, are words of one of the plan's
// outcomes (case, spaces and punctuation ignored), at word boundaries, so
// that "c" is not found in "school".
func outcomeTextIn(o string, texts []string) bool {
	k := " " + strings.Join(textWords(o), " ") + " "
	if k == "  " {
		return false
	}
	for _, t := range texts {
		if strings.Contains(" "+strings.Join(textWords(t), " ")+" ", k) {
			return true
		}
	}
	return false
}

// textWords returns the words of s, lower case, without punctuation.
func textWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}
