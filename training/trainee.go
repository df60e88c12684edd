package training

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/internal/atomicfile"
)

// MaxTraineeName is the longest trainee name, in characters.
const MaxTraineeName = 80

// MaxAttempts is how many check runs a state file keeps; older ones are
// counted in EarlierAttempts, so the file stays small.
const MaxAttempts = 200

// ValidTrainee checks a trainee's name, as given to start --trainee: it is
// shown in reports, the HTML page and the CSV, so it is one line of
// printable characters (letters of any language, spaces, apostrophes,
// hyphens, dots, an ampersand for a pair), starts with a letter (so that a
// spreadsheet never reads it as a formula), and is at most MaxTraineeName
// characters. It returns the name with its spaces tidied.
func ValidTrainee(name string) (string, error) {
	if i := strings.IndexFunc(name, unicode.IsControl); i >= 0 {
		return "", fmt.Errorf("the trainee's name %q holds a control character (a line break, a tab, an escape): give it on one line", name)
	}
	name = strings.Join(strings.Fields(name), " ")
	switch {
	case name == "":
		return "", errors.New("the trainee's name is empty")
	case !utf8.ValidString(name):
		return "", errors.New("the trainee's name is not valid UTF-8")
	case utf8.RuneCountInString(name) > MaxTraineeName:
		return "", fmt.Errorf("the trainee's name is longer than %d characters", MaxTraineeName)
	}
	first, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLetter(first) {
		return "", fmt.Errorf("the trainee's name %q does not start with a letter", name)
	}
	for _, r := range name {
		if !unicode.IsPrint(r) { // control, format (bidi overrides), separators other than space
			return "", fmt.Errorf("the trainee's name %q holds the character %U, which cannot be shown in a report", name, r)
		}
	}
	return name, nil
}

// Attempt is one run of check on a started folder, as the state file
// records it: the session report counts them.
type Attempt struct {
	At    time.Time `toml:"at" json:"at"`
	Mode  string    `toml:"mode" json:"mode"`   // ModeFix or ModeSpot
	Score int       `toml:"score" json:"score"` // fixed (fix) or found (spot)
	Total int       `toml:"total" json:"total"` // the size of the key
	// Answers is the answers file a spot check marked: relative to the
	// folder when it is inside it, else absolute.
	Answers string `toml:"answers,omitempty" json:"answers,omitempty"`
}

// The modes of a check.
const (
	ModeFix  = "fix"
	ModeSpot = "spot"
)

// RecordAttempt adds a to the state file of the started folder dir. The
// file is replaced whole (written beside it and renamed), so a check that
// is interrupted never leaves it half written.
func RecordAttempt(dir string, a Attempt) error {
	st, err := ReadState(dir)
	if err != nil {
		return err
	}
	st.Attempts = append(st.Attempts, a)
	if n := len(st.Attempts) - MaxAttempts; n > 0 {
		st.EarlierAttempts += n
		st.Attempts = append([]Attempt(nil), st.Attempts[n:]...)
	}
	return writeState(dir, st)
}

// AnswersPath is how an attempt records the answers file file marked for
// the folder dir: relative to dir when it is inside it, else absolute.
func AnswersPath(dir, file string) string {
	af, err1 := filepath.Abs(file)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return file
	}
	if rel, err := filepath.Rel(ad, af); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(rel)
	}
	return af
}

// writeState replaces the state file of dir with st.
func writeState(dir string, st State) error {
	var buf bytes.Buffer
	buf.WriteString(stateHeader)
	if err := toml.NewEncoder(&buf).Encode(st); err != nil {
		return err
	}
	// Replace writes beside the file and renames: a check interrupted never
	// leaves it half written, and a link put in its place is replaced, never
	// followed.
	if err := atomicfile.Replace(filepath.Join(dir, StateFile), buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("recording the check in %s: %w", dir, err)
	}
	return nil
}

const stateHeader = "# Written by caselint exercise start: which exercise this folder is.\n# caselint exercise check and reveal read it; the answers are not here.\n"

// checkTrainee checks the trainee's name read from a state file.
func checkTrainee(p string, st State) error {
	if st.Trainee == "" {
		return nil
	}
	if _, err := ValidTrainee(st.Trainee); err != nil {
		return fmt.Errorf("%s: trainee: %w", p, err)
	}
	return nil
}

// writeTrainee records the trainee's name in the state file of the copy
// being started in dir ("" records nothing).
func writeTrainee(dir, name string) error {
	if name == "" {
		return nil
	}
	st, err := ReadState(dir)
	if err != nil {
		return err
	}
	st.Trainee = name
	return writeState(dir, st)
}
