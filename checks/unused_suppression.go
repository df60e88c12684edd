package checks

import "github.com/caselint/caselint/lint"

// UnusedSuppression: a caselint:ignore that suppresses nothing. The engine
// reports it (lint/suppress.go); this is its documentation.
var UnusedSuppression = &lint.Rule{
	ID:       lint.UnusedSuppressionID,
	Title:    "A caselint:ignore comment suppresses nothing",
	Severity: lint.Warning,
	Family:   FamilyRecordHygiene,
	Text: `A caselint:ignore comment records a reviewed exception: a finding the team
has looked at and accepted, with the reason. Once the record is put right,
or when the comment is on the wrong line, it suppresses nothing, and a stale
exception would hide the next real finding on that line. The rule fires for
a reasoned caselint:ignore that matched no finding of its rule on the line
it covers (the next line for a comment on a line of its own, its own line
for a trailing comment), and for one that names no known rule.

An ignore of a rule the profile turns off is not reported: the same record
may be linted under another profile.

The finding points at the comment. Remove it, or move it to the line the
finding is on.`,
	Bad: `<!-- caselint:ignore unnamed-action-owner Owner agreed at the next core group -->
| A1 | Take Jamie to school each morning | Sam Doe | weekly | O1 |`,
	Good:     `| A1 | Take Jamie to school each morning | Sam Doe | weekly | O1 |`,
	Since:    "0.1.0",
	Synonyms: []string{"ignore suppresses nothing", "unused ignore", "suppression not needed"},
	Related:  []string{"invalid-record", "unexplained-suppression"},
	Run:      nil, // reported by the engine
}
