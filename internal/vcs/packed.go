package vcs

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/memory"
)

// packWindow is how many objects the packer tries each blob against as a
// delta base, as git repack does by default.
const packWindow = 10

// PackedHistory builds a repository's history in memory, commit by
// commit, and writes it as one pack, as a clone has it: for the synthetic
// corpus (internal/synth), whose many commits a work tree would hash and
// stat again each time.
type PackedHistory struct {
	mem     *memory.Storage
	root    *treeNode
	parent  plumbing.Hash
	commits int
}

// Blob is a file's content stored in a PackedHistory.
type Blob struct{ h plumbing.Hash }

// NewPackedHistory returns an empty history.
func NewPackedHistory() *PackedHistory {
	return &PackedHistory{mem: memory.NewStorage(), root: &treeNode{}}
}

// Blob stores data.
func (p *PackedHistory) Blob(data []byte) (Blob, error) {
	obj := p.mem.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	obj.SetSize(int64(len(data)))
	w, err := obj.Writer()
	if err != nil {
		return Blob{}, err
	}
	if _, err := w.Write(data); err != nil {
		return Blob{}, err
	}
	if err := w.Close(); err != nil {
		return Blob{}, err
	}
	h, err := p.mem.SetEncodedObject(obj)
	return Blob{h}, err
}

// Set puts b at the slash path in the tree the next commit commits.
func (p *PackedHistory) Set(path string, b Blob) { p.root.set(path, b.h) }

// Commit commits the tree as Set has made it, by sig, with message.
func (p *PackedHistory) Commit(sig Signature, message string) error {
	tree, err := p.root.write(p.mem)
	if err != nil {
		return err
	}
	c := &object.Commit{Author: *sig.object(), Committer: *sig.object(), Message: message, TreeHash: tree}
	if !p.parent.IsZero() {
		c.ParentHashes = []plumbing.Hash{p.parent}
	}
	if p.parent, err = putObject(p.mem, c); err != nil {
		return err
	}
	p.commits++
	return nil
}

// WriteRepo makes dir, whose work tree holds the files of the last
// commit, a git repository with the history on branch: the objects in one
// pack, and an index matching HEAD, so that the work tree is clean.
func (p *PackedHistory) WriteRepo(dir, branch string) error {
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName(branch)}})
	if err != nil {
		return err
	}
	if err := writePack(p.mem, repo.Storer); err != nil {
		return err
	}
	if p.commits > 0 {
		if err := repo.Storer.SetReference(plumbing.NewHashReference(plumbing.NewBranchReferenceName(branch), p.parent)); err != nil {
			return err
		}
	}
	idx, err := indexOf(dir, p.root)
	if err != nil {
		return err
	}
	return repo.Storer.SetIndex(idx)
}

type encoder interface {
	Encode(plumbing.EncodedObject) error
}

func putObject(s storer.EncodedObjectStorer, o encoder) (plumbing.Hash, error) {
	obj := s.NewEncodedObject()
	if err := o.Encode(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	return s.SetEncodedObject(obj)
}

// treeNode is a folder of the tree being committed.
type treeNode struct {
	dirs  map[string]*treeNode
	files map[string]plumbing.Hash
	hash  plumbing.Hash
	dirty bool
}

func (t *treeNode) set(p string, h plumbing.Hash) {
	parts := strings.Split(p, "/")
	n := t
	for _, d := range parts[:len(parts)-1] {
		n.dirty = true
		if n.dirs == nil {
			n.dirs = map[string]*treeNode{}
		}
		c := n.dirs[d]
		if c == nil {
			c = &treeNode{}
			n.dirs[d] = c
		}
		n = c
	}
	n.dirty = true
	if n.files == nil {
		n.files = map[string]plumbing.Hash{}
	}
	n.files[parts[len(parts)-1]] = h
}

// write stores the trees changed since the last write and returns the hash
// of t.
func (t *treeNode) write(s storer.EncodedObjectStorer) (plumbing.Hash, error) {
	if !t.dirty {
		return t.hash, nil
	}
	var es []object.TreeEntry
	for name, c := range t.dirs {
		h, err := c.write(s)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		es = append(es, object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: h})
	}
	for name, h := range t.files {
		es = append(es, object.TreeEntry{Name: name, Mode: filemode.Regular, Hash: h})
	}
	// git orders a tree's entries by name, a folder's name as if it ended
	// in "/".
	key := func(e object.TreeEntry) string {
		if e.Mode == filemode.Dir {
			return e.Name + "/"
		}
		return e.Name
	}
	sort.Slice(es, func(i, j int) bool { return key(es[i]) < key(es[j]) })
	h, err := putObject(s, &object.Tree{Entries: es})
	if err != nil {
		return plumbing.ZeroHash, err
	}
	t.hash, t.dirty = h, false
	return h, nil
}

// writePack writes every object of mem into the repository as one pack file.
func writePack(mem *memory.Storage, to storer.Storer) error {
	pw, ok := to.(storer.PackfileWriter)
	if !ok {
		return fmt.Errorf("the repository storage cannot take a pack file")
	}
	iter, err := mem.IterEncodedObjects(plumbing.AnyObject)
	if err != nil {
		return err
	}
	var hashes []plumbing.Hash
	if err := iter.ForEach(func(o plumbing.EncodedObject) error {
		hashes = append(hashes, o.Hash())
		return nil
	}); err != nil {
		return err
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i].String() < hashes[j].String() })
	w, err := pw.PackfileWriter()
	if err != nil {
		return err
	}
	if _, err := packfile.NewEncoder(w, mem, false).Encode(hashes, packWindow); err != nil {
		_ = w.Close()
		return err
	}
	return w.Close()
}

// indexOf returns the index of the tree root, with the stat data of the
// files in the work tree, so that git sees them unchanged.
func indexOf(dir string, root *treeNode) (*index.Index, error) {
	idx := &index.Index{Version: 2}
	var walk func(prefix string, t *treeNode) error
	walk = func(prefix string, t *treeNode) error {
		for name, c := range t.dirs {
			if err := walk(prefix+name+"/", c); err != nil {
				return err
			}
		}
		for name, h := range t.files {
			p := prefix + name
			fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
			if err != nil {
				return err
			}
			e := &index.Entry{Hash: h, Name: p, Mode: filemode.Regular, Size: uint32(fi.Size()), ModifiedAt: fi.ModTime(), CreatedAt: fi.ModTime()}
			fillStat(e, fi)
			idx.Entries = append(idx.Entries, e)
		}
		return nil
	}
	if err := walk("", root); err != nil {
		return nil, err
	}
	sort.Slice(idx.Entries, func(i, j int) bool { return idx.Entries[i].Name < idx.Entries[j].Name })
	return idx, nil
}
