package training

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/caselint/caselint/lint"
)

// SessionOptions say how to gather a session.
type SessionOptions struct {
	Rules []*lint.Rule
	// From is the trainer's exercise folder, for folders started from one
	// that has moved (as check --from).
	From string
	// Answers is the answers file to mark in each folder, relative to it:
	// a folder that holds it is marked in spot mode. When "", a folder is
	// marked in the mode of its last check (spot with the answers file that
	// check marked, if caselint can still read it), else in fix mode.
	Answers string
	// Now is when the report is made (an injectable clock's reading).
	Now time.Time
}

// Session is a cohort's work gathered into one report: a Result per
// folder, in the trainer's view, and the trainer notes of each exercise.
type Session struct {
	Made      time.Time
	Results   []*Result
	Exercises []SessionExercise
	// Unmarked are the folders caselint could not mark, and why.
	Unmarked []Unmarked
	// RuleTitles are the rules' titles, by id, for the reports.
	RuleTitles map[string]string
	// single: one trainee's record (Only), without the cohort's summary and
	// the trainer notes.
	single bool
}

// SessionExercise is an exercise of the session, with its trainer notes.
type SessionExercise struct {
	ResultExercise
	Trainees int
	Notes    *TrainerNotes // nil when the exercise has none
}

// Unmarked is a folder the session could not mark.
type Unmarked struct {
	Folder string `json:"folder"`
	Error  string `json:"error"`
}

// GatherSession marks each started folder of dirs, as check would, for the
// trainer: one Result each, in the order of the trainees' names (then the
// exercise and the folder). A folder that cannot be marked is listed in
// Unmarked and the others are still marked.
func GatherSession(ctx context.Context, dirs []string, opts SessionOptions) *Session {
	s := &Session{Made: opts.Now, RuleTitles: map[string]string{}}
	for _, r := range opts.Rules {
		s.RuleTitles[r.ID] = r.Title
	}
	byName := map[string]*SessionExercise{}
	var order []string
	seen := map[string]bool{}
	for _, dir := range dirs {
		key := dir
		if abs, err := filepath.Abs(dir); err == nil {
			key = abs
		}
		if seen[key] {
			continue // a folder given twice is marked once
		}
		seen[key] = true
		res, ex, err := markFolder(ctx, dir, opts)
		if err != nil {
			s.Unmarked = append(s.Unmarked, Unmarked{Folder: dir, Error: err.Error()})
			continue
		}
		s.Results = append(s.Results, res)
		se := byName[ex.Name+"\x00"+ex.From]
		if se == nil {
			se = &SessionExercise{ResultExercise: res.Exercise}
			notes, err := ex.TrainerNotes()
			if err != nil {
				s.Unmarked = append(s.Unmarked, Unmarked{Folder: dir, Error: "trainer notes: " + err.Error()})
			}
			se.Notes = notes
			byName[ex.Name+"\x00"+ex.From] = se
			order = append(order, ex.Name+"\x00"+ex.From)
		}
		se.Trainees++
	}
	sort.SliceStable(s.Results, func(i, j int) bool {
		a, b := s.Results[i], s.Results[j]
		if a.Trainee != b.Trainee {
			return a.Trainee < b.Trainee
		}
		if a.Exercise.Name != b.Exercise.Name {
			return a.Exercise.Name < b.Exercise.Name
		}
		return a.Folder < b.Folder
	})
	sort.Strings(order)
	for _, k := range order {
		s.Exercises = append(s.Exercises, *byName[k])
	}
	return s
}

// markFolder marks one folder for the session.
func markFolder(ctx context.Context, dir string, opts SessionOptions) (*Result, *Exercise, error) {
	st, err := ReadState(dir)
	if err != nil {
		return nil, nil, err
	}
	ex, err := Open(dir, opts.From, opts.Rules)
	if err != nil {
		return nil, nil, err
	}
	ro := ResultOptions{Trainer: true, State: st, Folder: dir}
	answers, err := sessionAnswers(dir, opts.Answers, st)
	if err != nil {
		return nil, nil, err
	}
	if answers != "" {
		as, err := ReadAnswers(answers)
		if err != nil {
			return nil, nil, err
		}
		r, err := ex.CheckSpot(ctx, as)
		if err != nil {
			return nil, nil, err
		}
		return r.Result(as, ro), ex, nil
	}
	r, err := ex.CheckFix(ctx, dir)
	if err != nil {
		return nil, nil, err
	}
	return r.Result(ro), ex, nil
}

// sessionAnswers is the answers file to mark for dir, or "" for fix mode.
func sessionAnswers(dir, name string, st State) (string, error) {
	if name != "" {
		p := filepath.Join(dir, name)
		if _, err := os.Lstat(p); err == nil {
			return p, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		return "", nil
	}
	if n := len(st.Attempts); n > 0 && st.Attempts[n-1].Mode == ModeSpot && st.Attempts[n-1].Answers != "" {
		p := filepath.FromSlash(st.Attempts[n-1].Answers)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if _, err := os.Lstat(p); err != nil {
			return "", fmt.Errorf("%s was last checked in spot mode with %s, which caselint cannot read now: give the answers file's name with --answers", dir, st.Attempts[n-1].Answers)
		}
		return p, nil
	}
	return "", nil
}

// ByTrainee groups the session's results by trainee, in order: the
// per-trainee record of the report.
func (s *Session) ByTrainee() [][]*Result {
	var out [][]*Result
	for _, r := range s.Results {
		if n := len(out); n > 0 && out[n-1][0].Trainee == r.Trainee && r.Trainee != "" {
			out[n-1] = append(out[n-1], r)
			continue
		}
		out = append(out, []*Result{r})
	}
	return out
}

// Only keeps the results of the trainee name, for their own record: no
// colleague's results, no cohort summary, no trainer notes.
func (s *Session) Only(name string) *Session {
	o := &Session{Made: s.Made, RuleTitles: s.RuleTitles, single: true}
	for _, r := range s.Results {
		if r.Trainee == name {
			o.Results = append(o.Results, r)
		}
	}
	return o
}

// TraineeLabel is how a Result's trainee is named in a report: the name, or
// the folder when start had no --trainee.
func (res *Result) TraineeLabel() string {
	if res.Trainee != "" {
		return res.Trainee
	}
	return "(no name) " + res.Folder
}

// AttemptCount is how many checks the trainee ran.
func (res *Result) AttemptCount() int { return len(res.Attempts) + res.EarlierAttempts }

// When is a time as the reports show it: UTC, to the minute.
func When(t time.Time) string { return t.UTC().Format("2 January 2006 15:04 UTC") }

// ScoreText is "3 of 5 fixed (60%)" or "3 of 5 found (60%)".
func (res *Result) ScoreText() string {
	verb := "fixed"
	if res.Mode == ModeSpot {
		verb = "found"
	}
	return fmt.Sprintf("%d of %d %s (%d%%)", res.Score.Got, res.Score.Total, verb, res.Score.Percent)
}

// WriteText writes the session report as text: a summary line per folder,
// then each trainee's record, then the trainer notes of each exercise.
func (s *Session) WriteText(w io.Writer) error {
	b := &strings.Builder{}
	if s.single && len(s.Results) > 0 {
		fmt.Fprintf(b, "Record of training: %s, marked %s\n", pr(s.Results[0].TraineeLabel()), When(s.Made))
	} else {
		fmt.Fprintf(b, "Session report: %s, %s, made %s\n",
			plural(len(s.ByTrainee()), "trainee", "trainees"), plural(len(s.Exercises), "exercise", "exercises"), When(s.Made))
	}
	if len(s.Results) > 0 && !s.single {
		b.WriteString("\n")
		nw, ew := len("Trainee"), len("Exercise")
		for _, r := range s.Results {
			nw = max(nw, len(pr(r.TraineeLabel())))
			ew = max(ew, len(r.Exercise.Name))
		}
		fmt.Fprintf(b, "  %-*s  %-*s  %-4s  %-20s  %8s  %7s  %10s\n", nw, "Trainee", ew, "Exercise", "Mode", "Score", "Attempts", "Changed", "Suppressed")
		for _, r := range s.Results {
			fmt.Fprintf(b, "  %-*s  %-*s  %-4s  %-20s  %8d  %7d  %10d\n", nw, pr(r.TraineeLabel()), ew, pr(r.Exercise.Name), r.Mode, r.ScoreText(), r.AttemptCount(), len(r.ChangedEvidence), len(r.Suppressions))
		}
	}
	for _, u := range s.Unmarked {
		fmt.Fprintf(b, "\nnot marked: %s: %s\n", pr(u.Folder), pr(u.Error))
	}
	for _, group := range s.ByTrainee() {
		fmt.Fprintf(b, "\n== %s ==\n", pr(group[0].TraineeLabel()))
		for _, r := range group {
			r.writeRecord(b)
		}
	}
	for _, e := range s.Exercises {
		if e.Notes == nil {
			continue
		}
		fmt.Fprintf(b, "\n== Trainer notes: %s (%s) ==\n", pr(e.Title), pr(e.Name))
		_ = e.Notes.WriteText(b, "")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRecord writes one Result of a trainee's record.
func (res *Result) writeRecord(b *strings.Builder) {
	e := res.Exercise
	fmt.Fprintf(b, "\n%s (%s): level %d, %s, as of %s\n", pr(e.Title), pr(e.Name), e.Level, pr(e.Profile), e.AsOf)
	if res.Folder != "" {
		fmt.Fprintf(b, "  Folder: %s\n", pr(res.Folder))
	}
	fmt.Fprintf(b, "  Mode: %s. Score: %s.", res.Mode, res.ScoreText())
	if res.Mode == ModeFix && res.Counts.New > 0 {
		fmt.Fprintf(b, " %s introduced.", plural(res.Counts.New, "new problem", "new problems"))
	}
	if res.Mode == ModeSpot && res.Counts.NotSupported > 0 {
		fmt.Fprintf(b, " %d not supported.", res.Counts.NotSupported)
	}
	b.WriteString("\n")
	section := func(title string, n int) bool {
		if n == 0 {
			return false
		}
		fmt.Fprintf(b, "  %s (%d):\n", title, n)
		return true
	}
	byStatus := func(status string) []ResultItem {
		var out []ResultItem
		for _, it := range res.Items {
			if it.Status == status {
				out = append(out, it)
			}
		}
		return out
	}
	for _, st := range []struct{ status, title string }{
		{Fixed.String(), "Fixed"}, {StillThere.String(), "Still there"},
		{MarkFound, "Found"}, {MarkMissed, "Missed"},
	} {
		its := byStatus(st.status)
		if section(st.title, len(its)) {
			for _, it := range its {
				fmt.Fprintf(b, "    %s:%d  %s\n", pr(it.Path), it.Line, pr(it.Rule))
			}
		}
	}
	if others := otherItems(res.Items); section("Not counted", len(others)) {
		for _, it := range others {
			t := fmt.Sprintf("%s:%d %s: %s", pr(it.Path), it.Line, pr(it.Rule), pr(it.Status))
			if it.Why != "" {
				t += ": " + pr(it.Why)
			}
			writeWrapped(b, t, "    ", "    ")
		}
	}
	if section("Changed the evidence", len(res.ChangedEvidence)) {
		for _, c := range res.ChangedEvidence {
			at := pr(c.Path)
			if c.Line > 0 {
				at += fmt.Sprintf(":%d", c.Line)
			}
			t := fmt.Sprintf("%s  %s: %s", at, pr(c.Kind), pr(c.What))
			if c.Commit != "" {
				t += " (commit " + pr(c.Commit) + ")"
			}
			writeWrapped(b, t, "    ", "    ")
		}
	}
	if section("Suppressed, with the reason", len(res.Suppressions)) {
		for _, s := range res.Suppressions {
			t := fmt.Sprintf("%s:%d  %s: %q", pr(s.Path), s.Line, pr(s.Rule), s.Reason)
			if s.Weak != "" {
				t += "; not accepted: " + pr(s.Weak)
			}
			writeWrapped(b, t, "    ", "    ")
		}
	}
	if section("Introduced", len(res.New)) {
		for _, f := range res.New {
			writeWrapped(b, fmt.Sprintf("%s:%d  %s: %s", pr(f.Path), f.Line, pr(f.Rule), pr(f.Message)), "    ", "    ")
		}
	}
	if section("Answers", len(res.Answers)) {
		for _, a := range res.Answers {
			t := fmt.Sprintf("%s  %s: %s", pr(a.At), pr(a.Rule), a.Mark)
			if a.Hint != "" {
				t += " (" + pr(a.Hint) + ")"
			}
			if a.Note != "" {
				t += fmt.Sprintf("; note: %q", a.Note)
			}
			writeWrapped(b, t, "    ", "    ")
		}
	}
	if n := res.AttemptCount(); n == 0 {
		b.WriteString("  Attempts: none recorded (check was never run on this folder)\n")
	} else {
		fmt.Fprintf(b, "  Attempts (%d):\n", n)
		if res.EarlierAttempts > 0 {
			fmt.Fprintf(b, "    %d earlier, not listed\n", res.EarlierAttempts)
		}
		for _, a := range res.Attempts {
			fmt.Fprintf(b, "    %s  %-4s  %d of %d\n", When(a.At), a.Mode, a.Score, a.Total)
		}
	}
	for _, n := range res.Notes {
		writeWrapped(b, "note: "+pr(n), "  ", "  ")
	}
}

// listedStatuses are the statuses the records list under their own
// headings; suppressed items are listed with the suppressions.
var listedStatuses = []string{Fixed.String(), StillThere.String(), Suppressed.String(), MarkFound, MarkMissed}

// otherItems are the items of any other status: not counted, each with
// why (a problem gone because the evidence was changed, a suppression
// whose reason is not accepted).
func otherItems(items []ResultItem) []ResultItem {
	var out []ResultItem
	for _, it := range items {
		if !slices.Contains(listedStatuses, it.Status) {
			out = append(out, it)
		}
	}
	return out
}

// SessionJSON is the session report's JSON: the results in the trainer's
// view, the exercises with their trainer notes, and the folders not marked.
type SessionJSON struct {
	Schema    int           `json:"schema"` // ResultSchema
	Made      time.Time     `json:"made"`
	Results   []*Result     `json:"results"`
	Exercises []SessionNote `json:"exercises"`
	Unmarked  []Unmarked    `json:"unmarked"`
}

// SessionNote is an exercise of the session and its trainer notes.
type SessionNote struct {
	ResultExercise
	Trainees     int           `json:"trainees"`
	TrainerNotes []NoteSection `json:"trainer_notes"`
}

// WriteJSON writes the session report as JSON (SessionJSON).
func (s *Session) WriteJSON(w io.Writer) error {
	j := SessionJSON{Schema: ResultSchema, Made: s.Made.UTC(), Results: s.Results, Exercises: []SessionNote{}, Unmarked: s.Unmarked}
	if j.Results == nil {
		j.Results = []*Result{}
	}
	if j.Unmarked == nil {
		j.Unmarked = []Unmarked{}
	}
	for _, e := range s.Exercises {
		n := SessionNote{ResultExercise: e.ResultExercise, Trainees: e.Trainees, TrainerNotes: []NoteSection{}}
		if e.Notes != nil {
			n.TrainerNotes = e.Notes.Sections
		}
		j.Exercises = append(j.Exercises, n)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}

// WriteCSV writes every result's rows under one header.
func (s *Session) WriteCSV(w io.Writer) error {
	var groups [][][]string
	for _, r := range s.Results {
		groups = append(groups, r.CSVRows())
	}
	return writeCSV(w, groups)
}
