// Package hookcmd is `caselint hook`: installing caselint as a git
// pre-commit hook, and uninstalling it.
package hookcmd

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/atomicfile"
	"github.com/caselint/caselint/internal/vcs"
)

// BackupSuffix is added to the name of a hook that caselint hook install
// --force replaces; the new hook runs it first.
const BackupSuffix = ".caselint-backup"

// Script is the pre-commit hook caselint installs: it runs the hook it
// replaced, if any, then lints the staged records.
const Script = `#!/bin/sh
# caselint pre-commit hook, installed by "caselint hook install": lints the
# case records a commit changes, as they are staged. To commit anyway (an
# emergency), use git commit --no-verify.

backup="$(dirname "$0")/pre-commit` + BackupSuffix + `"
if [ -x "$backup" ]; then
	"$backup" "$@" || exit $?
fi

if ! command -v caselint >/dev/null 2>&1; then
	echo "caselint pre-commit hook: caselint is not on PATH; install it with" >&2
	echo "  go install github.com/caselint/caselint/cmd/caselint@latest" >&2
	exit 1
fi
exec caselint lint --staged
`

// Options are the inputs of caselint hook install.
type Options struct {
	IO    *iostreams.IOStreams
	Force bool
	// Getwd stands for the working directory.
	Getwd func() (string, error)
}

// NewCmdHook returns the hook command and its install subcommand. runF,
// when not nil, runs instead of the real install.
func NewCmdHook(ios *iostreams.IOStreams, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hook <command>",
		Short: "Run caselint from git hooks",
		Long: `Run caselint from git hooks. With the pre-commit framework, use the
caselint hook of this repository's .pre-commit-hooks.yaml instead.`,
	}
	opts := &Options{IO: ios, Getwd: os.Getwd}
	install := &cobra.Command{
		Use:   "install",
		Short: "Install a git pre-commit hook that runs caselint lint --staged",
		Long: `Install a git pre-commit hook in the repository the working folder is in,
so that every git commit lints the case records it changes, as staged
(caselint lint --staged), and stops when there are findings at or above the
fail level.

The hook goes where git looks for it: core.hooksPath when it is set, else
the hooks folder of the repository's git folder (shared by its linked
worktrees). An existing pre-commit hook is never replaced without --force;
with --force it is kept as pre-commit.caselint-backup, and the new hook runs
it before caselint.`,
		Example: `  caselint hook install
  caselint hook install --force`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Install(opts)
		},
	}
	install.Flags().BoolVar(&opts.Force, "force", false, "replace an existing pre-commit hook, keeping it as pre-commit"+BackupSuffix+" (the new hook runs it first)")
	uninstall := &cobra.Command{
		Use:   "uninstall",
		Short: "Remove caselint's pre-commit hook, putting back the hook it replaced",
		Long: `Remove the pre-commit hook caselint hook install wrote, and put back the
hook install --force kept as pre-commit.caselint-backup, if there is one.

Only caselint's own hook is removed, byte for byte as installed: a hook
that is not caselint's (or that has been edited) is left alone, and so is a
hook that is a symbolic link; uninstall stops and says so.`,
		Example: `  caselint hook uninstall`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Uninstall(opts)
		},
	}
	cmd.AddCommand(install, uninstall)
	return cmd
}

// hookPlace is where install and uninstall find the pre-commit hook: the
// hooks folder of the repository holding the working directory, the hook
// and the backup install --force keeps, shown to the user relative to the
// working directory.
type hookPlace struct {
	wd, dir, hook, backup string
}

// locateHook finds the hook of the repository holding opts' working
// directory.
func locateHook(opts *Options) (hookPlace, error) {
	wd, err := opts.Getwd()
	if err != nil {
		return hookPlace{}, err
	}
	dir, err := HooksDir(wd)
	if err != nil {
		return hookPlace{}, err
	}
	hook := filepath.Join(dir, "pre-commit")
	return hookPlace{wd: wd, dir: dir, hook: hook, backup: hook + BackupSuffix}, nil
}

// show names p for a message: relative to the working directory when it is
// below it.
func (h hookPlace) show(p string) string { return displayPath(h.wd, p) }

// Uninstall removes caselint's pre-commit hook and puts back the hook it
// replaced. It never writes through a link: a hook that is a link is not
// caselint's (install writes a file) and is left; a backup that is a link
// (a hook that was one) is renamed back, the link itself, not followed.
func Uninstall(opts *Options) error {
	place, err := locateHook(opts)
	if err != nil {
		return err
	}
	hook, backup, show := place.hook, place.backup, place.show

	st, err := os.Lstat(hook)
	if errors.Is(err, fs.ErrNotExist) {
		if _, berr := os.Lstat(backup); berr == nil {
			return fmt.Errorf("there is no pre-commit hook at %s, but %s is there, kept by an earlier caselint hook install --force: caselint leaves it; to use it again, rename it to %s", show(hook), show(backup), filepath.Base(hook))
		}
		fmt.Fprintf(opts.IO.Out, "there is no pre-commit hook at %s: nothing to uninstall\n", show(hook))
		return nil
	}
	if err != nil {
		return fmt.Errorf("checking the pre-commit hook: %w", err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("the pre-commit hook at %s is not a file caselint wrote (a symbolic link, or no regular file): caselint leaves it", show(hook))
	}
	data, err := os.ReadFile(hook)
	if err != nil {
		return fmt.Errorf("reading the pre-commit hook: %w", err)
	}
	if !bytes.Equal(data, []byte(Script)) {
		return fmt.Errorf("the pre-commit hook at %s is not caselint's, or has been edited since caselint hook install: caselint leaves it; remove it yourself if it should go", show(hook))
	}

	bst, err := os.Lstat(backup)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.Remove(hook); err != nil {
			return fmt.Errorf("removing the hook: %w", err)
		}
		fmt.Fprintf(opts.IO.Out, "removed the caselint pre-commit hook at %s\n", show(hook))
		return nil
	case err != nil:
		return fmt.Errorf("checking for %s: %w", show(backup), err)
	case bst.IsDir():
		return fmt.Errorf("%s is a folder, not the hook caselint kept: caselint leaves both; move it away first", show(backup))
	}
	// The rename replaces caselint's hook with the old one in one step:
	// there is always a hook, and the old one is never lost.
	if err := os.Rename(backup, hook); err != nil {
		return fmt.Errorf("putting back %s: %w", show(backup), err)
	}
	fmt.Fprintf(opts.IO.Out, "removed the caselint pre-commit hook at %s and put back the hook it had kept as %s\n", show(hook), filepath.Base(backup))
	return nil
}

// Install writes the pre-commit hook.
func Install(opts *Options) error {
	place, err := locateHook(opts)
	if err != nil {
		return err
	}
	dir, hook, backup, show := place.dir, place.hook, place.backup, place.show

	old, err := os.Lstat(hook)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("checking for a pre-commit hook: %w", err)
	}
	if exists && old.Mode().IsRegular() {
		if data, err := os.ReadFile(hook); err == nil && bytes.Equal(data, []byte(Script)) {
			fmt.Fprintf(opts.IO.Out, "the caselint pre-commit hook is already installed at %s\n", show(hook))
			return nil
		}
	}
	if exists && !opts.Force {
		return fmt.Errorf("a pre-commit hook already exists at %s: caselint will not replace it. Run caselint hook install --force to keep it as %s and install caselint's hook, which runs it first; or add caselint lint --staged to it yourself", show(hook), filepath.Base(backup))
	}
	if exists {
		if _, err := os.Lstat(backup); err == nil {
			return fmt.Errorf("a pre-commit hook exists at %s and so does %s, from an earlier install: move one of them away first, so that neither is lost", show(hook), show(backup))
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("checking for %s: %w", show(backup), err)
		}
	}

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating the hooks folder: %w", err)
	}
	if !exists {
		// atomicfile.WriteNew: the hook appears whole, and a hook another
		// process puts there meanwhile is never replaced.
		if err := atomicfile.WriteNew(hook, []byte(Script), 0o755); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return fmt.Errorf("a pre-commit hook appeared at %s while caselint was installing its own: caselint will not replace it; run caselint hook install again", show(hook))
			}
			return fmt.Errorf("installing the hook: %w", err)
		}
	} else if err := replaceKeepingBackup(hook, backup, show); err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "installed the caselint pre-commit hook at %s: git commit now runs caselint lint --staged\n", show(hook))
	if exists {
		fmt.Fprintf(opts.IO.Out, "the hook that was there is kept as %s, and the new hook runs it first\n", show(backup))
	}
	return nil
}

// replaceKeepingBackup installs the hook over the one at hook, keeping that
// one as backup. The old hook is first linked to backup (a link never
// replaces a file, so a backup that appeared since the check is kept too),
// then the new hook is renamed over hook: at every moment hook is the old
// hook or the new one, and the old one is never lost. Where the file system
// has no links, the old hook is renamed to backup instead, and put back if
// the new one cannot be written.
func replaceKeepingBackup(hook, backup string, show func(string) string) error {
	linked := true
	if err := os.Link(hook, backup); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s appeared while caselint was installing its hook: move it away first, so that neither hook is lost", show(backup))
		}
		linked = false
		if err := os.Rename(hook, backup); err != nil {
			return fmt.Errorf("keeping the existing hook as %s: %w", show(backup), err)
		}
	}
	if err := atomicfile.Replace(hook, []byte(Script), 0o755); err != nil {
		if linked {
			os.Remove(backup) // the old hook is still at hook
			return fmt.Errorf("installing the hook: %w", err)
		}
		if rerr := os.Rename(backup, hook); rerr != nil {
			return fmt.Errorf("installing the hook: %w; the old hook is at %s (putting it back failed: %w)", err, show(backup), rerr)
		}
		return fmt.Errorf("installing the hook: %w", err)
	}
	return nil
}

// HooksDir returns the folder git runs the hooks of the repository holding
// wd from: core.hooksPath (the repository's config, else the user's, else
// the system's) when set, relative to the top of the work tree; else the
// hooks folder of the common git folder, which linked worktrees share.
func HooksDir(wd string) (string, error) {
	top, gitDir, err := findGitDir(wd)
	if err != nil {
		return "", err
	}
	common := commonDir(gitDir)
	if p, err := vcs.HooksPath(top); err != nil {
		return "", err
	} else if p != "" {
		if strings.HasPrefix(p, "~/") {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("core.hooksPath %s: %w", p, err)
			}
			p = filepath.Join(home, p[2:])
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(top, p)
		}
		return filepath.Clean(p), nil
	}
	return filepath.Join(common, "hooks"), nil
}

// findGitDir walks up from dir to the top of the work tree and returns it
// with its git folder: .git itself, or the folder a .git file names (a
// linked worktree, a submodule).
func findGitDir(dir string) (top, gitDir string, err error) {
	dir, err = filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	for d := dir; ; {
		p := filepath.Join(d, ".git")
		st, err := os.Stat(p)
		switch {
		case err == nil && st.IsDir():
			return d, p, nil
		case err == nil && st.Mode().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return "", "", err
			}
			line := strings.TrimSpace(string(data))
			rest, ok := strings.CutPrefix(line, "gitdir:")
			if !ok {
				return "", "", fmt.Errorf("%s: not a git folder link", p)
			}
			g := strings.TrimSpace(rest)
			if !filepath.IsAbs(g) {
				g = filepath.Join(d, g)
			}
			return d, filepath.Clean(g), nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", "", fmt.Errorf("%s is not in a git repository: run caselint hook install inside the repository of case records", dir)
		}
		d = parent
	}
}

// commonDir is the folder a git folder shares its hooks, config and objects
// through: the main repository's, for a linked worktree.
func commonDir(gitDir string) string {
	data, err := os.ReadFile(filepath.Join(gitDir, "commondir"))
	if err != nil {
		return gitDir
	}
	c := strings.TrimSpace(string(data))
	if c == "" {
		return gitDir
	}
	if !filepath.IsAbs(c) {
		c = filepath.Join(gitDir, c)
	}
	return filepath.Clean(c)
}

// displayPath shows p relative to wd when it is below it.
func displayPath(wd, p string) string {
	if r, err := filepath.Rel(wd, p); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return r
	}
	return p
}
