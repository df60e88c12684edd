package lint

import (
	"cmp"
	"errors"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/caselint/caselint/schema"
)

// caseFiles is one case folder and the Markdown files that belong to it.
type caseFiles struct {
	Dir   string // "" for files that belong to no case
	Files []string
	// unlisted is a case folder whose files, and the cases inside it, are
	// still to be listed (Files is empty): the worker that takes it lists
	// them with expand. So the walk of a tree of cases is shared among the
	// workers, and the one walk that finds the case folders reads only the
	// folders above them; it knows a case folder by its case.md (one
	// lstat), or has read its list (rest) when that was needed to tell.
	unlisted bool
	rest     []fs.DirEntry
}

// expand lists the unlisted case folder cf.Dir (reading its entries unless
// the walk did: cf.rest) and calls emit with it and each case inside it,
// complete, as discover would have.
func (cf caseFiles) expand(fsys fs.FS, emit func(caseFiles) error) ([]Notification, error) {
	d := newDiscovery(fsys, emit)
	d.root = cf.Dir
	entries := cf.rest
	if entries == nil {
		var err error
		if entries, err = fs.ReadDir(fsys, cf.Dir); err != nil {
			d.unreadable(cf.Dir, err)
			return d.notes, nil
		}
	}
	err := d.walkEntries(cf.Dir, entries, cf.Dir)
	return d.notes, err
}

// discover finds the Markdown files under paths (slash paths relative to the
// root of fsys; "." for all) and groups them by case: the nearest folder
// above holding a case.md. A path inside a case brings in the whole case,
// since every rule reads the case as a whole. Hidden folders (.git) are
// skipped and symbolic links are never followed.
//
// discover calls emit with each case, its files sorted, as soon as it has
// all of them, so that linting begins while the walk goes on and the walk
// keeps no list of every file: a case inside a folder walked whole is
// complete when the walk leaves its folder. A case that another path lies
// inside (a file of it named, or a folder in it), cases brought in from
// above the paths, and the files of no case (each on its own) come after
// the walks. Each case comes once. An error from emit stops the walk and is
// returned; the other error is a path that is not there, found before
// anything is emitted.
func discover(fsys fs.FS, paths []string, emit func(caseFiles) error) ([]Notification, error) {
	return discoverShared(fsys, paths, false, nil, emit)
}

// discoverShared is discover that, when share is set, emits each case
// folder a walk meets whole (no path lies inside it) as soon as it knows it
// is one, with its entries, for the receiver to expand: the walk below it
// is then the receiver's. A folder known says is a case folder the
// receiver has already (another run's, UntouchedCases) is emitted so
// without a look inside.
func discoverShared(fsys fs.FS, paths []string, share bool, known func(dir string) bool, emit func(caseFiles) error) ([]Notification, error) {
	d := newDiscovery(fsys, emit)
	d.share, d.known = share, known
	var dirs, files []string
	for _, p := range paths {
		p = path.Clean(p)
		st, err := fs.Stat(fsys, p)
		if err != nil {
			return nil, err
		}
		switch {
		case st.IsDir():
			dirs = append(dirs, p)
		case schema.IsRecordName(p):
			files = append(files, p)
		default:
			continue
		}
		for a := p; ; a = path.Dir(a) {
			d.inside[a]++
			if a == "." || a == "/" {
				break
			}
		}
	}
	for _, p := range dirs {
		owner := ""
		if p != "." && p != "/" {
			owner = d.owner(path.Dir(p))
		}
		d.root = p
		if err := d.walk(p, owner); err != nil {
			return d.notes, err
		}
	}
	for _, f := range files {
		d.add(d.owner(path.Dir(f)), f)
	}

	// What is left: the cases held back and those found from files inside
	// them, then the files of no case.
	rest := make([]string, 0, len(d.pending))
	for dir := range d.pending {
		rest = append(rest, dir)
	}
	sort.Strings(rest)
	for _, dir := range rest {
		// Bring in the rest of the case, unless a folder walked above holds
		// it: then every file of it is in already.
		if !within(dir, dirs) {
			bringIn(fsys, dir, d.owner, d.pending[dir])
		}
		if err := d.send(dir, d.pending[dir]); err != nil {
			return d.notes, err
		}
	}
	loose := make([]string, 0, len(d.loose))
	for f, sent := range d.loose {
		if !sent {
			loose = append(loose, f)
		}
	}
	sort.Strings(loose)
	for _, f := range loose {
		if err := emit(caseFiles{Files: []string{f}}); err != nil {
			return d.notes, err
		}
	}
	return d.notes, nil
}

func newDiscovery(fsys fs.FS, emit func(caseFiles) error) *discovery {
	return &discovery{
		fsys:    fsys,
		emit:    emit,
		isCase:  map[string]bool{},
		pending: map[string]map[string]bool{},
		loose:   map[string]bool{},
		inside:  map[string]int{},
		emitted: map[string]bool{},
	}
}

// discovery is the state of one discover.
type discovery struct {
	fsys  fs.FS
	emit  func(caseFiles) error
	share bool // emit whole case folders unlisted (discoverShared)
	// known says, when share is set, which folders are case folders the
	// receiver has already: emitted unlisted, unread.
	known func(dir string) bool
	notes []Notification
	root  string // the folder being walked
	// isCase says whether a folder above a path, or of a case brought in,
	// holds a case.md (the walk itself reads the folders it lists).
	isCase map[string]bool
	// pending holds the files found so far of the cases not yet emitted;
	// loose the files of no case, true for those emitted already (a walk
	// that shares emits each as it meets it).
	pending map[string]map[string]bool
	loose   map[string]bool
	// inside counts the paths at or below each folder: a case with a path
	// inside it other than the folder being walked waits for the end.
	inside map[string]int
	// emitted holds the cases emitted (a second walk may meet one again).
	emitted map[string]bool
}

// walk lists folder name, whose files belong to case owner unless it holds
// a case.md itself, and the folders below it, in name order.
func (d *discovery) walk(name, owner string) error {
	if d.share && d.emitted[name] {
		return nil // emitted unlisted: its receiver walks all below it
	}
	if d.shareable(name) && d.known != nil && d.known(name) {
		d.emitted[name] = true
		return d.emit(caseFiles{Dir: name, unlisted: true})
	}
	if d.shareable(name) && !isListed(d.fsys, name) {
		// A case.md that is a file makes name a case: hand it over
		// unread. (One that is a link, or none, is told from the list,
		// as is every folder a scan listed already, at no cost.)
		if t, err := lstatType(d.fsys, path.Join(name, schema.CaseFileName)); err == nil && t.IsRegular() {
			d.emitted[name] = true
			return d.emit(caseFiles{Dir: name, unlisted: true})
		}
	}
	entries, err := fs.ReadDir(d.fsys, name)
	if err != nil {
		d.unreadable(name, err)
		return nil
	}
	return d.walkEntries(name, entries, owner)
}

// TypeFS is a file system that can give the type of a file (fs.Lstat's
// Mode().Type()) for less than its whole Lstat: one of git's trees, where
// a file's size is read from its blob.
type TypeFS interface {
	fs.FS
	LstatType(name string) (fs.FileMode, error)
}

// lstatType is the type fs.Lstat gives the file name in fsys.
func lstatType(fsys fs.FS, name string) (fs.FileMode, error) {
	if t, ok := fsys.(TypeFS); ok {
		return t.LstatType(name)
	}
	st, err := fs.Lstat(fsys, name)
	if err != nil {
		return 0, err
	}
	return st.Mode().Type(), nil
}

// linksToFolder reports whether the symbolic link name leads to a folder.
// Only the type of what it leads to is looked at (a stat), nothing in it
// is read; a link that leads nowhere, or a file system that cannot
// follow links (git's trees), says no.
func linksToFolder(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && st.IsDir()
}

// unreadable notes that folder name could not be listed.
func (d *discovery) unreadable(name string, err error) {
	d.notes = append(d.notes, Notification{Kind: NoticeUnreadable, Level: Error, Path: name, Message: "not read: " + errText(err)})
}

// shareable reports whether case folder name, if it is one, may be handed
// over unlisted (discoverShared): the walk meets it whole and has nothing
// of it yet.
func (d *discovery) shareable(name string) bool {
	return d.share && d.whole(name) && len(d.pending[name]) == 0 && !d.emitted[name]
}

// walkEntries is walk once the entries of folder name are read. It takes
// them in the order of their paths, a folder's name as if it ended in a
// slash (gitOrder), so that a walk that shares emits the cases and the
// files of no case in report order (caseKey).
func (d *discovery) walkEntries(name string, entries []fs.DirEntry, owner string) error {
	gitOrder(entries)
	for _, e := range entries {
		if e.Name() == "case.md" && !e.IsDir() && (e.Type().IsRegular() || d.owner(name) == name) {
			// A case.md that is a link counts if it leads to a file.
			owner = name
		}
	}
	if owner == name && d.shareable(name) {
		d.emitted[name] = true
		return d.emit(caseFiles{Dir: name, unlisted: true, rest: entries})
	}
	for _, e := range entries {
		full := path.Join(name, e.Name())
		switch {
		case e.IsDir():
			if strings.HasPrefix(e.Name(), ".") {
				continue
			}
			if err := d.walk(full, owner); err != nil {
				return err
			}
		case e.Type()&fs.ModeSymlink != 0:
			if schema.IsRecordName(full) {
				d.notes = append(d.notes, Notification{Kind: NoticeSymlink, Level: Note, Path: full, Message: "symbolic link not followed"})
			} else if !strings.HasPrefix(e.Name(), ".") && linksToFolder(d.fsys, full) {
				// A case folder may be a link (cases/T-1 -> /srv/T-1):
				// its records are not linted, and the report says so
				// rather than count one case fewer in silence.
				d.notes = append(d.notes, Notification{Kind: NoticeSymlink, Level: Note, Path: full, Message: "symbolic link to a folder not followed: the records in it are not linted"})
			}
		case e.Type().IsRegular() && schema.IsRecordName(full):
			if _, seen := d.loose[full]; owner == "" && d.share && !seen {
				d.loose[full] = true
				if err := d.emit(caseFiles{Files: []string{full}}); err != nil {
					return err
				}
				continue
			}
			d.add(owner, full)
		}
	}
	if owner != name {
		return nil
	}
	// The walk leaves a case folder: its files are all in, unless another
	// path lies inside it.
	if d.emitted[name] {
		delete(d.pending, name)
		return nil
	}
	if !d.whole(name) {
		return nil
	}
	files := d.pending[name]
	delete(d.pending, name)
	d.emitted[name] = true
	return d.send(name, files)
}

// gitOrder sorts the entries of a folder by name, a folder's as if it
// ended in a slash, as git orders a tree (TreeOrder): then a walk meets
// the paths in the order of their strings ("a-b/x.md" before "a/x.md", as
// '-' comes before '/'). Most folders are in that order already.
func gitOrder(entries []fs.DirEntry) {
	less := func(a, b fs.DirEntry) int { return TreeOrder(a.Name(), a.IsDir(), b.Name(), b.IsDir()) }
	if !slices.IsSortedFunc(entries, less) {
		slices.SortFunc(entries, less)
	}
}

// TreeOrder compares the paths (or names) a and b, strings or bytes, as
// git orders a tree: a folder's (aDir, bDir) as if its name ended in a
// slash. It is the order of the walk (gitOrder) and of the cases
// (caseKey), and so of the report; internal/vcs compares git's trees by
// it too.
func TreeOrder[A, B ~string | ~[]byte](a A, aDir bool, b B, bDir bool) int {
	n := min(len(a), len(b))
	switch {
	case string(a[:n]) < string(b[:n]):
		return -1
	case string(a[:n]) > string(b[:n]):
		return 1
	}
	// One is a prefix of the other: compare what follows it, a folder's
	// slash or the end (-1).
	for i := n; i <= n+1; i++ {
		ca, cb := treeByte(a, aDir, i), treeByte(b, bDir, i)
		if ca != cb || ca == -1 {
			return cmp.Compare(ca, cb)
		}
	}
	return 0
}

// treeByte is the byte at i of a name as TreeOrder sorts it: a folder's
// name goes on with a slash, and -1 is its end.
func treeByte[S ~string | ~[]byte](s S, dir bool, i int) int {
	switch {
	case i < len(s):
		return int(s[i])
	case i == len(s) && dir:
		return '/'
	}
	return -1
}

// walksInOrder reports whether a walk of paths that shares
// (discoverShared) emits the cases and the files of no case in report
// order, each case folder whole: one folder is walked, and no case lies
// above it (which would be brought in at the end). Otherwise cases come
// out of order: those a path lies inside, a second folder's, the files
// named.
func walksInOrder(fsys fs.FS, paths []string) bool {
	if len(paths) != 1 {
		return false
	}
	p := path.Clean(paths[0])
	if st, err := fs.Stat(fsys, p); err != nil || !st.IsDir() {
		return false
	}
	return p == "." || p == "/" || newDiscovery(fsys, nil).owner(path.Dir(p)) == ""
}

// whole reports whether the walk meets case folder name whole: no path
// lies inside it but the folder being walked.
func (d *discovery) whole(name string) bool {
	n := d.inside[name]
	return n == 0 || n == 1 && name == d.root
}

// add puts file f in case dir ("" for none).
func (d *discovery) add(dir, f string) {
	switch {
	case dir == "":
		if _, ok := d.loose[f]; !ok {
			d.loose[f] = false
		}
	case d.emitted[dir]:
	default:
		if d.pending[dir] == nil {
			d.pending[dir] = map[string]bool{}
		}
		d.pending[dir][f] = true
	}
}

func (d *discovery) send(dir string, files map[string]bool) error {
	cf := caseFiles{Dir: dir, Files: make([]string, 0, len(files))}
	for f := range files {
		cf.Files = append(cf.Files, f)
	}
	sort.Strings(cf.Files)
	return d.emit(cf)
}

// owner returns the case folder dir belongs to: the nearest at or above it
// holding a case.md (a file, or a link to one), or "".
func (d *discovery) owner(dir string) string {
	for {
		v, known := d.isCase[dir]
		if !known {
			st, err := fs.Stat(d.fsys, path.Join(dir, "case.md"))
			v = err == nil && st.Mode().IsRegular()
			d.isCase[dir] = v
		}
		if v {
			return dir
		}
		if dir == "." || dir == "/" || dir == "" {
			return ""
		}
		dir = path.Dir(dir)
	}
}

// bringIn adds to files the Markdown files of case folder dir, leaving out
// hidden folders and the folders of cases inside it.
func bringIn(fsys fs.FS, dir string, owner func(string) string, files map[string]bool) {
	_ = fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if name != dir && (strings.HasPrefix(d.Name(), ".") || owner(name) != dir) {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && schema.IsRecordName(name) {
			files[name] = true
		}
		return nil
	})
}

// within reports whether folder dir is one of roots or below one.
func within(dir string, roots []string) bool {
	for _, r := range roots {
		if r == "." || dir == r || strings.HasPrefix(dir, r+"/") {
			return true
		}
	}
	return false
}

func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
