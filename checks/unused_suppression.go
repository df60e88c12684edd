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

On a line every instance of a problem shares (a gap still open, on
plan.md's started line), an ignore covers only the earliest instance, the
one its reason was written about, and only while no earlier instance of its
rule is on record in the case: an ignore cannot know of a gap that had not
opened. Once that gap has closed, the comment is reported when it covers
nothing, and, when a later gap stands on its line, says that it was
written about an earlier instance and names the day the one reported
opened: that gap is reported, not hidden.

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
