package training

import (
	"strings"
	"testing"
	"time"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// The session's text report shows what a trainee wrote (file names,
// reasons, notes, answers) escaped, as the marking does; the trainer notes
// too.
func TestSessionReportIsPrintable(t *testing.T) {
	ex := &Exercise{Name: "t"}
	ex.Title, ex.Level, ex.Profile, ex.AsOf = "t", 1, "combined", schema.NewDate(2026, 1, 1)
	evil := "a\x1b[2J\a\u202e\nb"
	fix := &FixReport{Exercise: ex,
		Items: []FixItem{{Item: Item{Rule: "r", Path: "plan.md", Line: 3}, Status: Suppressed,
			Now: &lint.Finding{RuleID: "r", Path: "plan" + evil + ".md", Pos: schema.Position{Line: 4}, Suppression: &lint.Suppression{Reason: "because " + evil}}}},
		New:   []lint.Finding{{RuleID: "r", Severity: lint.Error, Path: "cases/" + evil + ".md", Pos: schema.Position{Line: 1, Col: 1}, Message: "msg " + evil}},
		Notes: []string{"note " + evil}}
	res := fix.Result(ResultOptions{Trainer: true, Folder: "dir" + evil, State: State{Trainee: "Ellie Hart"}})
	res.ChangedEvidence = []ResultChange{{Path: "v" + evil, Kind: "k" + evil, What: "w" + evil}}
	answers := []Answer{{Rule: "r" + evil, Path: "p" + evil, Line: 2, At: "p" + evil + ":2", Note: "note " + evil}}
	spot := (&SpotReport{Exercise: ex, Wrong: []Wrong{{Answer: answers[0], Hint: "hint " + evil}}}).Result(answers, ResultOptions{Trainer: true, Folder: "dir2"})
	notes, err := ParseTrainerNotes("TRAINER.md", []byte("## Debrief "+"\u202e"+"\n- point \x1b[2J\n"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Session{Made: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC), Results: []*Result{res, spot},
		Exercises: []SessionExercise{{ResultExercise: res.Exercise, Trainees: 2, Notes: notes}},
		Unmarked:  []Unmarked{{Folder: "f" + evil, Error: "e" + evil}}}
	var out strings.Builder
	if err := s.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"\x1b", "\a", "\u202e", "\nb"} {
		if strings.Contains(out.String(), bad) {
			t.Errorf("the session report holds %q raw:\n%q", bad, out.String())
		}
	}
}
