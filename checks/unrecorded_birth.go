package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// UnrecordedBirth: an unborn child's expected date passed more than two
// weeks ago and no birth is recorded, or a visit saw the baby.
var UnrecordedBirth = &lint.Rule{
	ID:       "unrecorded-birth",
	Title:    "An unborn child's expected date passed more than two weeks ago and no birth is recorded",
	Severity: lint.Error,
	Family:   FamilySeeingChild,
	Reads:    []schema.Kind{schema.KindCase, schema.KindPlan, schema.KindVisit},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§03", Quote: "To see the child/young person alone within 28 working days as appropriate"},
		{Source: Oxon, Paragraph: "§3", Quote: "This must include seeing the child alone or a baby when awake at least every 2 weeks"},
	},
	Text: `Before a child is born there is no child to see, so no rule about seeing the
child or the child's bedroom applies to a pre-birth plan (unborn = true).
Once the baby is born, the lead worker must see the baby awake at least as
often as the procedure requires, counted from the birth. Those rules can
only start when the birth is recorded: while case.md still says unborn, a
baby who was born weeks ago would never be checked.

The rule fires when case.md records the child as unborn (unborn = true, no
born date) and the expected date of birth (expected) is more than two weeks
before the as-of date (or the end of the plan): expected + 14 days is still
in time, expected + 15 days is not. When no expected date is recorded, it
fires once the plan has run 44 weeks (the longest pregnancy and the two
weeks), and asks for the expected date; so it does when the expected date
is more than 42 weeks after the plan started, which no pregnancy lasts (a
mistyped year must not put the check off for decades). Every rule about
seeing the baby stays silent until the birth is recorded.

It fires, on the visit, from the day after a visit that records the child
seen (child_seen = true, or awake = true) while case.md still records the
child unborn: a baby born early, and seen, must not wait for the expected
date to pass before the rules about seeing the baby apply. (A visit during the
pregnancy sees the mother, not the baby: child_seen = false.) So it does from
the day after a visit whose not_seen_reason or notes say the baby was born
("Baby born 12/02 at 34 weeks, still in SCBU", "Sam gave birth to Ruby on
Saturday": the profile's births word list), though the baby was not seen:
a baby born and unseen is the baby most in need of the count from the birth.
Words negated ("not yet born"), put in the future ("once the baby is born")
or about another birth ("her first baby was born", "her older son", a
sibling, a year before the plan started) say no birth; the finding points at
not_seen_reason or at the sentence of the notes.

The finding points at case.md's expected line (its unborn line when there is
no expected date).`,
	Bad: `[child]
name = "Baby Morgan"
unborn = true
expected = 2026-03-01   # as of 2026-03-20: 19 days ago`,
	Good: `[child]
name = "Ruby Morgan"
born = 2026-03-04       # the birth recorded; unborn removed
first_language = "English"`,
	Since:    "0.1.0",
	Synonyms: []string{"birth not recorded", "baby born but not recorded", "due date passed and no birth recorded"},
	Related:  []string{"missing-not-seen-reason", "stale-reduced-visiting", "unapproved-reduced-visiting", "undelegated-visit", "unescalated-refusal", "unseen-bedroom", "unseen-child"},
	Run:      runUnrecordedBirth,
	Due:      dueUnrecordedBirth,
}

func runUnrecordedBirth(pass *lint.Pass) error {
	c := pass.Case
	if c.Record == nil || c.Record.Doc == nil || c.Plan == nil {
		return nil
	}
	doc := c.Record.Doc
	child := c.ChildName()
	if b := bornWhileUnborn(pass); b.v != nil && b.v.Date.Date.Before(pass.Until()) {
		v := b.v
		if b.said != "" {
			pass.Reportf(v.Doc, b.off,
				"the visit of %s says %s has been born (%q), but case.md still records %s as unborn: record born = the date of birth in case.md (and remove unborn = true), so that the rules about seeing %s apply from the birth (%s)",
				v.Date.Date.Long(), child, lint.Brief(b.said), child, child, cite(pass))
		} else {
			pass.Reportf(v.Doc, v.Doc.At(b.key),
				"the visit of %s records %s seen (%s = true), but case.md still records %s as unborn: if %s has been born, record born = the date of birth in case.md (and remove unborn = true), so that the rules about seeing %s apply from the birth; if not, the visit saw the mother, not the baby: set child_seen = false (%s)",
				v.Date.Date.Long(), child, b.key, child, child, child, cite(pass))
		}
	}
	expected, overdue := pass.UnrecordedBirth()
	if !overdue {
		return nil
	}
	if c.ExpectedTooLate() {
		pass.Reportf(doc, childKeyAt(doc, "expected", "unborn"),
			"%s is recorded as unborn, expected on %s, more than 42 weeks after the plan started on %s, which no pregnancy lasts; the plan has now run more than 44 weeks with no birth recorded: record born = the date of birth (and remove unborn = true), or correct the expected date; until then no rule can check that %s is seen (%s)",
			child, expected.Long(), c.PlanStart().Long(), child, cite(pass))
		return nil
	}
	if expected.IsZero() {
		pass.Reportf(doc, childKeyAt(doc, "unborn"),
			"%s is recorded as unborn with no expected date, and the plan started on %s, more than 44 weeks before %s: record the birth (born = the date, and remove unborn), or the expected date; until then no rule can check that %s is seen (%s)",
			child, c.Plan.Started.Long(), pass.Until().Long(), child, cite(pass))
		return nil
	}
	pass.Reportf(doc, childKeyAt(doc, "expected", "unborn"),
		"%s was expected on %s, more than two weeks before %s, and no birth is recorded: record born = the date of birth (and remove unborn = true), or correct the expected date; until then no rule can check that %s is seen (%s)",
		child, expected.Long(), pass.Until().Long(), child, cite(pass))
	return nil
}

// seenWhileUnborn returns the first visit of the plan, up to the as-of
// date (or the end of the plan), that records the child seen (child_seen
// or awake) while case.md records the child unborn, else nil; and the key
// that says so. The birth is due to be recorded by the day of that visit:
// the finding stands from the day after.
// bornVisit is the first visit of the plan that shows an unborn child
// born: key names the field that records the child seen, or said holds
// the words saying the birth, at off.
type bornVisit struct {
	v    *schema.Visit
	key  string
	said string
	off  int
}

// bornWhileUnborn returns the first visit of the plan, while case.md
// records the child unborn, that records the child seen (child_seen or
// awake) or says in words that the child was born (Pass.BirthInWords).
func bornWhileUnborn(pass *lint.Pass) bornVisit {
	if !pass.Case.IsUnborn() {
		return bornVisit{}
	}
	for _, v := range pass.Visits() {
		if !pass.Case.InPlan(v.Date.Date) {
			continue
		}
		switch {
		case v.Awake:
			return bornVisit{v: v, key: "awake"}
		case v.ChildSeen:
			return bornVisit{v: v, key: "child_seen"}
		}
		if said, off, ok := pass.BirthInWords(v); ok {
			if off < 0 {
				off = v.Doc.At("not_seen_reason")
			}
			return bornVisit{v: v, said: said, off: off}
		}
	}
	return bornVisit{}
}

func dueUnrecordedBirth(pass *lint.Pass) []lint.Obligation {
	c := pass.Case
	if c.Record == nil || c.Record.Doc == nil || c.Plan == nil {
		return nil
	}
	var out []lint.Obligation
	if b := bornWhileUnborn(pass); b.v != nil {
		what, from, off := "the birth recorded (born): a visit saw the baby", "visit that saw the baby", b.off
		if b.said == "" {
			off = b.v.Doc.At(b.key)
		} else {
			what, from = "the birth recorded (born): a visit says the baby was born", "visit that says the baby was born"
		}
		out = append(out, lint.Obligation{Key: "birth-seen", What: what, Due: b.v.Date.Date,
			From: lint.SourceOf(b.v.Doc, from), Doc: b.v.Doc, Offset: off})
	}
	expected, due, ok := c.BirthRecordDue()
	if !ok {
		return out
	}
	doc := c.Record.Doc
	if expected.IsZero() {
		return append(out, lint.Obligation{Key: "birth", What: "the birth recorded (born), or the expected date", Due: due,
			From: lint.SourceOf(c.Plan.Doc, "plan started"), Doc: doc, Offset: childKeyAt(doc, "unborn")})
	}
	return append(out, lint.Obligation{Key: "birth", What: "the birth recorded (born), or the expected date corrected", Due: due,
		From: lint.SourceOf(doc, "expected date of birth"), Doc: doc, Offset: childKeyAt(doc, "expected", "unborn")})
}

// childKeyAt returns the offset of the first of keys written in case.md's
// [child] table, or of the table, or the type line.
func childKeyAt(doc *schema.Document, keys ...string) int {
	for _, k := range keys {
		if doc.Keys.Has("child", k) {
			return doc.At("child", k)
		}
	}
	if doc.Keys.Has("child") {
		return doc.At("child")
	}
	return doc.TypeLine()
}
