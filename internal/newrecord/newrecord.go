// Package newrecord writes new case records from templates: `caselint new`.
//
// A template has every key the format requires and every section the
// profile asks for, prefilled with what the case already records (the
// people, the lead worker, the core group, the conference's dates and
// outcomes). What the writer must still say is the placeholder TBC: in a
// frontmatter value where any other word would be read as a fact (a date, a
// true or false, a person), and alone under each section heading, after a
// one-line prompt in an HTML comment (comments are not content). caselint
// reports the frontmatter placeholders, and the plan's, until they are
// filled; see docs/new.md for the few it cannot.
//
// Write never overwrites a file: the record is written to a temporary file
// in the folder it belongs in and linked into place, which fails when the
// name is taken. It never writes through a symbolic link: a link on the way
// from the case folder to the record (core-groups -> /outside), or at the
// record's name, is a *LinkError.
package newrecord

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Placeholder is what a template writes where the writer must say more.
// caselint counts it as no answer: an empty plan section, an action without
// owner or timescale, and, in the frontmatter, a value of the wrong type or
// a person no one introduced.
const Placeholder = "TBC"

// The kinds of conference a template can be written for.
var ConferenceKinds = []string{schema.ConferenceInitial, schema.ConferenceReview, schema.ConferenceTransfer}

// Options say which record to write, where, and from what.
type Options struct {
	Kind schema.Kind
	// Dir is the case folder: the one holding case.md, or, for a case, the
	// folder to create it in (created when missing).
	Dir string
	// Date is the record's date: the visit, the meeting, the conference. A
	// plan starts on the day of the conference that decided on it when the
	// case records one, else on Date. Required for every kind but case:
	// Write never reads the clock.
	Date schema.Date
	// Profile decides what a template asks for (how often the plan says the
	// child is seen alone, whether a visit records the bedroom, whether a
	// core group records when its minutes went out); nil means combined.
	Profile *lint.Profile
	// ConferenceKind is initial, review or transfer. Empty means initial
	// when the case records no conference, else review.
	ConferenceKind string
	// ID and Child are the case id and the child's name: required for a
	// case, ignored otherwise.
	ID, Child string
	// Name is the file name to write instead of the conventional
	// YYYY-MM-DD.md, in the record's folder (visits/, core-groups/,
	// conferences/). A case is always case.md and a plan plan.md.
	Name string
}

// ExistsError is the refusal to write over a file.
type ExistsError struct {
	Path string
	Kind schema.Kind
}

func (e *ExistsError) Error() string {
	msg := e.Path + " already exists, and caselint new never overwrites a record"
	switch e.Kind {
	case schema.KindVisit, schema.KindCoreGroup, schema.KindConference:
		msg += "; to write another record for that day, give it a name of its own with --name (such as --name " + suggestName(e.Path) + ")"
	case schema.KindPlan:
		msg += ": a case has one plan; edit it, and keep its history in git"
	case schema.KindCase:
		msg += ": choose another folder for the new case"
	}
	return msg
}

func suggestName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), ".md")
	return base + "-2.md"
}

// Is makes errors.Is(err, fs.ErrExist) true for an *ExistsError.
func (e *ExistsError) Is(target error) bool { return target == fs.ErrExist }

// Write writes the record opts describe, prefilled from the case, and
// returns the path written (Dir joined with the record's path in the case).
// It never overwrites a file: a name already taken is an *ExistsError, and
// the file is left as it was.
func Write(opts Options) (string, error) {
	path, data, err := Render(opts)
	if err != nil {
		return "", err
	}
	if err := createExclusive(opts.Dir, path, data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", &ExistsError{Path: path, Kind: opts.Kind}
		}
		return "", err
	}
	return path, nil
}

// Render returns the path Write would write and the record it would write
// there, without writing anything.
func Render(opts Options) (path string, data []byte, err error) {
	if opts.Profile == nil {
		if opts.Profile, err = lint.ShippedProfile(lint.DefaultProfile); err != nil {
			return "", nil, err
		}
	}
	if opts.Dir == "" {
		return "", nil, errors.New("no case folder given")
	}
	if opts.Kind == schema.KindCase {
		return renderCase(opts)
	}
	if !slices.Contains(schema.Kinds, opts.Kind) {
		return "", nil, fmt.Errorf("unknown kind of record %q: one of case, plan, visit, core-group, conference", opts.Kind)
	}
	if opts.Date.IsZero() {
		return "", nil, fmt.Errorf("a %s record needs a date", opts.Kind)
	}
	c, err := ReadCase(opts.Dir)
	if err != nil {
		return "", nil, err
	}
	rel, err := recordPath(opts, c)
	if err != nil {
		return "", nil, err
	}
	path = filepath.Join(opts.Dir, filepath.FromSlash(rel))
	if err := noLinks(opts.Dir, path); err != nil {
		return "", nil, err
	}
	if _, err := os.Lstat(path); err == nil {
		return "", nil, &ExistsError{Path: path, Kind: opts.Kind}
	}
	t := &tmpl{opts: opts, c: c, profile: opts.Profile}
	switch opts.Kind {
	case schema.KindPlan:
		if c.Plan != nil && c.Plan.Doc != nil {
			return "", nil, fmt.Errorf("the case already has a plan, %s: a case has one Child Protection Plan; edit it, and keep its history in git",
				filepath.Join(opts.Dir, filepath.FromSlash(c.Plan.Doc.Source.Path)))
		}
		t.plan()
	case schema.KindVisit:
		t.visit()
	case schema.KindCoreGroup:
		t.coreGroup()
	case schema.KindConference:
		t.conference(conferenceKind(opts, c))
	}
	return path, t.bytes(), nil
}

func renderCase(opts Options) (string, []byte, error) {
	id, child := strings.TrimSpace(opts.ID), strings.TrimSpace(opts.Child)
	if id == "" {
		return "", nil, errors.New("a new case needs its id (--id), such as SOT-2026-0042")
	}
	if child == "" {
		return "", nil, errors.New("a new case needs the child's first name or pseudonym (--child)")
	}
	path := filepath.Join(opts.Dir, "case.md")
	if err := noLinks(opts.Dir, path); err != nil {
		return "", nil, err
	}
	if _, err := os.Lstat(path); err == nil {
		return "", nil, &ExistsError{Path: path, Kind: schema.KindCase}
	}
	t := &tmpl{opts: opts, profile: opts.Profile}
	t.caseRecord(id, child)
	return path, t.bytes(), nil
}

// conferenceKind is the kind asked for, or initial for a case that records
// no conference yet, review otherwise.
func conferenceKind(opts Options, c *lint.Case) string {
	if k := strings.ToLower(strings.TrimSpace(opts.ConferenceKind)); k != "" {
		return k
	}
	if len(c.Conferences) == 0 {
		return schema.ConferenceInitial
	}
	return schema.ConferenceReview
}

// recordPath is where in the case folder the record goes, slash-separated:
// plan.md, visits/2026-01-19.md, core-groups/2026-01-22.md,
// conferences/2026-01-12-initial.md, or the folder and opts.Name.
func recordPath(opts Options, c *lint.Case) (string, error) {
	var folder, name string
	day := opts.Date.String()
	switch opts.Kind {
	case schema.KindPlan:
		if opts.Name != "" {
			return "", errors.New("a plan is always plan.md in the case folder: leave out --name")
		}
		return "plan.md", nil
	case schema.KindVisit:
		folder, name = "visits", day+".md"
	case schema.KindCoreGroup:
		folder, name = "core-groups", day+".md"
	case schema.KindConference:
		k := conferenceKind(opts, c)
		if !slices.Contains(ConferenceKinds, k) {
			return "", fmt.Errorf("unknown kind of conference %q: one of %s", opts.ConferenceKind, strings.Join(ConferenceKinds, ", "))
		}
		folder, name = "conferences", day+"-"+k+".md"
	}
	if opts.Name != "" {
		n := opts.Name
		switch {
		case strings.ContainsAny(n, `/\`) || n == "." || n == "..":
			return "", fmt.Errorf("--name %q: give a file name only; it is written in %s/", n, folder)
		case !strings.EqualFold(filepath.Ext(n), ".md"):
			return "", fmt.Errorf("--name %q: a record is a Markdown file; end the name in .md", n)
		case strings.HasPrefix(n, "."):
			return "", fmt.Errorf("--name %q: a name starting with . is not read by caselint", n)
		case strings.EqualFold(n, "case.md") || strings.EqualFold(n, "plan.md"):
			return "", fmt.Errorf("--name %q: that name is kept for the case's own record", n)
		}
		name = n
	}
	return folder + "/" + name, nil
}

// FindCase returns the case folder at or above dir: the nearest one that
// holds a case.md.
func FindCase(dir string) (string, bool) {
	dir = filepath.Clean(dir)
	for {
		if st, err := os.Stat(filepath.Join(dir, "case.md")); err == nil && st.Mode().IsRegular() {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// ReadCase reads the case in folder dir as the linter does (lint.LoadCase):
// every record below it, and not below a deeper case.md, parsed and
// assembled. Paths in it are slash paths relative to dir. Records that
// cannot be read are left out: prefilling takes what can be read.
func ReadCase(dir string) (*lint.Case, error) {
	if !isFile(filepath.Join(dir, "case.md")) {
		return nil, fmt.Errorf("%s holds no case.md: write the case first, with caselint new case, or pass --case the case's folder", dir)
	}
	c, err := lint.LoadCase(os.DirFS(dir), ".")
	if err != nil {
		return nil, fmt.Errorf("reading the case in %s: %w", dir, err)
	}
	return c, nil
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
