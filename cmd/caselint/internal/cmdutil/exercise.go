package cmdutil

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/caselint/caselint/internal/workspace"
	"github.com/caselint/caselint/training"
)

// A training exercise's folder (the one caselint exercise start wrote, with
// its state file) is not linted unless --trainer: its findings are the
// exercise's answers, and what is due in it gives them away as well.
// caselint lint and caselint due say so and exit 2, whether or not there
// are findings, so that neither a report, nor an empty one, nor the exit
// status gives the answers away or reads as "no problems". This is
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

// ExerciseBefore is the check before command (lint, due) reads the
// workspace: a path asked for is in an exercise, or is one.
func ExerciseBefore(command string, ws *workspace.Workspace, wd string) error {
	scope := ws.Scope
	if len(scope) == 0 {
		scope = []string{"."}
	}
	for _, p := range scope {
		if d := exerciseAbove(filepath.Join(ws.Root, filepath.FromSlash(p))); d != "" {
			return declineExercise(command, d, wd)
		}
	}
	return nil
}

// ExerciseAfter is the check after command has read the workspace: one of
// the slash paths it has something to say of (a finding's file, a case
// folder) is in an exercise below the paths asked for (caselint lint
// ~/training, which holds one).
func ExerciseAfter(command string, ws *workspace.Workspace, wd string, paths []string) error {
	return ExerciseCheck(command, ws, wd)(paths)
}

// ExerciseCheck is ExerciseAfter for paths that come a batch at a time
// (a lint streaming its findings): each folder is looked at once over all
// the batches.
func ExerciseCheck(command string, ws *workspace.Workspace, wd string) func(paths []string) error {
	seen := map[string]bool{}
	return func(paths []string) error {
		for _, p := range paths {
			for d := path.Dir(p); !seen[d]; d = path.Dir(d) {
				seen[d] = true
				abs := filepath.Join(ws.Root, filepath.FromSlash(d))
				if isExercise(abs) {
					return declineExercise(command, abs, wd)
				}
				if d == "." || d == "/" {
					break
				}
			}
		}
		return nil
	}
}

// declineExercise is the error that says dir is an exercise.
func declineExercise(command, dir, wd string) error {
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
	return fmt.Errorf("%s is %s: caselint %s holds what it finds back, so as not to give the answers away (nothing is reported, and this is not a clean result). Mark your work with: caselint exercise check%s. Trainers: caselint %s --trainer",
		subject, name, command, arg, command)
}

// shellQuote quotes a folder for a command line shown to the user when it
// needs it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\|&;<>()*?[]#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
