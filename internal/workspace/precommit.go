package workspace

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// PreCommit is the index as the pre-commit framework's hook reads it
// (caselint lint --pre-commit, .pre-commit-hooks.yaml): the cases the
// staged change touches anywhere in the repository, deletions included
// (the framework passes no deleted file, so a commit that only deletes a
// record is found here, not in the file names), and the cases of files,
// the names the framework passes (relative to wd or absolute). On a commit
// those are the staged files again; under pre-commit run --all-files every
// tracked file, so that the run checks every case and is no false green.
// A .caselint.toml passed lints the cases below its folder.
func PreCommit(wd string, files []string) (*Workspace, error) {
	w, err := Index(wd, nil)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, p := range w.Paths {
		seen[p] = true
	}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			w.Paths = append(w.Paths, p)
		}
	}
	for _, name := range files {
		abs := name
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(wd, abs)
		}
		// The folder's links resolved, not the file's: a record that is
		// a link is passed under its own name, and its case is the one
		// it is in, not its target's.
		abs = filepath.Clean(abs)
		r, err := filepath.Rel(w.Root, filepath.Join(evalExisting(filepath.Dir(abs)), filepath.Base(abs)))
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, usagef("%s is outside the repository %s: the pre-commit framework passes the files of the repository it runs in", name, w.Root)
		}
		p := filepath.ToSlash(r)
		if path.Base(p) == lint.ConfigFileName {
			if dir := path.Dir(p); dir == "." {
				add(".")
			} else if st, err := fs.Stat(w.FS, dir); err == nil && st.IsDir() {
				add(dir)
			}
			continue
		}
		if !schema.IsRecordName(p) {
			continue
		}
		// The case folder, so that a case is linted once however many
		// of its files are passed; a file of no case (a README) is left
		// out, as a run over the folder would leave it.
		if dir, ok := caseFolder(w.FS, path.Dir(p)); ok {
			add(dir)
		}
	}
	w.Nothing = len(w.Paths) == 0
	return w, nil
}

// caseFolder returns the case folder (the one holding a case.md) that
// the slash path dir is, or is below, in fsys.
func caseFolder(fsys fs.FS, dir string) (string, bool) {
	for {
		if st, err := fs.Stat(fsys, path.Join(dir, "case.md")); err == nil && st.Mode().IsRegular() {
			return dir, true
		}
		if dir == "." {
			return "", false
		}
		dir = path.Dir(dir)
	}
}
