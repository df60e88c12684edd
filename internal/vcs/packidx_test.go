package vcs

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
)

// packIdxFile makes a packed repository and returns its one pack index's
// bytes.
func packIdxFile(t *testing.T) []byte {
	t.Helper()
	g := historyRepo(t)
	g.git("repack", "-a", "-d", "-f", "-q")
	idxs, err := filepath.Glob(filepath.Join(g.dir, ".git", "objects", "pack", "*.idx"))
	if err != nil || len(idxs) != 1 {
		t.Fatalf("pack indexes: %v, %v", idxs, err)
	}
	data, err := os.ReadFile(idxs[0])
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// idxV2 finds every object where go-git's decoded index does, and no
// object that is not there.
func TestIdxV2AgreesWithGoGit(t *testing.T) {
	data := packIdxFile(t)
	mem := idxfile.NewMemoryIndex()
	if err := idxfile.NewDecoder(bytes.NewReader(data)).Decode(mem); err != nil {
		t.Fatal(err)
	}
	x, err := newIdxV2(data)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := mem.Entries()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for {
		e, err := entries.Next()
		if err != nil {
			break
		}
		n++
		got, err := x.FindOffset(e.Hash)
		if err != nil || got != int64(e.Offset) {
			t.Errorf("FindOffset(%s) = %d, %v; want %d", e.Hash, got, err, e.Offset)
		}
		// A name one bit away is not there.
		other := e.Hash
		other[len(other)-1] ^= 1
		if _, err := mem.FindOffset(other); err != nil {
			if _, err := x.FindOffset(other); !errors.Is(err, plumbing.ErrObjectNotFound) {
				t.Errorf("FindOffset(%s), not in the pack: %v", other, err)
			}
		}
	}
	if n < 50 || x.n != n {
		t.Errorf("%d objects read, %d in the index", x.n, n)
	}
}

// idxBytes lays out a version 2 index of names (sorted) at offsets, with
// the 8-byte offsets large.
func idxBytes(names []plumbing.Hash, offsets []uint32, large []uint64) []byte {
	var b bytes.Buffer
	b.Write(idxV2Magic)
	for i := range 256 {
		c := 0
		for _, h := range names {
			if int(h[0]) <= i {
				c++
			}
		}
		_ = binary.Write(&b, binary.BigEndian, uint32(c))
	}
	for _, h := range names {
		b.Write(h[:])
	}
	b.Write(make([]byte, 4*len(names))) // CRCs
	for _, o := range offsets {
		_ = binary.Write(&b, binary.BigEndian, o)
	}
	for _, o := range large {
		_ = binary.Write(&b, binary.BigEndian, o)
	}
	b.Write(make([]byte, 2*hashSize)) // checksums
	return b.Bytes()
}

// Offsets past 2 GB are in the table of 8-byte offsets; one that points
// past that table, or is absurd, is an error, not a panic.
func TestIdxV2LargeOffsets(t *testing.T) {
	a := plumbing.NewHash("0100000000000000000000000000000000000000")
	b := plumbing.NewHash("8000000000000000000000000000000000000000")
	c := plumbing.NewHash("ff00000000000000000000000000000000000000")
	x, err := newIdxV2(idxBytes([]plumbing.Hash{a, b, c}, []uint32{12, 0x80000000, 0x80000001}, []uint64{5 << 30, 1 << 63}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		h    plumbing.Hash
		want int64
		err  bool
	}{{a, 12, false}, {b, 5 << 30, false}, {c, 0, true}} {
		got, err := x.FindOffset(tc.h)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("FindOffset(%s) = %d, %v; want %d, error %v", tc.h, got, err, tc.want, tc.err)
		}
	}
	x, err = newIdxV2(idxBytes([]plumbing.Hash{a}, []uint32{0x80000005}, []uint64{7}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := x.FindOffset(a); err == nil || errors.Is(err, plumbing.ErrObjectNotFound) {
		t.Errorf("an offset past the table: %v", err)
	}
}

// A damaged index is refused (and decoded by go-git, which says what is
// wrong) or read without a panic, however it is cut or changed.
func TestIdxV2Damaged(t *testing.T) {
	data := packIdxFile(t)
	x, err := newIdxV2(data)
	if err != nil {
		t.Fatal(err)
	}
	var names []plumbing.Hash
	for i := 0; i < x.n; i += 7 {
		var h plumbing.Hash
		copy(h[:], x.names[i*hashSize:])
		names = append(names, h)
	}
	try := func(what string, d []byte) {
		t.Helper()
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s: panic %v", what, r)
			}
		}()
		y, err := newIdxV2(d)
		if err != nil {
			return
		}
		for _, h := range names {
			_, _ = y.FindOffset(h)
		}
	}
	for _, n := range []int{0, 7, 8, 100, 8 + 1024, 8 + 1024 + 2*hashSize - 1, len(data) / 2, len(data) - 1} {
		try("cut", data[:n])
	}
	for _, at := range []int{0, 5, 8, 8 + 4*128, 8 + 4*255, 8 + 4*255 + 3, 8 + 1024 + 3, len(data) - 30} {
		d := bytes.Clone(data)
		d[at] ^= 0xff
		try("changed", d)
	}
	big := bytes.Clone(data)
	binary.BigEndian.PutUint32(big[8+4*255:], 0xffffffff) // more objects than the file holds
	if _, err := newIdxV2(big); err == nil {
		t.Error("an index claiming 4 billion objects: read")
	}
	if _, err := readPackIndex(bytes.NewReader(big), "", int64(len(big))); err == nil {
		t.Error("an index claiming 4 billion objects: decoded by go-git")
	}
}
