package checks

import (
	"fmt"

	"github.com/caselint/caselint/lint"
)

// RecordedBeforeEvent: a visit or core group record was first committed
// before the event it records.
var RecordedBeforeEvent = &lint.Rule{
	ID:       "recorded-before-event",
	Title:    "A visit or core group record was first committed before the event it records",
	Severity: lint.Error,
	Family:   FamilyHistory,
	Needs:    []lint.Need{lint.NeedsHistory},
	Reads:    eventRecordKinds,
	Cites:    recordsAsEvidence,
	Text: `A record of a visit or a core group meeting is evidence of what was seen
and agreed: it can only be written once the event has happened. A record
that was in the case before the day it records is either dated wrongly or
written ahead of the event, and neither is evidence of it.

The rule reads the records' git history and fires when a visit or core
group record was first committed on a day before the date it records. When
a visit record gives the time of day (date = 2026-01-12T14:00:00), a first
commit earlier that same day, before that time, fires too; a record that
gives only the day, committed on that day, does not (it cannot be told).
Commit times are taken as times in London, as the records' dates and times
are written. The time is the commit's committer date, when the record
provably stood in a commit, not its author date: an amended commit keeps
the author date of the commit it replaced, which may not have held the
record yet.

The finding points at the record's date line and names the commit that
first added the record, its author and its date; SARIF carries them in the
result's properties. If the date or time is wrong, put it right and say so
in the body; a visit or meeting still to come is not recorded until it has
happened.

Run as the pre-commit hook (caselint lint --staged), the rule judges a
staged record as the commit being made will make it, now: a visit staged
before the day it records is stopped before it is committed, and the
finding says it is being committed, naming no commit. A record in the
work tree not yet committed is not checked (the work tree is not being
committed), nor one first committed after the as-of date (linted as of an
earlier day, the commit being made is after it too).

The rule needs the repository's history: it is skipped, with a notice,
outside a repository and in a shallow clone.`,
	Bad: `# visits/2026-01-12.md, first committed on 2026-01-09 by Aisha Patel
date = 2026-01-12T10:00:00     # three days after it was committed`,
	Good: `# visits/2026-01-12.md, first committed on 2026-01-12 at 16:40 by Aisha Patel
date = 2026-01-12T10:00:00     # committed after the visit`,
	Since:    "0.1.0",
	Synonyms: []string{"recorded before visit happened", "written before the event", "record committed before it happened", "entry made in advance"},
	Related:  []string{"late-recording", "rewritten-record"},
	Run:      runRecordedBeforeEvent,
}

func runRecordedBeforeEvent(pass *lint.Pass) error {
	if pass.History == nil {
		return nil
	}
	for _, r := range historyRecords(pass.Case) {
		// The committer date, not the earlier author date late-recording
		// reads: the author date of an amended commit is that of the
		// commit it replaced, whose content may not have held this record
		// yet, and is set by whoever commits (git commit --date).
		first, committed, ok := firstRecorded(pass, r, committedDate)
		if !ok {
			continue
		}
		local := first.When.In(london)
		var when string
		switch {
		case committed.Before(r.at.Date):
			n := committed.DaysUntil(r.at.Date)
			when = fmt.Sprintf("on %s, %d %s before it", committed.Long(), n, historyWord(n, "day", "days"))
		case committed == r.at.Date && r.at.HasTime && local.Hour()*60+local.Minute() < r.at.Hour*60+r.at.Minute:
			when = fmt.Sprintf("at %02d:%02d that day, before it", local.Hour(), local.Minute())
			if first.Pending {
				when = fmt.Sprintf("at %02d:%02d on %s, before it", local.Hour(), local.Minute(), committed.Long())
			}
		default:
			continue
		}
		committedWords := fmt.Sprintf("was first committed %s, by %s (commit %s)", when, first.Author, shortHash(first.Commit))
		if first.Pending {
			committedWords = fmt.Sprintf("is being committed now, %s", when)
		}
		event := fmt.Sprintf("%s on %s", r.what, r.at.Date.Long())
		if r.at.HasTime {
			event = fmt.Sprintf("%s at %02d:%02d on %s", r.what, r.at.Hour, r.at.Minute, r.at.Date.Long())
		}
		pass.Report(lint.Diagnostic{
			Doc:        r.doc,
			Offset:     r.doc.At("date"),
			Attributed: &first,
			Message: fmt.Sprintf("this %s %s: a record is evidence of what happened and cannot be written before it; if the date or time is wrong, put it right and say so in the body, and if the %s has not happened yet, it is not recorded until it has (%s)",
				event, committedWords, r.what, cite(pass)),
		})
	}
	return nil
}
