package training_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/atomicfile"
	"github.com/caselint/caselint/lint/expect"
	"github.com/caselint/caselint/training"
)

func TestValidTrainee(t *testing.T) {
	for in, want := range map[string]string{
		"Ellie Hart":              "Ellie Hart",
		"  Siobhán   O'Neill-Ní ": "Siobhán O'Neill-Ní",
		"Ellie & Sam":             "Ellie & Sam",
		"Zoë Ó Súilleabháin":      "Zoë Ó Súilleabháin",
		"Nguyễn Thị Lan":          "Nguyễn Thị Lan",
	} {
		got, err := training.ValidTrainee(in)
		if err != nil || got != want {
			t.Errorf("ValidTrainee(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{
		"", "   ",
		"=HYPERLINK(\"http://x\")", "+44 1234", "-Ellie", "@Ellie", "'Ellie", // a spreadsheet formula, or not a name
		"Ellie\nHart", "Ellie\tHart", "Ellie\x1b[31mHart", // control characters
		"Ellie\u202eHart", "Ellie\u200bHart", // bidi override, zero-width space
		"Ellie\xffHart", // not UTF-8
		strings.Repeat("a", training.MaxTraineeName+1),
	} {
		if got, err := training.ValidTrainee(in); err == nil {
			t.Errorf("ValidTrainee(%q) = %q, want an error", in, got)
		}
	}
}

func TestStartRecordsTheTrainee(t *testing.T) {
	ex := shipped(t, "first-plan-review")
	dir := filepath.Join(t.TempDir(), "ellie")
	if err := ex.Start(ctx, dir, training.StartOptions{Trainee: " Ellie  Hart "}); err != nil {
		t.Fatal(err)
	}
	st, err := training.ReadState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Trainee != "Ellie Hart" || st.Exercise != "first-plan-review" || len(st.Attempts) != 0 {
		t.Errorf("state: %+v", st)
	}
	// Nothing is left beside the state file.
	for _, e := range entries(t, dir) {
		if e != training.StateFile && strings.HasPrefix(e, atomicfile.TempPrefix) {
			t.Errorf("left behind: %s", e)
		}
	}

	// A bad name: refused, nothing written.
	bad := filepath.Join(t.TempDir(), "bad")
	if err := ex.Start(ctx, bad, training.StartOptions{Trainee: "=cmd|' /C calc'!A0"}); err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("start with a formula for a name: %v", err)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("the folder was made")
	}

	// A state file edited by hand to hold a control character is refused,
	// naming the file.
	p := filepath.Join(dir, training.StateFile)
	data, _ := os.ReadFile(p)
	if err := os.WriteFile(p, bytes.Replace(data, []byte(`"Ellie Hart"`), []byte(`"Ellie\u001b[2JHart"`), 1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := training.ReadState(dir); err == nil || !strings.Contains(err.Error(), training.StateFile) {
		t.Errorf("ReadState of a hostile name: %v", err)
	}
}

func TestRecordAttempt(t *testing.T) {
	ex := shipped(t, "seen-alone")
	dir := filepath.Join(t.TempDir(), "t")
	if err := ex.Start(ctx, dir, training.StartOptions{Trainee: "Sam Jones"}); err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	for i := range training.MaxAttempts + 3 {
		a := training.Attempt{At: t0.Add(time.Duration(i) * time.Minute), Mode: training.ModeFix, Score: i % 4, Total: 3}
		if err := training.RecordAttempt(dir, a); err != nil {
			t.Fatal(err)
		}
	}
	st, err := training.ReadState(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Trainee != "Sam Jones" || len(st.Attempts) != training.MaxAttempts || st.EarlierAttempts != 3 {
		t.Fatalf("trainee %q, %d attempts, %d earlier", st.Trainee, len(st.Attempts), st.EarlierAttempts)
	}
	if got := st.Attempts[0].At; !got.Equal(t0.Add(3 * time.Minute)) {
		t.Errorf("oldest kept attempt at %s", got)
	}
	if got := training.AnswersPath(dir, filepath.Join(dir, "sub", "answers.toml")); got != "sub/answers.toml" {
		t.Errorf("answers inside the folder: %q", got)
	}
	if got := training.AnswersPath(dir, filepath.Join(dir, "..", "answers.toml")); !filepath.IsAbs(got) {
		t.Errorf("answers outside the folder: %q", got)
	}
}

// Every shipped exercise has trainer notes, in the shape TRAINER.md's
// documentation gives, and start never puts them in the trainee's folder.
func TestShippedTrainerNotes(t *testing.T) {
	exs, err := training.Shipped(checks.All()).All()
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		t.Run(ex.Name, func(t *testing.T) {
			t.Parallel()
			n, err := ex.TrainerNotes()
			if err != nil || n == nil {
				t.Fatalf("trainer notes: %v, %v", n, err)
			}
			var heads []string
			for _, s := range n.Sections {
				heads = append(heads, s.Heading)
				for _, p := range s.Points {
					if len(p) < 20 {
						t.Errorf("%s: a point too short to teach: %q", s.Heading, p)
					}
				}
			}
			if strings.Join(heads, "|") != "Debrief|Common wrong fixes" {
				t.Errorf("sections %q, want Debrief and Common wrong fixes", heads)
			}
			if !strings.Contains(n.Title, ex.Title) {
				t.Errorf("title %q does not name %q", n.Title, ex.Title)
			}
			// Never in the trainee's folder, under any name, nor in its
			// history's files.
			dir := filepath.Join(t.TempDir(), "trainee")
			if err := ex.Start(ctx, dir, training.StartOptions{Git: true, Trainee: "Ellie Hart"}); err != nil {
				t.Fatal(err)
			}
			point := n.Sections[0].Points[0]
			probe := point[:min(40, len(point))]
			err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				if d.Name() == training.TrainerFile {
					t.Errorf("%s copied to the trainee", p)
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				if bytes.Contains(data, []byte(probe)) || bytes.Contains(data, []byte("Common wrong fixes")) {
					t.Errorf("%s holds the trainer notes", p)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestParseTrainerNotes(t *testing.T) {
	n, err := training.ParseTrainerNotes("TRAINER.md", []byte("# Notes\n\n## Debrief\n- one point\n  running on\n- two\n\nA paragraph.\n\n## Wrong fixes\n* three\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n.Title != "Notes" || len(n.Sections) != 2 || strings.Join(n.Sections[0].Points, "|") != "one point running on|two|A paragraph." || n.Sections[1].Points[0] != "three" {
		t.Errorf("parsed %+v", n)
	}
	for in, want := range map[string]string{
		"text first\n## A\n- x\n":   "TRAINER.md:1:1",
		"## A\n- x\n### deeper\n":   "TRAINER.md:3:1",
		"## A\n- x\n# late title\n": "TRAINER.md:3:1",
		"## A\n\n## B\n- x\n":       `section "A" has no points`,
		"# only a title\n":          "no \"## \" sections",
	} {
		if _, err := training.ParseTrainerNotes("TRAINER.md", []byte(in)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %s", in, err, want)
		}
	}
}

// The trainee's view holds back what check holds back: the problems still
// there, the items missed, and a hint that names a missed item's place;
// the trainer's view has them all.
func TestResultViews(t *testing.T) {
	ex := shipped(t, "first-plan-review")
	dir := filepath.Join(t.TempDir(), "t")
	if err := ex.Start(ctx, dir, training.StartOptions{Trainee: "Ellie Hart"}); err != nil {
		t.Fatal(err)
	}
	r, err := ex.CheckFix(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := training.ReadState(dir)
	trainee := r.Result(training.ResultOptions{State: st})
	if len(trainee.Items) != 0 || trainee.Counts.Remaining != len(ex.Key) || trainee.Trainee != "Ellie Hart" || trainee.Mode != "fix" ||
		len(trainee.HeldBack) != 1 || trainee.HeldBack[0] != (training.ResultHeld{Count: len(ex.Key)}) {
		t.Errorf("trainee's view of an untouched folder: %+v", trainee)
	}
	var buf bytes.Buffer
	if err := trainee.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	for _, k := range ex.Key {
		if strings.Contains(buf.String(), k.Rule) || strings.Contains(buf.String(), at(k)) {
			t.Errorf("the trainee's JSON names %s at %s:\n%s", k.Rule, at(k), buf.String())
		}
	}
	buf.Reset()
	if err := trainee.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if rows, err := csv.NewReader(&buf).ReadAll(); err != nil || len(rows) != 2 || rows[1][3] != training.RowHeld || rows[1][4] != fmt.Sprint(len(ex.Key)) || rows[1][5] != "" || rows[1][7] != "" {
		t.Errorf("the trainee's CSV of an untouched folder: %q, %v", rows, err)
	}
	full := r.Result(training.ResultOptions{Trainer: true, State: st})
	if len(full.Items) != len(ex.Key) || full.Items[0].Status != "still there" || full.Items[0].Message == "" || len(full.HeldBack) != 0 {
		t.Errorf("trainer's view: %+v", full.Items)
	}

	// Spot: one right, one at a missed item's place with the wrong rule.
	k0, k1 := ex.Key[0], ex.Key[1]
	answers := []training.Answer{
		{Rule: k0.Rule, Path: k0.Path, Line: k0.Line, At: at(k0), Note: "=A group owns nothing"},
		{Rule: "unseen-child", Path: k1.Path, Line: k1.Line, At: at(k1)},
	}
	sr, err := ex.CheckSpot(ctx, answers)
	if err != nil {
		t.Fatal(err)
	}
	ts := sr.Result(answers, training.ResultOptions{})
	if len(ts.Items) != 1 || ts.Items[0].Status != training.MarkFound || ts.Counts.Missed != len(ex.Key)-1 || len(ts.HeldBack) != 1 || ts.HeldBack[0].Count != len(ex.Key)-1 {
		t.Errorf("trainee's spot items: %+v", ts.Items)
	}
	if len(ts.Answers) != 2 || ts.Answers[0].Mark != training.MarkFound || ts.Answers[0].Item != at(k0) || ts.Answers[1].Mark != training.MarkWrong || ts.Answers[1].Hint != "" {
		t.Errorf("trainee's spot answers: %+v", ts.Answers)
	}
	fs := sr.Result(answers, training.ResultOptions{Trainer: true})
	if len(fs.Items) != len(ex.Key) || !strings.Contains(fs.Answers[1].Hint, k1.Rule) {
		t.Errorf("trainer's spot: %+v / %+v", fs.Items, fs.Answers)
	}
	// A note that looks like a formula is made harmless in the CSV.
	buf.Reset()
	if err := fs.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(ex.Key)+len(answers) {
		t.Errorf("%d rows: %q", len(rows), rows)
	}
	for _, row := range rows {
		for _, c := range row {
			if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Errorf("a cell a spreadsheet reads as a formula: %q", c)
			}
		}
	}
	// The JSON round-trips into the documented shape.
	buf.Reset()
	if err := fs.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var back training.Result
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back.Schema != training.ResultSchema || back.Score.Got != 1 || back.Score.Total != len(ex.Key) {
		t.Errorf("JSON back: %+v, %v", back, err)
	}
}

func at(k expect.Expectation) string { return fmt.Sprintf("%s:%d", k.Path, k.Line) }

// Changed evidence, when the marking fills it, reaches every form of the
// report, escaped.
func TestSessionShowsChangedEvidence(t *testing.T) {
	res := &training.Result{
		Schema: training.ResultSchema, Trainee: "Ellie Hart", Mode: training.ModeFix, Trainer: true,
		Exercise:        training.ResultExercise{Name: "seen-alone", Title: "Seen alone", Level: 2, Profile: "oxfordshire", AsOf: "2026-11-20"},
		Score:           training.ResultScore{Got: 1, Total: 3, Percent: 33},
		Items:           []training.ResultItem{{Rule: "unseen-child", Path: "visits/2026-09-09.md", Line: 3, Status: "changed the evidence", Why: "the visit's date was moved"}},
		ChangedEvidence: []training.ResultChange{{Path: "visits/2026-09-22.md", Line: 6, Kind: "fact changed", What: "seen_alone was false, now <b>true</b>\u202e\x1b[2J"}},
	}
	s := &training.Session{Made: time.Date(2026, 11, 20, 16, 0, 0, 0, time.UTC), Results: []*training.Result{res}}
	var text, page, rows bytes.Buffer
	if err := s.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteCSV(&rows); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "Not counted (1):\n    visits/2026-09-09.md:3 unseen-child: changed the evidence: the visit's\n") ||
		!strings.Contains(page.String(), "changed the evidence: the visit&#39;s date was moved") {
		t.Errorf("an item not counted is not shown with why:\n%s", text.String())
	}
	if !strings.Contains(text.String(), "Changed the evidence (1):") || !strings.Contains(text.String(), "visits/2026-09-22.md:6 fact changed: seen_alone was false") {
		t.Errorf("text:\n%s", text.String())
	}
	if strings.Contains(page.String(), "<b>true") || !strings.Contains(page.String(), "&lt;b&gt;true") {
		t.Errorf("html does not escape the change")
	}
	if strings.ContainsAny(page.String(), "\u202e\x1b") {
		t.Errorf("html holds a bidi override or an escape raw")
	}
	if !strings.Contains(rows.String(), training.RowChanged) {
		t.Errorf("csv:\n%s", rows.String())
	}
}
