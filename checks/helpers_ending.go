package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Helpers shared by the ending-the-plan rules on a child who becomes looked
// after (looked-after-with-plan, care-order-with-plan).

// endOutlivedReview returns the review conference at which the plan should
// have been discharged for a legal status that began on from, when the plan
// outlived it: the first review conference held after from, if it was held
// on or before the as-of date and the plan was still in place after it.
// It returns nil when no review conference has been held after from by the
// as-of date, or the plan ended on or before the first one.
func endOutlivedReview(pass *lint.Pass, from schema.Date) *schema.Conference {
	plan := pass.Case.Plan
	if plan == nil {
		return nil
	}
	for _, cf := range pass.Case.ConferencesOfKind(schema.ConferenceReview) {
		if cf.Date.IsZero() || !cf.Date.After(from) {
			continue
		}
		if !cf.Date.After(pass.AsOf) && cgActiveAfter(plan, cf.Date) {
			return cf
		}
		return nil
	}
	return nil
}

// endLegalStatuses returns case.md's [[legal_status]] entries whose status
// is one of statuses (compared as normWord compares them) and whose from
// date is set and on or before pass.Until(), in case.md's order.
func endLegalStatuses(pass *lint.Pass, statuses ...string) []schema.LegalStatus {
	rec := pass.Case.Record
	if rec == nil {
		return nil
	}
	var out []schema.LegalStatus
	for _, ls := range rec.LegalStatus {
		if ls.From.IsZero() || ls.From.After(pass.Until()) || !inList(ls.Status, statuses) {
			continue
		}
		out = append(out, ls)
	}
	return out
}
