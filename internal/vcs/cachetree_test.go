package vcs

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// withoutCacheTree returns ix as read without its TREE extension.
func withoutCacheTree(ix *Index) *Index {
	return &Index{r: ix.r, modTime: ix.modTime, files: ix.files, unsure: ix.unsure}
}

// changedBoth returns Changed and ChangedSince(since) of ix.
func changedBoth(t *testing.T, ix *Index, since string) ([]string, []string) {
	t.Helper()
	changed, err := ix.Changed()
	if err != nil {
		t.Fatal(err)
	}
	changedSince, err := ix.ChangedSince(since)
	if err != nil {
		t.Fatal(err)
	}
	return changed, changedSince
}

// cacheTreeRepo makes a repository of nested folders, with two commits;
// it returns the first.
func cacheTreeRepo(t *testing.T) (*testRepo, string) {
	g := newTestRepo(t)
	for _, p := range []string{"a.md", "a-b.md", "a0", "ab/c.md", "b/x.md",
		"cases/STK-1/case.md", "cases/STK-1/visits/v1.md", "cases/STK-1/visits/v2.md",
		"cases/STK-2/case.md", "cases/STK-2/visits/v1.md", "cases/STK-10/case.md",
		"cases/STK-10/notes/deep/er/n.md", "gone/x.md", "gone/deep/y.md"} {
		g.write(p, p+"\n")
	}
	first := g.commit("Ann Smith", "2026-01-05T10:00:00Z", "base")
	g.write("cases/STK-2/visits/v2.md", "second\n")
	g.write("ab/c.md", "changed\n")
	g.commit("Ann Smith", "2026-01-06T10:00:00Z", "second")
	return g, first
}

// TestCacheTreeAnswers checks Changed and ChangedSince give the same
// answers with git's cache tree as without it, on indexes the real git
// wrote after each of the commands that write or invalidate it, and that
// the cache tree spares the hashing of the folders it holds.
func TestCacheTreeAnswers(t *testing.T) {
	g, first := cacheTreeRepo(t)
	check := func(label string, want []string, hashed int) {
		t.Helper()
		for _, v := range []string{"3", "4"} {
			g.git("update-index", "--index-version", v)
			r := g.open()
			ix, err := r.Index()
			if err != nil {
				t.Fatalf("%s: %v", label, err)
			}
			if ix.cacheTree() == nil {
				t.Errorf("%s: no cache tree read", label)
			}
			changed, since := changedBoth(t, ix, first)
			oldChanged, oldSince := changedBoth(t, withoutCacheTree(ix), first)
			if !reflect.DeepEqual(changed, oldChanged) || !reflect.DeepEqual(since, oldSince) {
				t.Errorf("%s (version %s): with the cache tree %q, since %q; without %q, since %q",
					label, v, changed, since, oldChanged, oldSince)
			}
			if want != nil && !reflect.DeepEqual(changed, want) && !(len(want) == 0 && changed == nil) {
				t.Errorf("%s: Changed() = %q, want %q", label, changed, want)
			}
			if head, ok, err := r.headTree(); err != nil || !ok {
				t.Fatal(err)
			} else if d, err := ix.diff(head); err != nil {
				t.Fatal(err)
			} else if d.hashed != hashed {
				t.Errorf("%s: %d folders hashed, want %d", label, d.hashed, hashed)
			}
			_ = r.Close()
		}
	}
	check("after commit", []string{}, 0)

	g.write("cases/STK-1/visits/v1.md", "changed\n")
	g.write("cases/STK-3/visits/v1.md", "new case\n")
	g.git("add", "cases/STK-1/visits/v1.md", "cases/STK-3/visits/v1.md")
	// Hashed: the top, cases/, STK-1/, visits/, and the new STK-3/ and
	// its visits/.
	check("git add in nested folders", []string{"cases/STK-1/visits/v1.md", "cases/STK-3/visits/v1.md"}, 6)

	g.git("rm", "-q", "cases/STK-2/visits/v1.md")
	g.git("rm", "-q", "-r", "gone")
	check("git rm", []string{"cases/STK-1/visits/v1.md", "cases/STK-2/visits/v1.md", "cases/STK-3/visits/v1.md",
		"gone/deep/y.md", "gone/x.md"}, 8) // and cases/STK-2/, its visits/

	g.write("b/intent.md", "intent\n")
	g.git("add", "-N", "b/intent.md")
	// The top and b/ hold an intent-to-add entry: compared entry by entry,
	// not hashed.
	check("git add -N", nil, 7)

	g.commit("Ann Smith", "2026-01-07T10:00:00Z", "third")
	check("after the next commit", []string{}, 0)

	g.git("read-tree", first)
	check("git read-tree", nil, 0)
	g.git("read-tree", "HEAD")
	check("git read-tree HEAD", []string{}, 0)

	blob := g.git("hash-object", "-w", "a.md")
	cmd := execGit(g, "update-index", "--index-info")
	cmd.Stdin = strings.NewReader("100644 " + blob + "\tcases/STK-10/notes/deep/er/n.md\n" +
		"0 " + strings.Repeat("0", 2*len(plumbing.ZeroHash)) + "\tab/c.md\n" +
		"100755 " + blob + "\tcases/STK-9/new.md\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git update-index --index-info: %v\n%s", err, out)
	}
	// The top, cases/, STK-10/ and its three folders down to n.md, and
	// the new STK-9/ (ab/ is gone).
	check("git update-index --index-info", []string{"ab/c.md", "cases/STK-10/notes/deep/er/n.md", "cases/STK-9/new.md"}, 7)
}

// TestCacheTreeConflict checks a merge in conflict, with an intent-to-add
// entry: the same answers with the cache tree git leaves as without, and
// with one that holds every folder valid, taken from before the merge (as
// a tool that keeps the cache tree wrongly could leave it): folders that
// hold an entry git would not commit as it stands are compared entry by
// entry, whatever the cache tree says.
func TestCacheTreeConflict(t *testing.T) {
	g := conflictRepo(t)
	g.git("update-index", "--index-version", "3")
	conflict := readIndexFile(t, g)
	clean := newTestRepo(t)
	for _, p := range []string{"a.md", "a/b.md", "a-b.md", "a0", "ab/c.md", "cases/STK-1/case.md", "cases/STK-1/visits/v1.md", "conflict.md", "skip.md"} {
		clean.write(p, p+"\n")
	}
	clean.write("new/intent.md", "intent\n")
	clean.commit("Ann Smith", "2026-01-05T10:00:00Z", "base")
	clean.git("update-index", "--index-version", "3")
	full := readIndexFile(t, clean)
	fullAt, fullSize := treeExtension(t, full)
	if fullSize == 0 {
		t.Fatal("git commit wrote no cache tree")
	}
	at, size := treeExtension(t, conflict)
	r := g.open()
	base := g.git("rev-parse", "HEAD~1")
	for label, data := range map[string][]byte{
		"as git leaves it": conflict,
		"all valid":        withTreeExtension(conflict, at, size, full[fullAt:fullAt+fullSize]),
	} {
		f, err := decodeIndex(data)
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		ix := &Index{r: r, treeData: f.tree}
		ix.files, ix.unsure, ix.unmerged = stagedEntries(f.entries)
		changed, since := changedBoth(t, ix, base)
		oldChanged, oldSince := changedBoth(t, withoutCacheTree(ix), base)
		if !reflect.DeepEqual(changed, oldChanged) || !reflect.DeepEqual(since, oldSince) || len(changed) != 0 || len(since) != 1 {
			t.Errorf("%s: with the cache tree %q, since %q; without %q, since %q; want none, and one since HEAD~1",
				label, changed, since, oldChanged, oldSince)
		}
	}
}

// readIndexFile returns the content of the repository's index file.
func readIndexFile(t testing.TB, g *testRepo) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(g.dir, ".git", "index"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// treeExtension returns where the TREE extension's content starts in the
// index file data, and its size (0 when there is none).
func treeExtension(t testing.TB, data []byte) (int, int) {
	t.Helper()
	hashLen := len(plumbing.ZeroHash)
	d := indexDecoder{version: binary.BigEndian.Uint32(data[4:8]), body: data[:len(data)-hashLen], off: indexHeaderLen, hashLen: hashLen}
	if err := d.entries(&indexFile{}, binary.BigEndian.Uint32(data[8:12])); err != nil {
		t.Fatal(err)
	}
	for len(d.body)-d.off >= 8 {
		size := int(binary.BigEndian.Uint32(d.body[d.off+4:]))
		if string(d.body[d.off:d.off+4]) == "TREE" {
			return d.off + 8, size
		}
		d.off += 8 + size
	}
	return len(d.body), 0
}

// withTreeExtension returns the index file data with the TREE extension's
// content (at, size: treeExtension) replaced by ext, checksum fixed.
func withTreeExtension(data []byte, at, size int, ext []byte) []byte {
	out := slices.Clone(data[:at-4])
	out = binary.BigEndian.AppendUint32(out, uint32(len(ext)))
	out = append(out, ext...)
	out = append(out, data[at+size:len(data)-len(plumbing.ZeroHash)]...)
	return withChecksum(out)
}

// TestCacheTreeUnsureFirst checks a folder holding an entry git would not
// commit as it stands (a conflict, an intent-to-add entry) is compared
// entry by entry even when the cache tree holds it valid: here an index
// whose cache tree is HEAD's, with one path in conflict whose "ours" side
// differs from HEAD's.
func TestCacheTreeUnsureFirst(t *testing.T) {
	g, _ := cacheTreeRepo(t)
	ix, err := g.open().Index()
	if err != nil {
		t.Fatal(err)
	}
	if ix.cacheTree() == nil {
		t.Fatal("no cache tree after git commit")
	}
	i, ok := ix.Find("cases/STK-1/case.md")
	if !ok {
		t.Fatal("cases/STK-1/case.md is not staged")
	}
	files := slices.Clone(ix.files)
	files[i].hash[0] ^= 1
	conflicted := &Index{r: ix.r, files: files, unsure: []string{"cases/STK-1/case.md"}, treeData: ix.treeData}
	for _, ix := range []*Index{conflicted, withoutCacheTree(conflicted)} {
		if got, err := ix.Changed(); err != nil || !reflect.DeepEqual(got, []string{"cases/STK-1/case.md"}) {
			t.Errorf("Changed() = %q, %v; want the path in conflict", got, err)
		}
	}
}

// TestCacheTreeHostile cuts the TREE extension of real indexes everywhere
// and changes each of its bytes: the index is still read (the cache tree
// is an optimisation, ignored when not well formed), and Changed and
// ChangedSince answer as without a cache tree; never a panic.
func TestCacheTreeHostile(t *testing.T) {
	g, first := cacheTreeRepo(t)
	r := g.open()
	states := map[string][]byte{"after commit": readIndexFile(t, g)}
	g.write("cases/STK-1/visits/v1.md", "changed\n")
	g.write("cases/STK-3/visits/v1.md", "new case\n")
	g.git("rm", "-q", "cases/STK-2/case.md")
	g.git("add", "cases/STK-1/visits/v1.md", "cases/STK-3/visits/v1.md")
	states["after git add and git rm"] = readIndexFile(t, g)
	for label, data := range states {
		at, size := treeExtension(t, data)
		if size == 0 {
			t.Fatalf("%s: no cache tree", label)
		}
		f, err := decodeIndex(data)
		if err != nil {
			t.Fatal(err)
		}
		plain := &Index{r: r}
		plain.files, plain.unsure, plain.unmerged = stagedEntries(f.entries)
		wantChanged, wantSince := changedBoth(t, plain, first)
		ext := data[at : at+size]
		var variants [][]byte
		for n := range size {
			variants = append(variants, ext[:n])
			for _, x := range []byte{0x01, 0x03, 0x20, 0x40, 0xff} {
				bad := slices.Clone(ext)
				bad[n] ^= x
				variants = append(variants, bad)
			}
		}
		kept := 0
		for _, v := range variants {
			f, err := decodeIndex(withTreeExtension(data, at, size, v))
			if err != nil {
				continue // refused: an answer too
			}
			ix := &Index{r: r, treeData: f.tree}
			ix.files, ix.unsure, ix.unmerged = stagedEntries(f.entries)
			if ix.cacheTree() != nil {
				kept++
			}
			changed, err := ix.Changed()
			if err != nil {
				continue
			}
			since, err := ix.ChangedSince(first)
			if err != nil {
				continue
			}
			if !reflect.DeepEqual(changed, wantChanged) || !reflect.DeepEqual(since, wantSince) {
				t.Fatalf("%s, extension %q: Changed() = %q, since %q; without it %q, since %q",
					label, v, changed, since, wantChanged, wantSince)
			}
		}
		t.Logf("%s: %d variants, %d with a cache tree read", label, len(variants), kept)
		if kept == 0 {
			t.Errorf("%s: no variant kept its cache tree; the test proves little", label)
		}
	}
}

// committedIndex returns the index file of a small repository just
// committed, with a full cache tree.
func committedIndex(tb testing.TB) []byte {
	g := newTestRepo(tb)
	for _, p := range []string{"a.md", "a-b.md", "b/x.md", "cases/STK-1/case.md", "cases/STK-1/visits/v1.md", "cases/STK-10/case.md", "cases/STK-2/case.md"} {
		g.write(p, p+"\n")
	}
	g.commit("Ann Smith", "2026-01-05T10:00:00Z", "base")
	g.write("cases/STK-2/case.md", "changed\n")
	g.git("add", "-A")
	return readIndexFile(tb, g)
}

// FuzzDecodeCacheTree feeds the cache tree decoder broken extensions: it
// must never panic, and a cache tree it accepts must be as git writes one:
// names without a slash, each folder's children strictly in git's order,
// each found by its name.
func FuzzDecodeCacheTree(f *testing.F) {
	data := committedIndex(f)
	at, size := treeExtension(f, data)
	f.Add(data[at : at+size])
	f.Add([]byte("\x00-1 1\na\x00-1 0\n"))
	f.Fuzz(func(t *testing.T, ext []byte) {
		tree := decodeCacheTree(ext)
		if tree == nil {
			return
		}
		if tree.nodes[0].nameLen != 0 {
			t.Fatal("the top has a name")
		}
		for n, node := range tree.nodes {
			var prev []byte
			for k := node.kids; k < node.kids+node.nkids; k++ {
				c := tree.nodes[k]
				name := tree.data[c.name : c.name+c.nameLen]
				if len(name) == 0 || bytes.IndexByte(name, '/') >= 0 || bytes.IndexByte(name, 0) >= 0 {
					t.Fatalf("node %d: child name %q accepted", n, name)
				}
				if prev != nil && compareCacheTreeNames(prev, name) >= 0 {
					t.Fatalf("node %d: children %q, %q out of order", n, prev, name)
				}
				prev = name
				if got := tree.child(n, string(name)); got != int(k) {
					t.Fatalf("node %d: child(%q) = %d, want %d", n, name, got, k)
				}
				tree.valid(int(k), int(c.count))
			}
		}
	})
}

// TestDecodeCacheTreeMalformed checks what the cache tree decoder takes
// and what it ignores.
func TestDecodeCacheTreeMalformed(t *testing.T) {
	hash := strings.Repeat("h", len(plumbing.ZeroHash))
	deep := "\x00-1 1\n" + strings.Repeat("a\x00-1 1\n", 10000) + "a\x00-1 0\n"
	for _, tc := range []struct {
		label string
		ext   string
		nodes int // 0: ignored
	}{
		{"top only", "\x000 0\n" + hash, 1},
		{"children by length then bytes", "\x003 3\n" + hash + "b\x001 0\n" + hash + "c\x00-1 0\nab\x001 0\n" + hash, 4},
		{"absurdly deep, but well formed", deep, 10002},
		{"empty", "", 0},
		{"top named", "a\x00-1 0\n", 0},
		{"child unnamed", "\x00-1 1\n\x00-1 0\n", 0},
		{"slash in a name", "\x00-1 1\na/b\x00-1 0\n", 0},
		{"duplicate", "\x00-1 2\na\x00-1 0\na\x00-1 0\n", 0},
		{"out of order", "\x00-1 2\nab\x00-1 0\nb\x00-1 0\n", 0},
		{"fewer children than said", "\x00-1 2\na\x00-1 0\n", 0},
		{"more children than the bytes hold", "\x00-1 99999999\na\x00-1 0\n", 0},
		{"more children than said", "\x00-1 1\na\x00-1 0\nb\x00-1 0\n", 0},
		{"hash cut short", "\x001 0\n" + hash[1:], 0},
		{"-2", "\x00-2 0\n", 0},
		{"+1", "\x00+1 0\n" + hash, 0},
		{"count too large", "\x002147483648 0\n" + hash, 0},
		{"no space", "\x00-1\n", 0},
		{"no newline", "\x00-1 0", 0},
		{"bytes left over", "\x00-1 0\nx", 0},
	} {
		tree := decodeCacheTree([]byte(tc.ext))
		switch {
		case tc.nodes == 0 && tree != nil:
			t.Errorf("%s: taken, %d nodes", tc.label, len(tree.nodes))
		case tc.nodes != 0 && (tree == nil || len(tree.nodes) != tc.nodes):
			t.Errorf("%s: %v, want %d nodes", tc.label, tree, tc.nodes)
		}
	}
	tree := decodeCacheTree([]byte("\x003 3\n" + hash + "b\x001 0\n" + hash + "c\x00-1 0\nab\x001 0\n" + hash))
	for _, name := range []string{"b", "c", "ab"} {
		if tree.child(0, name) == noNode {
			t.Errorf("child %q not found", name)
		}
	}
	if _, ok := tree.valid(tree.child(0, "c"), 0); ok {
		t.Error("an invalidated node taken as valid")
	}
	if _, ok := tree.valid(tree.child(0, "b"), 2); ok {
		t.Error("a node covering 1 entry taken for a folder of 2")
	}
	if h, ok := tree.valid(tree.child(0, "ab"), 1); !ok || string(h[:]) != hash {
		t.Errorf("valid(ab) = %q, %v", h[:], ok)
	}
	if tree.child(0, "a") != noNode || tree.child(tree.child(0, "b"), "x") != noNode {
		t.Error("a child found that is not there")
	}
}
