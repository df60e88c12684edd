package checks

import (
	"strconv"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingPlanCopy: the family, or the child, has no written copy of the plan
// in their language.
var MissingPlanCopy = &lint.Rule{
	ID:       "missing-plan-copy",
	Title:    "A family member or the child has no written copy of the plan in their language",
	Severity: lint.Warning,
	Family:   FamilyPlanContent,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindCase},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§02", Quote: "The child/young person (depending on age and understanding) and the parents/carers should receive a written copy of the plan in their first language"},
		{Source: Oxon, Paragraph: "§2", Quote: "The child (depending on his or her age and understanding) and the parents should receive a written copy of the plan in their preferred language"},
	},
	Text: `The parents and carers, and the child depending on age and understanding,
should receive a written copy of the plan in their first (or preferred)
language. plan.md records each copy given in a [[copies]] table: to whom,
in what language, and when.

Every family member of the core group (family = true in case.md, or a
role that is plainly family: mother, Mum, grandmother, foster carer) needs a
copy, and so does the child when aged 10 or over on the day the plan
started (a copy names the child as case.md's [child] does, or by first
name, or with the family's surname: "Jamie Doe" for Jamie, son of Sam
Doe). The rule fires for each of them with no [[copies]] entry (reported
on the core_group line), and for a copy in a language other than the
person's language in case.md (the child's first_language), reported on
that [[copies]] table. A copy that records no language is taken to be in English; one in several
languages ("Polish and English") suits a reader of any of them; a copy
dated after the as-of date has not been given yet, and one dated before
this plan started (the previous authority's plan for a child who moved in,
or an earlier plan's) is not a copy of this plan.`,
	Bad: `core_group = ["Aisha Patel", "Sam Doe"]   # case.md: Sam Doe, family = true, language = "Polish"

[[copies]]
to = "Sam Doe"
language = "English"
given = 2026-01-15`,
	Good: `core_group = ["Aisha Patel", "Sam Doe"]

[[copies]]
to = "Sam Doe"
language = "Polish"
given = 2026-01-15`,
	Since:    "0.1.0",
	Synonyms: []string{"family not given copy of plan", "no copy of plan in their language", "plan not translated", "child has no copy of plan"},
	Related:  []string{"uncirculated-plan", "uncountersigned-plan"},
	Run:      runMissingPlanCopy,
}

// planCopyAge is the age from which the child must have their own copy.
const planCopyAge = 10

func runMissingPlanCopy(pass *lint.Pass) error {
	plan, doc := planDoc(pass)
	if plan == nil || pass.Case.Record == nil {
		return nil
	}
	type reader struct {
		name, lang string
		why, how   string
		child      bool // the child, named in a copy as case.md's [child] is (Case.IsChild)
	}
	var readers []reader
	seen := map[string]bool{}
	child := pass.Case.Child()
	if age, ok := pass.Case.AgeOn(plan.Started); ok && !plan.Started.IsZero() && age >= planCopyAge {
		seen[schema.PersonKey(child.Name)] = true
		readers = append(readers, reader{name: strings.TrimSpace(child.Name), lang: child.FirstLanguage,
			why: "was " + strconv.Itoa(age) + " when the plan started on " + plan.Started.Long(),
			how: ", suited to their age and understanding,", child: true})
	}
	for _, m := range plan.CoreGroup {
		k := schema.PersonKey(m)
		p := pass.Case.Person(m)
		if k == "" || seen[k] || p == nil || !pass.Case.IsFamily(m) {
			continue
		}
		seen[k] = true
		readers = append(readers, reader{name: strings.TrimSpace(p.Name), lang: p.Language,
			why: "is a family member of the core group"})
	}
	start := pass.Case.PlanStart()
	for _, r := range readers {
		first, right := -1, false
		var earlier schema.Date // a copy of an earlier plan
		for i, c := range plan.Copies {
			// The child's copy may name them as the visits do: "Ellie"
			// for "Ellie Brook", or "Zara Hussain" for "Zara".
			if r.child && !pass.Case.IsChild(c.To) || !r.child && !lint.SamePerson(c.To, r.name) {
				continue
			}
			if !c.Given.IsZero() && c.Given.After(pass.Until()) {
				continue // not given yet as of the date linted
			}
			if !c.Given.IsZero() && !start.IsZero() && c.Given.Before(start) {
				// Given before this plan was made: the previous
				// authority's plan, or an earlier plan's.
				earlier = c.Given
				continue
			}
			if first < 0 {
				first = i
			}
			if pass.Profile.CopyInLanguage(c.Language, r.lang) {
				right = true
			}
		}
		label := pass.Case.NameWithRole(r.name)
		switch {
		case first < 0:
			in := ""
			if r.lang != "" {
				in = " in " + r.lang
			}
			got := ""
			if !earlier.IsZero() {
				got = " (the copy given on " + earlier.Long() + " was of an earlier plan: this one started on " + start.Long() + ")"
			}
			pass.ReportOccurrencef("copy to "+r.name, doc, doc.At("core_group"),
				"%s %s but has no recorded copy of the plan%s: give them a written copy%s%s and record it in a [[copies]] table (%s)",
				label, r.why, got, in, r.how, cite(pass))
		case !right:
			lang := strings.TrimSpace(plan.Copies[first].Language)
			if lang == "" {
				lang = "English (no language recorded)"
			}
			pass.ReportOccurrencef("language of "+r.name, doc, doc.At("copies", strconv.Itoa(first)),
				"%s's copy of the plan is in %s, not in their language (%s): give them a copy in %s and record its language (%s)",
				r.name, lang, r.lang, r.lang, cite(pass))
		}
	}
	return nil
}
