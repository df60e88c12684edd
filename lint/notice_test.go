package lint

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

// TestNoticeKinds: the engine sets each notification's kind where it makes
// it, so that no one has to recognise a notice by its text.
func TestNoticeKinds(t *testing.T) {
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"c/case.md":  {Data: []byte(caseMD)},
		"c/plan.md":  {Data: []byte(planMD(""))},
		"c/empty.md": {Data: []byte{}},
	}
	failing := &Rule{ID: "fails", Title: "test", Severity: Warning, Run: func(*Pass) error { return errors.New("boom") }}
	hist := &Rule{ID: "needs-history", Title: "test", Severity: Warning, Needs: []Need{NeedsHistory}, Run: func(*Pass) error { return nil }}
	res, err := Run(context.Background(), Options{FS: fsys, Rules: append([]*Rule{failing, hist}, hygiene...),
		Profile: prof, AsOf: schema.NewDate(2026, 11, 20), HistoryNote: "not a repository"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[NoticeKind]int{}
	for _, n := range res.Notifications {
		got[n.Kind]++
		if n.Kind == NoticeOther {
			t.Errorf("notification of no kind: %s: %s", n.Path, n.Message)
		}
	}
	for _, k := range []NoticeKind{NoticeHistorySkipped, NoticeNotARecord, NoticeRuleFailed} {
		if got[k] != 1 {
			t.Errorf("%d notifications of kind %s, want 1 (all: %+v)", got[k], k, res.Notifications)
		}
	}
}

// TestHistoryUnreadNotice: a history that could not be read (not one left
// out by design) makes the skipped-history notice an error that makes the
// run incomplete.
func TestHistoryUnreadNotice(t *testing.T) {
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"c/case.md": {Data: []byte(caseMD)}, "c/plan.md": {Data: []byte(planMD(""))}}
	hist := &Rule{ID: "needs-history", Title: "test", Severity: Warning, Needs: []Need{NeedsHistory}, Run: func(*Pass) error { return nil }}
	for _, unread := range []bool{false, true} {
		res, err := Run(context.Background(), Options{FS: fsys, Rules: []*Rule{hist}, Profile: prof, AsOf: schema.NewDate(2026, 11, 20),
			HistoryNote: "the git history could not be read: object not found", HistoryUnread: unread})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Notifications) != 1 {
			t.Fatalf("unread %v: %+v", unread, res.Notifications)
		}
		n := res.Notifications[0]
		want, level := NoticeHistorySkipped, Note
		if unread {
			want, level = NoticeHistoryUnread, Error
		}
		if n.Kind != want || n.Level != level || n.Incomplete() != unread || !strings.HasPrefix(n.Message, HistorySkipped+": ") {
			t.Errorf("unread %v: %+v", unread, n)
		}
	}
}

func TestNoticeKindString(t *testing.T) {
	seen := map[string]bool{}
	for k := NoticeOther; k <= NoticeHistoryUnread; k++ {
		s := k.String()
		if s == "" || seen[s] {
			t.Errorf("kind %d: name %q empty or repeated", k, s)
		}
		seen[s] = true
	}
	if NoticeKind(200).String() != "other" {
		t.Error("an unknown kind is not named other")
	}
}
