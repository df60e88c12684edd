package lint

import (
	"context"
	"errors"
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

func TestNoticeKindString(t *testing.T) {
	seen := map[string]bool{}
	for k := NoticeOther; k <= NoticeBaseUnread; k++ {
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
