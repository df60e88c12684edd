package vcs

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// readIndex reads the index git would commit from: the file named by
// $GIT_INDEX_FILE when it is set (git sets it for hooks during git commit -a
// and git commit PATH, and go-git does not know it; a relative name is
// relative to the top of the work tree), else the repository's own index
// (the worktree's, in a linked worktree). A missing index file is an empty
// index, as for git.
func (r *Repo) readIndex() (*index.Index, error) {
	name := os.Getenv("GIT_INDEX_FILE")
	if name == "" {
		idx, err := r.repo.Storer.Index()
		if err != nil {
			return nil, fmt.Errorf("reading the git index: %w", err)
		}
		return idx, nil
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(r.root, name)
	}
	idx := &index.Index{Version: 2}
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return idx, nil
		}
		return nil, fmt.Errorf("reading the git index (GIT_INDEX_FILE): %w", err)
	}
	defer func() { _ = f.Close() }()
	if err := index.NewDecoder(bufio.NewReader(f)).Decode(idx); err != nil {
		return nil, fmt.Errorf("reading the git index %s (GIT_INDEX_FILE): %w", name, err)
	}
	return idx, nil
}

// stageMerged is the stage of an entry not in conflict (go-git's
// index.Merged is 1, which is the common ancestor's stage).
const stageMerged index.Stage = 0

// staged returns the index's entries by path: the merged (stage 0) entry,
// or for a path in conflict "our" side (stage 2) when there is one. Entries
// added with git add -N (intent to add) hold no content and are left out,
// as git commit leaves them out.
func staged(idx *index.Index) map[string]entry {
	out := make(map[string]entry, len(idx.Entries))
	for _, e := range idx.Entries {
		if e.IntentToAdd {
			continue
		}
		if _, ok := out[e.Name]; ok && e.Stage != stageMerged {
			continue
		}
		if e.Stage == stageMerged || e.Stage == index.OurMode {
			out[e.Name] = entry{name: path.Base(e.Name), mode: e.Mode, hash: e.Hash}
		}
	}
	return out
}

// indexSource is the index seen as a tree.
type indexSource struct {
	nodes map[string]entry   // every file and folder by path
	dirs  map[string][]entry // folder contents, sorted by name
}

func newIndexSource(files map[string]entry) *indexSource {
	s := &indexSource{nodes: map[string]entry{".": {name: ".", mode: filemode.Dir}}, dirs: map[string][]entry{".": nil}}
	for p, e := range files {
		s.nodes[p] = e
		child := e
		for {
			dir := path.Dir(p)
			s.dirs[dir] = append(s.dirs[dir], child)
			if _, seen := s.nodes[dir]; seen {
				break
			}
			child = entry{name: path.Base(dir), mode: filemode.Dir}
			s.nodes[dir] = child
			p = dir
		}
	}
	for _, es := range s.dirs {
		sort.Slice(es, func(i, j int) bool { return es[i].name < es[j].name })
	}
	return s
}

func (s *indexSource) lookup(name string) (entry, error) {
	e, ok := s.nodes[name]
	if !ok {
		return entry{}, fs.ErrNotExist
	}
	return e, nil
}

func (s *indexSource) list(name string, _ entry) ([]entry, error) {
	return s.dirs[name], nil
}

// IndexFS returns the staged content, as the index holds it (see readIndex
// for which index), as a read-only fs.FS of slash paths relative to the
// repository root. File contents come from the object store, where git add
// (and git commit -a, for its temporary index) has written them.
func (r *Repo) IndexFS() (fs.FS, error) {
	idx, err := r.readIndex()
	if err != nil {
		return nil, err
	}
	return &gitFS{r: r, src: newIndexSource(staged(idx)), modTime: idx.ModTime}, nil
}

// StagedPaths returns the slash paths whose staged content differs from
// HEAD's: added, modified (content or mode) or deleted, sorted. In a
// repository with no commits yet, every staged path.
func (r *Repo) StagedPaths() ([]string, error) {
	idx, err := r.readIndex()
	if err != nil {
		return nil, err
	}
	files := staged(idx)
	head := map[string]entry{}
	ref, err := r.repo.Head()
	switch {
	case errors.Is(err, plumbing.ErrReferenceNotFound):
		// No commits yet.
	case err != nil:
		return nil, fmt.Errorf("HEAD: %w", err)
	default:
		c, err := r.resolve(ref.Hash().String())
		if err != nil {
			return nil, err
		}
		if err := r.flatten(newTreeCache(r, 0), c.TreeHash, "", head); err != nil {
			return nil, err
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
	return out, nil
}

// flatten adds every non-folder entry under tree h to out, by path.
func (r *Repo) flatten(trees *treeCache, h plumbing.Hash, prefix string, out map[string]entry) error {
	es, err := trees.get(h)
	if err != nil {
		return err
	}
	for _, e := range es {
		p := prefix + e.name
		if e.isDir() {
			if err := r.flatten(trees, e.hash, p+"/", out); err != nil {
				return err
			}
			continue
		}
		out[p] = e
	}
	return nil
}
