package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// MissingWishesAndFeelings: a visit on which the lead worker saw the child
// records nothing of the child's wishes and feelings.
var MissingWishesAndFeelings = &lint.Rule{
	ID:       "missing-wishes-and-feelings",
	Title:    "A visit that saw the child records nothing of the child's wishes and feelings",
	Severity: lint.Warning,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindVisit},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§03", Quote: "The child/young person's wishes and feelings are ascertained"},
		{Source: Oxon, Paragraph: "§3", Quote: "The child's wishes and feelings are ascertained"},
	},
	Text: `The lead worker must make sure the child's wishes and feelings are
ascertained. The record is where that shows: each time the lead worker sees
the child, the visit record says what the child wished and felt, in their
words where possible, or what their behaviour showed.

The rule fires on a visit that saw the child (child_seen = true) and counts
as the lead worker seeing them (by the lead worker, by a social worker
covering for them, or by someone to whom contact was delegated in writing)
when its "## Wishes and feelings" section (or a section headed with the
child's wishes, feelings, views or voice, such as "## Voice of the child")
is missing (at the type line) or
empty, or holds only a placeholder such as TBC, or says only that they
were not ascertained ("Not ascertained", "Not discussed today", "See
notes": the profile's not_done answers), or says only that the child
does not speak ("N/A - Ellie is non-verbal": the profile's non_verbal
words; a child who does not speak still has wishes and feelings, shown
by behaviour, signs or pictures, or known to those close to them) (at
its heading). A baby under
one on the day of the visit is too young to express wishes and feelings in
words, and is not checked; nor are visits before the child was born, or
visits by others (a teacher's or health visitor's contact is not the lead
worker ascertaining the child's wishes).

It is on under every profile: both procedures ask the lead worker to make
sure the child's wishes and feelings are ascertained, in the same words.
incomplete-visit-record, which asks for the record's other contents (1.8
§3's list), leaves this section to this rule, so each visit is reported
once.

Visits dated before this authority's plan started (a section 47 enquiry's
visits before the initial conference, or the previous authority's kept in
a transfer-in case) are history, not visits of the plan, and are not read.`,
	Bad: `child_seen = true
seen_alone = true
+++

## Observations
Jamie showed me his room.`,
	Good: `child_seen = true
seen_alone = true
+++

## Wishes and feelings
Jamie said he wants to keep going to football and that he misses his dad.`,
	Profiles: nil,
	Since:    "0.1.0",
	Synonyms: []string{"no wishes and feelings", "child's views not recorded", "voice of child missing", "child's wishes not recorded"},
	Related:  []string{"incomplete-visit-record", "missing-not-seen-reason", "non-specific-label", "unseen-bedroom"},
	Run:      runMissingWishesAndFeelings,
}

func runMissingWishesAndFeelings(pass *lint.Pass) error {
	c := pass.Case
	if c.Plan == nil {
		return nil
	}
	child := c.ChildName()
	for _, v := range pass.PlanVisits() {
		day := v.Date.Date
		if !c.SawChild(v) || !c.CountsAsLeadWorker(v) || c.IsBabyOn(day) || v.Doc.Body == nil {
			continue
		}
		sec := c.WishesSection(v.Doc.Body)
		switch {
		case sec == nil:
			pass.Reportf(v.Doc, v.Doc.TypeLine(),
				"the record of the visit of %s, which saw %s, has no \"## Wishes and feelings\" section: record what %s said they wish and feel, in their words where possible, or what their behaviour showed (%s)",
				day.Long(), child, child, cite(pass))
		case pass.Profile.SectionNoAnswer(sec):
			pass.Reportf(v.Doc, sec.HeadingOffset,
				"the \"%s\" section of the record of the visit of %s, which saw %s, is empty or says only that they were not ascertained: record what %s said they wish and feel, in their words where possible, or what their behaviour showed (%s)",
				sec.Heading, day.Long(), child, child, cite(pass))
		case pass.Profile.SaysOnlyNonVerbal(sec):
			pass.Reportf(v.Doc, sec.HeadingOffset,
				"the \"%s\" section of the record of the visit of %s says only that %s does not speak: a child who does not speak still has wishes and feelings; record what %s showed of them and how they were ascertained (behaviour, signs, pictures, those who know %s best) (%s)",
				sec.Heading, day.Long(), child, child, child, cite(pass))
		}
	}
	return nil
}
