package lint

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// TestDiscoverAsBefore checks discover against the way it found files
// before it saved the second walk of each case and the stat of each
// folder: the same cases, files and notes, whatever the paths.
func TestDiscoverAsBefore(t *testing.T) {
	root := t.TempDir()
	write := func(p, s string) {
		t.Helper()
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{
		"cases/A/case.md", "cases/A/plan.md", "cases/A/visits/v1.md", "cases/A/visits/notes.txt",
		"cases/A/.drafts/d.md", "cases/A/sub/B/case.md", "cases/A/sub/B/plan.md", "cases/A/sub/x.md",
		"cases/C/case.md", "cases/C/deep/er/v.md", "cases/.old/D/case.md", "cases/.old/D/plan.md",
		"loose/readme.md", "top.md", "cases/E/plan.md", "cases/F/real.md",
	} {
		write(p, "+++\n+++\n")
	}
	links := func(target, link string) {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Skip("no symbolic links here")
		}
	}
	links("real.md", "cases/F/case.md")        // a case.md that is a link
	links("../A/plan.md", "cases/C/linked.md") // a record that is a link
	links("A", "cases/G")                      // a case folder that is a link
	links("../../loose", "cases/C/loose")      // a folder of a case that is a link
	links("nowhere", "cases/H")                // a link that leads nowhere: no folder
	fsys := os.DirFS(root)
	for _, paths := range [][]string{
		{"."}, {"cases"}, {"cases/A"}, {"cases/A/visits"}, {"cases/A/visits/v1.md"}, {"cases/A/sub"},
		{"cases/A/sub/B/plan.md", "cases/C"}, {"cases/C/deep"}, {"cases/.old"}, {"cases/.old/D/plan.md"},
		{"loose", "top.md"}, {"cases/F"}, {"cases/E", "cases/A/sub/x.md"}, {"cases", "cases/A"},
		{"cases/A", "cases"}, {"cases/A/.drafts", "cases"}, {"cases/A/visits", "cases"},
		{".", "cases/A/sub/B"}, {"cases/A/sub/B", "."}, {"cases/A", "cases/A"}, {"cases/A/plan.md", "cases"},
		{"cases/A/plan.md", "cases/A/plan.md"}, {"cases/nothing"},
	} {
		want, wantNotes, werr := discoverReference(fsys, paths)
		for _, share := range []bool{false, true} {
			got, gotNotes, err := discoverAll(fsys, paths, share)
			if (err == nil) != (werr == nil) {
				t.Errorf("%v, shared %v: error %v, was %v", paths, share, err, werr)
				continue
			}
			if share { // the workers' notes come in any order; lint sorts them
				wantNotes = slices.Clone(wantNotes)
				sortNotifications(wantNotes)
				sortNotifications(gotNotes)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%v, shared %v:\n got %v\nwant %v", paths, share, got, want)
			}
			if !reflect.DeepEqual(gotNotes, wantNotes) {
				t.Errorf("%v, shared %v: notes\n got %v\nwant %v", paths, share, gotNotes, wantNotes)
			}
		}
	}
}

// discoverAll collects what discover emits, checking that no case comes
// twice, and puts it in the reference's order. With share, the case
// folders emitted unlisted are expanded as Run's workers expand them.
func discoverAll(fsys fs.FS, paths []string, share bool) ([]caseFiles, []Notification, error) {
	var cases []caseFiles
	seen := map[string]bool{}
	collect := func(cf caseFiles) error {
		if cf.Dir != "" && seen[cf.Dir] {
			return fmt.Errorf("case %s emitted twice", cf.Dir)
		}
		seen[cf.Dir] = true
		cases = append(cases, cf)
		return nil
	}
	var listed []Notification
	notes, err := discoverShared(fsys, paths, share, nil, func(cf caseFiles) error {
		if !cf.unlisted {
			return collect(cf)
		}
		n, err := cf.expand(fsys, collect)
		listed = append(listed, n...)
		return err
	})
	notes = append(notes, listed...)
	if err != nil {
		return nil, nil, err
	}
	sort.SliceStable(cases, func(i, j int) bool { return caseOrder(cases[i]).compare(caseOrder(cases[j])) < 0 })
	return cases, notes, nil
}

// TestDiscoverStreams checks that discover hands over a case walked whole
// before the walk ends, and that an error from emit stops it.
func TestDiscoverStreams(t *testing.T) {
	fsys := fstest.MapFS{
		"cases/A/case.md": {}, "cases/A/plan.md": {},
		"cases/B/case.md": {},
		"cases/C/case.md": {},
	}
	var got []string
	stop := errors.New("stop")
	_, err := discover(fsys, []string{"cases"}, func(cf caseFiles) error {
		got = append(got, cf.Dir)
		if cf.Dir == "cases/B" {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("error %v, want the one emit returned", err)
	}
	if want := []string{"cases/A", "cases/B"}; !reflect.DeepEqual(got, want) {
		t.Errorf("emitted %v, want %v and then nothing", got, want)
	}
	if _, err := discover(fsys, []string{"cases/A", "missing"}, func(cf caseFiles) error {
		t.Errorf("emitted %v for paths one of which is not there", cf)
		return nil
	}); err == nil {
		t.Error("no error for a path that is not there")
	}
}

// discoverReference is discover as it was: every case walked again to bring
// in its files, and case.md looked for with a stat of each folder.
func discoverReference(fsys fs.FS, paths []string) (cases []caseFiles, notes []Notification, err error) {
	files := map[string]bool{}
	for _, p := range paths {
		p = path.Clean(p)
		st, err := fs.Stat(fsys, p)
		if err != nil {
			return nil, nil, err
		}
		if !st.IsDir() {
			if strings.HasSuffix(p, ".md") {
				files[p] = true
			}
			continue
		}
		err = fs.WalkDir(fsys, p, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				notes = append(notes, Notification{Kind: NoticeUnreadable, Level: Error, Path: name, Message: "not read: " + errText(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if name != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if strings.HasSuffix(name, ".md") {
					notes = append(notes, Notification{Kind: NoticeSymlink, Level: Note, Path: name, Message: "symbolic link not followed"})
				} else if st, err := fs.Stat(fsys, name); err == nil && st.IsDir() && !strings.HasPrefix(d.Name(), ".") {
					notes = append(notes, Notification{Kind: NoticeSymlink, Level: Note, Path: name, Message: "symbolic link to a folder not followed: the records in it are not linted"})
				}
				return nil
			}
			if d.Type().IsRegular() && strings.HasSuffix(name, ".md") {
				files[name] = true
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}

	// The case each file belongs to; a case pulls in all its files.
	isCase := map[string]bool{}
	owner := func(dir string) string {
		for {
			v, known := isCase[dir]
			if !known {
				st, err := fs.Stat(fsys, path.Join(dir, "case.md"))
				v = err == nil && st.Mode().IsRegular()
				isCase[dir] = v
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
	byCase := map[string]map[string]bool{}
	var loose []string
	for f := range files {
		dir := owner(path.Dir(f))
		if dir == "" {
			loose = append(loose, f)
			continue
		}
		if byCase[dir] == nil {
			byCase[dir] = map[string]bool{}
		}
		byCase[dir][f] = true
	}
	for dir, fs0 := range byCase {
		// Bring in the rest of the case.
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
			if d.Type().IsRegular() && strings.HasSuffix(name, ".md") {
				fs0[name] = true
			}
			return nil
		})
		cf := caseFiles{Dir: dir}
		for f := range fs0 {
			cf.Files = append(cf.Files, f)
		}
		sort.Strings(cf.Files)
		cases = append(cases, cf)
	}
	for _, f := range loose {
		cases = append(cases, caseFiles{Files: []string{f}})
	}
	// In report order (caseKey): by path, a folder's as if its name ended
	// in a slash.
	sort.Slice(cases, func(i, j int) bool { return caseOrder(cases[i]).compare(caseOrder(cases[j])) < 0 })
	return cases, notes, nil
}

// TestTreeOrder: TreeOrder, of strings and of bytes, is the order of the
// strings with a slash after each folder's name, for names a folder's name
// begins.
func TestTreeOrder(t *testing.T) {
	names := []string{"", "a", "a b", "a-b", "a.md", "a0", "a/b", "a/b-c", "ab", "b", "a/", "\xff", "a\x00"}
	key := func(s string, dir bool) string {
		if dir {
			return s + "/"
		}
		return s
	}
	for _, a := range names {
		for _, b := range names {
			for _, ad := range []bool{false, true} {
				for _, bd := range []bool{false, true} {
					want := strings.Compare(key(a, ad), key(b, bd))
					if got := TreeOrder(a, ad, b, bd); got != want {
						t.Errorf("TreeOrder(%q, %v, %q, %v) = %d, want %d", a, ad, b, bd, got, want)
					}
					if got := TreeOrder([]byte(a), ad, b, bd); got != want {
						t.Errorf("TreeOrder([]byte(%q), %v, %q, %v) = %d, want %d", a, ad, b, bd, got, want)
					}
				}
			}
		}
	}
}
