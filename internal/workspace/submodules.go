package workspace

import "github.com/caselint/caselint/lint"

// Submodules returns the git submodules in the scope of a work-tree or
// --rev run (from the index, or the commit), in git's order. A
// submodule's records are in its own repository (issue 14): a work-tree
// run lints them without their history, a --rev run not at all (the
// commit has only the submodule's commit hash). --staged says nothing of
// them: what a commit of the superproject stages for a submodule is a
// commit hash, and the submodule's own hook lints its records.
func (w *Workspace) Submodules() []string {
	if w.repo == nil || w.staged {
		return nil
	}
	subs, err := w.submodules(w.Scope...)
	if err != nil {
		return nil
	}
	return subs
}

// submodules returns the submodules in the index (a work-tree run, read
// once: gitIndex) or the commit read, at or below scope (all when empty).
func (w *Workspace) submodules(scope ...string) ([]string, error) {
	if w.revHash != "" {
		return w.repo.Submodules(w.revHash, scope...)
	}
	ix, err := w.gitIndex()
	if err != nil {
		return nil, err
	}
	return ix.Submodules(scope...), nil
}

// submoduleOf returns the submodule (in the index or the commit read) the
// slash path p is below, or "".
func (w *Workspace) submoduleOf(p string) string {
	subs, err := w.submodules()
	if err != nil {
		return ""
	}
	for _, sub := range subs {
		if slashWithin(sub, p) {
			return sub
		}
	}
	return ""
}

// SubmoduleNotices says what became of the records of the submodules in
// the scope (see Submodules).
func (w *Workspace) SubmoduleNotices(subs []string) []lint.Notification {
	var out []lint.Notification
	for _, sub := range subs {
		msg := "a git submodule: its records are in its own repository, and were linted without their git history; run caselint inside it (cd " + sub + " && caselint lint) to check them with it"
		if w.rev != "" {
			msg = "a git submodule: its records are in its own repository, which --rev does not read, and were not linted; run caselint inside it (cd " + sub + " && caselint lint --rev REV, REV one of its commits)"
		}
		out = append(out, lint.Notification{Kind: lint.NoticeSubmodule, Level: lint.Warning, Path: sub, Message: msg})
	}
	return out
}
