package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// InvalidRecord: a file is not a valid case record, or the case is not a
// valid set of records.
var InvalidRecord = &lint.Rule{
	ID:       lint.InvalidRecordID,
	Title:    "The record is not a valid case record",
	Severity: lint.Error,
	Family:   FamilyRecordHygiene,
	Reads:    schema.Kinds,
	Cites: []lint.Citation{
		{Source: RecordFormat, Paragraph: "", Quote: "What is an invalid record"},
	},
	Text: `Every other rule reads facts from the records, so a record it cannot read
would make them silently miss problems. This rule reports what makes a file
an invalid record, at the line and column of the problem:

- frontmatter that does not parse, never closes, or is YAML (---): records
  use TOML between +++ lines;
- in a case folder, a file that shows a record caselint cannot read: an
  opening line that is not exactly +++ (a space before it, a no-break
  space after it, ++++), a type line with no frontmatter around it, YAML
  under a title, or a file saved as UTF-16; never skipped as a note;
- a second record appended to a record's file (one record per file);
- a merge conflict left unresolved (lines opening <<<<<<< and >>>>>>>):
  the file holds two versions of the record, and either may be wrong;
- a file that is not valid UTF-8;
- a missing or unknown type, a missing required key, an unknown key (a typo
  such as seen_alon, with a "did you mean"), a value of the wrong type (a
  date written as a string), an impossible date (2026-02-30);
- a frontmatter reference to a person who is neither the child nor among the
  people in case.md (action owners are unnamed-action-owner's concern);
- a date of birth after the as-of date: a birth is recorded once it has
  happened (2081 for 2018, or the expected date written in advance); the
  rules about seeing the child then count from the start of the plan, as
  for a child with no date of birth, rather than wait for that day;
- a typed record with no case.md above it;
- a case with no plan (reported on case.md), or with two (on the second);
- two cases with the same id (on the second case.md's id).

It is always on: no profile or config can turn it off. The rest of the tree
is still linted, and the rules say nothing about facts they could not read.`,
	Bad: `+++
type = "visit"
date = "2026-01-19"
by = "Aisha Patel"
child_seen = true
seen_alon = true
+++`,
	Good: `+++
type = "visit"
date = 2026-01-19T16:30:00
by = "Aisha Patel"
child_seen = true
seen_alone = true
+++`,
	Since:    "0.1.0",
	Synonyms: []string{"record not valid", "broken record", "record format wrong", "frontmatter missing or wrong"},
	Related:  []string{"unexplained-suppression", "unused-suppression"},
	Run:      runInvalidRecord,
}

// runInvalidRecord reports the problems the parser and the case assembly
// recorded on each document.
func runInvalidRecord(pass *lint.Pass) error {
	for _, d := range pass.Case.Documents {
		if d == nil {
			continue
		}
		for _, p := range d.Problems {
			// Msg keeps what the message quotes apart, for --redact.
			pass.Report(lint.Diagnostic{Doc: d, Offset: p.Offset, Message: p.Message, Msg: p.Msg})
		}
	}
	if c := pass.Case; c.BornInFuture() && c.Record != nil && c.Record.Doc != nil {
		child, born := c.ChildName(), c.Child().Born
		pass.Reportf(c.Record.Doc, childKeyAt(c.Record.Doc, "born"),
			"%s's date of birth is recorded as %s, a day still to come on %s: a birth is recorded once it has happened; correct the date, or, if %s is not yet born, write unborn = true and expected = %s instead; until then the rules about seeing %s count from the start of the plan",
			child, born.Long(), pass.AsOf.Long(), child, born, child)
	}
	return nil
}
