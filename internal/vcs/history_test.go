package vcs

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/lint"
)

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// checkVersions compares versions with the commits, authors and dates
// wanted, and that each version's content is as wanted.
func checkVersions(t *testing.T, h *History, path string, want []lint.Version, contents []string) {
	t.Helper()
	got := h.Versions(path)
	if len(got) != len(want) {
		t.Fatalf("Versions(%s): %d versions, want %d: %+v", path, len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Commit != w.Commit || g.Author != w.Author || !g.When.Equal(w.When) {
			t.Errorf("Versions(%s)[%d] = %s %q %v, want %s %q %v", path, i, g.Commit, g.Author, g.When, w.Commit, w.Author, w.When)
		}
		data, err := h.Content(path, g)
		if err != nil || string(data) != contents[i] {
			t.Errorf("Content(%s, %d) = %q, %v; want %q", path, i, data, err, contents[i])
		}
	}
}

func TestHistoryVersions(t *testing.T) {
	g := newTestRepo(t)
	const visit = "cases/STK-1/visits/2026-01-05.md"
	g.write("cases/STK-1/case.md", "case\n")
	g.write(visit, "v1\n")
	g.write("notes.txt", "not a record\n")
	c1 := g.commit("Ann Smith", "2026-01-05T17:00:00Z", "visit recorded")
	g.write("cases/STK-2/case.md", "other\n")
	g.write("cases/STK-2/visits/x.md", "other visit\n")
	g.commit("Ben Jones", "2026-01-06T09:00:00Z", "other case")
	g.write(visit, "v2\n")
	g.write("notes.txt", "still not\n")
	c3 := g.commit("Cara Lee", "2026-01-07T09:30:00+01:00", "visit amended")
	g.write("cases/STK-1/case.md", "case v2\n")
	c4 := g.commit("Ann Smith", "2026-01-08T12:00:00Z", "case amended")
	g.write("cases/STK-2/visits/x.md", "other visit v2\n")
	g.write("cases/STK-1/deep/er/still.md", "deep\n")
	c5 := g.commit("Ben Jones", "2026-01-09T12:00:00Z", "deep")
	g.write(visit, "v3\n")
	c6 := g.commit("Dan Roe", "2026-02-10T08:00:00Z", "visit rewritten")
	g.remove("cases/STK-2/visits/x.md")
	g.commit("Ben Jones", "2026-02-11T08:00:00Z", "remove")

	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	checkVersions(t, h, visit, []lint.Version{
		{Commit: c1, Author: "Ann Smith", When: date("2026-01-05T17:00:00Z")},
		{Commit: c3, Author: "Cara Lee", When: date("2026-01-07T08:30:00Z")},
		{Commit: c6, Author: "Dan Roe", When: date("2026-02-10T08:00:00Z")},
	}, []string{"v1\n", "v2\n", "v3\n"})
	checkVersions(t, h, "cases/STK-1/case.md", []lint.Version{
		{Commit: c1, Author: "Ann Smith", When: date("2026-01-05T17:00:00Z")},
		{Commit: c4, Author: "Ann Smith", When: date("2026-01-08T12:00:00Z")},
	}, []string{"case\n", "case v2\n"})
	checkVersions(t, h, "cases/STK-1/deep/er/still.md", []lint.Version{
		{Commit: c5, Author: "Ben Jones", When: date("2026-01-09T12:00:00Z")},
	}, []string{"deep\n"})
	// A deleted file keeps its versions; deletion makes none.
	if vs := h.Versions("cases/STK-2/visits/x.md"); len(vs) != 2 {
		t.Errorf("deleted file: %d versions", len(vs))
	}
	if vs := h.Versions("notes.txt"); vs != nil {
		t.Errorf("a non-Markdown file has versions: %+v", vs)
	}
	if vs := h.Versions("cases/STK-9/case.md"); vs != nil {
		t.Errorf("a file never committed has versions: %+v", vs)
	}
	// The committer date is the version's date, not the author date.
	g.write(visit, "v4\n")
	g.git("add", "-A")
	g.gitEnv([]string{"GIT_AUTHOR_DATE=2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2026-03-01T00:00:00Z"}, "commit", "-q", "-m", "late")
	h, err = g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	vs := h.Versions(visit)
	if len(vs) != 4 || !vs[3].When.Equal(date("2026-03-01T00:00:00Z")) || vs[3].Author != "Test Author" {
		t.Errorf("last version = %+v", vs[len(vs)-1])
	}
}

func TestHistoryMerge(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/STK-1/case.md", "case\n")
	g.write("cases/STK-1/visit.md", "visit v1\n")
	c1 := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.git("checkout", "-q", "-b", "side")
	g.write("cases/STK-1/visit.md", "visit v2 on the side\n")
	c2 := g.commit("Ben Jones", "2026-01-06T10:00:00Z", "side")
	g.git("checkout", "-q", "main")
	g.write("cases/STK-1/case.md", "case v2 on main\n")
	c3 := g.commit("Ann Smith", "2026-01-07T10:00:00Z", "main")
	g.gitEnv([]string{"GIT_AUTHOR_DATE=2026-01-08T10:00:00Z", "GIT_COMMITTER_DATE=2026-01-08T10:00:00Z"},
		"-c", "user.name=Cara Lee", "merge", "-q", "--no-ff", "-m", "merge side", "side")
	m := g.git("rev-parse", "HEAD")
	g.write("cases/STK-1/visit.md", "visit v3\n")
	c5 := g.commit("Dan Roe", "2026-01-09T10:00:00Z", "after")

	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	// The merge takes the side's visit whole: the side's commit made that
	// version, the merge makes none (as git blame sees it); the case file
	// the merge's first parent already had is not a version either.
	checkVersions(t, h, "cases/STK-1/visit.md", []lint.Version{
		{Commit: c1, Author: "Ann Smith", When: date("2026-01-05T10:00:00Z")},
		{Commit: c2, Author: "Ben Jones", When: date("2026-01-06T10:00:00Z")},
		{Commit: c5, Author: "Dan Roe", When: date("2026-01-09T10:00:00Z")},
	}, []string{"visit v1\n", "visit v2 on the side\n", "visit v3\n"})
	_ = m
	checkVersions(t, h, "cases/STK-1/case.md", []lint.Version{
		{Commit: c1, Author: "Ann Smith", When: date("2026-01-05T10:00:00Z")},
		{Commit: c3, Author: "Ann Smith", When: date("2026-01-07T10:00:00Z")},
	}, []string{"case\n", "case v2 on main\n"})

	// A line the side changed is the side's, not the merge's.
	data := []byte("visit v3\n")
	if v, ok := h.LineOrigin("cases/STK-1/visit.md", data, 1); !ok || v.Commit != c5 {
		t.Errorf("LineOrigin = %+v, %v", v, ok)
	}
}

func TestHistoryParentsBeforeChildren(t *testing.T) {
	// A commit dated before its parent still comes after it.
	g := newTestRepo(t)
	g.write("a.md", "1\n")
	c1 := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.write("a.md", "2\n")
	c2 := g.commit("Ann Smith", "2025-12-01T10:00:00Z", "two, clock wrong")
	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	vs := h.Versions("a.md")
	if len(vs) != 2 || vs[0].Commit != c1 || vs[1].Commit != c2 {
		t.Errorf("Versions = %+v", vs)
	}
}

func TestLineOrigin(t *testing.T) {
	g := newTestRepo(t)
	const p = "cases/STK-1/visit.md"
	g.write(p, "+++\ndate = 2026-01-05\n+++\n# Visit\nSeen alone.\nHome warm.\n")
	c1 := g.commit("Ann Smith", "2026-01-05T17:00:00Z", "one")
	g.write("cases/STK-1/case.md", "case\n")
	g.commit("Ben Jones", "2026-01-06T09:00:00Z", "other file")
	g.write(p, "+++\ndate = 2026-01-05\n+++\n# Visit\nSeen alone, in her room.\nHome warm.\n")
	c3 := g.commit("Cara Lee", "2026-01-07T09:00:00Z", "two")
	g.write(p, "+++\ndate = 2026-01-05\n+++\n# Visit\nSeen alone, in her room.\nHome warm.\nNext visit in 10 days.\n")
	c4 := g.commit("Dan Roe", "2026-01-08T09:00:00Z", "three")

	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	committed := []byte("+++\ndate = 2026-01-05\n+++\n# Visit\nSeen alone, in her room.\nHome warm.\nNext visit in 10 days.\n")
	for line, want := range map[int]string{1: c1, 2: c1, 4: c1, 5: c3, 6: c1, 7: c4} {
		if v, ok := h.LineOrigin(p, committed, line); !ok || v.Commit != want {
			t.Errorf("LineOrigin(committed, %d) = %s, %v; want %s", line, v.Commit, ok, want)
		}
	}
	for _, line := range []int{0, 8, 100} {
		if v, ok := h.LineOrigin(p, committed, line); ok {
			t.Errorf("LineOrigin(committed, %d) = %+v, want none", line, v)
		}
	}
	// In the work tree: a line inserted at the top, one changed.
	work := []byte("<!-- note -->\n+++\ndate = 2026-01-05\n+++\n# Visit\nSeen alone, in her room.\nHome cold.\nNext visit in 10 days.\n")
	for line, want := range map[int]string{2: c1, 5: c1, 6: c3, 8: c4} {
		if v, ok := h.LineOrigin(p, work, line); !ok || v.Commit != want {
			t.Errorf("LineOrigin(work, %d) = %s, %v; want %s", line, v.Commit, ok, want)
		}
	}
	for _, line := range []int{1, 7} {
		if v, ok := h.LineOrigin(p, work, line); ok {
			t.Errorf("LineOrigin(work, %d) = %+v, want not committed", line, v)
		}
	}
	if v, ok := h.LineOrigin("cases/STK-1/new.md", []byte("x\n"), 1); ok {
		t.Errorf("LineOrigin of an uncommitted file = %+v", v)
	}
	// Asking from many goroutines at once is safe.
	done := make(chan bool)
	for range 8 {
		go func() {
			v, ok := h.LineOrigin(p, work, 6)
			done <- ok && v.Commit == c3
		}()
	}
	for range 8 {
		if !<-done {
			t.Error("a concurrent LineOrigin went wrong")
		}
	}
}

func TestLineOriginRevert(t *testing.T) {
	// A line changed and changed back was last changed by the revert.
	g := newTestRepo(t)
	g.write("a.md", "one\ntwo\nthree\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	g.write("a.md", "one\nTWO\nthree\n")
	g.commit("Ann Smith", "2026-01-06T10:00:00Z", "two")
	g.write("a.md", "one\ntwo\nthree\n")
	c3 := g.commit("Ben Jones", "2026-01-07T10:00:00Z", "revert")
	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := h.LineOrigin("a.md", []byte("one\ntwo\nthree\n"), 2); !ok || v.Commit != c3 {
		t.Errorf("LineOrigin = %s, %v; want %s", v.Commit, ok, c3)
	}
}

// TestHistoryAgainstGitLog checks the index against git log, which lists
// what every reachable commit changed, and for a merge (with
// --diff-merges=combined) only the files it made different from all its
// parents, on a history of random edits, branches and merges.
func TestHistoryAgainstGitLog(t *testing.T) {
	g := newTestRepo(t)
	rng := rand.New(rand.NewSource(7))
	paths := []string{"a.md", "b.txt", "cases/c1/case.md", "cases/c1/visits/v1.md", "cases/c1/visits/v2.md",
		"cases/c2/case.md", "cases/c2/notes.md", "cases/c2/deep/er/x.md", "other/y.md"}
	day := 0
	commit := func(branch string) {
		for range 1 + rng.Intn(3) {
			p := paths[rng.Intn(len(paths))]
			if rng.Intn(6) == 0 {
				_ = os.Remove(filepath.Join(g.dir, filepath.FromSlash(p)))
			} else {
				g.write(p, fmt.Sprintf("%s on %s, step %d\n", p, branch, day))
			}
		}
		day++
		g.commit("Ann Smith", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(day)*time.Hour).Format(time.RFC3339), "step")
	}
	commit("main")
	for round := range 4 {
		for range 3 {
			commit("main")
		}
		side := fmt.Sprintf("side%d", round)
		g.git("checkout", "-q", "-b", side)
		for range 3 {
			commit(side)
		}
		g.git("checkout", "-q", "main")
		commit("main")
		day++
		g.gitEnv([]string{"GIT_COMMITTER_DATE=" + time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(day)*time.Hour).Format(time.RFC3339)},
			"merge", "-q", "--no-ff", "-X", "theirs", "-m", "merge", side)
	}
	commit("main")

	want := map[string]bool{}
	var commit0 string
	for _, line := range strings.Split(g.git("log", "--full-history", "--diff-merges=combined", "--no-renames", "--diff-filter=AMT",
		"--name-only", "--format=@%H", "--", "*.md"), "\n") {
		switch {
		case strings.HasPrefix(line, "@"):
			commit0 = line[1:]
		case line != "":
			want[commit0+" "+line] = true
		}
	}
	h, err := g.open().History()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for p, vs := range h.allVersions() {
		for _, v := range vs {
			got[v.Commit+" "+p] = true
		}
	}
	if len(want) < 20 {
		t.Fatalf("git log found only %d changes: the test tests little", len(want))
	}
	if !reflect.DeepEqual(got, want) {
		for k := range want {
			if !got[k] {
				t.Errorf("missing %s", k)
			}
		}
		for k := range got {
			if !want[k] {
				t.Errorf("extra %s", k)
				t.Log(g.git("show", "--format=%H %P", "--stat", "-c", strings.Fields(k)[0]))
			}
		}
	}
	// Each path's versions come parents first: no version's commit is an
	// ancestor-descendant inversion of the one before.
	for p, vs := range h.allVersions() {
		for i := 1; i < len(vs); i++ {
			cmd := exec.Command("git", "merge-base", "--is-ancestor", vs[i].Commit, vs[i-1].Commit)
			cmd.Dir = g.dir
			cmd.Env = gitEnv(filepath.Dir(g.dir))
			if cmd.Run() == nil {
				t.Errorf("%s: version %d (%s) is an ancestor of version %d", p, i, vs[i].Commit, i-1)
			}
		}
	}
}

// TestHistoryAuthorDate: each version carries its commit's author date as
// well as its committer date, read afresh and through the cache alike: an
// amended commit keeps the author date of the commit it replaced, and
// lint.Version.Recorded is the earlier of the two.
func TestHistoryAuthorDate(t *testing.T) {
	g := newTestRepo(t)
	const visit = "cases/STK-1/visits/2026-11-12.md"
	g.write(visit, "v1\n")
	g.commit("Ann Smith", "2026-11-12T17:00:00Z", "visit recorded")
	g.gitEnv([]string{"GIT_COMMITTER_DATE=2026-11-24T09:00:00+00:00"}, "commit", "-q", "--amend", "-m", "visit recorded, reworded")

	r := g.open()
	defer func() { _ = r.Close() }()
	fresh, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	if _, use, err := r.CachedHistory(); err != nil || !use.Written { // writes the cache
		t.Fatalf("first cached history: %+v, %v", use, err)
	}
	cached, use, err := r.CachedHistory() // reads it
	if err != nil || use.Known != 1 || use.Read != 0 {
		t.Fatalf("cached history: %+v, %v; want the commit from the cache", use, err)
	}
	for name, h := range map[string]*History{"fresh": fresh, "cached": cached} {
		vs := h.Versions(visit)
		if len(vs) != 1 {
			t.Fatalf("%s: %d versions, want 1", name, len(vs))
		}
		v := vs[0]
		if !v.When.Equal(date("2026-11-24T09:00:00Z")) || !v.Authored.Equal(date("2026-11-12T17:00:00Z")) {
			t.Errorf("%s: committed %v, authored %v; want 24 November and 12 November", name, v.When, v.Authored)
		}
		if !v.Recorded().Equal(date("2026-11-12T17:00:00Z")) {
			t.Errorf("%s: recorded %v, want the author date", name, v.Recorded())
		}
	}
}
