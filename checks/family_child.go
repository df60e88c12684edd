package checks

import "github.com/caselint/caselint/lint"

var seeingTheChild = []*lint.Rule{
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
}
