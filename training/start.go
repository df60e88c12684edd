package training

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/expect"
)

// StateFile is written into a started folder: which exercise it is, so that
// check and reveal can find the key. It holds no part of the key.
const StateFile = ".caselint-exercise.toml"

// State is a started folder's StateFile.
type State struct {
	// Exercise is the exercise's name.
	Exercise string `toml:"exercise"`
	// From is the exercise's folder when it is not a shipped one.
	From string `toml:"from,omitempty"`
	// Git says the folder was started as a git repository.
	Git bool `toml:"git"`
	// Trainee is the trainee's name, from start --trainee (ValidTrainee).
	Trainee string `toml:"trainee,omitempty"`
	// EarlierAttempts counts the check runs no longer in Attempts.
	EarlierAttempts int `toml:"earlier_attempts,omitzero"`
	// Attempts are the check runs, oldest first (RecordAttempt).
	Attempts []Attempt `toml:"attempt,omitempty"`
}

// StartOptions say how to start an exercise.
type StartOptions struct {
	// Git makes the folder a git repository with a dated history. An
	// exercise whose key needs history (git = true) always gets one.
	Git bool
	// Trainee is the trainee's name, recorded in the state file for the
	// session report; "" for none. It must pass ValidTrainee.
	Trainee string
}

// Start writes the exercise for a trainee into dir, which must not exist or
// be empty: the case with its want comments stripped, BRIEF.md, and the
// StateFile; with a git history when the exercise has one or opts.Git asks.
// Before anything is put in dir, the copy is linted and must give exactly
// the key, so a trainee never gets an exercise whose marks would be wrong.
//
// The folder is built beside dir (or, when dir exists, in a hidden folder
// inside it) and renamed into place: dir never holds half an exercise, and
// nothing already there is ever overwritten.
func (ex *Exercise) Start(ctx context.Context, dir string, opts StartOptions) error {
	if opts.Trainee != "" {
		name, err := ValidTrainee(opts.Trainee)
		if err != nil {
			return fmt.Errorf("--trainee: %w; nothing was written", err)
		}
		opts.Trainee = name
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	exists := false
	switch st, err := os.Stat(abs); {
	case err == nil && !st.IsDir():
		return fmt.Errorf("%s is a file: give a new or empty folder", dir)
	case err == nil:
		if err := mustBeEmpty(abs, dir); err != nil {
			return err
		}
		exists = true
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			return err
		}
	default:
		return err
	}

	parent := filepath.Dir(abs)
	if exists {
		parent = abs
	}
	tmp, err := os.MkdirTemp(parent, ".caselint-exercise-*")
	if err != nil {
		return fmt.Errorf("starting the exercise in %s: %w", dir, err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := ex.materialise(tmp, opts.Git || ex.Git); err != nil {
		return err
	}
	if err := ex.verify(ctx, tmp); err != nil {
		return err
	}
	if err := writeTrainee(tmp, opts.Trainee); err != nil {
		return err
	}
	// The trainee's folder is its owner's alone (MkdirTemp made it so; keep
	// it): case data, even made up, is not for every user of the machine.
	if err := os.Chmod(tmp, 0o700); err != nil {
		return err
	}
	if !exists {
		if err := os.Rename(tmp, abs); err != nil {
			if _, serr := os.Stat(abs); serr == nil {
				return fmt.Errorf("%s appeared while the exercise was being written: not overwriting it", dir)
			}
			return fmt.Errorf("starting the exercise in %s: %w", dir, err)
		}
		done = true
		return nil
	}
	if err := moveInto(tmp, abs, dir); err != nil {
		return err
	}
	done = true
	return os.Remove(tmp)
}

// mustBeEmpty refuses a folder that holds anything.
func mustBeEmpty(abs, dir string) error {
	entries, err := os.ReadDir(abs)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty (it holds %s): start an exercise in a new or empty folder; nothing was written", dir, entries[0].Name())
	}
	return nil
}

// moveInto renames each entry of tmp, a folder inside dst, into dst, the
// state file last; dst must hold nothing but tmp. If a rename fails, those
// done are undone.
func moveInto(tmp, dst, dir string) error {
	entries, err := os.ReadDir(dst)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if filepath.Join(dst, e.Name()) != tmp {
			return fmt.Errorf("%s is no longer empty (it holds %s): not overwriting it; nothing was written", dir, e.Name())
		}
	}
	inner, err := os.ReadDir(tmp)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(inner))
	for _, e := range inner {
		names = append(names, e.Name())
	}
	sort.SliceStable(names, func(i, j int) bool { return names[i] != StateFile && names[j] == StateFile })
	var moved []string
	undo := func() {
		for i := len(moved) - 1; i >= 0; i-- {
			_ = os.Rename(filepath.Join(dst, moved[i]), filepath.Join(tmp, moved[i]))
		}
	}
	for _, n := range names {
		target := filepath.Join(dst, n)
		if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
			undo()
			return fmt.Errorf("%s appeared in %s while the exercise was being written: not overwriting it; nothing was written", n, dir)
		}
		if err := os.Rename(filepath.Join(tmp, n), target); err != nil {
			undo()
			return fmt.Errorf("starting the exercise in %s: %w", dir, err)
		}
		moved = append(moved, n)
	}
	return nil
}

// materialise writes the trainee's copy into dir, an empty folder.
func (ex *Exercise) materialise(dir string, withGit bool) error {
	if withGit {
		commits := ex.history
		if !ex.Git {
			commits = datedHistory(ex.Files)
		}
		if err := writeHistory(dir, commits); err != nil {
			return fmt.Errorf("exercise %s: %w", ex.Name, err)
		}
	}
	for p, data := range ex.Files {
		if err := writeFile(dir, p, data); err != nil {
			return err
		}
	}
	if err := ex.writeFolderConfig(dir, withGit); err != nil {
		return err
	}
	if err := writeFile(dir, BriefFile, ex.Brief); err != nil {
		return err
	}
	st := State{Exercise: ex.Name, From: ex.From, Git: withGit}
	var buf bytes.Buffer
	buf.WriteString("# Written by caselint exercise start: which exercise this folder is.\n# caselint exercise check and reveal read it; the answers are not here.\n")
	if err := toml.NewEncoder(&buf).Encode(st); err != nil {
		return err
	}
	return writeFile(dir, StateFile, buf.Bytes())
}

// verify lints the copy in dir and requires exactly the key.
func (ex *Exercise) verify(ctx context.Context, dir string) error {
	res, err := ex.lintDir(ctx, dir)
	if err != nil {
		return err
	}
	if problems := expect.Compare(res.Findings, ex.Key, ex.allRules()); len(problems) > 0 {
		return fmt.Errorf("exercise %s: its key does not match what caselint finds in the case, so its marks would be wrong; nothing was written:\n  %s", ex.Name, strings.Join(problems, "\n  "))
	}
	return nil
}

// ReadState reads the StateFile of a started folder.
func ReadState(dir string) (State, error) {
	var st State
	p := filepath.Join(dir, StateFile)
	data, err := lint.ReadRegular(p, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return st, fmt.Errorf("%s holds no exercise (no %s): start one with caselint exercise start NAME %s", dir, StateFile, dir)
	}
	if err != nil {
		return st, err
	}
	if err := guardTOML(p, data); err != nil {
		return st, err // too big or too deep for the TOML parser
	}
	md, err := toml.Decode(string(data), &st)
	if err != nil {
		return st, fmt.Errorf("%s: %w", p, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return st, fmt.Errorf("%s: unknown key %s", p, u[0])
	}
	if st.Exercise == "" {
		return st, fmt.Errorf("%s: no exercise named", p)
	}
	if err := checkTrainee(p, st); err != nil {
		return st, err
	}
	return st, nil
}
