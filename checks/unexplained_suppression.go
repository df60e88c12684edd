package checks

import "github.com/caselint/caselint/lint"

// UnexplainedSuppression: a caselint:ignore without a reason. The engine
// reports it (lint/suppress.go); this is its documentation.
var UnexplainedSuppression = &lint.Rule{
	ID:       lint.UnexplainedSuppressionID,
	Title:    "A caselint:ignore comment gives no reason",
	Severity: lint.Error,
	Family:   FamilyRecordHygiene,
	Text: `Records are evidence: an exception to the procedure is acceptable only when
someone has reviewed it and written down why. A caselint:ignore comment must
name the rule and give the reason after it:

    <!-- caselint:ignore unseen-child Jamie in hospital 2-20 March, seen on the ward -->

One without a reason (or without a rule id), or whose reason is a
placeholder ("TBC", "-", any of the profile's placeholders), a single word
("ok", "x", "agreed") or only a pointer to elsewhere ("see notes", "as
above"), suppresses nothing: the finding it meant to hide is still reported, and so is this. It is always on: no
profile or config can turn it off.

The finding points at the comment.`,
	Bad:      `date = 2026-03-30T10:00:00   # caselint:ignore unseen-child`,
	Good:     `date = 2026-03-30T10:00:00   # caselint:ignore unseen-child Jamie in hospital 2-20 March, seen on the ward by the nurse`,
	Since:    "0.1.0",
	Synonyms: []string{"ignore without reason", "suppression has no reason", "caselint ignore with no reason"},
	Related:  []string{"invalid-record", "unused-suppression"},
	Run:      nil, // reported by the engine
}
