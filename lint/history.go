package lint

import (
	"errors"
	"strings"
	"time"

	"github.com/caselint/caselint/schema"
)

// History is what git's history says of the record files: it lets the
// history rules (late-recording, recorded-before-event, rewritten-record) see
// when each record was committed and changed, and lets reports say which
// commit last changed the line a finding points at. The vcs package builds one in a single pass
// over the commits; a nil History means the records are not in a repository
// (or its history is shallow), and the history rules stay quiet.
type History interface {
	// Versions returns the commits that added or changed the file at path
	// (a slash path relative to the repository root), oldest first
	// (parents before children), or nil when the file has never been
	// committed. Each change is the commit's that made it, as git blame
	// sees it: a merge that took the file from one side makes no version,
	// the side's commits did. A renamed file's versions go on from its old
	// path's. Under --staged, a staged record that differs from HEAD ends
	// with its pending version (Version.Pending, WithPending): the commit
	// being made.
	Versions(path string) []Version
	// Content returns the file's content as version v committed it. A
	// version over the file size limit is not read: its error matches
	// ErrTooLarge.
	Content(path string, v Version) ([]byte, error)
	// LineOrigin returns the version that last changed line (1-based) of
	// the file whose current content is data, and false when the line is
	// not committed yet (new or changed since the last commit).
	LineOrigin(path string, data []byte, line int) (Version, bool)
}

// Version is one commit's version of a file.
type Version struct {
	Commit string    // full hash
	Author string    // the author's name (not their email)
	When   time.Time // the commit's committer date: when it entered the record
	// Authored is the commit's author date: when the commit was first
	// made, which git commit --amend, a rebase and a cherry-pick keep
	// while they reset the committer date; zero when the history does not
	// say (Recorded).
	Authored time.Time
	Blob     string // the file's blob hash at this version
	// Parents is what the commit changed: the file's blob hash in each of
	// the commit's parents, separated by spaces, "-" where a parent did not
	// have it. For a renamed file it is the blob at its old path; for a
	// merge, there is one for each side. "" when the history does not say
	// (a root commit, a History that does not know): the version before
	// is then taken as the one this one changed. (A string keeps Version
	// comparable.)
	Parents string
	// Pending marks the version the commit being made gives the file
	// (caselint lint --staged, the pre-commit hook): its content is the
	// index's, When is now, and it has no commit yet (Commit and Author
	// are empty). See WithPending.
	Pending bool
}

// Recorded is when the version was first recorded, as its commit says:
// the earlier of its author and committer dates (When where the author
// date is not known). Rewriting history (git commit --amend, a rebase, a
// cherry-pick) moves the committer date to the day of the rewrite and
// keeps the author date, so a record written on time and rewritten later
// is not taken as recorded late. It can only make a version look
// earlier: recorded-before-event, which asks when the content provably
// existed, reads When instead.
func (v Version) Recorded() time.Time {
	if !v.Authored.IsZero() && (v.When.IsZero() || v.Authored.Before(v.When)) {
		return v.Authored
	}
	return v.When
}

// ParentBlobs returns the blobs of the file in the commit's parents that
// had it (see Parents).
func (v Version) ParentBlobs() []string {
	var out []string
	for _, b := range strings.Fields(v.Parents) {
		if b != "-" {
			out = append(out, b)
		}
	}
	return out
}

// ErrTooLarge is matched (errors.Is) by the error of reading a file, or a
// version of one from git's history, over the file size limit
// (Options.MaxFileSize, DefaultMaxFileSize unless the config says): it is
// not read at all.
var ErrTooLarge = errors.New("over the file size limit")

// LaterEventKey reports whether key, in a record of kind, records an event
// that comes after the one the record is of, and so is written into the
// record when that later event happens: a core group's minutes_circulated
// (the minutes go out after the meeting: Stoke-on-Trent C06 §05 "within 3
// working days", Oxfordshire 1.8 §5.5 "promptly", which caselint reads as
// by the next meeting), and a visit's escalated_to and escalated (the
// "immediate discussion with the lead worker's line manager" after a
// refusal). Writing one where the record had none, or had a placeholder,
// changes nothing the record said of the event itself (rewritten-record);
// changing or removing a value it had is a change like any other.
func LaterEventKey(kind schema.Kind, key string) bool {
	switch kind {
	case schema.KindCoreGroup:
		return key == "minutes_circulated"
	case schema.KindVisit:
		return key == "escalated_to" || key == "escalated"
	}
	return false
}
