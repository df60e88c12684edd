package checks

import (
	"fmt"
	"slices"
	"strings"
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
	Reads:    eventRecordKinds,
	Cites:    recordsAsEvidence,
	Text: `A record of a visit or a core group meeting is evidence of what was seen
and agreed, and it is only good evidence when it was written while the
event was fresh. The rule reads the records' git history and fires when a
visit or core group record was first committed more than the profile's
recording_limit (5 working days by default: caselint's default, as neither
procedure sets a number) after the date it records: the
day of the event is day 0, so a record committed on the 5th working day is
on time. The commit's date is taken as a date in London.

The day a record was first committed is the earlier of the author date
and the committer date of the commit that first holds it. git commit
--amend, a rebase and a cherry-pick set the committer date to the day of
the rewrite and keep the author date, so a visit committed on 12 November
and amended on 24 November was recorded on 12 November. (A squash merge
makes a new commit with both dates new: the record is first committed by
the merge. And an author date set by hand, git commit --date, is taken
as given.)

The finding points at the record's date line and names the commit that
first added the record, its author and its date; SARIF carries them in the
result's properties. A record renamed or moved since (its case folder
renamed with git mv) keeps the commit that first added it under its old
name, and one added on a branch the commit on the branch, not the merge.
A record can't be recorded earlier after the fact: if
the delay had a reason (the worker was off sick, the minutes came from
another agency), say so in a caselint:ignore comment on the date line.

Records kept before the team used git (on paper, in another system) and
committed together carry the date of that commit, not of their writing. So
when one commit first added three or more of a case's visit and core group
records, each late, the rule takes them as a bulk import and reports them
once, at the earliest record's date line, naming the commit and how many
records it brought in, rather than once for each: check they were recorded
on time where they were kept, and say so in a caselint:ignore comment on
that line, or keep the finding in the baseline (caselint baseline; see
docs/adopting.md). One or two late records committed together are each
reported: a record written up late is late however it is committed.

Run as the pre-commit hook (caselint lint --staged), the rule judges a
staged record as the commit being made will make it: a record that commit
first adds is first committed now, and the finding says it is being
committed, naming no commit. A record in the work tree not yet committed
is not checked (the work tree is not being committed), nor one first
committed after the as-of date (linted as of an earlier day, the commit
being made is after it too).

The rule needs the repository's history: it is skipped, with a notice,
outside a repository and in a shallow clone.`,
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
	var late []lateRecord
	for _, r := range historyRecords(pass.Case) {
		first, committed, ok := firstRecorded(pass, r, recordedDate)
		if !ok {
			continue
		}
		due := pass.Calendar.Add(r.date, limit)
		if committed.After(due) {
			late = append(late, lateRecord{historyRecord: r, first: first, committed: committed, due: due})
		}
	}
	imports := bulkImports(late)
	for _, l := range late {
		if batch, ok := imports[l.first.Commit]; ok {
			if batch[0].doc == l.doc { // said once, at the earliest
				reportBulkImport(pass, batch)
			}
			continue
		}
		first := l.first
		committed := fmt.Sprintf("was first committed on %s, %d working days after it, by %s (commit %s)",
			l.committed.Long(), pass.Calendar.WorkingDaysAfter(l.date, l.committed), first.Author, shortHash(first.Commit))
		if first.Pending {
			committed = fmt.Sprintf("is being committed now, on %s, %d working days after it",
				l.committed.Long(), pass.Calendar.WorkingDaysAfter(l.date, l.committed))
		}
		pass.Report(lint.Diagnostic{
			Doc:        l.doc,
			Offset:     l.doc.At("date"),
			Attributed: &first,
			Message: fmt.Sprintf("this %s on %s %s: a %s is to be recorded within %s of it (caselint's recording limit: the procedure sets no number of days), by %s; if the delay had a reason, say so in a caselint:ignore comment (%s)",
				l.what, l.date.Long(), committed, l.what, cgIntervalWords(limit), l.due.Long(), cite(pass)),
		})
	}
	return nil
}

// lateRecord is a record first committed after the recording limit.
type lateRecord struct {
	historyRecord
	first     lint.Version // the commit that first added it
	committed schema.Date  // its day, in London
	due       schema.Date  // the last day it was on time
}

// bulkImportMin is how many of a case's records, each late, one commit
// must first add to be a bulk import: records kept before (on paper, in
// another system) and brought into git at once, whose commit says when
// they were imported, not when they were written. Fewer are judged one by
// one: a record, or two, written up late and committed together is late.
const bulkImportMin = 3

// bulkImports groups the late records by the commit that first added them
// and returns the groups of a bulk import (bulkImportMin or more), each by
// its commit, its records by date (then in the case's order).
func bulkImports(late []lateRecord) map[string][]lateRecord {
	by := map[string][]lateRecord{}
	for _, l := range late {
		by[l.first.Commit] = append(by[l.first.Commit], l)
	}
	for c, batch := range by {
		if len(batch) < bulkImportMin {
			delete(by, c)
			continue
		}
		slices.SortStableFunc(batch, func(a, b lateRecord) int { return a.date.Compare(b.date) })
	}
	return by
}

// reportBulkImport reports a bulk import once, at the date line of its
// earliest record, in place of a finding for each record.
func reportBulkImport(pass *lint.Pass, batch []lateRecord) {
	first := batch[0].first
	var visits, groups int
	for _, l := range batch {
		if l.what == "visit" {
			visits++
		} else {
			groups++
		}
	}
	var what []string
	if visits > 0 {
		what = append(what, countWords(visits, "visit record", "visit records"))
	}
	if groups > 0 {
		what = append(what, countWords(groups, "core group record", "core group records"))
	}
	committed := fmt.Sprintf("were first committed together on %s by %s (commit %s)", batch[0].committed.Long(), first.Author, shortHash(first.Commit))
	if first.Pending {
		committed = fmt.Sprintf("are being committed together now, on %s", batch[0].committed.Long())
	}
	pass.Report(lint.Diagnostic{
		Doc:        batch[0].doc,
		Offset:     batch[0].doc.At("date"),
		Attributed: &first,
		Message: fmt.Sprintf("%s of this case, dated from %s to %s, %s, each more than %s after its event: taken as records kept before and imported into git at once, said once here rather than for each; git says when they were imported, not when they were written, so check they were recorded within %s where they were kept (caselint's recording limit: the procedure sets no number of days), and say so in a caselint:ignore comment, or keep this finding in the baseline (caselint baseline) (%s)",
			strings.Join(what, " and "), batch[0].date.Long(), batch[len(batch)-1].date.Long(), committed,
			cgIntervalWords(pass.Profile.RecordingLimit), cgIntervalWords(pass.Profile.RecordingLimit), cite(pass)),
	})
}

// countWords is n with the noun that goes with it: "1 visit record", "3
// visit records".
func countWords(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
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

// recordedDate is the day version v was recorded, in London: the earlier
// of its commit's author and committer dates (lint.Version.Recorded), so
// that amending, rebasing or cherry-picking a commit, which moves its
// committer date to the day of the rewrite, does not make a record
// written on time look late (late-recording), nor a correction made in
// time look like a rewrite (rewritten-record).
func recordedDate(v lint.Version) schema.Date { return schema.DateOf(v.Recorded().In(london)) }

// committedDate is the day version v's commit was made, in London: its
// committer date, when the content provably stood in a commit
// (recorded-before-event).
func committedDate(v lint.Version) schema.Date { return schema.DateOf(v.When.In(london)) }

// firstRecorded returns the commit that first added record r and its day
// (in London) as dateOf gives it, or false when r is not committed yet,
// or was first committed after the as-of date (as of that date it had not
// been recorded).
func firstRecorded(pass *lint.Pass, r historyRecord, dateOf func(lint.Version) schema.Date) (lint.Version, schema.Date, bool) {
	vs := pass.History.Versions(r.doc.Source.Path)
	if len(vs) == 0 {
		return lint.Version{}, schema.Date{}, false
	}
	committed := dateOf(vs[0])
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
