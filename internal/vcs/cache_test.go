package vcs

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

// randomHistory makes commits of random edits on main, with side branches
// merged back, dated from 1 January 2026 on, some in other time zones.
func randomHistory(g *testRepo, rng *rand.Rand, rounds int) {
	paths := []string{"a.md", "b.txt", "cases/c1/case.md", "cases/c1/visits/v1.md", "cases/c1/visits/v2.md",
		"cases/c2/case.md", "cases/c2/notes.md", "cases/c2/deep/er/x.md", "other/y.md", "cases/c1-a.md"}
	step := 0
	zones := []string{"Z", "+01:00", "-05:30", "+00:00"}
	when := func() string {
		step++
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(step)*time.Hour).Format("2006-01-02T15:04:05") + zones[rng.Intn(len(zones))]
	}
	// Files are deleted only while no side branch is open: git merge
	// cannot settle a file deleted on one side and changed on the other.
	commit := func(branch string, deletes bool) {
		for range 1 + rng.Intn(3) {
			p := paths[rng.Intn(len(paths))]
			if deletes && rng.Intn(6) == 0 {
				_ = os.Remove(filepath.Join(g.dir, filepath.FromSlash(p)))
			} else {
				g.write(p, fmt.Sprintf("%s on %s, step %d\n", p, branch, step))
			}
		}
		g.commit([]string{"Ann Smith", "Ben Jones"}[rng.Intn(2)], when(), "step")
	}
	commit("main", true)
	for round := range rounds {
		for range 2 {
			commit("main", true)
		}
		side := fmt.Sprintf("side%d-%d", round, rng.Int())
		g.git("checkout", "-q", "-b", side)
		for range 2 {
			commit(side, false)
		}
		g.git("checkout", "-q", "main")
		commit("main", false)
		d := when()
		g.gitEnv([]string{"GIT_COMMITTER_DATE=" + d, "GIT_AUTHOR_DATE=" + d},
			"merge", "-q", "--no-ff", "-X", "theirs", "-m", "merge", side)
	}
}

// cachedHistory builds the history through the cache, checks that it is
// the history History builds, and returns what the cache did.
func cachedHistory(t *testing.T, g *testRepo) CacheUse {
	t.Helper()
	r := g.open()
	defer func() { _ = r.Close() }()
	want, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	got, use, err := r.CachedHistory()
	if err != nil {
		t.Fatal(err)
	}
	checkAlone(t, got)
	if gotAll, wantAll := got.allVersions(), want.allVersions(); !reflect.DeepEqual(gotAll, wantAll) {
		for p, vs := range wantAll {
			if !reflect.DeepEqual(gotAll[p], vs) {
				t.Errorf("%s: through the cache %+v, want %+v", p, gotAll[p], vs)
			}
		}
		for p := range gotAll {
			if _, ok := wantAll[p]; !ok {
				t.Errorf("%s: through the cache, and not in the history", p)
			}
		}
		t.FailNow()
	}
	return use
}

func TestCachedHistoryIsHistory(t *testing.T) {
	g := newTestRepo(t)
	rng := rand.New(rand.NewSource(11))
	randomHistory(g, rng, 3)
	count := func() int {
		var n int
		_, _ = fmt.Sscan(g.git("rev-list", "--count", "HEAD"), &n)
		return n
	}
	commits := count()

	// The first run reads every commit and keeps them.
	use := cachedHistory(t, g)
	if use.Err != nil || use.Known != 0 || use.Read != commits || !use.Written {
		t.Fatalf("first run: %+v, want all %d commits read and the cache written", use, commits)
	}
	want := filepath.Join(g.dir, ".git", "caselint", "history")
	if use.Path != want {
		t.Errorf("cache at %s, want %s", use.Path, want)
	}
	if st, err := os.Stat(use.Path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("cache file: %v, %v; want mode 0600", st, err)
	}
	if st, err := os.Stat(filepath.Dir(use.Path)); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("cache folder: %v, %v; want mode 0700", st, err)
	}

	// The next reads none and writes nothing.
	if use := cachedHistory(t, g); use.Err != nil || use.Known != commits || use.Read != 0 || use.Written {
		t.Errorf("second run: %+v, want all %d commits from the cache", use, commits)
	}

	// New commits, a merge among them: only they are read.
	randomHistory(g, rng, 1)
	if use := cachedHistory(t, g); use.Err != nil || use.Known != commits || use.Read != count()-commits || !use.Written {
		t.Errorf("after new commits: %+v, want %d known and %d read", use, commits, count()-commits)
	}

	// An amended commit: the one it replaces is no longer reached.
	g.write("cases/c1/visits/v1.md", "amended\n")
	g.git("add", "-A")
	g.gitEnv([]string{"GIT_COMMITTER_DATE=2026-03-01T10:00:00Z"}, "commit", "-q", "--amend", "-m", "amended")
	if use := cachedHistory(t, g); use.Err != nil || use.Read != 1 {
		t.Errorf("after an amend: %+v, want the one new commit read", use)
	}

	// Back to an older commit, and a branch from there: nothing is read for
	// the older commit, and the branch's commits are.
	g.git("reset", "-q", "--hard", "HEAD~5")
	if use := cachedHistory(t, g); use.Err != nil || use.Read != 0 {
		t.Errorf("after a reset: %+v, want nothing read", use)
	}
	g.git("checkout", "-q", "-b", "later")
	randomHistory(g, rng, 1)
	cachedHistory(t, g)

	// A clock that ran backwards: a child dated before its parent.
	g.write("a.md", "clock wrong\n")
	g.commit("Ann Smith", "2025-06-01T10:00:00Z", "clock wrong")
	cachedHistory(t, g)
	if use := cachedHistory(t, g); use.Read != 0 {
		t.Errorf("last run: %+v, want nothing read", use)
	}
}

func TestCachedHistoryDamagedCache(t *testing.T) {
	g := newTestRepo(t)
	randomHistory(g, rand.New(rand.NewSource(3)), 1)
	use := cachedHistory(t, g)
	good, err := os.ReadFile(use.Path)
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 0x40
	// The same cache said to be of the next format, with a checksum that matches.
	otherVersion := bytes.Clone(good[:len(good)-4])
	otherVersion[len(cacheMagic)] = cacheVersion + 1
	otherVersion = binary.LittleEndian.AppendUint32(otherVersion, crc32.ChecksumIEEE(otherVersion))
	for name, data := range map[string][]byte{
		"empty":          {},
		"garbage":        []byte("not a cache at all\n"),
		"truncated":      good[:len(good)-9],
		"a byte flipped": flipped,
		"other version":  otherVersion,
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(use.Path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			// The history is right, the cache's fault said, and the cache
			// written anew.
			u := cachedHistory(t, g)
			if u.Err == nil || u.Known != 0 || !u.Written {
				t.Errorf("damaged cache: %+v, want an error, nothing known and the cache rewritten", u)
			}
			if u := cachedHistory(t, g); u.Err != nil || u.Read != 0 {
				t.Errorf("after the rewrite: %+v", u)
			}
		})
	}
}

func TestCachedHistoryCannotWrite(t *testing.T) {
	g := newTestRepo(t)
	randomHistory(g, rand.New(rand.NewSource(5)), 1)
	// A file where the cache's folder should be (permissions would not
	// stop root, who runs CI).
	if err := os.WriteFile(filepath.Join(g.dir, ".git", "caselint"), []byte("in the way\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if use := cachedHistory(t, g); use.Err == nil || use.Written || use.Known != 0 {
			t.Errorf("unwritable cache: %+v, want an error and nothing written", use)
		}
	}
}

// TestCachedHistoryThroughLink: the cache's folder (.git/caselint) or file
// (history) that is a symbolic link, to a folder or a file outside the
// repository, is neither written through nor read: the history is built
// from the commits, CacheUse says why, and nothing appears where the link
// leads. Without the link the cache is made as before.
func TestCachedHistoryThroughLink(t *testing.T) {
	for _, part := range []string{"folder", "file"} {
		t.Run(part, func(t *testing.T) {
			g := newTestRepo(t)
			randomHistory(g, rand.New(rand.NewSource(7)), 1)
			outside := filepath.Join(t.TempDir(), "outside")
			if err := os.Mkdir(outside, 0o755); err != nil {
				t.Fatal(err)
			}
			link, target := filepath.Join(g.dir, ".git", "caselint"), outside
			if part == "file" {
				if err := os.Mkdir(link, 0o700); err != nil {
					t.Fatal(err)
				}
				link, target = filepath.Join(link, "history"), filepath.Join(outside, "history")
				if err := os.WriteFile(target, []byte("someone else's file\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Symlink(target, link); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			for range 2 {
				use := cachedHistory(t, g)
				if !use.Refused || !errors.Is(use.Err, ErrCacheLink) || use.Written || use.Known != 0 {
					t.Errorf("cache through a link: %+v, want it refused, nothing read or written", use)
				}
			}
			entries, err := os.ReadDir(outside)
			if err != nil {
				t.Fatal(err)
			}
			if part == "folder" && len(entries) != 0 || part == "file" && len(entries) != 1 {
				t.Errorf("written where the link leads: %v", entries)
			}
			if data, err := os.ReadFile(filepath.Join(outside, "history")); part == "file" && (err != nil || string(data) != "someone else's file\n") {
				t.Errorf("the file the link leads to changed: %q, %v", data, err)
			}
			if err := os.Remove(link); err != nil {
				t.Fatal(err)
			}
			if use := cachedHistory(t, g); use.Refused || use.Err != nil || !use.Written {
				t.Errorf("the link removed: %+v, want the cache written", use)
			}
		})
	}
}

func TestCachedHistoryLinkedWorktree(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/STK-1/case.md", "main v1\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "one")
	wt := filepath.Join(filepath.Dir(g.dir), "wt")
	g.git("worktree", "add", "-q", "-b", "feature", wt)
	w := &testRepo{t: t, dir: wt}
	w.write("cases/STK-1/case.md", "feature v2\n")
	w.commit("Ben Jones", "2026-01-06T10:00:00Z", "two")
	use := cachedHistory(t, w)
	if want := filepath.Join(g.dir, ".git", "worktrees", "wt", "caselint", "history"); use.Path != want || !use.Written {
		t.Errorf("worktree's cache: %+v, want it written at %s", use, want)
	}
	if use := cachedHistory(t, g); use.Read != 1 || !use.Written {
		t.Errorf("main's cache: %+v, want its own, of one commit", use)
	}
}

func TestCachedHistoryNoCommits(t *testing.T) {
	g := newTestRepo(t)
	r := g.open()
	defer func() { _ = r.Close() }()
	h, use, err := r.CachedHistory()
	if err != nil || len(h.allVersions()) != 0 || use.Written || use.Err != nil {
		t.Errorf("no commits: %v, %+v, %v", h.allVersions(), use, err)
	}
}

// TestDecodeCacheTruncated decodes every prefix and every one-byte change
// of a small cache: each is refused, and none panics.
func TestDecodeCacheTruncated(t *testing.T) {
	when := time.Date(2026, 1, 5, 10, 0, 0, 0, time.FixedZone("", 3600))
	var h1, h2, t1, b1 plumbing.Hash
	h1[0], h2[0], t1[0], b1[0] = 1, 2, 3, 4
	commits := []*commitChanges{
		{commitInfo: commitInfo{hash: h1, tree: t1, author: "Ann Smith"}, changes: []change{{path: "cases/a/case.md", blob: b1}}},
		{commitInfo: commitInfo{hash: h2, tree: t1, parents: []plumbing.Hash{h1}, author: "Ben Jones"}},
	}
	commits[0].when.When = when
	commits[1].when.When = when.UTC()
	commits[0].authored = when.AddDate(0, 0, -12) // amended 12 days on
	data := encodeCache(commits)
	got, err := decodeCache(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commits {
		g := got[c.hash]
		if g == nil || g.tree != c.tree || g.author != c.author || !reflect.DeepEqual(g.parents, c.parents) ||
			!g.when.When.Equal(c.when.When) || g.when.When.Location().String() != c.when.When.Location().String() ||
			!g.authored.Equal(c.authored) || g.authored.IsZero() != c.authored.IsZero() ||
			!reflect.DeepEqual(g.changes, c.changes) {
			t.Errorf("decoded %+v, want %+v", g, c)
		}
	}
	for n := range len(data) {
		if _, err := decodeCache(data[:n]); err == nil {
			t.Errorf("the first %d bytes decoded", n)
		}
	}
	for i := range data {
		changed := bytes.Clone(data)
		changed[i] ^= 0x01
		if _, err := decodeCache(changed); err == nil {
			t.Errorf("byte %d changed: decoded", i)
		}
	}
}

func FuzzDecodeCache(f *testing.F) {
	var h1, t1 plumbing.Hash
	h1[0], t1[0] = 1, 2
	c := &commitChanges{commitInfo: commitInfo{hash: h1, tree: t1, author: "Ann Smith"}, changes: []change{{path: "a.md", blob: t1}}}
	c.when.When = time.Unix(1767600000, 0).In(time.FixedZone("", -3600))
	f.Add(encodeCache([]*commitChanges{c}))
	f.Add([]byte(cacheMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The checksum would refuse nearly every input before the decoder
		// saw it: give it a right one, so that the fuzzer reaches the rest.
		if len(data) >= 4 {
			body := data[:len(data)-4]
			data = binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.ChecksumIEEE(body))
		}
		commits, err := decodeCache(data)
		if err != nil {
			if !errors.Is(err, errCache) {
				t.Errorf("error %v is not errCache", err)
			}
			return
		}
		for h, c := range commits {
			if c.hash != h || c.tree.IsZero() {
				t.Errorf("commit %s decoded as %+v", h, c)
			}
		}
	})
}

// TestDecodeMappedCutShort maps a cache file, cuts it short under the
// mapping and decodes it: a cache that cannot be read, not a crash.
func TestDecodeMappedCutShort(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/a/case.md", "+++\nid = \"a\"\n+++\n")
	g.commit("Alex Worker", "2026-01-05T10:00:00Z", "a case")
	use := cachedHistory(t, g)
	st, err := os.Stat(use.Path)
	if err != nil {
		t.Fatal(err)
	}
	data := mapFile(use.Path, st.Size())
	if data == nil {
		t.Skip("files are not mapped here")
	}
	defer unmapFile(data)
	if _, err := decodeMapped(data); err != nil {
		t.Fatalf("the whole file: %v", err)
	}
	if err := os.Truncate(use.Path, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := decodeMapped(data); !errors.Is(err, errCache) || !strings.Contains(err.Error(), "changed while") {
		t.Errorf("cut short under the mapping: %v, want a cache that cannot be read", err)
	}
}
