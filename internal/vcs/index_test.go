package vcs

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/caselint/caselint/lint"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/hash"
)

// goGitEntries decodes the index file at name with go-git's decoder, the
// oracle the index reader is checked against.
func goGitEntries(t *testing.T, name string) (uint32, []indexEntry) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	idx := &index.Index{}
	if err := index.NewDecoder(bufio.NewReader(f)).Decode(idx); err != nil {
		t.Fatalf("go-git's decoder: %v", err)
	}
	var out []indexEntry
	for _, e := range idx.Entries {
		ie := indexEntry{name: e.Name, mode: e.Mode, hash: e.Hash, stage: uint8(e.Stage), intentToAdd: e.IntentToAdd, skipWorktree: e.SkipWorktree, size: e.Size}
		if !e.ModifiedAt.IsZero() { // go-git's zero time for an mtime of 0
			ie.mtimeSec, ie.mtimeNsec = uint32(e.ModifiedAt.Unix()), uint32(e.ModifiedAt.Nanosecond())
		}
		if !e.CreatedAt.IsZero() {
			ie.ctimeSec, ie.ctimeNsec = uint32(e.CreatedAt.Unix()), uint32(e.CreatedAt.Nanosecond())
		}
		ie.ino = e.Inode
		out = append(out, ie)
	}
	return idx.Version, out
}

// checkAgainstGoGit decodes the repository's index and compares it with
// go-git's reading of it; it returns the entries.
func checkAgainstGoGit(t *testing.T, g *testRepo, wantVersion uint32) []indexEntry {
	t.Helper()
	name := filepath.Join(g.dir, ".git", "index")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeIndex(data)
	if err != nil {
		t.Fatalf("decodeIndex: %v", err)
	}
	version, want := goGitEntries(t, name)
	if got.version != version || got.version != wantVersion {
		t.Errorf("version %d, go-git says %d, want %d", got.version, version, wantVersion)
	}
	if !reflect.DeepEqual(got.entries, want) {
		t.Errorf("entries differ from go-git's:\n got %+v\nwant %+v", got.entries, want)
	}
	return got.entries
}

// conflictRepo makes a repository whose index has every kind of entry:
// files beside folders whose names sort around "/", an executable, a
// symbolic link, a path longer than the index's name length field, a
// merge conflict, an intent-to-add entry and a skip-worktree one.
func conflictRepo(t *testing.T) *testRepo {
	g := newTestRepo(t)
	for _, p := range []string{"a.md", "a/b.md", "a-b.md", "a0", "ab/c.md", "cases/STK-1/case.md", "cases/STK-1/visits/v1.md", "conflict.md", "skip.md"} {
		g.write(p, p+"\n")
	}
	g.write("run.sh", "#!/bin/sh\n")
	if err := os.Chmod(filepath.Join(g.dir, "run.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.md", filepath.Join(g.dir, "link.md")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "base")
	long := strings.Repeat(strings.Repeat("x", 200)+"/", 22) + "long.md" // over 0xfff bytes
	blob := g.git("hash-object", "-w", "a.md")
	g.git("update-index", "--add", "--cacheinfo", "100644,"+blob+","+long)
	g.commitStaged("Ann Smith", "2026-01-05T11:00:00Z", "long")
	g.git("checkout", "-q", "-b", "side")
	g.write("conflict.md", "theirs\n")
	g.commit("Ann Smith", "2026-01-06T10:00:00Z", "side")
	g.git("checkout", "-q", "main")
	g.write("conflict.md", "ours\n")
	g.commit("Ann Smith", "2026-01-07T10:00:00Z", "main")
	cmd := exec.Command("git", "merge", "-q", "side")
	cmd.Dir = g.dir
	cmd.Env = gitEnv(filepath.Dir(g.dir))
	if err := cmd.Run(); err == nil {
		t.Fatal("the merge did not conflict")
	}
	g.write("new/intent.md", "intent\n")
	g.git("add", "-N", "new/intent.md")
	g.git("update-index", "--skip-worktree", "skip.md")
	return g
}

func TestReadIndexVersions(t *testing.T) {
	g := conflictRepo(t)
	for _, v := range []uint32{3, 4, 2} {
		g.git("update-index", "--index-version", string(rune('0'+v)))
		want := v
		if v == 2 {
			want = 3 // extended flags (intent-to-add, skip-worktree) need version 3
		}
		es := checkAgainstGoGit(t, g, want)
		var stages, ita, skip int
		for _, e := range es {
			if e.stage != 0 {
				stages++
			}
			if e.intentToAdd {
				ita++
			}
			if e.skipWorktree {
				skip++
			}
		}
		if stages != 3 || ita != 1 || skip != 1 {
			t.Errorf("version %d: %d conflict stages, %d intent-to-add, %d skip-worktree; want 3, 1, 1", v, stages, ita, skip)
		}
	}
	// Version 2 proper: without extended flags.
	g.git("update-index", "--no-skip-worktree", "skip.md")
	g.git("rm", "-q", "--cached", "new/intent.md")
	g.git("update-index", "--index-version", "2")
	checkAgainstGoGit(t, g, 2)

	// The staged view: our side of the conflict, no intent-to-add entry.
	ix, err := g.open().Index()
	if err != nil {
		t.Fatal(err)
	}
	if got := readFS(t, ix.FS(), "conflict.md"); got != "ours\n" {
		t.Errorf("conflict.md = %q, want ours", got)
	}
	if want := []string{"conflict.md"}; !reflect.DeepEqual(ix.unsure, want) {
		t.Errorf("unsure = %q, want %q", ix.unsure, want)
	}
	if want := []string{"conflict.md"}; !reflect.DeepEqual(ix.Unmerged(), want) {
		t.Errorf("Unmerged = %q, want %q", ix.Unmerged(), want)
	}
}

// oldChanged is how the staged paths were found before Changed: go-git's
// decoder, and HEAD's whole tree flattened into a map.
func oldChanged(t *testing.T, r *Repo, name string) []string {
	t.Helper()
	_, es := goGitEntries(t, name)
	files := map[string]indexEntry{}
	for _, e := range es {
		if e.intentToAdd {
			continue
		}
		if _, ok := files[e.name]; ok && e.stage != 0 {
			continue
		}
		if e.stage == 0 || e.stage == 2 {
			files[e.name] = e
		}
	}
	head := map[string]entry{}
	if h, err := r.Head(); err == nil {
		c, err := r.resolve(h)
		if err != nil {
			t.Fatal(err)
		}
		if err := flatten(newTreeCache(r, 0), c.tree, "", head); err != nil {
			t.Fatal(err)
		}
	}
	var out []string
	for p, e := range files {
		if h, ok := head[p]; !ok || h.hash != e.hash || h.mode != e.mode {
			out = append(out, p)
		}
	}
	for p := range head {
		if _, ok := files[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// flatten adds every non-folder entry under tree h to out, by path.
func flatten(trees *treeCache, h plumbing.Hash, prefix string, out map[string]entry) error {
	es, err := trees.get(h)
	if err != nil {
		return err
	}
	for _, e := range es {
		p := prefix + e.name
		if e.isDir() {
			if err := flatten(trees, e.hash, p+"/", out); err != nil {
				return err
			}
			continue
		}
		out[p] = e
	}
	return nil
}

func TestChangedMatchesFlatten(t *testing.T) {
	g := newTestRepo(t)
	indexFile := filepath.Join(g.dir, ".git", "index")
	check := func(label string, want []string) {
		t.Helper()
		for _, v := range []string{"2", "4"} {
			g.git("update-index", "--index-version", v)
			r := g.open()
			ix, err := r.Index()
			if err != nil {
				t.Fatalf("%s: %v", label, err)
			}
			got, err := ix.Changed()
			if err != nil {
				t.Fatalf("%s: %v", label, err)
			}
			if old := oldChanged(t, r, indexFile); !reflect.DeepEqual(got, old) || !reflect.DeepEqual(got, want) {
				t.Errorf("%s (index version %s): Changed() = %q; the flattened comparison %q; want %q", label, v, got, old, want)
			}
			_ = r.Close()
		}
	}
	for _, p := range []string{"a.md", "a/b.md", "a-b.md", "a0", "ab/c.md", "cases/STK-1/case.md", "cases/STK-1/visits/v1.md", "cases/STK-2/case.md", "gone/x.md", "gone/deep/y.md"} {
		g.write(p, p+"\n")
	}
	g.git("add", "-A")
	check("no commits", []string{"a-b.md", "a.md", "a/b.md", "a0", "ab/c.md", "cases/STK-1/case.md", "cases/STK-1/visits/v1.md", "cases/STK-2/case.md", "gone/deep/y.md", "gone/x.md"})
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "base")
	check("clean", nil)

	g.write("a/b.md", "changed\n")
	g.write("a-b.md", "changed\n")
	g.write("cases/STK-1/visits/v2.md", "added\n")
	g.write("new/deep/z.md", "a new folder\n")
	g.git("add", "-A")
	g.git("update-index", "--chmod=+x", "a.md")
	g.git("rm", "-q", "-r", "--cached", "gone", "cases/STK-2/case.md")
	check("changes", []string{"a-b.md", "a.md", "a/b.md", "cases/STK-1/visits/v2.md", "cases/STK-2/case.md", "gone/deep/y.md", "gone/x.md", "new/deep/z.md"})

	// A file becomes a folder and a folder a file.
	g.commit("Ann Smith", "2026-01-06T10:00:00Z", "two")
	g.git("rm", "-q", "--cached", "a0", "ab/c.md")
	blob := g.git("hash-object", "-w", "a.md")
	g.git("update-index", "--add", "--cacheinfo", "100644,"+blob+",a0/inside.md", "--cacheinfo", "100644,"+blob+",ab")
	check("file to folder", []string{"a0", "a0/inside.md", "ab", "ab/c.md"})

	// Intent-to-add entries and unchanged content beside them.
	g.commit("Ann Smith", "2026-01-07T10:00:00Z", "three")
	g.write("cases/STK-1/later.md", "later\n")
	g.git("add", "-N", "cases/STK-1/later.md")
	check("intent to add", nil)
	g.write("cases/STK-1/case.md", "changed beside an intent-to-add entry\n")
	g.git("add", "cases/STK-1/case.md")
	check("intent to add and a change", []string{"cases/STK-1/case.md"})
}

func TestChangedConflict(t *testing.T) {
	g := conflictRepo(t)
	r := g.open()
	name := filepath.Join(g.dir, ".git", "index")
	for _, v := range []string{"3", "4"} {
		g.git("update-index", "--index-version", v)
		ix, err := r.Index()
		if err != nil {
			t.Fatal(err)
		}
		got, err := ix.Changed()
		if err != nil {
			t.Fatal(err)
		}
		if old := oldChanged(t, r, name); !reflect.DeepEqual(got, old) || len(got) != 0 {
			t.Errorf("version %s: Changed() = %q, the flattened comparison %q; want none", v, got, old)
		}
	}
}

func TestIndexFSOrder(t *testing.T) {
	g := newTestRepo(t)
	files := []string{"a.md", "a/b.md", "a/c/d.md", "a-b.md", "a0", "ab/c.md", "b"}
	for _, p := range files {
		g.write(p, p+"\n")
	}
	g.git("add", "-A")
	ix, err := g.open().Index()
	if err != nil {
		t.Fatal(err)
	}
	fsys := ix.FS()
	des, err := fs.ReadDir(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	if want := []string{"a", "a-b.md", "a.md", "a0", "ab", "b"}; !reflect.DeepEqual(names, want) {
		t.Errorf("ReadDir(.) = %q, want %q", names, want)
	}
	if err := fstest.TestFS(fsys, files...); err != nil {
		t.Error(err)
	}
	for _, p := range []string{"a/b", "a/c/d", "a/", "c", "a.md/x", "ab/c.md/d"} {
		if _, err := fs.Stat(fsys, p); !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Stat(%s) = %v, want not exist", p, err)
		}
	}
}

// withChecksum returns body with the checksum an index file ends with.
func withChecksum(body []byte) []byte {
	h := hash.CryptoType.New()
	h.Write(body)
	return h.Sum(append([]byte(nil), body...))
}

// smallIndex returns a small real index file of the given version.
func smallIndex(t testing.TB, version string) []byte {
	g := newTestRepo(t)
	g.write("a.md", "a\n")
	g.write("cases/STK-1/case.md", "case\n")
	g.write("cases/STK-1/visits/v1.md", "visit\n")
	g.git("add", "-A")
	g.git("update-index", "--index-version", version)
	data, err := os.ReadFile(filepath.Join(g.dir, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestReadIndexCorrupt(t *testing.T) {
	hashLen := len(plumbing.ZeroHash)
	for _, v := range []string{"2", "3", "4"} {
		data := smallIndex(t, v)
		if f, err := decodeIndex(data); err != nil || len(f.entries) != 3 {
			t.Fatalf("version %s: decodeIndex = %v, %v", v, f, err)
		}
		for n := range len(data) {
			if _, err := decodeIndex(data[:n]); err == nil {
				t.Errorf("version %s truncated to %d bytes: no error", v, n)
			}
			// Truncated, with a checksum that matches what is left: an
			// error, unless only extensions were cut off.
			if f, err := decodeIndex(withChecksum(data[:n])); err == nil && len(f.entries) != 3 {
				t.Errorf("version %s truncated to %d bytes, checksum fixed: %d entries and no error", v, n, len(f.entries))
			}
		}
		for i := range len(data) {
			bad := append([]byte(nil), data...)
			bad[i] ^= 0x40
			if _, err := decodeIndex(bad); err == nil {
				t.Errorf("version %s, byte %d changed: no error", v, i)
			}
		}
		// A zero checksum (index.skipHash) is not checked.
		skip := append(append([]byte(nil), data[:len(data)-hashLen]...), make([]byte, hashLen)...)
		if f, err := decodeIndex(skip); err != nil || len(f.entries) != 3 {
			t.Errorf("version %s with a zero checksum: %v, %v", v, f, err)
		}
	}
	data := smallIndex(t, "2")
	body := data[:len(data)-len(plumbing.ZeroHash)]
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "truncated"},
		{"garbage", []byte("this is no git index, only some text that is long enough"), "no DIRC signature"},
		{"bad checksum", append(append([]byte(nil), body...), bytes.Repeat([]byte{1}, len(plumbing.ZeroHash))...), "checksum"},
		{"version 5", withChecksum(binary.BigEndian.AppendUint32([]byte("DIRC"), 5)[:8:8]), "version 5 is not supported"},
		{"version 1", withChecksum(append(binary.BigEndian.AppendUint32([]byte("DIRC"), 1), 0, 0, 0, 0)), "version 1 is not supported"},
		{"too many entries", withChecksum(append(binary.BigEndian.AppendUint32([]byte("DIRC"), 2), 0, 0, 0, 9)), "index entry 0: the file is truncated"},
		{"required extension", withChecksum(append(append([]byte(nil), body...), "abcd\x00\x00\x00\x00"...)), `extension "abcd" is required`},
		{"split index", withChecksum(append(append([]byte(nil), body...), "link\x00\x00\x00\x00"...)), "split"},
		{"sparse index", withChecksum(append(append([]byte(nil), body...), "sdir\x00\x00\x00\x00"...)), "sparse"},
		{"truncated extension", withChecksum(append(append([]byte(nil), body...), "TREE\x00\x00\x01\x00"...)), `extension "TREE": the file is truncated`},
	} {
		_, err := decodeIndex(tc.data)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error saying %q", tc.name, err, tc.want)
		}
	}
	// An unknown optional extension is skipped.
	if f, err := decodeIndex(withChecksum(append(append([]byte(nil), body...), "ZZZZ\x00\x00\x00\x02ab"...))); err != nil || len(f.entries) != 3 {
		t.Errorf("optional extension: %v, %v", f, err)
	}
}

// TestIndexErrorsNameTheFile checks a bad index file is named in the
// error, and that a split index, as git writes one, is refused.
func TestIndexErrorsNameTheFile(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "a\n")
	g.git("add", "-A")
	bad := filepath.Join(filepath.Dir(g.dir), "bad-index")
	if err := os.WriteFile(bad, []byte("DIRC garbage garbage garbage garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_INDEX_FILE", bad)
	if _, err := g.open().Index(); err == nil || !strings.Contains(err.Error(), bad+" (GIT_INDEX_FILE)") {
		t.Errorf("Index() with a bad GIT_INDEX_FILE = %v, want an error naming it", err)
	}
	t.Setenv("GIT_INDEX_FILE", "")
	g.git("update-index", "--split-index")
	own := filepath.Join(g.dir, ".git", "index")
	if _, err := g.open().Index(); err == nil || !strings.Contains(err.Error(), own) || !strings.Contains(err.Error(), "split") {
		t.Errorf("Index() of a split index = %v, want an error naming %s and saying it is split", err, own)
	}
}

func TestSparseIndexRefused(t *testing.T) {
	g := newTestRepo(t)
	g.write("in/a.md", "a\n")
	g.write("out/b.md", "b\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "base")
	cmd := exec.Command("git", "sparse-checkout", "set", "--cone", "--sparse-index", "in")
	cmd.Dir = g.dir
	cmd.Env = gitEnv(filepath.Dir(g.dir))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("git sparse-checkout --sparse-index: %v\n%s", err, out)
	}
	// go-git opens no repository with the worktreeConfig extension, which
	// git sparse-checkout sets: read the file itself.
	data, err := os.ReadFile(filepath.Join(g.dir, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := decodeIndex(data); err == nil || !strings.Contains(err.Error(), "sparse") {
		t.Errorf("decodeIndex of a sparse index = %v, want an error saying it is sparse", err)
	}
}

// FuzzReadIndex feeds the index reader broken files, their checksums
// fixed so that the entries and extensions are read: it must never panic,
// and what it accepts must be sorted, valid paths.
func FuzzReadIndex(f *testing.F) {
	for _, v := range []string{"2", "3", "4"} {
		data := smallIndex(f, v)
		f.Add(data[:len(data)-len(plumbing.ZeroHash)])
	}
	f.Add([]byte("DIRC\x00\x00\x00\x04\x00\x00\x00\x01"))
	data := committedIndex(f) // with a cache tree
	f.Add(data[:len(data)-len(plumbing.ZeroHash)])
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, data := range [][]byte{body, withChecksum(body)} {
			idx, err := decodeIndex(data)
			if err != nil {
				continue
			}
			for i, e := range idx.entries {
				if !fs.ValidPath(e.name) || (i > 0 && idx.entries[i-1].name > e.name) {
					t.Fatalf("entry %d: %q accepted", i, e.name)
				}
			}
			files, unsure, _ := stagedEntries(idx.entries)
			// The folders' trees, from the cache tree where it is valid.
			ix := &Index{files: files, unsure: unsure, treeData: idx.tree}
			d := &indexDiff{ix: ix, cache: ix.cacheTree()}
			d.treeHash("", 0, len(files), 0, d.cache.root())
			s := &indexSource{files: files}
			for _, e := range files {
				if _, err := s.lookup(e.name); err != nil {
					t.Fatalf("lookup(%q): %v", e.name, err)
				}
				if _, err := s.list(path.Dir(e.name), entry{}); err != nil {
					t.Fatalf("list(%q): %v", path.Dir(e.name), err)
				}
			}
		}
	})
}

// TestIndexTreeHash checks the trees worked out from the index are those
// git writes, so that Changed goes into no folder that did not change.
func TestIndexTreeHash(t *testing.T) {
	g := newTestRepo(t)
	for _, p := range []string{"a.md", "a/b.md", "a/c/d.md", "a-b.md", "a0", "ab/c.md"} {
		g.write(p, p+"\n")
	}
	g.write("run.sh", "#!/bin/sh\n")
	if err := os.Chmod(filepath.Join(g.dir, "run.sh"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.md", filepath.Join(g.dir, "link.md")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	g.git("add", "-A")
	// A submodule's entry too.
	g.git("update-index", "--add", "--cacheinfo", "160000,"+strings.Repeat("1", 2*len(plumbing.ZeroHash))+",sub")
	ix, err := g.open().Index()
	if err != nil {
		t.Fatal(err)
	}
	if ix.cacheTree() != nil {
		t.Fatal("git add -A wrote a cache tree; the trees would not be worked out")
	}
	// git write-tree writes the index's cache tree: the trees from its
	// nodes must be those git writes too.
	want := map[string]string{}
	for prefix, rev := range map[string]string{"": "", "a/": "a", "a/c/": "a/c"} {
		want[prefix] = g.git("write-tree", "--prefix="+rev)
		if rev == "" {
			want[prefix] = g.git("write-tree")
		}
	}
	withTree, err := g.open().Index()
	if err != nil {
		t.Fatal(err)
	}
	for label, ix := range map[string]*Index{"worked out": ix, "from the cache tree": withTree} {
		d := &indexDiff{ix: ix, cache: ix.cacheTree()}
		for prefix, want := range want {
			lo, hi := entriesUnder(ix.files, prefix)
			node := cacheNodeAt(d.cache, prefix)
			if _, valid := d.cache.valid(node, hi-lo); label != "worked out" && !valid {
				t.Errorf("%s: no valid node for %q", label, prefix)
			}
			h, ok := d.treeHash(prefix, lo, hi, strings.Count(prefix, "/"), node)
			if !ok || h.String() != want {
				t.Errorf("%s: tree of %q = %s, %v; git write-tree says %s", label, prefix, h, ok, want)
			}
		}
	}
}

// cacheNodeAt returns the node of t for the folder whose path and a
// slash prefix is ("" for the top), or noNode.
func cacheNodeAt(t *cacheTree, prefix string) int {
	n := t.root()
	for name := range strings.SplitSeq(strings.TrimSuffix(prefix, "/"), "/") {
		if name != "" {
			n = t.child(n, name)
		}
	}
	return n
}

// TestCleanHashSeesARewriteWithItsTimePutBack: a file rewritten to the same
// size, with its modification time put back (a script that masks names
// and restores the time, a copy that keeps times), is not taken as the
// blob the index holds: its change time is not the one git recorded, as
// git status sees too.
func TestCleanHashSeesARewriteWithItsTimePutBack(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/A/visits/v1.md", "seen alone: yes\n")
	path := filepath.Join(g.dir, "cases", "A", "visits", "v1.md")
	before, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond) // the index written after the file: not racily clean
	g.git("add", "-A")
	ix, err := g.open().Index()
	if err != nil {
		t.Fatal(err)
	}
	i, ok := ix.Find("cases/A/visits/v1.md")
	if !ok {
		t.Fatal("the index does not hold the file")
	}
	if !ix.Clean(i, StatOf(before)) {
		t.Skip("the index does not take the file as clean here (racy timestamps)")
	}
	time.Sleep(20 * time.Millisecond)
	if err := os.WriteFile(path, []byte("seen alone: no!\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, before.ModTime(), before.ModTime()); err != nil {
		t.Fatal(err)
	}
	after, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	if after.Size() != before.Size() || !after.ModTime().Equal(before.ModTime()) {
		t.Fatalf("the rewrite changed the size or time: %v %v", after.Size(), after.ModTime())
	}
	if ix.Clean(i, StatOf(after)) {
		t.Errorf("a rewritten file taken as the index's blob %s: its new content would never be read", ix.files[i].hash)
	}
	if g.git("status", "--porcelain") == "" {
		t.Error("git status does not see the rewrite either; the test proves nothing here")
	}
}

// TestStagedEntries checks the staged entries and the unsure paths, and
// that the entries are not copied: es itself when every entry is simply
// staged, else filtered in place.
func TestStagedEntries(t *testing.T) {
	e := func(name string, stage uint8, ita bool) indexEntry {
		h := plumbing.Hash{stage, byte(len(name))}
		return indexEntry{name: name, stage: stage, intentToAdd: ita, hash: h}
	}
	for _, tc := range []struct {
		label    string
		es       []indexEntry
		want     []indexEntry
		unsure   []string
		unmerged []string
	}{
		{"none", nil, nil, nil, nil},
		{"simply staged", []indexEntry{e("a", 0, false), e("b/c", 0, false)}, []indexEntry{e("a", 0, false), e("b/c", 0, false)}, nil, nil},
		{"conflict: ours", []indexEntry{e("a", 0, false), e("b", 1, false), e("b", 2, false), e("b", 3, false), e("c", 0, false)},
			[]indexEntry{e("a", 0, false), e("b", 2, false), e("c", 0, false)}, []string{"b"}, []string{"b"}},
		{"deleted by us: nothing", []indexEntry{e("a", 1, false), e("a", 3, false), e("b", 0, false)}, []indexEntry{e("b", 0, false)}, []string{"a"}, []string{"a"}},
		{"intent to add", []indexEntry{e("a", 0, true), e("b", 0, false), e("c", 0, true)}, []indexEntry{e("b", 0, false)}, []string{"a", "c"}, nil},
		// Not as git writes it, but read: the merged entry, once.
		{"merged and ours", []indexEntry{e("a", 0, false), e("a", 2, false), e("b", 0, false)}, []indexEntry{e("a", 0, false), e("b", 0, false)}, []string{"a"}, []string{"a"}},
	} {
		es := slices.Clone(tc.es)
		files, unsure, unmerged := stagedEntries(es)
		if !reflect.DeepEqual(files, tc.want) && !(len(files) == 0 && len(tc.want) == 0) {
			t.Errorf("%s: files %+v, want %+v", tc.label, files, tc.want)
		}
		if !reflect.DeepEqual(unsure, tc.unsure) {
			t.Errorf("%s: unsure %q, want %q", tc.label, unsure, tc.unsure)
		}
		if !reflect.DeepEqual(unmerged, tc.unmerged) {
			t.Errorf("%s: unmerged %q, want %q", tc.label, unmerged, tc.unmerged)
		}
		if len(files) > 0 && &files[0] != &es[0] {
			t.Errorf("%s: the entries were copied", tc.label)
		}
	}
}

// TestTreeObjectHash checks the tree hash made with crypto/sha1 is
// go-git's (sha1cd's), for contents of several sizes.
func TestTreeObjectHash(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 55, 56, 64, 1000, 100000} {
		content := make([]byte, n)
		for i := range content {
			content[i] = byte(i * 7)
		}
		buf := append(make([]byte, treeHeaderRoom), content...)
		if got, want := treeObjectHash(buf), plumbing.ComputeHash(plumbing.TreeObject, content); got != want {
			t.Errorf("%d bytes: %s, go-git says %s", n, got, want)
		}
	}
}

// TestCompareGitName checks TreeOrder orders bytes against a string as it
// orders bytes against bytes (the comparison Changed makes).
func TestCompareGitName(t *testing.T) {
	names := []string{"", "a", "a-b", "a.md", "a/", "a0", "ab", "b", "\xff"}
	for _, a := range names {
		for _, b := range names {
			for _, dirs := range [][2]bool{{false, false}, {false, true}, {true, false}, {true, true}} {
				if got, want := lint.TreeOrder([]byte(a), dirs[0], b, dirs[1]), lint.TreeOrder([]byte(a), dirs[0], []byte(b), dirs[1]); got != want {
					t.Errorf("TreeOrder(%q %v, %q %v) of bytes and a string = %d, of bytes %d", a, dirs[0], b, dirs[1], got, want)
				}
			}
		}
	}
}

// TestChangedSinceBadTree checks a malformed tree in the commit compared
// with is an error naming it, not a partial answer.
func TestChangedSinceBadTree(t *testing.T) {
	g := newTestRepo(t)
	g.write("a.md", "a\n")
	g.write("b/c.md", "c\n")
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "base")
	blob := g.git("rev-parse", "HEAD:a.md")
	cmd := execGit(g, "hash-object", "-t", "tree", "--literally", "-w", "--stdin")
	h := plumbing.NewHash(blob)
	raw := "100644 a.md\x00" + string(h[:]) + "100644 b" // cut short
	cmd.Stdin = strings.NewReader(raw)
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("git hash-object --literally: %v", err)
	}
	tree := strings.TrimSpace(string(out))
	commit := g.git("commit-tree", "-m", "bad", tree)
	ix, err := g.open().Index()
	if err != nil {
		t.Fatal(err)
	}
	if got, err := ix.ChangedSince(commit); err == nil || !strings.Contains(err.Error(), tree) {
		t.Errorf("ChangedSince a malformed tree = %q, %v; want an error naming tree %s", got, err, tree)
	}
}

// The index is mapped into memory to be read, from the git folder and
// from GIT_INDEX_FILE alike, and decodes to what reading it gives: its
// entries and its cache tree, kept after the mapping is gone.
func TestReadIndexMappedAsRead(t *testing.T) {
	g := newTestRepo(t)
	for i := range 40 {
		g.write(fmt.Sprintf("cases/c%d/visits/v%d.md", i%7, i), fmt.Sprintf("visit %d\n", i))
	}
	g.commit("Ann Smith", "2026-01-05T17:00:00Z", "visits")
	g.git("read-tree", "HEAD") // an index with its cache tree
	for _, env := range []string{"", filepath.Join(g.dir, ".git", "index")} {
		t.Setenv("GIT_INDEX_FILE", env)
		data, err := os.ReadFile(filepath.Join(g.dir, ".git", "index"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := decodeIndex(data)
		if err != nil {
			t.Fatal(err)
		}
		if want.tree == nil {
			t.Fatal("the index has no cache tree: the test tests little")
		}
		r := g.open()
		got, err := r.readIndex()
		_ = r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.indexFile, want) {
			t.Errorf("GIT_INDEX_FILE=%q: mapped, the index reads otherwise than read", env)
		}
	}
}

// An index cut short under its mapping while it is decoded is an error
// that says the file changed, not a crash.
func TestIndexMappedCutShort(t *testing.T) {
	g := newTestRepo(t)
	g.write("cases/a/case.md", "case\n")
	g.git("add", "-A")
	p := filepath.Join(g.dir, ".git", "index")
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	data := mapFile(p, st.Size())
	if data == nil {
		t.Skip("files are not mapped here")
	}
	if err := os.Truncate(p, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := decodeIndexMapped(data); err == nil || !strings.Contains(err.Error(), "changed while it was read") {
		t.Errorf("decodeIndexMapped of a file cut short = %v, want an error that says it changed", err)
	}
}
