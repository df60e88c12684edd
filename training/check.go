package training

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/expect"
)

// Open returns the exercise a started folder dir holds, as its StateFile
// names it: from the folder from when it is given (a trainer's exercise
// that has moved), else from the folder it was started from, else the
// shipped one.
func Open(dir, from string, rules []*lint.Rule) (*Exercise, error) {
	st, err := ReadState(dir)
	if err != nil {
		return nil, err
	}
	switch {
	case from != "":
		c, err := Folder(from, rules)
		if err != nil {
			return nil, err
		}
		if c.Single() != "" && c.Single() != st.Exercise {
			return nil, fmt.Errorf("%s was started from the exercise %q, but %s is the exercise %q", dir, st.Exercise, from, c.Single())
		}
		return c.Get(st.Exercise)
	case st.From != "":
		c, err := Folder(st.From, rules)
		if err != nil {
			return nil, fmt.Errorf("%s was started from the exercise in %s, which caselint cannot read now: give its folder with --from (%w)", dir, st.From, err)
		}
		return c.Get(st.Exercise)
	default:
		return Shipped(rules).Get(st.Exercise)
	}
}

// allRules is every registered rule id: an exercise is marked on all the
// rules its profile turns on.
func (ex *Exercise) allRules() map[string]bool {
	m := map[string]bool{}
	for _, r := range ex.rules {
		m[r.ID] = true
	}
	return m
}

// lintDir lints the records in dir as the exercise is marked: its profile,
// its as-of date, every rule, and, when it has a history, the history of
// the git repository dir must be.
func (ex *Exercise) lintDir(ctx context.Context, dir string) (*lint.Result, error) {
	prof, err := ex.config.ResolveProfile(ex.Profile)
	if err != nil {
		return nil, err
	}
	cal := ex.config.Calendar()
	opts := lint.Options{FS: os.DirFS(dir), Rules: ex.rules, Profile: prof, AsOf: ex.AsOf, Calendar: cal}
	if ex.Git {
		repo, err := openOwnRepo(dir)
		if err != nil {
			return nil, err
		}
		defer repo.Close()
		h, err := repo.History()
		if err != nil {
			return nil, fmt.Errorf("%s: reading the git history: %w", dir, err)
		}
		opts.History = h
	}
	return lint.Run(ctx, opts)
}

// openOwnRepo opens the git repository whose work tree is dir itself.
func openOwnRepo(dir string) (*vcs.Repo, error) {
	needs := fmt.Errorf("%s: this exercise is about the records' git history, and the folder is no longer its own git repository: start it again in a new folder", dir)
	repo, err := vcs.Open(dir)
	if err != nil {
		return nil, needs
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		repo.Close()
		return nil, err
	}
	want, err1 := filepath.EvalSymlinks(abs)
	got, err2 := filepath.EvalSymlinks(repo.Root())
	if err1 != nil || err2 != nil || want != got {
		repo.Close()
		return nil, needs
	}
	return repo, nil
}

// baseline lints the trainee's copy as it is started, in a temporary
// folder: what caselint says of each key item.
func (ex *Exercise) baseline(ctx context.Context) (*lint.Result, error) {
	tmp, err := os.MkdirTemp("", "caselint-exercise-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := ex.materialise(tmp, ex.Git); err != nil {
		return nil, err
	}
	return ex.lintDir(ctx, tmp)
}

// Item is one problem of the key.
type Item struct {
	Rule string
	Path string // slash path in the trainee's folder
	Line int
	// Message is what caselint says of it in the case as started ("" if
	// caselint no longer finds it there: the key has drifted).
	Message string
}

// At is the item's place, path:line.
func (it Item) At() string { return fmt.Sprintf("%s:%d", it.Path, it.Line) }

// items pairs the key with the baseline's findings, for their messages;
// it returns a note for each difference (an exercise whose key has drifted
// from the rules).
func (ex *Exercise) items(res *lint.Result) ([]Item, []string) {
	type key struct {
		path string
		line int
		rule string
	}
	found := map[key][]string{}
	for _, f := range res.Findings {
		if f.Suppression == nil {
			k := key{f.Path, f.Pos.Line, f.RuleID}
			found[k] = append(found[k], f.Message)
		}
	}
	out := make([]Item, len(ex.Key))
	for i, k := range ex.Key {
		out[i] = Item{Rule: k.Rule, Path: k.Path, Line: k.Line}
		kk := key{k.Path, k.Line, k.Rule}
		if ms := found[kk]; len(ms) > 0 {
			out[i].Message, found[kk] = ms[0], ms[1:]
		}
	}
	var notes []string
	for _, p := range expect.Compare(res.Findings, ex.Key, ex.allRules()) {
		notes = append(notes, keyDriftNote+p)
	}
	return out, notes
}

// Reveal returns the key, each item with what caselint says of it.
func (ex *Exercise) Reveal(ctx context.Context) (*KeyReport, error) {
	res, err := ex.baseline(ctx)
	if err != nil {
		return nil, err
	}
	items, notes := ex.items(res)
	return &KeyReport{Exercise: ex, Items: items, Notes: notes}, nil
}

// KeyReport is the answer key, for trainers.
type KeyReport struct {
	Exercise *Exercise
	Items    []Item
	Notes    []string
}

// FixStatus is what became of a seeded problem.
type FixStatus int

// The statuses of a seeded problem.
const (
	Fixed      FixStatus = iota // caselint no longer finds it
	StillThere                  // caselint still finds it
	Suppressed                  // it is still there, under a caselint:ignore with a reason
	// ChangedEvidence: caselint no longer finds it because the trainee
	// changed the evidence (evidence.go); never counted.
	ChangedEvidence
	// SuppressedNotAccepted: under a caselint:ignore whose reason does not
	// count (one word, too short, or a problem that can be put right).
	SuppressedNotAccepted
)

func (s FixStatus) String() string {
	switch s {
	case Fixed:
		return "fixed"
	case StillThere:
		return "still there"
	case Suppressed:
		return "recorded"
	case ChangedEvidence:
		return "changed the evidence"
	case SuppressedNotAccepted:
		return "suppressed, not accepted"
	}
	return "?"
}

// FixItem is a seeded problem and what became of it.
type FixItem struct {
	Item
	Status FixStatus
	// Now is the finding that is still there (StillThere, Suppressed).
	Now *lint.Finding
	// Why says why it is not counted (ChangedEvidence,
	// SuppressedNotAccepted).
	Why string
}

// FixReport is the marking of a trainee's corrections.
type FixReport struct {
	Exercise *Exercise
	Items    []FixItem
	// New are the problems caselint finds that were not in the case as
	// started: the trainee brought them in.
	New   []lint.Finding
	Notes []string
	// Show is how much of what is left the report shows (hints.go).
	Show Hints
	// Evidence are the trainee's changes to the evidence (evidence.go).
	Evidence []EvidenceChange
	// Suppressions are the caselint:ignore comments of the trainee's copy,
	// each with its reason, for the trainer.
	Suppressions []SuppressionNote
	// Uncovered are problems that putting a rewritten record back as first
	// recorded brought into view: not the trainee's doing, but to record.
	Uncovered []lint.Finding
}

// Fixed is how many seeded problems are put right: fixed, or, where it
// cannot be undone, recorded by a suppression with a real reason (a
// reviewed exception). A problem gone with a change to the evidence is not.
func (r *FixReport) Fixed() int {
	n := 0
	for _, it := range r.Items {
		if it.Status == Fixed || it.Status == Suppressed {
			n++
		}
	}
	return n
}

// Done reports whether every seeded problem is put right, nothing is new,
// no evidence was changed and nothing uncovered is left unrecorded.
func (r *FixReport) Done() bool {
	return r.Fixed() == len(r.Items) && len(r.New) == 0 && len(r.Evidence) == 0 && len(r.Uncovered) == 0
}

// CheckFix marks the folder dir, started from the exercise, in fix mode:
// for each seeded problem, whether caselint still finds it, and the
// problems the trainee brought in.
//
// A seeded problem is matched to a finding of the same rule in the same
// file: at the line it has moved to when the lines around it were edited
// (lines are followed through the trainee's edits), anywhere in the lines
// that replaced it when its own line was rewritten, or anywhere in the file
// with the same message. A finding matched to no seeded problem is new.
func (ex *Exercise) CheckFix(ctx context.Context, dir string) (*FixReport, error) {
	base, err := ex.baseline(ctx)
	if err != nil {
		return nil, err
	}
	items, notes := ex.items(base)
	res, err := ex.lintDir(ctx, dir)
	if err != nil {
		return nil, err
	}
	r := &FixReport{Exercise: ex, Notes: notes}
	for _, n := range res.Notifications {
		if n.Level >= lint.Warning {
			r.Notes = append(r.Notes, strings.TrimPrefix(n.Path+": ", ": ")+n.Message)
		}
	}

	byPath := map[string][]int{} // findings' indices, by path
	for i, f := range res.Findings {
		byPath[f.Path] = append(byPath[f.Path], i)
	}
	paired := make([]bool, len(res.Findings))
	now := make([]int, len(items)) // the finding each item is paired with, or -1
	for i := range now {
		now[i] = -1
	}
	itemsByPath := map[string][]int{}
	for i, it := range items {
		itemsByPath[it.Path] = append(itemsByPath[it.Path], i)
	}
	for p, idx := range itemsByPath {
		// As lint read it: a regular file within the size limit, no link.
		cur, err := lint.ReadRegular(filepath.Join(dir, filepath.FromSlash(p)), 0)
		if err != nil {
			continue // removed, unreadable or refused: nothing of it is still there
		}
		old := ex.Files[p]
		m := mapLines(old, cur)
		oldLines, curLines := lines(old), lines(cur)
		fs := byPath[p]
		// try pairs item i with the unpaired finding of its rule that ok
		// accepts and score likes best.
		try := func(i int, ok func(f lint.Finding) bool, score func(f lint.Finding) float64) {
			if now[i] >= 0 {
				return
			}
			best, bestScore := -1, 0.0
			for _, fi := range fs {
				f := res.Findings[fi]
				if paired[fi] || f.RuleID != items[i].Rule || !ok(f) {
					continue
				}
				sc := score(f)
				if best < 0 || sc > bestScore {
					best, bestScore = fi, sc
				}
			}
			if best >= 0 {
				paired[best], now[i] = true, best
			}
		}
		sameMessage := func(i int) func(f lint.Finding) float64 {
			return func(f lint.Finding) float64 {
				if f.Message == items[i].Message {
					return 1
				}
				return 0
			}
		}
		// First the line followed through the edits; then the same message
		// anywhere in the file (messages name the action, the date, the
		// person); then, for a line that was rewritten, the finding in the
		// lines that replaced it whose line is most like the old one.
		for _, i := range idx {
			if l := m.to(items[i].Line); l > 0 {
				try(i, func(f lint.Finding) bool { return f.Pos.Line == l }, sameMessage(i))
			}
		}
		for _, i := range idx {
			if items[i].Message != "" {
				try(i, func(f lint.Finding) bool { return f.Message == items[i].Message }, sameMessage(i))
			}
		}
		for _, i := range idx {
			if m.to(items[i].Line) == 0 {
				lo, hi := m.hunk(items[i].Line)
				was := lineAt(oldLines, items[i].Line)
				try(i, func(f lint.Finding) bool { return f.Pos.Line >= lo && f.Pos.Line <= hi },
					func(f lint.Finding) float64 { return similarity(was, lineAt(curLines, f.Pos.Line)) })
			}
		}
	}
	ex.pairAlternatives(dir, items, res.Findings, paired, now) // accepted alternatives (accept.go)
	for i, it := range items {
		fi := FixItem{Item: it, Status: Fixed}
		if now[i] >= 0 {
			f := res.Findings[now[i]]
			fi.Now = &f
			fi.Status = StillThere
			if f.Suppression != nil && f.Suppression.Reason != "" {
				fi.Status = Suppressed
			}
		}
		r.Items = append(r.Items, fi)
	}
	for i, f := range res.Findings {
		if !paired[i] && f.Suppression == nil {
			r.New = append(r.New, f)
		}
	}
	if err := ex.markEvidence(ctx, dir, r, res); err != nil {
		return nil, err
	}
	return r, nil
}
