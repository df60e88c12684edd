package vcs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Pending returns what the commit being made from the index does to the
// records it changes (lint.StagedFile), as the history will take that
// commit once made: each record the index holds with content HEAD does
// not have at its path, its blob, and the blob it changes. A record added
// that the same change deletes elsewhere is a rename, paired as the
// history pairs a commit's (exact, then similar content): its versions go
// on from the old path's, and an exact rename makes no version. A record
// deleted has none (it is not linted). During a merge (MERGE_HEAD), a
// record whose staged content one of the merged commits has is that
// side's, as the history takes it: left out, as it makes no version of
// the merge.
//
// It reads only what Changed found: the staged entries and HEAD's trees
// above the changed paths; blob contents only to pair renames whose
// content changed, as the history does.
func (ix *Index) Pending() ([]lint.StagedFile, error) {
	changed, err := ix.Changed()
	if err != nil {
		return nil, err
	}
	head, hasHead, err := ix.r.headTree()
	if err != nil {
		return nil, err
	}
	trees := newTreeCache(ix.r, 0)
	var added, deleted []fileAt
	var out []lint.StagedFile
	for _, p := range changed {
		if !schema.IsRecordName(p) {
			continue
		}
		var old plumbing.Hash
		if hasHead {
			if old, err = lookupBlob(trees, head, p); err != nil {
				return nil, err
			}
		}
		e, staged := ix.entry(p)
		switch {
		case !staged && old.IsZero():
		case !staged:
			deleted = append(deleted, fileAt{path: p, blob: old})
		case old.IsZero():
			added = append(added, fileAt{path: p, blob: e.hash})
		case e.hash != old: // not a change of mode alone
			out = append(out, lint.StagedFile{Path: p, Blob: e.hash.String(), From: p, Parents: old.String()})
		}
	}
	if len(added) > 0 {
		from, err := ix.r.findRenames(added, deleted)
		if err != nil {
			return nil, fmt.Errorf("renames: %w", err)
		}
		for i, a := range added {
			f := lint.StagedFile{Path: a.path, Blob: a.blob.String(), From: a.path, Parents: "-"}
			if !from[i].blob.IsZero() {
				f.From, f.Parents = from[i].path, from[i].blob.String()
			}
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return ix.notMerged(trees, out)
}

// entry returns the staged entry of path p, if it is a file the history
// reads (a regular or executable file).
func (ix *Index) entry(p string) (indexEntry, bool) {
	i := sort.Search(len(ix.files), func(i int) bool { return ix.files[i].name >= p })
	if i < len(ix.files) && ix.files[i].name == p && isFileMode(ix.files[i].mode) {
		return ix.files[i], true
	}
	return indexEntry{}, false
}

// notMerged leaves out of files, during a merge, those whose staged
// content a merged commit has (at the path, or the path it is renamed
// from): the history takes such content as that side's, not the merge's.
// The others are the merge's own: the blobs they change are then HEAD's
// and each merged commit's ("-" where one has none), as the history
// records a merge's.
func (ix *Index) notMerged(trees *treeCache, files []lint.StagedFile) ([]lint.StagedFile, error) {
	heads, err := ix.r.mergeHeads()
	if err != nil || len(heads) == 0 || len(files) == 0 {
		return files, err
	}
	var sides []plumbing.Hash
	for _, h := range heads {
		t, err := ix.r.commitTree(h)
		if err != nil {
			return nil, fmt.Errorf("MERGE_HEAD: %w", err)
		}
		sides = append(sides, t)
	}
	kept := files[:0]
	for _, f := range files {
		parents := []string{f.Parents}
		side := false
		for _, t := range sides {
			b, err := lookupBlob(trees, t, f.Path)
			if err == nil && b.IsZero() && f.From != f.Path {
				b, err = lookupBlob(trees, t, f.From)
			}
			if err != nil {
				return nil, err
			}
			if b.String() == f.Blob {
				side = true
			}
			if b.IsZero() {
				parents = append(parents, "-")
			} else {
				parents = append(parents, b.String())
			}
		}
		if side {
			continue
		}
		f.Parents = strings.Join(parents, " ")
		kept = append(kept, f)
	}
	return kept, nil
}

// mergeHeads returns the commits a merge in progress merges into HEAD
// (the git folder's MERGE_HEAD), none when no merge is in progress.
func (r *Repo) mergeHeads() ([]plumbing.Hash, error) {
	if r.gitDir == nil {
		return nil, nil
	}
	f, err := r.gitDir.Open("MERGE_HEAD")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("MERGE_HEAD: %w", err)
	}
	defer func() { _ = f.Close() }()
	data, err := io.ReadAll(io.LimitReader(f, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("MERGE_HEAD: %w", err)
	}
	var out []plumbing.Hash
	for _, line := range strings.Fields(string(data)) {
		if !plumbing.IsHash(line) {
			return nil, fmt.Errorf("MERGE_HEAD: %q is not a commit hash", line)
		}
		out = append(out, plumbing.NewHash(line))
	}
	return out, nil
}
