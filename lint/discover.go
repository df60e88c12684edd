package lint

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// caseFiles is one case folder and the Markdown files that belong to it.
type caseFiles struct {
	Dir   string // "" for files that belong to no case
	Files []string
}

// discover finds the Markdown files under paths (slash paths relative to the
// root of fsys; "." for all) and groups them by case: the nearest folder
// above holding a case.md. A path inside a case brings in the whole case,
// since every rule reads the case as a whole. Hidden folders (.git) are
// skipped and symbolic links are never followed.
func discover(fsys fs.FS, paths []string) (cases []caseFiles, notes []Notification, err error) {
	files := map[string]bool{}
	var walked []string // the folders walked whole
	// isCase says whether a folder holds a case.md. The walks fill it in for
	// the folders they list (saving a stat of each); owner asks the file
	// system about the others.
	isCase := map[string]bool{}
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
		walked = append(walked, p)
		err = fs.WalkDir(fsys, p, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				notes = append(notes, Notification{Level: Warning, Path: name, Message: "not read: " + errText(err)})
				if d != nil && d.IsDir() {
					delete(isCase, name) // not listed after all
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if name != p && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				if _, known := isCase[name]; !known {
					isCase[name] = false
				}
				return nil
			}
			if d.Name() == "case.md" {
				if d.Type().IsRegular() {
					isCase[path.Dir(name)] = true
				} else {
					delete(isCase, path.Dir(name)) // a link: owner stats what it points to
				}
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if strings.HasSuffix(name, ".md") {
					notes = append(notes, Notification{Level: Note, Path: name, Message: "symbolic link not followed"})
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
		// Bring in the rest of the case, unless a folder walked above holds
		// it: then every file of it is in already.
		if !within(dir, walked) {
			bringIn(fsys, dir, owner, fs0)
		}
		cf := caseFiles{Dir: dir}
		for f := range fs0 {
			cf.Files = append(cf.Files, f)
		}
		sort.Strings(cf.Files)
		cases = append(cases, cf)
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].Dir < cases[j].Dir })
	sort.Strings(loose)
	for _, f := range loose {
		cases = append(cases, caseFiles{Files: []string{f}})
	}
	return cases, notes, nil
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
		if d.Type().IsRegular() && strings.HasSuffix(name, ".md") {
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
