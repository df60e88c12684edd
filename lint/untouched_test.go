package lint

import (
	"context"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

// openLog is an fs.FS that records every path opened in it.
type openLog struct {
	fs.FS
	mu     sync.Mutex
	opened []string
}

func (o *openLog) Open(name string) (fs.File, error) {
	o.mu.Lock()
	o.opened = append(o.opened, name)
	o.mu.Unlock()
	return o.FS.Open(name)
}

// TestUntouchedCasesCarried lints two ends of a change, as --new-from-rev
// does, one case touched: the second run takes the untouched cases from
// the first (Options.Untouched) and finds what it finds linting its own
// tree whole, a nested case's id and an id spelt with an escape included,
// without listing the untouched case folders or opening anything in them,
// not even to see that their case.md is there (the first run saw it), but
// a case.md whose id is a linted case's, parsed for where it says it.
func TestUntouchedCasesCarried(t *testing.T) {
	record := func(id string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntype = \"case\"\nid = \"" + id + "\"\n+++\n")}
	}
	untouched := fstest.MapFS{
		"cases/b/case.md":          record("T-1"),
		"cases/b/visits/v.md":      {Data: []byte("+++\ntype = \"visit\"\n+++\n")},
		"cases/c/case.md":          record("T-5"),
		"cases/c/inner/case.md":    record("T-0"), // a case inside a case
		"cases/d/case.md":          record(`T\u002d0`),
		"cases/e/case.md":          record("T-7"),
		"cases/e/core-group/cg.md": {Data: []byte("+++\ntype = \"core-group\"\n+++\n")},
	}
	now, rev := fstest.MapFS{"cases/a/case.md": record("T-1")}, fstest.MapFS{"cases/a/case.md": record("T-0")}
	for p, f := range untouched {
		now[p], rev[p] = f, f
	}
	prof, _ := ShippedProfile(ProfileCombined)
	run := func(fsys fs.FS, touched func(string) bool, kept *UntouchedCases) *Result {
		t.Helper()
		res, err := Run(context.Background(), Options{FS: fsys, Rules: hygiene, Profile: prof, AsOf: schema.NewDate(2026, 11, 20),
			MaxFileSize: DefaultMaxFileSize, Touched: touched, Untouched: kept})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	touched := func(unit string) bool { return unit == "cases/a" }
	wantNow, wantRev := run(now, touched, nil), run(rev, touched, nil)
	if len(wantNow.Findings) == 0 || len(wantRev.Findings) == 0 {
		t.Fatalf("the reused ids were not found: now %+v, at the base %+v", wantNow.Findings, wantRev.Findings)
	}
	kept := &UntouchedCases{}
	if got := run(now, touched, kept); !reflect.DeepEqual(got.Findings, wantNow.Findings) {
		t.Errorf("now, keeping the untouched cases: %+v\nwant %+v", got.Findings, wantNow.Findings)
	}
	log := &openLog{FS: rev}
	if got := run(log, touched, kept); !reflect.DeepEqual(got.Findings, wantRev.Findings) {
		t.Errorf("at the base, taking them: %+v\nwant %+v", got.Findings, wantRev.Findings)
	}
	// Opened: whether cases is a case, and the two case.md files whose
	// ids are the touched case's there.
	parsed := []string{"cases/case.md", "cases/c/inner/case.md", "cases/d/case.md"}
	for _, p := range log.opened {
		if strings.HasPrefix(p, "cases/") && !strings.HasPrefix(p, "cases/a") && !slices.Contains(parsed, p) {
			t.Errorf("at the base, %s was opened", p)
		}
	}
	// A run for which a case kept is touched lists its folder itself.
	alsoInner := func(unit string) bool { return unit == "cases/a" || unit == "cases/c/inner" }
	want := run(rev, alsoInner, nil)
	log = &openLog{FS: rev}
	if got := run(log, alsoInner, kept); !reflect.DeepEqual(got.Findings, want.Findings) || !slices.Contains(log.opened, "cases/c/inner") {
		t.Errorf("a case kept touched at the base: %+v (opened %v)\nwant %+v", got.Findings, log.opened, want.Findings)
	}
}
