package training

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/caselint/caselint/lint"
)

// TrainerFile holds an exercise's trainer notes: debrief points and the
// wrong fixes trainees commonly make. It sits beside exercise.toml, never
// in case/, so start never copies it into a trainee's folder; reveal and
// the session report show it.
//
// It is Markdown in a small shape: a "# " title, then "## " sections, each
// a list of "- " points (a point may run on over indented lines):
//
//	# Trainer notes: First plan review
//
//	## Debrief
//	- Who owns each action ...
//
//	## Common wrong fixes
//	- Writing "the team" as the owner ...
const TrainerFile = "TRAINER.md"

// maxTrainerFile bounds TRAINER.md: notes, not a manual.
const maxTrainerFile = 64 << 10

// TrainerNotes are an exercise's trainer notes, in sections.
type TrainerNotes struct {
	Title    string
	Sections []NoteSection
}

// NoteSection is one "## " section of the trainer notes.
type NoteSection struct {
	Heading string   `json:"heading"`
	Points  []string `json:"points"`
}

// TrainerNotes reads the exercise's TRAINER.md; nil and no error when it has
// none. Errors name the file and line.
func (ex *Exercise) TrainerNotes() (*TrainerNotes, error) {
	data, err := lint.ReadRegularFile(ex.fsys, TrainerFile, maxTrainerFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ex.where(TrainerFile), err)
	}
	return ParseTrainerNotes(ex.where(TrainerFile), data)
}

// where names a file of the exercise for messages.
func (ex *Exercise) where(file string) string {
	if ex.From != "" {
		return ex.From + "/" + file
	}
	return "exercise " + ex.Name + ": " + file
}

// ParseTrainerNotes reads trainer notes; name is for messages.
func ParseTrainerNotes(name string, data []byte) (*TrainerNotes, error) {
	n := &TrainerNotes{}
	var sec *NoteSection
	var point *strings.Builder
	flush := func() {
		if point != nil && sec != nil {
			sec.Points = append(sec.Points, point.String())
		}
		point = nil
	}
	for i, raw := range lines(data) {
		ln := i + 1
		l := strings.TrimRight(string(raw), " \t")
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
		case strings.HasPrefix(l, "# "):
			flush()
			if n.Title != "" || sec != nil {
				return nil, fmt.Errorf("%s:%d:1: one \"# \" title, at the top", name, ln)
			}
			n.Title = strings.TrimSpace(l[2:])
		case strings.HasPrefix(l, "## "):
			flush()
			n.Sections = append(n.Sections, NoteSection{Heading: strings.TrimSpace(l[3:])})
			sec = &n.Sections[len(n.Sections)-1]
		case strings.HasPrefix(l, "#"):
			return nil, fmt.Errorf("%s:%d:1: only \"# \" and \"## \" headings", name, ln)
		case sec == nil:
			return nil, fmt.Errorf("%s:%d:1: text before the first \"## \" section", name, ln)
		case strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* "):
			flush()
			point = &strings.Builder{}
			point.WriteString(strings.TrimSpace(l[2:]))
		case point != nil:
			point.WriteString(" " + t)
		default:
			point = &strings.Builder{}
			point.WriteString(t)
		}
	}
	flush()
	for _, s := range n.Sections {
		if len(s.Points) == 0 {
			return nil, fmt.Errorf("%s: section %q has no points", name, s.Heading)
		}
	}
	if len(n.Sections) == 0 {
		return nil, fmt.Errorf("%s: no \"## \" sections", name)
	}
	return n, nil
}

// WriteText writes the notes, each point wrapped.
func (n *TrainerNotes) WriteText(w io.Writer, indent string) error {
	b := &strings.Builder{}
	for _, s := range n.Sections {
		fmt.Fprintf(b, "%s%s:\n", indent, pr(s.Heading))
		for _, p := range s.Points {
			writeWrapped(b, "- "+pr(p), indent+"  ", "  ")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
