package vcs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
)

// historyRepo makes a repository with many versions of a few files, so
// that packing it makes delta chains.
func historyRepo(t *testing.T) *testRepo {
	g := newTestRepo(t)
	body := strings.Repeat("A line of the record that stays the same.\n", 40)
	for i := range 30 {
		g.write("cases/STK-1/visit.md", fmt.Sprintf("+++\nn = %d\n+++\n%s\nEdit %d.\n", i, body, i))
		if i%3 == 0 {
			g.write(fmt.Sprintf("cases/STK-%d/case.md", i), body+fmt.Sprintf("case %d\n", i))
		}
		if i%7 == 0 {
			g.write("cases/STK-1/notes.txt", fmt.Sprintf("notes %d\n", i))
		}
		if i == 10 {
			g.write("empty.md", "")
		}
		g.commit("Ann Smith", fmt.Sprintf("2026-01-%02dT10:00:00Z", 1+i%28), fmt.Sprintf("edit %d", i))
	}
	return g
}

// allObjects lists the repository's objects with git cat-file.
func allObjects(g *testRepo) []plumbing.Hash {
	var out []plumbing.Hash
	for _, line := range strings.Split(g.git("cat-file", "--batch-all-objects", "--batch-check=%(objectname)"), "\n") {
		out = append(out, plumbing.NewHash(line))
	}
	return out
}

// TestPackReader reads every object of packed repositories, with offset
// deltas and with reference deltas, and checks it against go-git's own
// reading.
func TestPackReader(t *testing.T) {
	for _, tc := range []struct {
		name  string
		args  []string
		delta int
	}{
		{"offset deltas", []string{"repack", "-a", "-d", "-f", "-q", "--depth=50"}, packOFSDelta},
		{"reference deltas", []string{"-c", "repack.useDeltaBaseOffset=false", "repack", "-a", "-d", "-f", "-q"}, packREFDelta},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := historyRepo(t)
			g.git(tc.args...)
			if out := g.git("count-objects", "-v"); !strings.HasPrefix(out, "count: 0\n") {
				t.Fatalf("loose objects left:\n%s", out)
			}
			r := g.open()
			defer func() { _ = r.Close() }()
			r.mu.Lock()
			ps := r.packSet()
			r.mu.Unlock()
			if ps == nil || len(ps.packs) != 1 {
				t.Fatalf("packs not opened: %+v", ps)
			}
			mapped := ps.packs[0].data
			if runtime.GOOS != "windows" && runtime.GOOS != "plan9" && mapped == nil {
				t.Error("the pack is not mapped into memory: it is read with a system call an object")
			}
			// Every object read from the mapping and again with pread.
			objs := allObjects(g)
			objs = append(objs, objs...)
			deltas := 0
			for i, h := range objs {
				if i == len(objs)/2 {
					ps.packs[0].data = nil
				}
				obj, err := r.repo.Storer.EncodedObject(plumbing.AnyObject, h)
				if err != nil {
					t.Fatal(err)
				}
				rd, _ := obj.Reader()
				want, _ := io.ReadAll(rd)
				_ = rd.Close()
				// Fresh each time, so that deltas are patched from cold too.
				ps.cache = deltaCache{limit: ps.cache.limit}
				n, err := ps.size(h)
				if err != nil || n != int64(len(want)) {
					t.Errorf("size(%s) = %d, %v; want %d", h, n, err, len(want))
				}
				typ, data, err := ps.read(h)
				if err != nil || typ != obj.Type() || !bytes.Equal(data, want) {
					t.Errorf("read(%s) = %s, %d bytes, %v; want %s, %d bytes", h, typ, len(data), err, obj.Type(), len(want))
				}
				p, off, _ := ps.find(h)
				if hd, err := ps.header(p, off); err == nil && hd.typ == tc.delta {
					deltas++
				}
			}
			if deltas == 0 {
				t.Errorf("no deltas of type %d in the pack: the test tests less than it should", tc.delta)
			}
			if _, _, err := ps.read(plumbing.NewHash("0123456789012345678901234567890123456789")); !errors.Is(err, errNotPacked) {
				t.Errorf("read of a missing object = %v", err)
			}
			ps.packs[0].data = mapped // for Close to unmap
		})
	}
}

// TestHistoryPackedAndLoose builds the history from loose objects, then
// from packs, and from packs with new loose objects on top: all the same.
func TestHistoryPackedAndLoose(t *testing.T) {
	g := historyRepo(t)
	build := func() map[string]string {
		r := g.open()
		defer func() { _ = r.Close() }()
		h, err := r.History()
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for p, vs := range h.allVersions() {
			var sb strings.Builder
			for _, v := range vs {
				data, err := h.Content(p, v)
				if err != nil {
					t.Fatal(err)
				}
				fmt.Fprintf(&sb, "%s %s %s %d\n", v.Commit, v.Author, v.When.UTC(), len(data))
			}
			out[p] = sb.String()
		}
		return out
	}
	loose := build()
	if n := strings.Count(loose["cases/STK-1/visit.md"], "\n"); n != 30 {
		t.Errorf("visit.md: %d versions, want 30", n)
	}
	if _, ok := loose["empty.md"]; !ok {
		t.Error("empty.md has no version")
	}
	g.git("repack", "-a", "-d", "-f", "-q")
	if packed := build(); !reflect.DeepEqual(packed, loose) {
		t.Errorf("packed history differs:\n%v\n%v", packed, loose)
	}
	g.write("cases/STK-1/visit.md", "after the pack\n")
	g.commit("Ben Jones", "2026-02-01T10:00:00Z", "after")
	mixed := build()
	if n := strings.Count(mixed["cases/STK-1/visit.md"], "\n"); n != 31 {
		t.Errorf("visit.md after a loose commit: %d versions, want 31", n)
	}
	// A CommitFS reads packed and loose blobs alike.
	r := g.open()
	defer func() { _ = r.Close() }()
	for rev, want := range map[string]string{"HEAD": "after the pack\n", "HEAD~1": "Edit 29."} {
		fsys, err := r.CommitFS(rev)
		if err != nil {
			t.Fatal(err)
		}
		data, err := fsys.(*gitFS).ReadFile("cases/STK-1/visit.md")
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s: visit.md = %q, %v", rev, data, err)
		}
	}
}

// TestConcurrentReads reads a packed commit, the index and the history
// from several goroutines at once (run with -race).
func TestConcurrentReads(t *testing.T) {
	g := historyRepo(t)
	g.git("repack", "-a", "-d", "-q")
	r := g.open()
	defer func() { _ = r.Close() }()
	h, err := r.History()
	if err != nil {
		t.Fatal(err)
	}
	cfs, err := r.CommitFS("HEAD~3")
	if err != nil {
		t.Fatal(err)
	}
	ifs, err := r.IndexFS()
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 16)
	for i := range 16 {
		go func() {
			fsys := cfs
			if i%2 == 1 {
				fsys = ifs
			}
			err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				if _, err := fs.ReadFile(fsys, p); err != nil {
					return err
				}
				if _, err := d.Info(); err != nil {
					return err
				}
				if strings.HasSuffix(p, ".md") && h.Versions(p) != nil {
					data, _ := fs.ReadFile(fsys, p)
					h.LineOrigin(p, data, 1+i%5)
				}
				return nil
			})
			errs <- err
		}()
	}
	for range 16 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestCorruptPackHeader: an object whose header claims more bytes than
// what is left of the pack could inflate to, or a size that overflows, is
// an error, never an allocation of that size or a panic.
func TestCorruptPackHeader(t *testing.T) {
	for _, tc := range []struct {
		name string
		head []byte
	}{
		{"a terabyte", []byte{0x3f | 0x80, 0xff, 0xff, 0xff, 0xff, 0x7f}},
		{"the sign bit", []byte{0x3f | 0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}},
		{"just over", []byte{0x30 | 0x80, 0x97, 0x22}}, // 70,000 bytes from 64 left: at most 67,072
	} {
		data := append(append([]byte{}, tc.head...), make([]byte, 64-len(tc.head))...)
		ps := &packSet{}
		p := &pack{data: data, size: int64(len(data))}
		if _, err := ps.header(p, 0); err == nil {
			t.Errorf("%s: header read without error", tc.name)
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: panic %v", tc.name, r)
				}
			}()
			if _, _, err := ps.readAt(p, 0, 0); err == nil {
				t.Errorf("%s: object read without error", tc.name)
			}
		}()
	}
	// A plausible size still reads as far as the stream goes.
	ps := &packSet{}
	p := &pack{data: append([]byte{0x3a}, make([]byte, 63)...), size: 64}
	if h, err := ps.header(p, 0); err != nil || h.size != 10 {
		t.Errorf("a 10-byte blob's header: %+v, %v", h, err)
	}
}
