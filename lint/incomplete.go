package lint

import (
	"fmt"
	"strings"
)

// A run is incomplete when it could not read everything it was asked to
// lint, or a rule could not check a case: its findings may lack exactly
// the one that matters (the visit that was not read is the one that says
// the child was not seen), so "no problems" would be false. The lint
// command exits 2 on an incomplete run, after writing the report of what
// it could read. The deliberate notices (a link not followed, a file that
// is not a record, the history rules skipped in a shallow clone) do not
// make a run incomplete: they say what caselint does not read by design.
// A history that is there but could not be read (an object missing, as in
// a treeless clone, or damaged) is not by design: the history rules it
// skipped may hold the finding that matters, so it makes the run
// incomplete.

// Incomplete reports whether notification n says the run is incomplete: a
// file or folder that could not be read (NoticeUnreadable), a rule that
// could not check a case (NoticeRuleFailed), the base of a comparison
// that could not be read in full (NoticeBaseUnread), or a git history
// that could not be read, so that the history rules were skipped
// (NoticeHistoryUnread).
func (n Notification) Incomplete() bool {
	switch n.Kind {
	case NoticeUnreadable, NoticeRuleFailed, NoticeBaseUnread, NoticeHistoryUnread:
		return true
	}
	return false
}

// Incompleteness says why notes make the run incomplete ("1 record could
// not be read: the result is incomplete"), "" when none does.
func Incompleteness(notes []Notification) string {
	var unread, folders, failed, base, history int
	for _, n := range notes {
		switch {
		case !n.Incomplete():
		case n.Kind == NoticeUnreadable && strings.HasSuffix(n.Path, ".md"):
			unread++
		case n.Kind == NoticeUnreadable:
			folders++
		case n.Kind == NoticeRuleFailed:
			failed++
		case n.Kind == NoticeHistoryUnread:
			history++
		default:
			base++
		}
	}
	var why []string
	if unread > 0 {
		why = append(why, fmt.Sprintf("%s could not be read", countOf(unread, "record", "records")))
	}
	if folders > 0 {
		why = append(why, fmt.Sprintf("%s could not be read", countOf(folders, "folder", "folders")))
	}
	if failed > 0 {
		why = append(why, fmt.Sprintf("%s could not check a case", countOf(failed, "rule", "rules")))
	}
	if base > 0 {
		why = append(why, "the base revision could not be read in full")
	}
	if history > 0 {
		why = append(why, "the git history could not be read")
	}
	if len(why) == 0 {
		return ""
	}
	return strings.Join(why, ", ") + ": the result is incomplete"
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
