package lintcmd

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/caselint/caselint/internal/workspace"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/training"
)

// A training exercise's folder (the one caselint exercise start wrote, with
// its state file) is not linted unless --trainer: its findings are the
// exercise's answers. caselint lint says so and exits 2, whether or not
// there are findings, so that neither a report, nor an empty one, nor the
// exit status gives the answers away or reads as "no problems". This is
// friction, not security (docs/training.md).

// exerciseAbove returns the folder at or above p (absolute) that is a
// started exercise, or "".
func exerciseAbove(p string) string {
	for d := p; ; {
		if isExercise(d) {
			return d
		}
		up := filepath.Dir(d)
		if up == d {
			return ""
		}
		d = up
	}
}

// isExercise reports whether dir holds an exercise's state file.
func isExercise(dir string) bool {
	st, err := os.Lstat(filepath.Join(dir, training.StateFile))
	return err == nil && st.Mode().IsRegular()
}

// exerciseBefore is the check before linting: a path asked for is in an
// exercise, or is one.
func exerciseBefore(opts *Options, ws *workspace.Workspace, wd string) error {
	if opts.Trainer {
		return nil
	}
	scope := ws.Scope
	if len(scope) == 0 {
		scope = []string{"."}
	}
	for _, p := range scope {
		if d := exerciseAbove(filepath.Join(ws.Root, filepath.FromSlash(p))); d != "" {
			return declineExercise(d, wd)
		}
	}
	return nil
}

// exerciseAfter is the check after linting: a finding is in an exercise
// below the paths asked for (caselint lint ~/training, which holds one).
func exerciseAfter(opts *Options, ws *workspace.Workspace, wd string, findings []lint.Finding) error {
	if opts.Trainer {
		return nil
	}
	seen := map[string]bool{}
	for _, f := range findings {
		for d := path.Dir(f.Path); !seen[d]; d = path.Dir(d) {
			seen[d] = true
			abs := filepath.Join(ws.Root, filepath.FromSlash(d))
			if isExercise(abs) {
				return declineExercise(abs, wd)
			}
			if d == "." || d == "/" {
				break
			}
		}
	}
	return nil
}

// declineExercise is the error that says dir is an exercise.
func declineExercise(dir, wd string) error {
	// Relative to the working folder (as the root is, links resolved),
	// even when outside it: an absolute path here would become "." when
	// Run makes the root relative.
	show := dir
	if r, err := filepath.EvalSymlinks(wd); err == nil {
		wd = r
	}
	if r, err := filepath.Rel(wd, dir); err == nil {
		show = r
	}
	name := "a training exercise"
	if st, err := training.ReadState(dir); err == nil {
		name = fmt.Sprintf("the training exercise %q", st.Exercise)
	}
	arg := ""
	if show != "." {
		arg = " " + shellQuote(show)
	}
	subject := show
	if show == "." {
		subject = "this folder"
	}
	return fmt.Errorf("%s is %s: caselint lint holds its findings back, so as not to give the answers away (nothing is reported, and this is not a clean result). Mark your work with: caselint exercise check%s. Trainers: caselint lint --trainer",
		subject, name, arg)
}

// shellQuote quotes a folder for a command line shown to the user when it
// needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\|&;<>()*?[]#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
