package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// LateFirstCoreGroup: the first core group was not held within 10 working
// days of the initial conference.
var LateFirstCoreGroup = &lint.Rule{
	ID:       "late-first-core-group",
	Title:    "The first core group was not held within 10 working days of the conference that started the plan",
	Severity: lint.Error,
	Family:   FamilyCoreGroup,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "The first core group meeting will take place on the date set at the Initial Child Protection conference. This will be within 10 working days of the conference"},
		{Source: Oxon, Paragraph: "§5.3", Quote: "The first meeting of the Core Group will take place on the date set at the Initial Child Protection Conference. This will be within 10 working days of the Conference"},
	},
	Text: `The first core group meeting takes place on the date the Initial Child
Protection Conference set for it, within 10 working days of the conference
(the profile's first_core_group_within). Working days are Monday to Friday
less the bank holidays of England and Wales; the day of the conference is
day 0, so a meeting on the 10th working day is on time.

The rule counts from the conference that started this authority's plan:
the initial conference that decided "plan" or, for a child who moved in,
this authority's transfer conference that did (its first core group is due
within the same 10 working days). Records of the previous authority's
conferences and core groups kept in the case, or of an earlier plan that
ended, are history: they are not this plan's deadlines. It fires when:

- the conference set a first_core_group date beyond the 10 working days
  (reported on that first_core_group line);
- the first core group on or after the conference was held after the 10th
  working day (reported on that core group's date line);
- no core group has been held and the 10th working day has passed by the
  as-of date, or by the cessation date of a plan that ended (reported on
  plan.md's started line, where the open gap is shown).

When the case holds no record of the conference that started the plan,
the 10 working days count from plan.md's started, the day the plan says
the conference made it (plan-start-mismatch asks for the record).

A plan is made and ended by a conference, not by plan.md. With plan.md
missing or unreadable (between the initial conference and the first core
group there is often only an outline plan: Oxfordshire 1.8 §1) the wait
counts from the conference that started the plan, and a first core group still not held is reported on
that conference's first_core_group (else date) line; invalid-record says the plan is missing. A
[cessation] no conference decided, where one had to
(cessation-without-conference), has not ended the plan: the wait
runs on to the as-of date.`,
	Bad: `# conferences/2026-04-01-initial.md
date = 2026-04-01
first_core_group = 2026-04-20
# core-groups/2026-04-20.md
date = 2026-04-20       # 11th working day: Good Friday and Easter Monday do not count`,
	Good: `# conferences/2026-04-01-initial.md
date = 2026-04-01
first_core_group = 2026-04-17
# core-groups/2026-04-17.md
date = 2026-04-17       # 10th working day after the conference`,
	Since:    "0.1.0",
	Synonyms: []string{"core group late", "first core group late", "first core group not within 10 working days", "first core group held too late after conference"},
	Related:  []string{"first-core-group-not-as-set", "missed-core-groups", "overdue-core-group"},
	Run:      runLateFirstCoreGroup,
	Due:      dueLateFirstCoreGroup,
}

// firstCoreGroupDue returns the conference the first core group is counted
// from (for a plan with no record of it, one dated plan.md's started, with
// no Doc) and the day the first core group is due by; ok is false when
// there is no plan, no start or no interval. runLateFirstCoreGroup and
// dueLateFirstCoreGroup share it.
func firstCoreGroupDue(pass *lint.Pass) (conf *schema.Conference, due schema.Date, ok bool) {
	plan := pass.Case.Plan
	within := pass.Profile.FirstCoreGroupWithin
	if !pass.Case.HasPlan() || within.IsZero() {
		return nil, schema.Date{}, false
	}
	// With no record of the conference that started the plan (kept in
	// another system), plan.md's started is the day the conference made
	// it: the first core group is still due 10 working days after it, and
	// plan-start-mismatch asks for the conference record.
	conf = pass.Case.PlanStartConference()
	if conf == nil || conf.Doc == nil || conf.Date.IsZero() {
		if plan == nil || plan.Started.IsZero() {
			return nil, schema.Date{}, false
		}
		conf = &schema.Conference{Kind: schema.ConferenceInitial, Date: plan.Started}
	}
	return conf, pass.Calendar.Add(conf.Date, within), true
}

// dueLateFirstCoreGroup is the first core group, while none has been held,
// reported on plan.md's started line.
func dueLateFirstCoreGroup(pass *lint.Pass) []lint.Obligation {
	conf, due, ok := firstCoreGroupDue(pass)
	if !ok {
		return nil
	}
	if cgs := pass.Case.PlanCoreGroups(); len(cgs) > 0 && !cgs[0].Date.After(pass.Until()) {
		return nil
	}
	doc, at := openAt(pass, "first_core_group")
	from := lint.SourceOf(doc, "plan started (no record of the conference)")
	if conf.Doc != nil {
		from = lint.SourceOf(conf.Doc, conf.Kind+" conference")
	}
	return []lint.Obligation{{Key: "first-core-group", What: "the first core group meeting", Due: due, From: from, Doc: doc, Offset: at}}
}

func runLateFirstCoreGroup(pass *lint.Pass) error {
	conf, due, ok := firstCoreGroupDue(pass)
	if !ok {
		return nil
	}
	within := pass.Profile.FirstCoreGroupWithin
	which := conferenceKindName(conf.Kind)
	if conf.Doc == nil {
		which = "the start of the plan (plan.md's started; no record of the conference)"
	}

	if set := conf.FirstCoreGroup; conf.Doc != nil && !set.IsZero() && set.After(due) {
		pass.Reportf(conf.Doc, conf.Doc.At("first_core_group"),
			"%s on %s set the first core group for %s, more than %s after it: set a date within %s of the conference, on or before %s (%s)",
			which, conf.Date.Long(), set.Long(), cgIntervalWords(within), cgIntervalWords(within), due.Long(), cite(pass))
	}

	var first *schema.CoreGroup
	if cgs := pass.Case.PlanCoreGroups(); len(cgs) > 0 {
		first = cgs[0]
	}
	until := pass.Until()
	switch {
	case first != nil && !first.Date.After(until):
		if first.Date.After(due) {
			// The occurrence is the conference counted from: a change
			// to it leaves this line as it was (ReportGapf).
			pass.ReportOccurrencef(lint.GapOccurrence(conf.Date), first.Doc, first.Doc.At("date"),
				"the first core group was held on %s, %d working days after %s on %s: it must take place within %s of the conference, by %s; a meeting cannot be moved after the event: record in the minutes why it was late, and mark the finding reviewed with a caselint:ignore comment giving that reason (%s)",
				first.Date.Long(), pass.Calendar.WorkingDaysAfter(conf.Date, first.Date), which, conf.Date.Long(), cgIntervalWords(within), due.Long(), cite(pass))
		}
	case until.After(due):
		doc, at := openAt(pass, "first_core_group")
		pass.ReportOpenf(conf.Date, lint.GapOccurrence(conf.Date), doc, at,
			"no core group has been held since %s on %s: the first core group was due within %s, by %s; convene it now and record it in core-groups/ (%s)",
			which, conf.Date.Long(), cgIntervalWords(within), due.Long(), cite(pass))
	}
	return nil
}
