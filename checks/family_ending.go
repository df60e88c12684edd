package checks

import "github.com/caselint/caselint/lint"

var endingThePlan = []*lint.Rule{
	PrematureCessation,
	CessationWithoutConference,
	PlanNotEnded,
	InvalidCessationReason,
	UnsupportedCessation,
	PlanPastEighteen,
	LookedAfterWithPlan,
	CareOrderWithPlan,
}
