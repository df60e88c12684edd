package hookcmd

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
)

func uninstall(t *testing.T, wd string) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	err := Uninstall(&Options{IO: ios, Getwd: func() (string, error) { return wd, nil }})
	return out.String(), err
}

func gone(t *testing.T, p string) bool {
	t.Helper()
	_, err := os.Lstat(p)
	return errors.Is(err, fs.ErrNotExist)
}

func TestUninstall(t *testing.T) {
	dir := newRepo(t)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")

	// Nothing installed: nothing to do.
	if out, err := uninstall(t, dir); err != nil || !strings.Contains(out, "nothing to uninstall") {
		t.Errorf("uninstall with no hook: %v, %q", err, out)
	}

	// caselint's hook alone: removed.
	if _, err := install(t, dir, false); err != nil {
		t.Fatal(err)
	}
	out, err := uninstall(t, filepath.Join(dir, "cases"))
	if err != nil || !strings.Contains(out, "removed the caselint pre-commit hook") {
		t.Fatalf("uninstall: %v, %q", err, out)
	}
	if !gone(t, hook) {
		t.Error("the hook is still there")
	}

	// Installed with --force over another hook: that hook is put back.
	const theirs = "#!/bin/sh\necho their checks\n"
	write(t, hook, theirs, 0o750)
	if _, err := install(t, dir, true); err != nil {
		t.Fatal(err)
	}
	out, err = uninstall(t, dir)
	if err != nil || !strings.Contains(out, "put back") {
		t.Fatalf("uninstall with a backup: %v, %q", err, out)
	}
	if got := read(t, hook); got != theirs {
		t.Errorf("the hook put back:\n%s", got)
	}
	if st, err := os.Stat(hook); err != nil || st.Mode().Perm() != 0o750 {
		t.Errorf("the hook put back lost its mode: %v %v", st.Mode(), err)
	}
	if !gone(t, hook+BackupSuffix) {
		t.Error("the backup is still there")
	}

	// A hook that is not caselint's: left alone.
	_, err = uninstall(t, dir)
	if err == nil || !strings.Contains(err.Error(), "not caselint's") {
		t.Errorf("uninstall of their hook: %v", err)
	}
	if read(t, hook) != theirs {
		t.Error("their hook changed")
	}

	// caselint's hook edited by hand: left alone too.
	if err := os.Remove(hook); err != nil {
		t.Fatal(err)
	}
	write(t, hook, strings.Replace(Script, "lint --staged", "lint --staged --fail-level error", 1), 0o755)
	if _, err := uninstall(t, dir); err == nil || gone(t, hook) {
		t.Errorf("uninstall removed an edited hook: %v", err)
	}
}

// TestUninstallLinks: a hook that is a symbolic link (even to a copy of
// caselint's hook) is not one caselint wrote, and is left, its target
// unchanged; a backup that is a link (the hook install --force replaced
// was one) is put back as the link.
func TestUninstallLinks(t *testing.T) {
	dir := newRepo(t)
	hooks := filepath.Join(dir, ".git", "hooks")
	hook := filepath.Join(hooks, "pre-commit")
	target := filepath.Join(dir, "shared-hook")
	write(t, target, Script, 0o755)
	if err := os.MkdirAll(hooks, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, hook); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if _, err := uninstall(t, dir); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("uninstall of a linked hook: %v", err)
	}
	if read(t, target) != Script || gone(t, hook) {
		t.Error("the link or its target changed")
	}

	// The link as the backup of an install --force: put back as it was.
	if _, err := install(t, dir, true); err != nil {
		t.Fatal(err)
	}
	if _, err := uninstall(t, dir); err != nil {
		t.Fatal(err)
	}
	if l, err := os.Readlink(hook); err != nil || l != target {
		t.Errorf("the hook put back is not the link: %q, %v", l, err)
	}
	if read(t, target) != Script {
		t.Error("the link's target changed")
	}

	// A backup left with no hook: left, and said.
	if err := os.Rename(hook, hook+BackupSuffix); err != nil {
		t.Fatal(err)
	}
	if _, err := uninstall(t, dir); err == nil || !strings.Contains(err.Error(), BackupSuffix) {
		t.Errorf("uninstall with only a backup: %v", err)
	}
	if gone(t, hook+BackupSuffix) {
		t.Error("the backup was moved")
	}
}
