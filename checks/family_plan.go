package checks

import "github.com/caselint/caselint/lint"

// planContent are the rules on what plan.md must say.
var planContent = []*lint.Rule{
	MissingContingencyPlan,
	UnnamedActionOwner,
	MissingActionTimescale,
	UnlinkedAction,
	OutcomeWithoutAction,
	MissingPlanSection,
	MissingLeadWorker,
	UnqualifiedLeadWorker,
	MissingCoreGroup,
	UncountersignedPlan,
	MissingPlanCopy,
	DroppedConferenceOutcome,
	MissingReviewDate,
	PlanStartMismatch,
	LateReviewConference,
	LateTransferConference,
	ConferenceWithoutOutcomes,
	IncompleteCoreGroup,
	ReviewDateMismatch,
	UncirculatedPlan,
	CoreMemberWithoutPart,
	UnaddressedNeed,
}
