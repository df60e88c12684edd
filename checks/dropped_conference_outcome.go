package checks

import (
	"strings"

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

The rule reads the latest conference, up to the as-of date, that decided
on a plan ("plan") or to continue it ("continue"), and fires once for each
outcome id it agreed that is not in the plan's Outcomes list. It is
reported on the plan's Outcomes heading, or on its type line when the plan
has no Outcomes section. It is on where the profile keeps conference
outcomes (Oxfordshire, combined).`,
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
	until := pass.Until()
	var latest *schema.Conference
	for _, cf := range pass.Case.Conferences {
		if cf.Date.IsZero() || cf.Date.After(until) {
			continue
		}
		if cf.Decision == schema.DecisionPlan || cf.Decision == schema.DecisionContinue {
			latest = cf
		}
	}
	if latest == nil || len(latest.Outcomes) == 0 {
		return nil
	}
	have := planOutcomeIDs(doc.Body)
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
	for _, o := range latest.Outcomes {
		// "O1-O4", "O1 to O4", "O1, O2, O3": several outcomes in one entry.
		if ids := conferenceOutcomeList(o); ids != nil {
			for _, id := range ids {
				if seen[id] || have[id] {
					continue
				}
				seen[id] = true
				pass.ReportOccurrencef("outcome "+id, doc, at,
					"outcome %s, agreed at %s of %s (%s, outcomes %q), is missing from the plan: the core group may add outcomes but should not alter those the conference agreed; add %s to the Outcomes list as the conference agreed it (%s)",
					id, conferenceKindName(latest.Kind), latest.Date.Long(), pathInCase(pass, latest.Doc), strings.TrimSpace(o), id, cite(pass))
			}
			continue
		}
		id := outcomeIDOf(o)
		if id == "" || seen[id] || have[id] || (!isOutcomeID(id) && outcomeTextIn(o, texts)) {
			continue
		}
		seen[id] = true
		pass.ReportOccurrencef("outcome "+id, doc, at,
			"outcome %s, agreed at %s of %s (%s), is missing from the plan: the core group may add outcomes but should not alter those the conference agreed; add %s to the Outcomes list as the conference agreed it (%s)",
			strings.TrimSpace(o), conferenceKindName(latest.Kind), latest.Date.Long(), pathInCase(pass, latest.Doc), id, cite(pass))
	}
	return nil
}

// conferenceOutcomeList reads a conference's outcome entry that names
// several outcomes and nothing else ("O1-O4", "O1 to O4", "O1, O2 and O3",
// "O1 & O3") as the ids it names, upper case, in order; it returns nil for
// an entry that is one outcome, with or without its text ("O2", "O2: Jamie
// is in school 5 days a week"), or text alone, which outcomeIDOf reads.
func conferenceOutcomeList(o string) []string {
	n := 0
	for _, f := range strings.FieldsFunc(o, func(r rune) bool {
		return r == ' ' || r == ',' || r == ';' || r == '/' || r == '&' || r == '+'
	}) {
		f = strings.Trim(f, ".:()[]*_")
		switch {
		case f == "" || f == "-" || f == "–" || f == "—" || strings.EqualFold(f, "to") || strings.EqualFold(f, "and"):
			continue
		case len(f) > 1 && (f[0] == 'O' || f[0] == 'o') && outcomeNumber(f) > 0:
			n++
			continue
		}
		if a, b, ok := cutDash(f); ok && len(a) > 1 && (a[0] == 'O' || a[0] == 'o') && outcomeNumber(a) > 0 && outcomeNumber(b) > 0 {
			n += 2
			continue
		}
		return nil // words: an outcome written with its text
	}
	if n < 2 {
		return nil
	}
	return actionOutcomeRefs(o, nil)
}

// outcomeIDOf returns the id a conference's outcome opens with, upper case:
// "O1", "o1", "O1: Jamie attends school" and "**O1** ..." are all "O1". An
// outcome written as text alone is returned whole, upper case.
func outcomeIDOf(o string) string {
	t := strings.TrimSpace(o)
	first := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == ':' || r == '.' || r == ')' || r == '-' })
	if len(first) > 0 {
		if f := strings.ToUpper(strings.Trim(first[0], "*_[]()")); isOutcomeID(f) {
			return f
		}
	}
	return strings.ToUpper(t)
}

// isOutcomeID reports whether s looks like an outcome id: a letter or two
// and a number ("O1", "OC12").
func isOutcomeID(s string) bool {
	i := 0
	for i < len(s) && i < 3 && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	if i == 0 || i == len(s) {
		return false
	}
	for _, r := range s[i:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// outcomeTextIn reports whether an outcome written as text is one of the
// plan's outcomes (the same words, case and spaces ignored).
func outcomeTextIn(o string, texts []string) bool {
	k := strings.ToLower(strings.Join(strings.Fields(strings.Trim(o, " .")), " "))
	for _, t := range texts {
		if strings.Contains(strings.ToLower(strings.Join(strings.Fields(t), " ")), k) {
			return true
		}
	}
	return false
}
