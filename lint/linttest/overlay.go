package linttest

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"

	"github.com/caselint/caselint/lint/expect"
)

// BasesDir is the name of the folder of named bases: a fixture's
// base = "NAME" is the folder _bases/NAME in the nearest folder at or above
// the fixture that has a _bases folder (testdata/checks/_bases/NAME).
const BasesDir = "_bases"

// A fixture is an overlay when its fixture.toml names a base case:
//
//	base = "SOT-2026-0102"          # testdata/checks/_bases/SOT-2026-0102
//	base = "../shared-case"         # or a path from the fixture folder
//	delete = ["SOT-2026-0102/visits/2026-01-26.md"]
//
// The case linted is then the base's files, replaced or added to by the
// fixture folder's own files (same relative path: the fixture's wins), less
// the files named in delete (slash paths relative to the case, which must
// be in the base). A base holds records only (.md files) and no want
// comment: a fixture that wants a finding on a base line copies that file
// into its folder and writes the want there, so that every want of a
// fixture stands in the fixture folder.

// FS returns the case the fixture folder dir lints: the folder itself, or
// its base overlaid with it (see above), as a read-only file system.
func FS(dir string) (fs.FS, error) {
	fx, err := readFixture(dir)
	if err != nil {
		return nil, err
	}
	return caseFS(dir, fx)
}

// caseFS is FS with the fixture's settings given.
func caseFS(dir string, fx Fixture) (fs.FS, error) {
	if fx.Base == "" {
		if len(fx.Delete) > 0 {
			return nil, fmt.Errorf("%s: fixture.toml deletes files but names no base", dir)
		}
		return os.DirFS(dir), nil
	}
	base, err := baseDir(dir, fx.Base)
	if err != nil {
		return nil, err
	}
	files := fstest.MapFS{}
	if err := addFiles(files, base, true); err != nil {
		return nil, err
	}
	for _, p := range fx.Delete {
		if _, ok := files[p]; !ok {
			return nil, fmt.Errorf("%s: fixture.toml deletes %s, which is not in the base %s", dir, p, fx.Base)
		}
		delete(files, p)
	}
	if err := addFiles(files, dir, false); err != nil {
		return nil, err
	}
	return files, nil
}

// baseDir finds the folder of the base name for the fixture folder dir.
func baseDir(dir, name string) (string, error) {
	var p string
	if strings.HasPrefix(name, ".") {
		p = filepath.Join(dir, filepath.FromSlash(name))
	} else {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", err
		}
		for d := abs; ; {
			if st, err := os.Stat(filepath.Join(d, BasesDir)); err == nil && st.IsDir() {
				p = filepath.Join(d, BasesDir, filepath.FromSlash(name))
				break
			}
			parent := filepath.Dir(d)
			if parent == d {
				return "", fmt.Errorf("%s: base %q: no %s folder at or above the fixture", dir, name, BasesDir)
			}
			d = parent
		}
	}
	if st, err := os.Stat(p); err != nil || !st.IsDir() {
		return "", fmt.Errorf("%s: base %q: no folder %s", dir, name, p)
	}
	return p, nil
}

// addFiles copies the regular files below root into files, at their slash
// paths relative to root. A base (isBase) may hold only records without
// want comments.
func addFiles(files fstest.MapFS, root string, isBase bool) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if isBase {
			if path.Ext(rel) != ".md" {
				return fmt.Errorf("%s: a base holds records (.md files) only", p)
			}
			wants, err := expect.InRecord(rel, data)
			if err != nil {
				return err
			}
			if len(wants) > 0 {
				return fmt.Errorf("%s:%d: a base holds no want comment: copy the file into the fixture folder and want the finding there", p, wants[0].Line)
			}
		}
		files[rel] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
}

// Files lists the slash paths of the case a fixture lints, sorted: for a
// test that wants to see what an overlay made.
func Files(fsys fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}
