package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// FirstCoreGroupNotAsSet: the initial conference set no date for the first
// core group, or the first core group was held on another day.
var FirstCoreGroupNotAsSet = &lint.Rule{
	ID:       "first-core-group-not-as-set",
	Title:    "The first core group was not held on the date the initial conference set",
	Severity: lint.Warning,
	Family:   FamilyCoreGroup,
	Reads:    []schema.Kind{schema.KindPlan, schema.KindConference, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "The first core group meeting will take place on the date set at the Initial Child Protection conference"},
		{Source: Oxon, Paragraph: "§1", Quote: "Obtain agreement to the date for the first Core Group meeting"},
		{Source: Oxon, Paragraph: "§5.3", Quote: "The first meeting of the Core Group will take place on the date set at the Initial Child Protection Conference"},
	},
	Text: `The Initial Child Protection Conference that decides on a plan obtains
agreement to the date of the first core group meeting, and the meeting takes
place on that date. The conference record gives the date it set in
first_core_group.

The rule reads the conference that started this authority's plan (up to
the as-of date, or the end of the plan): the initial conference that
decided "plan" or, for a child who moved in, this authority's transfer
conference that did. The previous authority's conferences kept in the case
are history. It fires when:

- an initial conference set no first_core_group (reported on its decision
  line); a transfer conference need not set one (the record format keeps
  first_core_group for initial conferences), but when it does the meeting
  is held on that date;
- the first core group held after it, up to the as-of date, was held on
  another day than the one set, earlier or later (reported on that core
  group's date line);
- the date set has passed, before the 10 working days have, and no core
  group is recorded on or before the as-of date (reported on the
  conference's first_core_group line). The meeting was to take place on
  that date, not on the last day the 10 working days allow: convene it,
  or record it if it was held. As an obligation still open, a baseline
  never hides it. caselint due lists the meeting on the date set, before
  the 10 working days late-first-core-group lists.

Lateness is late-first-core-group's concern: a meeting held after the 10
working days (the profile's first_core_group_within), or a date set beyond
them, is left to it, and this rule stays quiet about that meeting; once
the 10th working day has passed with no meeting, late-first-core-group
reports it as an error and this rule says no more. A
meeting moved for a good reason is a reviewed exception: suppress the
finding with the reason.`,
	Bad: `# conferences/2026-01-20-initial.md
first_core_group = 2026-02-03
# core-groups/2026-02-05.md
date = 2026-02-05`,
	Good: `# conferences/2026-01-20-initial.md
first_core_group = 2026-02-03
# core-groups/2026-02-03.md
date = 2026-02-03`,
	Since:    "0.1.0",
	Synonyms: []string{"first core group not on date set", "first core group on wrong date", "core group date changed from conference"},
	Related:  []string{"late-first-core-group", "missed-core-groups", "overdue-core-group"},
	Run:      runFirstCoreGroupNotAsSet,
	Due:      dueFirstCoreGroupNotAsSet,
}

// firstCoreGroupSet returns the conference that started the plan and the
// date it set for the first core group, while that date comes before the
// 10 working days end and no core group has been held by pass.Until():
// the meeting the conference set is still to be held on it. ok is false
// otherwise, and once pass.Until() is past the 10 working days (then
// late-first-core-group's concern). dueFirstCoreGroupNotAsSet and
// runFirstCoreGroupNotAsSet share it.
func firstCoreGroupSet(pass *lint.Pass) (conf *schema.Conference, set schema.Date, ok bool) {
	conf = pass.Case.PlanStartConference()
	until := pass.Until()
	within := pass.Profile.FirstCoreGroupWithin
	if conf == nil || conf.Doc == nil || conf.Date.IsZero() || conf.Date.After(until) || within.IsZero() {
		return nil, schema.Date{}, false
	}
	set = conf.FirstCoreGroup
	due := pass.Calendar.Add(conf.Date, within)
	if set.IsZero() || !set.Before(due) || until.After(due) {
		return nil, schema.Date{}, false
	}
	if cgs := pass.Case.PlanCoreGroups(); len(cgs) > 0 && !cgs[0].Date.After(until) {
		return nil, schema.Date{}, false
	}
	return conf, set, true
}

// dueFirstCoreGroupNotAsSet is the first core group, on the date the
// conference set, while none has been held: reported on the conference's
// first_core_group line.
func dueFirstCoreGroupNotAsSet(pass *lint.Pass) []lint.Obligation {
	conf, set, ok := firstCoreGroupSet(pass)
	if !ok {
		return nil
	}
	return []lint.Obligation{{Key: "first-core-group-as-set", What: "the first core group meeting, on the date the conference set for it",
		Due: set, From: lint.SourceOf(conf.Doc, conf.Kind+" conference: first_core_group"), Doc: conf.Doc, Offset: conf.Doc.At("first_core_group")}}
}

func runFirstCoreGroupNotAsSet(pass *lint.Pass) error {
	conf := pass.Case.PlanStartConference()
	until := pass.Until()
	if conf == nil || conf.Doc == nil || conf.Date.IsZero() || conf.Date.After(until) {
		return nil
	}
	set := conf.FirstCoreGroup
	if set.IsZero() && conf.Kind == schema.ConferenceTransfer {
		return nil
	}
	if set.IsZero() && conf.Doc.Keys.Has("first_core_group") {
		// Written, but not as a date (invalid-record says how).
		pass.Reportf(conf.Doc, conf.Doc.At("first_core_group"),
			"the initial conference on %s wrote first_core_group, but not as a date, so whether the first core group met as set cannot be checked: write the date the conference agreed as a date, such as 2026-06-22 (%s)",
			conf.Date.Long(), cite(pass))
		return nil
	}
	if set.IsZero() {
		pass.Reportf(conf.Doc, conf.Doc.At("decision"),
			"the initial conference on %s decided on a plan but set no date for the first core group: record in first_core_group the date the conference agreed for it (%s)",
			conf.Date.Long(), cite(pass))
		return nil
	}
	if _, _, open := firstCoreGroupSet(pass); open && until.After(set) {
		asOf := "as of " + until.Long()
		if until != pass.AsOf {
			asOf = "by the end of the plan on " + until.Long()
		}
		pass.ReportOpenf(set, "set for "+set.String(), conf.Doc, conf.Doc.At("first_core_group"),
			"%s on %s set the first core group for %s, and none is recorded %s: the first core group takes place on the date the conference set; convene it now and record it in core-groups/, or record it if it was held (%s)",
			conferenceKindName(conf.Kind), conf.Date.Long(), set.Long(), asOf, cite(pass))
		return nil
	}

	var first *schema.CoreGroup
	if cgs := pass.Case.PlanCoreGroups(); len(cgs) > 0 {
		first = cgs[0]
	}
	if first == nil || first.Date.After(until) || first.Date == set {
		return nil
	}
	if within := pass.Profile.FirstCoreGroupWithin; !within.IsZero() {
		due := pass.Calendar.Add(conf.Date, within)
		if first.Date.After(due) || set.After(due) {
			return nil // late-first-core-group's concern
		}
	}
	pass.Reportf(first.Doc, first.Doc.At("date"),
		"the first core group was held on %s, but %s on %s set it for %s: the first core group takes place on the date the conference set; if it had to be moved, record why in the minutes (%s)",
		first.Date.Long(), conferenceKindName(conf.Kind), conf.Date.Long(), set.Long(), cite(pass))
	return nil
}
