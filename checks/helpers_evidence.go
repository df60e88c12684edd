package checks

import (
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// The three rules on when a record of an event was written and changed
// (late-recording, recorded-before-event, rewritten-record) read the same
// records and stand on the same words of the procedures: a visit or core
// group record is evidence, written to the recording standards. Those facts
// live here once.

// eventRecordKinds are the records of an event that was seen or held: the
// visit and the core group meeting.
var eventRecordKinds = []schema.Kind{schema.KindVisit, schema.KindCoreGroup}

// recordsAsEvidence cites the procedures' words that make a record of an
// event evidence, to be written to the recording standards.
var recordsAsEvidence = []lint.Citation{
	{Source: Stoke, Paragraph: "§05", Quote: "in accordance with the Vulnerable Children and Corporate Parenting recording practice standards"},
	{Source: Oxon, Paragraph: "§1", Quote: "The Plan can be used as evidence in any legal proceedings"},
}
