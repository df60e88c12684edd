package lintcmd

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/lint"
)

// openPreCommit is --pre-commit: the hook of the pre-commit framework
// (.pre-commit-hooks.yaml). It reads the index, as --staged does, and
// lints the cases the staged change touches anywhere in the repository,
// deletions included (the framework passes no deleted file, so a commit
// that only deletes a record is found here, not in the file names), and
// the cases of the files the framework passes, opts.Paths: on a commit
// those are the staged files again, under pre-commit run --all-files
// every tracked record, so that the run checks every case and is no
// false green. A .caselint.toml passed lints the cases below its folder.
func openPreCommit(wd string, opts *Options) (*source, error) {
	whole := *opts
	whole.Paths, whole.Staged = nil, true
	src, err := openGit(wd, &whole)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, p := range src.paths {
		seen[p] = true
	}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			src.paths = append(src.paths, p)
		}
	}
	for _, name := range opts.Paths {
		abs := name
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(wd, abs)
		}
		// The folder's links resolved, not the file's: a record that is
		// a link is passed under its own name, and its case is the one
		// it is in, not its target's.
		abs = filepath.Clean(abs)
		r, err := filepath.Rel(src.root, filepath.Join(evalExisting(filepath.Dir(abs)), filepath.Base(abs)))
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, cmdutil.Usagef("%s is outside the repository %s: the pre-commit framework passes the files of the repository it runs in", name, src.root)
		}
		p := filepath.ToSlash(r)
		if path.Base(p) == lint.ConfigFileName {
			if dir := path.Dir(p); dir == "." {
				add(".")
			} else if st, err := fs.Stat(src.fsys, dir); err == nil && st.IsDir() {
				add(dir)
			}
			continue
		}
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		// The case folder, so that a case is linted once however many
		// of its files are passed; a file of no case (a README) is left
		// out, as a run over the folder would leave it.
		if dir, ok := caseFolder(src.fsys, path.Dir(p)); ok {
			add(dir)
		}
	}
	src.nothing = len(src.paths) == 0
	return src, nil
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
