package checks

import "github.com/caselint/caselint/lint"

// registry is every rule. A rule's family is its Family field and nothing
// else: All groups the rules by it, in the order of families, keeping the
// order here within a family (the order docs and `caselint rules` show).
var registry = []*lint.Rule{
	// plan content: what plan.md must say.
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

	// seeing the child.
	UnseenChild,
	UnapprovedReducedVisiting,
	MissingNotSeenReason,
	UnescalatedRefusal,
	UnseenBedroom,
	IncompleteVisitRecord,
	NonSpecificLabel,
	UndelegatedVisit,
	StaleReducedVisiting,
	UnrecordedBirth,
	MissingWishesAndFeelings,

	// core group: its meetings and minutes.
	LateFirstCoreGroup,
	OverdueCoreGroup,
	LateMinutes,
	AbsentMemberWithoutReport,
	FirstCoreGroupNotAsSet,
	MissingAbsentViews,
	MissedCoreGroups,
	UnchairedCoreGroup,

	// ending the plan.
	PrematureCessation,
	CessationWithoutConference,
	PlanNotEnded,
	InvalidCessationReason,
	UnsupportedCessation,
	PlanPastEighteen,
	LookedAfterWithPlan,
	CareOrderWithPlan,

	// history: the rules that read the records' git history (when each
	// record was committed and how it changed since). They declare
	// lint.NeedsHistory, and without a full history the engine skips them
	// with a notice.
	LateRecording,
	RecordedBeforeEvent,
	RewrittenRecord,

	// record hygiene: the records as records, always on.
	InvalidRecord,
	UnusedSuppression,
	UnexplainedSuppression,
}
