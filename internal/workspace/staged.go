package workspace

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// unmergedRecords is an error naming the records (and configs) in scope
// that the index holds in conflict, nil when there are none. The index
// then holds no content git would commit for them ("our" side stands in
// for it, unchanged from HEAD), so the staged change would be linted
// without them and said clean, though git commit refuses to commit until
// they are resolved.
func unmergedRecords(index *vcs.Index, scope []string) error {
	var names []string
	for _, p := range index.Unmerged() {
		if (schema.IsRecordName(p) || path.Base(p) == lint.ConfigFileName) && inScope(p, scope) {
			names = append(names, p)
		}
	}
	if len(names) == 0 {
		return nil
	}
	more := ""
	if len(names) > 3 {
		more = fmt.Sprintf(" and %d more", len(names)-3)
		names = names[:3]
	}
	return fmt.Errorf("--staged: the index holds unresolved merge conflicts in %s%s: git commit cannot commit until they are resolved; resolve each, keeping what happened, git add it, and run caselint again", strings.Join(names, ", "), more)
}

// stagedScope returns the paths to lint for a staged change: the staged
// records in scope (the engine lints the whole case of each); for a deleted
// record, the nearest folder of its case still in the index. A staged
// config that applies to the scope makes the whole scope the paths.
func stagedScope(index *vcs.Index, fsys fs.FS, scope []string) ([]string, error) {
	staged, err := index.Changed()
	if err != nil {
		return nil, err
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range staged {
		if path.Base(p) == lint.ConfigFileName {
			dir := path.Dir(p)
			for _, s := range scope {
				if slashWithin(dir, s) || slashWithin(s, dir) {
					return scope, nil
				}
			}
			continue
		}
		if !schema.IsRecordName(p) || !inScope(p, scope) {
			continue
		}
		q, ok := existingAncestor(fsys, p)
		if !ok {
			continue // deleted, and nothing of its folders is left
		}
		if q != p && !inCase(fsys, q) && !caseLeft(fsys, p, q) {
			continue // deleted, and in no case that is left
		}
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out, nil
}

// inScope reports whether the slash path p is one of scope or below one.
func inScope(p string, scope []string) bool {
	for _, s := range scope {
		if slashWithin(s, p) {
			return true
		}
	}
	return false
}

// slashWithin reports whether the slash path p is dir or below it.
func slashWithin(dir, p string) bool {
	return dir == "." || p == dir || strings.HasPrefix(p, dir+"/")
}

// existingAncestor returns p if it exists in fsys, else the nearest folder
// above it that does, short of the root (a deleted file at the top of the
// tree names no folder to lint instead).
func existingAncestor(fsys fs.FS, p string) (string, bool) {
	if _, err := fs.Stat(fsys, p); err == nil {
		return p, true
	}
	for p != "." {
		p = path.Dir(p)
		if p == "." {
			break
		}
		if st, err := fs.Stat(fsys, p); err == nil && st.IsDir() {
			return p, true
		}
	}
	return "", false
}

// caseLeft reports whether the staged deletion of p (its nearest folder
// left being q) takes away the case.md of a folder whose records stay:
// they are then in no case (invalid-record), which the commit must not
// pass unseen. A case.md renamed away is such a deletion too.
func caseLeft(fsys fs.FS, p, q string) bool {
	if path.Base(p) != "case.md" || path.Dir(p) != q {
		return false
	}
	found := false
	_ = fs.WalkDir(fsys, q, func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && name != q && strings.HasPrefix(d.Name(), "."):
			return fs.SkipDir
		case !d.IsDir() && strings.HasSuffix(name, ".md"):
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// inCase reports whether dir is a case folder or inside one.
func inCase(fsys fs.FS, dir string) bool {
	for {
		if st, err := fs.Stat(fsys, path.Join(dir, "case.md")); err == nil && st.Mode().IsRegular() {
			return true
		}
		if dir == "." {
			return false
		}
		dir = path.Dir(dir)
	}
}
