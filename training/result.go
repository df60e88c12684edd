package training

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ResultSchema is the version of the Result's JSON. It changes only when a
// field is removed or changes meaning; fields may be added.
const ResultSchema = 1

// Result is one trainee's marked exercise in a form for machines and for
// the session report: check --format json|csv writes it, and session
// gathers one per folder. docs/training.md documents its JSON.
//
// A Result is built for one of two readers (ResultOptions.Trainer): the
// trainer sees everything; the trainee sees what check's text shows them,
// and nothing of the key they have not yet found or fixed.
type Result struct {
	Schema   int            `json:"schema"`
	Folder   string         `json:"folder,omitempty"` // the started folder, as given
	Exercise ResultExercise `json:"exercise"`
	Trainee  string         `json:"trainee"` // "" when start had no --trainee
	Mode     string         `json:"mode"`    // ModeFix or ModeSpot
	// Trainer says this is the trainer's view: every key item, with what
	// became of it. false: the trainee's view, with the problems not yet
	// fixed or found held back (counted, not listed).
	Trainer bool        `json:"trainer"`
	Score   ResultScore `json:"score"`
	Counts  Counts      `json:"counts"`
	// Items are the key's items: in fix mode each seeded problem and what
	// became of it; in spot mode each and whether it was found. The
	// trainee's view lists only those fixed, suppressed or found.
	Items []ResultItem `json:"items"`
	// HeldBack is what the trainee's view tells of the items it does not
	// list: how many, grouped as the hint level allows. Empty for the
	// trainer.
	HeldBack []ResultHeld `json:"held_back"`
	// New are the problems the trainee's edits brought in (fix mode).
	New []ResultFinding `json:"new"`
	// ChangedEvidence is what the trainee changed of the records as they
	// were started (a fact rewritten, a record or row deleted, a record
	// backdated): never counted as fixed. It is filled by the fix-mode
	// marking that compares the records with the case as started.
	ChangedEvidence []ResultChange `json:"changed_evidence"`
	// Suppressions are the caselint:ignore comments the trainee wrote, each
	// with its reason, for the trainer to judge.
	Suppressions []ResultSuppression `json:"suppressions"`
	// Answers are the trainee's spot answers, each with its mark.
	Answers []ResultAnswer `json:"answers"`
	// Attempts are the check runs the state file records, oldest first;
	// EarlierAttempts counts older ones no longer listed.
	Attempts        []Attempt `json:"attempts"`
	EarlierAttempts int       `json:"earlier_attempts,omitempty"`
	Notes           []string  `json:"notes"`
	// Done: everything fixed and nothing new (fix), everything found and
	// no answer not supported (spot).
	Done bool `json:"done"`
}

// ResultExercise says which exercise a Result is of.
type ResultExercise struct {
	Name    string `json:"name"`
	Title   string `json:"title"`
	Level   int    `json:"level"`
	Profile string `json:"profile"`
	AsOf    string `json:"as_of"` // YYYY-MM-DD
}

// ResultScore is the score: fixed (fix) or found (spot), of the key.
type ResultScore struct {
	Got     int `json:"got"`
	Total   int `json:"total"`
	Percent int `json:"percent"`
}

// Counts are the marking's counts; those of the other mode are 0.
type Counts struct {
	Fixed           int `json:"fixed"`
	Suppressed      int `json:"suppressed"` // included in fixed, as the score counts them
	Remaining       int `json:"remaining"`
	New             int `json:"new"`
	ChangedEvidence int `json:"changed_evidence"`
	Found           int `json:"found"`
	Missed          int `json:"missed"`
	Close           int `json:"close"`          // shown only at the record hint level and above
	Discussion      int `json:"for_discussion"` // real problems the key does not have
	NotSupported    int `json:"not_supported"`
}

// ResultItem is one key item and what became of it. Status is, in fix
// mode, FixStatus.String() ("fixed", "recorded", "still there", "changed
// the evidence", ...); in spot mode "found" or "missed".
type ResultItem struct {
	Rule    string `json:"rule"`
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Status  string `json:"status"`
	Message string `json:"message,omitempty"` // what caselint says of it as started
	// Now is where caselint finds it now, when it is still there or
	// suppressed and has moved ("path:line").
	Now    string `json:"now,omitempty"`
	Reason string `json:"reason,omitempty"` // suppressed: the trainee's reason
	// Why says why an item is not counted, when the marking says.
	Why string `json:"why,omitempty"`
}

// ResultHeld is a group of key items held back from the trainee: how many,
// and, where the hint level allows, their record and rule; never a line or
// a message.
type ResultHeld struct {
	Path  string `json:"record,omitempty"`
	Rule  string `json:"rule,omitempty"`
	Count int    `json:"count"`
	// Repeat: new problems that repeat a seeded one (a record copied).
	Repeat bool `json:"repeat,omitempty"`
}

// ResultFinding is a problem caselint finds.
type ResultFinding struct {
	Rule     string `json:"rule"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

// ResultChange is one change the trainee made to the evidence: what was
// changed, where, and the procedure's rule it breaks.
type ResultChange struct {
	Path string `json:"path"`
	Line int    `json:"line,omitempty"` // 0 for a whole record
	Kind string `json:"kind"`           // what kind of change: "fact changed", "record deleted", ...
	What string `json:"what"`           // what was changed, in words
	// Commit is the trainee's commit that made it, when the history shows
	// it ("" when found in the folder only).
	Commit string `json:"commit,omitempty"`
}

// ResultSuppression is a caselint:ignore the trainee wrote, and its reason.
type ResultSuppression struct {
	Rule   string `json:"rule"`
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
	// Seeded: it covers one of the key's problems.
	Seeded bool `json:"seeded"`
	// Weak says why the reason does not count, when the marking judges
	// reasons ("" when it counts).
	Weak string `json:"weak,omitempty"`
}

// ResultAnswer is one spot answer and its mark: found, close, for
// discussion or not supported. Item is the key item it found, or where
// caselint finds the problem for discussion ("path:line").
type ResultAnswer struct {
	Rule  string `json:"rule"`
	Words string `json:"words,omitempty"` // the answer in the trainee's words, read as Rule
	At    string `json:"at"`              // as the trainee wrote it
	Path  string `json:"path"`
	Line  int    `json:"line"`
	Note  string `json:"note,omitempty"` // the trainee's own words
	Mark  string `json:"mark"`
	Hint  string `json:"hint,omitempty"`
	Item  string `json:"item,omitempty"`
}

// The marks of a spot answer, and the statuses of a spot item.
const (
	MarkFound      = "found"
	MarkClose      = "close"          // the right record, a related rule: no credit
	MarkDiscussion = "for discussion" // a real problem the key does not have
	MarkWrong      = "not supported"
	MarkMissed     = "missed"
)

// ResultOptions say whom a Result is for.
type ResultOptions struct {
	// Trainer: everything. Otherwise the trainee's view: the key items not
	// fixed or found are counted, not listed.
	Trainer bool
	State   State  // the folder's state: trainee and attempts
	Folder  string // the folder, as given; "" leaves it out
}

func (ex *Exercise) resultHead(o ResultOptions, mode string) *Result {
	return &Result{
		Schema: ResultSchema,
		Folder: o.Folder,
		Exercise: ResultExercise{
			Name: ex.Name, Title: ex.Title, Level: ex.Level,
			Profile: ex.Profile, AsOf: ex.AsOf.String(),
		},
		Trainee:         o.State.Trainee,
		Mode:            mode,
		Trainer:         o.Trainer,
		Items:           []ResultItem{},
		HeldBack:        []ResultHeld{},
		New:             []ResultFinding{},
		Suppressions:    []ResultSuppression{},
		Answers:         []ResultAnswer{},
		Attempts:        append([]Attempt{}, o.State.Attempts...),
		EarlierAttempts: o.State.EarlierAttempts,
		Notes:           []string{},
	}
}

// Result returns the fix-mode marking as a Result for the reader o says.
func (r *FixReport) Result(o ResultOptions) *Result {
	res := r.Exercise.resultHead(o, ModeFix)
	shown, news, held := fixView(r, o)
	for _, it := range shown {
		ri := ResultItem{Rule: it.Rule, Path: it.Path, Line: it.Line, Status: it.Status.String(), Message: it.Message}
		if it.Now != nil && (it.Now.Path != it.Path || it.Now.Pos.Line != it.Line) {
			ri.Now = fmt.Sprintf("%s:%d", it.Now.Path, it.Now.Pos.Line)
		}
		if it.Now != nil && it.Now.Suppression != nil {
			ri.Reason = it.Now.Suppression.Reason
		}
		ri.Why = it.Why
		res.Items = append(res.Items, ri)
	}
	res.HeldBack = append(res.HeldBack, held...)
	for _, it := range r.Items {
		if it.Status == Suppressed {
			res.Counts.Suppressed++
		}
	}
	// Every suppression of the trainee's copy, with its reason and why it
	// does not count (evidence.go). Suppressions of problems still held
	// back are the trainee's own comments, so they give nothing away.
	for _, sn := range r.Suppressions {
		res.Suppressions = append(res.Suppressions, ResultSuppression{
			Rule: sn.Rule, Path: sn.Path, Line: sn.Line, Reason: sn.Reason, Seeded: sn.Seeded, Weak: sn.Weak,
		})
	}
	res.ChangedEvidence = []ResultChange{}
	for _, e := range r.Evidence {
		res.ChangedEvidence = append(res.ChangedEvidence, ResultChange{Path: e.Path, Line: e.Line, Kind: string(e.Kind), What: e.What, Commit: e.Commit})
	}
	res.Counts.Fixed = r.Fixed()
	res.Counts.Remaining = len(r.Items) - r.Fixed()
	for _, f := range news {
		res.New = append(res.New, ResultFinding{
			Rule: f.RuleID, Path: f.Path, Line: f.Pos.Line, Col: f.Pos.Col,
			Severity: f.Severity.String(), Message: f.Message,
		})
	}
	res.Counts.New = len(r.New)
	res.Counts.ChangedEvidence = len(res.ChangedEvidence)
	res.Notes = append(res.Notes, shownNotes(r.Notes, r.Show, o)...)
	res.Score = score(r.Fixed(), len(r.Items))
	res.Done = r.Done()
	return res
}

// Result returns the spot-mode marking as a Result for the reader o says.
func (r *SpotReport) Result(answers []Answer, o ResultOptions) *Result {
	res := r.Exercise.resultHead(o, ModeSpot)
	missed, held := spotView(r, o)
	for _, m := range r.Found {
		res.Items = append(res.Items, ResultItem{Rule: m.Rule, Path: m.Path, Line: m.Line, Status: MarkFound, Message: m.Message})
	}
	for _, it := range missed {
		res.Items = append(res.Items, ResultItem{Rule: it.Rule, Path: it.Path, Line: it.Line, Status: MarkMissed, Message: it.Message})
	}
	sortResultItems(res.Items)
	res.HeldBack = append(res.HeldBack, held...)
	// The answers in the trainee's order, each with its mark.
	found := map[Answer]string{}
	for _, m := range r.Found {
		found[m.Answer] = m.At()
	}
	hints := map[Answer]string{}
	for _, w := range r.Wrong {
		hints[w.Answer] = shownHint(r, w, o)
	}
	// A close answer says there is a problem in its record: below the
	// record hint level it is marked as not supported, as check's text
	// does (spot.go).
	closeShown := o.Trainer || r.Show >= HintsRecord
	close := map[Answer]bool{}
	for _, c := range r.Close {
		close[c.Answer] = true
	}
	discussion := map[Answer]Discussion{}
	for _, d := range r.Discussion {
		discussion[d.Answer] = d
	}
	for _, a := range answers {
		ra := ResultAnswer{Rule: a.Rule, Words: a.Words, At: a.At, Path: a.Path, Line: a.Line, Note: a.Note, Mark: MarkWrong}
		if at, ok := found[a]; ok {
			ra.Mark, ra.Item = MarkFound, at
			delete(found, a)
		} else if close[a] && closeShown {
			ra.Mark = MarkClose
		} else if d, ok := discussion[a]; ok {
			ra.Mark = MarkDiscussion
			ra.Item = fmt.Sprintf("%s:%d", d.Finding.Path, d.Finding.Pos.Line)
			ra.Hint = d.Why
		} else if !close[a] {
			ra.Hint = hints[a]
		}
		res.Answers = append(res.Answers, ra)
	}
	res.Counts.Found = len(r.Found)
	res.Counts.Missed = len(r.Missed)
	res.Counts.NotSupported = len(r.Wrong)
	if closeShown {
		res.Counts.Close = len(r.Close)
	} else {
		res.Counts.NotSupported += len(r.Close)
	}
	res.Counts.Discussion = len(r.Discussion)
	res.Notes = append(res.Notes, shownNotes(r.Notes, r.Show, o)...)
	got, total := r.Score()
	res.Score = score(got, total)
	res.Done = r.Done()
	return res
}

func sortResultItems(items []ResultItem) {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && lessItem(items[j], items[j-1]); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

func lessItem(a, b ResultItem) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Rule < b.Rule
}

func score(got, total int) ResultScore {
	return ResultScore{Got: got, Total: total, Percent: percent(got, total)}
}

// WriteJSON writes the Result as indented JSON.
func (res *Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// CSVHeader is the header row of the CSV: one row per item.
var CSVHeader = []string{"trainee", "exercise", "mode", "kind", "status", "path", "line", "rule", "detail"}

// The kinds of a CSV row.
const (
	RowKey         = "key item"
	RowNew         = "new problem"
	RowChanged     = "changed evidence"
	RowSuppression = "suppression"
	RowAnswer      = "answer"
	RowHeld        = "held back"
)

// CSVRows returns the Result's rows, without the header: one per key item
// shown, group of items held back, new problem, change to the evidence,
// suppression and answer.
func (res *Result) CSVRows() [][]string {
	var rows [][]string
	row := func(kind, status, path string, line int, rule, detail string) {
		l := ""
		if line > 0 {
			l = strconv.Itoa(line)
		}
		rows = append(rows, []string{res.Trainee, res.Exercise.Name, res.Mode, kind, status, path, l, rule, detail})
	}
	for _, it := range res.Items {
		detail := it.Message
		if it.Reason != "" {
			detail = "suppressed: " + it.Reason
		}
		row(RowKey, it.Status, it.Path, it.Line, it.Rule, detail)
	}
	for _, h := range res.HeldBack {
		what := "still to fix"
		if res.Mode == ModeSpot {
			what = "not found"
		}
		if h.Repeat {
			what = "new, repeating a seeded problem"
		}
		row(RowHeld, strconv.Itoa(h.Count), h.Path, 0, h.Rule, fmt.Sprintf("%d %s", h.Count, what))
	}
	for _, f := range res.New {
		row(RowNew, f.Severity, f.Path, f.Line, f.Rule, f.Message)
	}
	for _, c := range res.ChangedEvidence {
		row(RowChanged, c.Kind, c.Path, c.Line, "", c.What)
	}
	for _, s := range res.Suppressions {
		row(RowSuppression, "suppressed", s.Path, s.Line, s.Rule, s.Reason)
	}
	for _, a := range res.Answers {
		detail := a.Note
		if a.Hint != "" {
			detail = strings.TrimSpace(detail + " (" + a.Hint + ")")
		}
		row(RowAnswer, a.Mark, a.Path, a.Line, a.Rule, detail)
	}
	return rows
}

// WriteCSV writes the Result as CSV, a header and one row per item (see
// CSVRows).
func (res *Result) WriteCSV(w io.Writer) error {
	return writeCSV(w, [][][]string{res.CSVRows()})
}

func writeCSV(w io.Writer, groups [][][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, rows := range groups {
		for _, r := range rows {
			safe := make([]string, len(r))
			for i, c := range r {
				safe[i] = csvCell(c)
			}
			if err := cw.Write(safe); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell keeps a spreadsheet from reading a cell as a formula: a cell
// starting with =, +, -, @, a tab or a carriage return (a trainee's note, a
// suppression reason) is written with an apostrophe in front.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
