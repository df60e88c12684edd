package lint

import (
	"slices"
	"strings"
	"time"
)

// StagedFile is what the commit being made (caselint lint --staged, the
// pre-commit hook) does to one record: it gives the record at Path the
// content of blob Blob, whose versions go on from those of From.
type StagedFile struct {
	Path string // the record's path in the index
	Blob string // its content's blob hash in the index
	// From is the path whose versions the record's go on from: Path, or
	// the path a staged rename takes it from (as the history will take it
	// once committed).
	From string
	// Parents are the blobs the commit changes, as Version.Parents:
	// From's in HEAD, "-" when HEAD has none (a record added); during a
	// merge, then each merged commit's.
	Parents string
}

// WithPending returns h with the versions the commit being made at when
// gives the staged files: each file's versions are those of its From,
// then its pending version (Version.Pending: dated when, its content
// Blob, no commit), unless the commit leaves its content as it was (an
// exact rename makes no version, as in the history). Its content is read
// from h by its blob (Content), which the index put in the object store. The history rules
// then judge a staged record as the commit will make it. Files not staged,
// and nil h, are left as they are; nothing is added to h itself (the
// history cache never holds a pending version).
//
// The history rules leave out a commit after the as-of date, the pending
// one too: linted as of an earlier day, the commit being made has not
// happened yet.
func WithPending(h History, when time.Time, files []StagedFile) History {
	if h == nil || len(files) == 0 {
		return h
	}
	p := &pendingHistory{History: h, when: when, files: make(map[string]StagedFile, len(files))}
	for _, f := range files {
		if f.From == "" {
			f.From = f.Path
		}
		p.files[f.Path] = f
	}
	return p
}

// pendingHistory is a History with the commit being made (WithPending).
type pendingHistory struct {
	History
	when  time.Time
	files map[string]StagedFile // by path
}

// Versions returns path's versions, its pending version last when it is
// staged.
func (h *pendingHistory) Versions(path string) []Version {
	f, ok := h.files[path]
	if !ok {
		return h.History.Versions(path)
	}
	vs := h.History.Versions(f.From)
	if f.From != f.Path {
		// A renamed record goes on from the old path's versions, joined
		// to those its own path had (a path used before), in time order.
		if own := h.History.Versions(f.Path); len(own) > 0 {
			vs = append(slices.Clone(own), vs...)
			slices.SortStableFunc(vs, func(a, b Version) int { return a.When.Compare(b.When) })
		}
	}
	parents := f.Parents
	if parents == "" {
		parents = "-"
	}
	if slices.Contains(strings.Fields(parents), f.Blob) {
		return vs // renamed as it was, or a side's content: no version
	}
	out := make([]Version, len(vs), len(vs)+1)
	copy(out, vs)
	return append(out, Version{When: h.when, Blob: f.Blob, Parents: parents, Pending: true})
}
