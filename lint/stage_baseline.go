package lint

import (
	"context"
	"fmt"
	"strconv"
)

// BaselineStage hides the findings the baseline lists (Baseline.Hide) and
// says, in one notice, how many it hid and how many of its entries no
// longer match, with a notice for each of those (the first
// staleListedMax), so that the baseline shrinks. load returns the
// baseline, nil when there is none, and notices to give whatever it is
// (why there is none: the lint command's "not staged"); it is called once,
// before the first finding is looked at. inScope is the run's
// LintedScope.
func BaselineStage(load func() (*Baseline, []Notification, error), inScope func() func(string) bool) Stage {
	var (
		loaded  bool
		h       *baselineHider
		notes   []Notification
		loadErr error
	)
	open := func() error {
		if loaded {
			return loadErr
		}
		loaded = true
		var b *Baseline
		if b, notes, loadErr = load(); loadErr == nil && b != nil {
			h = b.hider()
		}
		return loadErr
	}
	return Stage{Name: "baseline",
		Findings: func(batch []Finding) ([]Finding, error) {
			if err := open(); err != nil || h == nil {
				return batch, err
			}
			return h.hide(batch), nil
		},
		Apply: func(_ context.Context, res *Result) error {
			if err := open(); err != nil {
				return err
			}
			res.Notifications = append(res.Notifications, notes...)
			if h == nil {
				return nil
			}
			stale := h.stale(inScope())
			res.Baselined += h.hidden
			res.Notifications = append(res.Notifications, baselineNotices(h.b.Name, h.hidden, stale)...)
			return nil
		}}
}

// staleListedMax is how many stale entries get a notice each; the summary
// counts them all.
const staleListedMax = 20

func baselineNotices(name string, hidden int, stale []BaselineEntry) []Notification {
	if hidden == 0 && len(stale) == 0 {
		return nil
	}
	msg := fmt.Sprintf("baseline %s: %s hidden", name, plural(hidden, "finding", "findings"))
	if len(stale) > 0 {
		msg += fmt.Sprintf(", %s no longer %s (put right, or its line changed); run caselint baseline to drop %s",
			plural(len(stale), "entry", "entries"), map[bool]string{true: "matches", false: "match"}[len(stale) == 1],
			map[bool]string{true: "it", false: "them"}[len(stale) == 1])
	}
	out := []Notification{{Kind: NoticeBaseline, Level: Note, Message: msg}}
	for i, e := range stale {
		if i == staleListedMax {
			out = append(out, Notification{Kind: NoticeBaseline, Level: Note, Message: fmt.Sprintf(
				"baseline %s: %d more entries no longer match", name, len(stale)-staleListedMax)})
			break
		}
		out = append(out, Notification{Kind: NoticeBaseline, Level: Note, Path: e.Path, Message: fmt.Sprintf(
			"baseline %s:%d: %s %s matches no finding now", name, e.Line, e.RuleID, e.Fingerprint)})
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
