package vcs

import (
	"bytes"
	_ "crypto/sha1"   // the index checksum of a SHA-1 repository
	_ "crypto/sha256" // and of a SHA-256 one
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/hash"
)

// indexEntry is one entry of the git index file.
type indexEntry struct {
	name         string // the slash path from the top of the work tree
	mode         filemode.FileMode
	hash         plumbing.Hash
	stage        uint8 // 0 merged, 1 the common ancestor, 2 ours, 3 theirs
	intentToAdd  bool  // git add -N: a path with no content yet
	skipWorktree bool  // git update-index --skip-worktree, sparse checkout
	// The file's modification time and size (its low 32 bits) in the work
	// tree when git last read it: when the file still has them, it still
	// has the content hash names (Index.Clean).
	mtimeSec, mtimeNsec, size uint32
	// Its change time and inode number (low 32 bits), which git compares
	// too (core.trustctime, core.checkStat): a file rewritten with the
	// same size and its modification time put back has a new change time.
	ctimeSec, ctimeNsec, ino uint32
}

// indexFile is the content of a git index file: its entries in the file's
// order, which is git's (by path, byte by byte, then by stage).
type indexFile struct {
	version uint32
	entries []indexEntry
	// tree is the content of git's cache tree (the TREE extension), nil
	// when the file has none or more than one; decodeCacheTree decodes it
	// when it is needed.
	tree []byte
}

// The index file format (git's Documentation/gitformat-index.txt): a
// header, the entries, optional extensions and the checksum of all that.
const (
	indexSignature  = "DIRC"
	indexHeaderLen  = 12     // signature, version, entry count
	indexStatLen    = 40     // ctime, mtime, dev, ino, mode, uid, gid, size
	indexExtended   = 0x4000 // flags: extended flags follow (version 3 and up)
	indexNameMask   = 0x0fff // flags: the length of the name, 0xfff for longer
	indexSkipWT     = 0x4000 // extended flags: skip-worktree
	indexITA        = 0x2000 // extended flags: intent-to-add
	indexKnownExtFl = indexSkipWT | indexITA
)

// errIndexTruncated says the index file ends where more is due.
var errIndexTruncated = errors.New("the file is truncated")

// decodeIndex decodes the content of an index file of version 2, 3 or 4,
// checking its trailing checksum (a checksum of zeros, written when
// index.skipHash is set, is not checked, as git does not check it). It
// refuses what it cannot read faithfully: a split index (the "link"
// extension), a sparse index (folder entries, the "sdir" extension) and
// any other extension git marks as required.
func decodeIndex(data []byte) (*indexFile, error) {
	hashLen := len(plumbing.ZeroHash)
	if len(data) >= 4 && string(data[:4]) != indexSignature {
		return nil, errors.New("not a git index (no DIRC signature)")
	}
	if len(data) >= 8 {
		if version := binary.BigEndian.Uint32(data[4:8]); version < 2 || version > 4 {
			return nil, fmt.Errorf("index version %d is not supported (only versions 2, 3 and 4 are)", version)
		}
	}
	if len(data) < indexHeaderLen+hashLen {
		return nil, errIndexTruncated
	}
	version := binary.BigEndian.Uint32(data[4:8])
	body, sum := data[:len(data)-hashLen], data[len(data)-hashLen:]
	if !bytes.Equal(sum, plumbing.ZeroHash[:]) {
		h := hash.CryptoType.New()
		h.Write(body)
		if !bytes.Equal(h.Sum(nil), sum) {
			return nil, errors.New("the checksum does not match: the file is corrupted or truncated")
		}
	}
	count := binary.BigEndian.Uint32(data[8:12])
	d := indexDecoder{version: version, body: body, off: indexHeaderLen, hashLen: hashLen}
	idx := &indexFile{version: version}
	if err := d.entries(idx, count); err != nil {
		return nil, err
	}
	// The extensions first: a split index's entries, which have no names,
	// are refused for being split.
	if err := d.extensions(idx); err != nil {
		return nil, err
	}
	for i := range idx.entries {
		if err := checkIndexEntry(idx.entries, i); err != nil {
			return nil, fmt.Errorf("index entry %d (%q): %w", i, idx.entries[i].name, err)
		}
	}
	return idx, nil
}

// indexDecoder walks the body of an index file (all but its checksum).
type indexDecoder struct {
	version uint32
	body    []byte
	off     int
	hashLen int
}

// entries decodes count entries into idx. The names are written one
// after the other into one string (a strings.Builder sized once for them
// all, whose bytes written never change), each cut from it as it is
// written, rather than allocated one by one.
func (d *indexDecoder) entries(idx *indexFile, count uint32) error {
	fixed := indexStatLen + d.hashLen + 2
	n := int(min(uint64(count), uint64(len(d.body)/fixed)))
	idx.entries = make([]indexEntry, 0, n)
	var names strings.Builder
	// At most what the entries leave of the file; a version 4 index's
	// names can be longer, and the builder grows for them.
	names.Grow(max(0, len(d.body)-d.off-n*fixed))
	prev := 0 // where the previous name starts in names
	for i := range count {
		bad := func(format string, args ...any) error {
			return fmt.Errorf("index entry %d: %s", i, fmt.Sprintf(format, args...))
		}
		start := d.off
		if len(d.body)-d.off < fixed {
			return fmt.Errorf("index entry %d: %w", i, errIndexTruncated)
		}
		rec := d.body[d.off:]
		e := indexEntry{mode: filemode.FileMode(binary.BigEndian.Uint32(rec[24:28])),
			ctimeSec: binary.BigEndian.Uint32(rec[0:4]), ctimeNsec: binary.BigEndian.Uint32(rec[4:8]),
			mtimeSec: binary.BigEndian.Uint32(rec[8:12]), mtimeNsec: binary.BigEndian.Uint32(rec[12:16]),
			ino: binary.BigEndian.Uint32(rec[20:24]), size: binary.BigEndian.Uint32(rec[36:40])}
		copy(e.hash[:], rec[indexStatLen:indexStatLen+d.hashLen])
		flags := binary.BigEndian.Uint16(rec[indexStatLen+d.hashLen:])
		d.off += fixed
		e.stage = uint8(flags>>12) & 3
		if flags&indexExtended != 0 {
			if d.version < 3 {
				return bad("extended flags in a version %d index", d.version)
			}
			if len(d.body)-d.off < 2 {
				return fmt.Errorf("index entry %d: %w", i, errIndexTruncated)
			}
			ext := binary.BigEndian.Uint16(d.body[d.off:])
			d.off += 2
			if ext&^indexKnownExtFl != 0 {
				return bad("unknown extended flags %#04x", ext)
			}
			e.skipWorktree = ext&indexSkipWT != 0
			e.intentToAdd = ext&indexITA != 0
		}
		nameStart := names.Len()
		if d.version == 4 {
			// The name is the previous one less its last strip bytes, then
			// the bytes up to a NUL; no padding follows.
			strip, w := offsetVarint(d.body[d.off:])
			if w == 0 {
				return bad("malformed path prefix length")
			}
			d.off += w
			if strip > names.Len()-prev {
				return bad("the path prefix length %d is longer than the previous path", strip)
			}
			nul := bytes.IndexByte(d.body[d.off:], 0)
			if nul < 0 {
				return fmt.Errorf("index entry %d: %w", i, errIndexTruncated)
			}
			names.WriteString(names.String()[prev : names.Len()-strip])
			names.Write(d.body[d.off : d.off+nul])
			d.off += nul + 1
		} else {
			nul := bytes.IndexByte(d.body[d.off:], 0)
			if nul < 0 {
				return fmt.Errorf("index entry %d: %w", i, errIndexTruncated)
			}
			if l := int(flags & indexNameMask); l != nul && (l < indexNameMask || nul < indexNameMask) {
				return bad("the path is %d bytes long, its flags say %d", nul, l)
			}
			names.Write(d.body[d.off : d.off+nul])
			// Padded with 1 to 8 NULs to a multiple of 8 bytes.
			size := (d.off - start + nul + 8) &^ 7
			if start+size > len(d.body) {
				return fmt.Errorf("index entry %d: %w", i, errIndexTruncated)
			}
			d.off = start + size
		}
		prev = nameStart
		// The builder's string so far: its bytes stay as they are, in this
		// array or, when the builder grows, in the one it leaves.
		e.name = names.String()[nameStart:]
		idx.entries = append(idx.entries, e)
	}
	return nil
}

// checkIndexEntry checks entry i of es: a path caselint can show, in
// order after the entry before it, and not a folder (a sparse index's).
func checkIndexEntry(es []indexEntry, i int) error {
	e := es[i]
	if e.mode == filemode.Dir {
		return errors.New("a folder entry of a sparse index, which caselint does not read (git config index.sparse false, then git sparse-checkout reapply, writes a full index)")
	}
	if !fs.ValidPath(e.name) || e.name == "." {
		return errors.New("not a valid path")
	}
	if i > 0 {
		p := es[i-1]
		if p.name > e.name || (p.name == e.name && p.stage >= e.stage) {
			return errors.New("out of order: the index must be sorted by path and stage")
		}
	}
	return nil
}

// extensions reads the extensions after the entries into idx, refusing
// those that change what the entries mean. Of the optional ones, only the
// cache tree ("TREE") is kept, unless there are two; the others are
// skipped.
func (d *indexDecoder) extensions(idx *indexFile) error {
	trees := 0
	// As git, stop when what is left cannot hold an extension's header.
	for len(d.body)-d.off >= 8 {
		sig := d.body[d.off : d.off+4]
		size := binary.BigEndian.Uint32(d.body[d.off+4:])
		d.off += 8
		switch {
		case string(sig) == "link":
			return errors.New(`the index is split (the "link" extension, git update-index --split-index), which caselint does not read (git update-index --no-split-index writes a whole index)`)
		case string(sig) == "sdir":
			return errors.New(`the index is sparse (the "sdir" extension), which caselint does not read (git config index.sparse false, then git sparse-checkout reapply, writes a full index)`)
		case sig[0] < 'A' || sig[0] > 'Z':
			return fmt.Errorf("the index extension %q is required to read the index, and caselint does not know it", sig)
		}
		if uint64(size) > uint64(len(d.body)-d.off) {
			return fmt.Errorf("index extension %q: %w", sig, errIndexTruncated)
		}
		if string(sig) == "TREE" {
			if trees++; trees == 1 {
				idx.tree = d.body[d.off : d.off+int(size)]
			} else {
				idx.tree = nil
			}
		}
		d.off += int(size)
	}
	return nil
}

// offsetVarint decodes git's offset varint (as in version 4 path prefixes
// and pack offsets): its value and width, or a width of 0 when it is
// malformed or too large.
func offsetVarint(b []byte) (int, int) {
	if len(b) == 0 {
		return 0, 0
	}
	c := b[0]
	v := int(c & 0x7f)
	i := 1
	for c&0x80 != 0 {
		if i >= len(b) || v >= math.MaxInt32>>7 {
			return 0, 0
		}
		c = b[i]
		i++
		v = (v+1)<<7 | int(c&0x7f)
	}
	return v, i
}
