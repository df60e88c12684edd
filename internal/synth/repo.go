package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/memory"
)

// Branch is the branch GenerateRepo commits to.
const Branch = "main"

// packWindow is how many objects the packer tries each blob against as a
// delta base, as git repack does by default.
const packWindow = 10

// GenerateRepo writes the corpus Generate writes, into dir, as a git
// repository: the records are committed as they were written, a few at a
// time, each commit dated when its last record was (0 to 3 working days
// after the event, in working hours, London time), authored by the worker
// who wrote it. A plan is committed again after each review conference and
// when it ends; a few visit records gain a correction in a later commit.
// opts.Commits says how many commits (see Options). The objects are written
// as one pack, as a clone has them, and the index matches HEAD: the work
// tree is clean.
//
// It uses go-git's object storage directly rather than a worktree, which
// would hash and stat every file again for each commit.
func GenerateRepo(dir string, opts Options) (Stats, error) {
	if err := opts.normalise(); err != nil {
		return Stats{}, err
	}
	if err := prepare(dir); err != nil {
		return Stats{}, err
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		return Stats{}, fmt.Errorf("%s is already a git repository", dir)
	}
	mem := memory.NewStorage()
	var (
		st      Stats
		entries []entry
		authors []string
	)
	authorOf := map[string]int{}
	err := build(opts, func(c *caseModel) error {
		return c.writeTree(dir)
	}, func(c *caseModel) error {
		st.add(c)
		for _, f := range c.files {
			for _, v := range f.versions {
				h, err := putBlob(mem, v.data)
				if err != nil {
					return err
				}
				name := c.people[v.author]
				a, ok := authorOf[name]
				if !ok {
					a = len(authors)
					authors = append(authors, name)
					authorOf[name] = a
				}
				entries = append(entries, entry{when: v.when, path: f.path, blob: h, author: a})
			}
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	if err := writeExtras(dir, opts, st); err != nil {
		return st, err
	}

	// The first commit brings the README (and fixture.toml) with the first
	// records.
	var extras []entry
	for _, name := range []string{"README.md", "fixture.toml"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			return st, err
		}
		h, err := putBlob(mem, data)
		if err != nil {
			return st, err
		}
		extras = append(extras, entry{path: name, blob: h, author: 0})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].when.Before(entries[j].when) })

	chunks := commitGroups(entries, opts.Commits)
	root := &treeNode{}
	var parent plumbing.Hash
	for k, chunk := range chunks {
		if k == 0 {
			for _, e := range extras {
				root.set(e.path, e.blob)
			}
		}
		for _, e := range chunk {
			root.set(e.path, e.blob)
		}
		tree, err := root.write(mem)
		if err != nil {
			return st, err
		}
		last := chunk[len(chunk)-1]
		sig := signature(authors[last.author], last.when)
		c := &object.Commit{Author: sig, Committer: sig, Message: message(chunk), TreeHash: tree}
		if !parent.IsZero() {
			c.ParentHashes = []plumbing.Hash{parent}
		}
		if parent, err = putObject(mem, c); err != nil {
			return st, err
		}
	}
	n := len(chunks)
	st.Commits = n

	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName(Branch)}})
	if err != nil {
		return st, err
	}
	if err := pack(mem, repo.Storer); err != nil {
		return st, err
	}
	if n > 0 {
		if err := repo.Storer.SetReference(plumbing.NewHashReference(plumbing.NewBranchReferenceName(Branch), parent)); err != nil {
			return st, err
		}
	}
	idx, err := indexOf(dir, root)
	if err != nil {
		return st, err
	}
	return st, repo.Storer.SetIndex(idx)
}

// entry is one version of one file, to be committed.
type entry struct {
	when   time.Time
	path   string
	blob   plumbing.Hash
	author int
}

// commitGroups splits the versions, sorted by time, into commits: one for
// each day versions were written, so that no record waits for a later day,
// each split into parts in time order, in proportion to its size, to make
// the commits asked for (when more than the days).
func commitGroups(entries []entry, commits int) [][]entry {
	var days [][]entry
	for i := 0; i < len(entries); {
		y, m, d := entries[i].when.In(london).Date()
		j := i + 1
		for j < len(entries) {
			y2, m2, d2 := entries[j].when.In(london).Date()
			if y2 != y || m2 != m || d2 != d {
				break
			}
			j++
		}
		days = append(days, entries[i:j])
		i = j
	}
	commits = min(commits, len(entries))
	if commits <= len(days) {
		return days
	}
	// Parts per day: one each, the rest by largest remainder of the
	// proportional share.
	parts := make([]int, len(days))
	extra := commits - len(days)
	type rem struct {
		day  int
		frac float64
	}
	var rems []rem
	given := 0
	for i, d := range days {
		share := float64(extra) * float64(len(d)) / float64(len(entries))
		k := min(int(share), len(d)-1)
		parts[i] = 1 + k
		given += k
		rems = append(rems, rem{i, share - float64(k)})
	}
	sort.SliceStable(rems, func(i, j int) bool { return rems[i].frac > rems[j].frac })
	for given < extra {
		progress := false
		for _, r := range rems {
			if given == extra {
				break
			}
			if parts[r.day] < len(days[r.day]) {
				parts[r.day]++
				given++
				progress = true
			}
		}
		if !progress {
			break
		}
	}
	var out [][]entry
	for i, d := range days {
		for k := range parts[i] {
			out = append(out, d[k*len(d)/parts[i]:(k+1)*len(d)/parts[i]])
		}
	}
	return out
}

func signature(name string, when time.Time) object.Signature {
	email := strings.ToLower(strings.NewReplacer(" ", ".", "'", "").Replace(name)) + "@example.gov.uk"
	return object.Signature{Name: name, Email: email, When: when}
}

// message describes a commit: what records it adds or changes, and for
// which cases.
func message(chunk []entry) string {
	kinds := map[string]int{}
	cases := map[string]bool{}
	var ids []string
	for _, e := range chunk {
		parts := strings.Split(e.path, "/")
		if len(parts) < 3 {
			continue
		}
		if !cases[parts[1]] {
			cases[parts[1]] = true
			ids = append(ids, parts[1])
		}
		switch {
		case len(parts) > 3:
			kinds[parts[2]]++
		default:
			kinds[strings.TrimSuffix(parts[2], ".md")]++
		}
	}
	var what []string
	for _, k := range []string{"case", "plan", "conferences", "core-groups", "visits"} {
		if n := kinds[k]; n > 0 {
			what = append(what, fmt.Sprintf("%d %s", n, map[string]string{"case": "case", "plan": "plan", "conferences": "conference", "core-groups": "core group", "visits": "visit"}[k]+plural(n)))
		}
	}
	sort.Strings(ids)
	more := ""
	if len(ids) > 3 {
		more = fmt.Sprintf(" and %d more", len(ids)-3)
		ids = ids[:3]
	}
	return fmt.Sprintf("Record %s\n\nCases %s%s.\n", strings.Join(what, ", "), strings.Join(ids, ", "), more)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func putBlob(s storer.EncodedObjectStorer, data []byte) (plumbing.Hash, error) {
	obj := s.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	obj.SetSize(int64(len(data)))
	w, err := obj.Writer()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if _, err := w.Write(data); err != nil {
		return plumbing.ZeroHash, err
	}
	if err := w.Close(); err != nil {
		return plumbing.ZeroHash, err
	}
	return s.SetEncodedObject(obj)
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

// pack writes every object of mem into the repository as one pack file.
func pack(mem *memory.Storage, to storer.Storer) error {
	pw, ok := to.(storer.PackfileWriter)
	if !ok {
		return fmt.Errorf("corpus: the repository storage cannot take a pack file")
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
