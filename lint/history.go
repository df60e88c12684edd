package lint

import (
	"errors"
	"time"
)

// History is what git's history says of the record files: it lets the
// history rules (late-recording, recorded-before-event, rewritten-record) see
// when each record was committed and changed, and lets reports say which
// commit last changed the line a finding points at. The vcs package builds one in a single pass
// over the commits; a nil History means the records are not in a repository
// (or its history is shallow), and the history rules stay quiet.
type History interface {
	// Versions returns the commits that added or changed the file at path
	// (a slash path relative to the repository root), oldest first, or nil
	// when the file has never been committed. Renames are not followed.
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
	Blob   string    // the file's blob hash at this version
}

// ErrTooLarge is matched (errors.Is) by the error of reading a file, or a
// version of one from git's history, over the file size limit
// (Options.MaxFileSize, DefaultMaxFileSize unless the config says): it is
// not read at all.
var ErrTooLarge = errors.New("over the file size limit")
