package checks

import (
	"fmt"
	"time"
	_ "time/tzdata" // commit dates are read as dates in London, wherever caselint runs

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// LateRecording: a visit or core group record was first committed more than
// the recording limit after the event it records.
var LateRecording = &lint.Rule{
	ID:       "late-recording",
	Title:    "A visit or core group record was first committed more than the recording limit after the event",
	Severity: lint.Warning,
	Family:   FamilyHistory,
	Needs:    []lint.Need{lint.NeedsHistory},
	Reads:    []schema.Kind{schema.KindVisit, schema.KindCoreGroup},
	Cites: []lint.Citation{
		{Source: Stoke, Paragraph: "§05", Quote: "in accordance with the Vulnerable Children and Corporate Parenting recording practice standards"},
		{Source: Oxon, Paragraph: "§1", Quote: "The Plan can be used as evidence in any legal proceedings"},
	},
	Text: `A record of a visit or a core group meeting is evidence of what was seen
and agreed, and it is only good evidence when it was written while the
event was fresh. The rule reads the records' git history and fires when a
visit or core group record was first committed more than the profile's
recording_limit (5 working days by default: caselint's default, as neither
procedure sets a number) after the date it records: the
day of the event is day 0, so a record committed on the 5th working day is
on time. The commit's date is taken as a date in London.

The finding points at the record's date line and names the commit that
first added the record, its author and its date; SARIF carries them in the
result's properties. A record renamed or moved since (its case folder
renamed with git mv) keeps the commit that first added it under its old
name, and one added on a branch the commit on the branch, not the merge.
A record can't be recorded earlier after the fact: if
the delay had a reason (the worker was off sick, the minutes came from
another agency), say so in a caselint:ignore comment on the date line.

The rule needs the repository's history: it is skipped, with a notice,
outside a repository and in a shallow clone. A record not yet committed is
not checked, nor one first committed after the as-of date.`,
	Bad: `# visits/2026-01-12.md, first committed on 2026-01-26 by Aisha Patel
date = 2026-01-12T10:00:00     # 10 working days before it was committed`,
	Good: `# visits/2026-01-12.md, first committed on 2026-01-15 by Aisha Patel
date = 2026-01-12T10:00:00     # committed on the 3rd working day`,
	Since:    "0.1.0",
	Synonyms: []string{"recorded late", "visit written up late", "late entry", "record written up weeks later", "visit not recorded promptly"},
	Related:  []string{"late-minutes", "missing-absent-views", "recorded-before-event", "rewritten-record", "unchaired-core-group"},
	Run:      runLateRecording,
}

func runLateRecording(pass *lint.Pass) error {
	limit := pass.Profile.RecordingLimit
	if pass.History == nil || limit.IsZero() {
		return nil
	}
	for _, r := range historyRecords(pass.Case) {
		first, committed, ok := firstRecorded(pass, r)
		if !ok {
			continue
		}
		due := pass.Calendar.Add(r.date, limit)
		if !committed.After(due) {
			continue
		}
		pass.Report(lint.Diagnostic{
			Doc:        r.doc,
			Offset:     r.doc.At("date"),
			Attributed: &first,
			Message: fmt.Sprintf("this %s on %s was first committed on %s, %d working days after it, by %s (commit %s): a %s is to be recorded within %s of it (caselint's recording limit: the procedure sets no number of days), by %s; if the delay had a reason, say so in a caselint:ignore comment (%s)",
				r.what, r.date.Long(), committed.Long(), pass.Calendar.WorkingDaysAfter(r.date, committed),
				first.Author, shortHash(first.Commit), r.what, cgIntervalWords(limit), due.Long(), cite(pass)),
		})
	}
	return nil
}

// historyRecord is a visit or core group record the history rules check.
type historyRecord struct {
	doc  *schema.Document
	date schema.Date     // the day of the event
	at   schema.DateTime // the day and, when the record gives it, the time of day
	what string          // "visit", "core group"
}

// historyRecords returns the case's visit and core group records that have
// a date, in the case's order.
func historyRecords(c *lint.Case) []historyRecord {
	var out []historyRecord
	for _, v := range c.Visits {
		if v.Doc != nil && !v.Date.IsZero() {
			out = append(out, historyRecord{doc: v.Doc, date: v.Date.Date, at: v.Date, what: "visit"})
		}
	}
	for _, cg := range c.CoreGroups {
		if cg.Doc != nil && !cg.Date.IsZero() {
			out = append(out, historyRecord{doc: cg.Doc, date: cg.Date, at: schema.DateTime{Date: cg.Date}, what: "core group"})
		}
	}
	return out
}

// london is where the records are kept: a commit at 00:30 BST on a Monday
// is Monday's work, though it is Sunday in UTC.
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil { // not with time/tzdata linked in; keep working regardless
		return time.UTC
	}
	return loc
}()

// commitDate is the day version v was committed, in London.
func commitDate(v lint.Version) schema.Date { return schema.DateOf(v.When.In(london)) }

// firstRecorded returns the commit that first added record r and the day
// it was made (in London), or false when r is not committed yet, or was
// first committed after the as-of date (as of that date it had not been
// recorded).
func firstRecorded(pass *lint.Pass, r historyRecord) (lint.Version, schema.Date, bool) {
	vs := pass.History.Versions(r.doc.Source.Path)
	if len(vs) == 0 {
		return lint.Version{}, schema.Date{}, false
	}
	committed := commitDate(vs[0])
	if afterAsOf(pass, committed) {
		return lint.Version{}, schema.Date{}, false
	}
	return vs[0], committed, true
}

// afterAsOf reports whether a commit on day came after the as-of date: as
// of that date it had not happened, and the history rules leave it out.
func afterAsOf(pass *lint.Pass, day schema.Date) bool {
	return !pass.AsOf.IsZero() && day.After(pass.AsOf)
}

// shortHash is the 7-character abbreviation git shows of a commit.
func shortHash(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}
