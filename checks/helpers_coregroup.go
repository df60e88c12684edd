package checks

import (
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Helpers shared by the core group and ending-the-plan rules.

// cgStartedLine is where a gap still open at the as-of date is reported:
// plan.md's started line.
func cgStartedLine(plan *schema.Plan) int { return plan.Doc.At("started") }

// cgIntervalWords says an interval as the procedures do: "10 working days",
// "1 month" as "a month".
func cgIntervalWords(iv schema.Interval) string {
	if iv.N == 1 {
		return "a " + strings.TrimPrefix(iv.String(), "1 ")
	}
	return iv.String()
}

// cgEveryWords says how often an interval recurs: "every month", "every
// 6 weeks".
func cgEveryWords(iv schema.Interval) string {
	if iv.N == 1 {
		return "every " + strings.TrimPrefix(iv.String(), "1 ")
	}
	return "every " + iv.String()
}

// openAt is where a deadline of the plan still open is reported, and
// what it is counted from when no later record is: plan.md's started line
// or, when plan.md is missing or unreadable (lint.Case.PlanUnwritten), the
// line key of the conference that started the plan (its date line when it
// has no such key). doc is nil when the case has no plan (lint.Case.HasPlan).
func openAt(pass *lint.Pass, key string) (doc *schema.Document, at int) {
	if plan := pass.Case.Plan; plan != nil && plan.Doc != nil {
		return plan.Doc, cgStartedLine(plan)
	}
	if !pass.Case.PlanUnwritten() {
		return nil, 0
	}
	cf := pass.Case.PlanStartConference()
	if key != "" && planHasKey(cf.Doc, key) {
		return cf.Doc, cf.Doc.At(key)
	}
	return cf.Doc, cf.Doc.At("date")
}

// planStartedSource is the record the plan's start is read from, for a
// deadline counted from it: plan.md, or the conference that started the
// plan when plan.md is missing (openAt).
func planStartedSource(pass *lint.Pass) lint.DateSource {
	if plan := pass.Case.Plan; plan != nil && plan.Doc != nil {
		return lint.SourceOf(plan.Doc, "plan started")
	}
	cf := pass.Case.PlanStartConference()
	if cf == nil || cf.Doc == nil {
		return lint.SourceOf(nil, "plan started")
	}
	return lint.SourceOf(cf.Doc, cf.Kind+" conference (no plan.md)")
}
