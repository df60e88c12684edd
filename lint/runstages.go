package lint

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/caselint/caselint/schema"
)

// The results pipeline, per run. The cases' results come to Run in
// batches (Stream: the cases of one job, in the order of the cases, or all
// of them at once), and each batch goes through the stages of runStages,
// in that order, before its findings are passed on; the notices are put in
// order and redacted once, at the end (runWork.end). A command then adds
// its own stages after Run (Stage: the baseline of --new-from-rev, path
// redaction, the fail level), which lint.Pipeline runs.
// docs/architecture.md lists both; TestPipelineDoc holds it to these lists.
var runStages = []runStage{
	duplicateIDStage{}, // a case id already used by another case is a finding
	joinStage{},        // the cases' results joined, in the order of the cases
	severityStage{},    // findings of rules that are off dropped, the rest at their severity
	sortRunStage{},     // findings in report order
	redactRunStage{},   // under Options.Redact, what no case redacted
}

// runStage is one stage of the per-run pipeline inside Run, run on each
// batch of cases.
type runStage interface {
	name() string
	run(e *engine, w *runWork)
}

// runWork is what the per-run stages work on: a batch of the cases'
// results in the order of the cases, and the result they become: its
// findings those of the batch, the rest the whole run's so far.
type runWork struct {
	outs []orderedResult
	res  *Result
	lane []*engine // the lane of each of res.Findings, as joined
	// seenID is where each case id was first given, over the whole run.
	seenID map[string]string
	// each is handed each batch's findings (Stream).
	each func([]Finding) error
}

// batch runs the per-run stages on the results of the cases outs and
// hands the findings they make to w.each.
func (w *runWork) batch(e *engine, outs []orderedResult) error {
	slices.SortFunc(outs, func(a, b orderedResult) int { return a.order.compare(b.order) })
	w.outs, w.res.Findings, w.lane = outs, nil, nil
	for _, s := range runStages {
		s.run(e, w)
	}
	fs := w.res.Findings
	w.outs, w.res.Findings, w.lane = nil, nil, nil
	if len(fs) == 0 {
		return nil
	}
	return w.each(fs)
}

// end puts the notices of the whole run in report order and, under
// Options.Redact, redacts those no case redacted.
func (w *runWork) end(e *engine) {
	sortNotifications(w.res.Notifications)
	if e.opts.Redact {
		e.redactFindings(w.res.Findings)
	}
}

// duplicateIDStage: a case id already used by a case before (in the order
// of the cases) is an invalid-record finding of the later case, at its id.
// Under Options.Changed the case that keeps the id is the first the change
// did not touch, if any: each other case with it has the finding.
type duplicateIDStage struct{}

func (duplicateIDStage) name() string { return "duplicate-ids" }

func (duplicateIDStage) run(e *engine, w *runWork) {
	untouchedIDs(e, w.outs)
	if w.seenID == nil {
		w.seenID = map[string]string{}
	}
	if changed := e.opts.Changed; changed != nil {
		// The runs with Changed are held whole (one batch): a later case
		// can keep the id from an earlier one.
		for _, o := range w.outs {
			if _, seen := w.seenID[o.caseID]; o.caseID != "" && !seen && !changed(o.order.name) {
				w.seenID[o.caseID] = o.caseIDPos.path
			}
		}
	}
	for i := range w.outs {
		o := &w.outs[i]
		if o.caseID == "" {
			continue
		}
		if first, dup := w.seenID[o.caseID]; dup && first == o.caseIDPos.path {
			continue // the case that keeps it
		} else if dup {
			o.findings = append(o.findings, cmp.Or(o.eng, e).finding(InvalidRecordID, o.caseIDPos, "").
				withMsg(schema.Msgf("case id %s is already used by %s: every case needs its own id", o.caseID, first)))
		} else {
			w.seenID[o.caseID] = o.caseIDPos.path
		}
	}
}

// untouchedIDs gives the cases not linted (Options.Touched) their ids
// where one could be an id of a case linted: a case.md that holds the id
// as it is written, or holds an escape (which could spell it). Their ids
// among themselves do not matter: the cases were not touched, so a
// finding of two of them is the same at both ends of a comparison. (Under
// Options.Touched, every case comes in one batch.)
func untouchedIDs(e *engine, outs []orderedResult) {
	var ids [][]byte
	for _, o := range outs {
		if !o.untouched && o.caseID != "" {
			ids = append(ids, []byte(o.caseID))
		}
	}
	for i := range outs {
		o := &outs[i]
		if o.caseMD == nil {
			continue
		}
		maybe := bytes.IndexByte(o.caseMD, '\\') >= 0
		for _, id := range ids {
			maybe = maybe || bytes.Contains(o.caseMD, id)
		}
		if maybe {
			o.caseID, o.caseIDPos = cmp.Or(o.eng, e).caseID(o.order.name)
		}
		o.caseMD = nil
	}
}

// joinStage joins the cases' findings, notices and counts into the result.
type joinStage struct{}

func (joinStage) name() string { return "join" }

func (joinStage) run(e *engine, w *runWork) {
	// Sized once: with many findings, growing the slice by doubling would
	// hold up to twice their size at the end of the run.
	n := len(w.res.Findings)
	for _, o := range w.outs {
		n += len(o.findings)
	}
	w.res.Findings = slices.Grow(w.res.Findings, n-len(w.res.Findings))
	w.lane = slices.Grow(w.lane, n-len(w.lane))
	for i, o := range w.outs {
		w.res.Findings = append(w.res.Findings, o.findings...)
		for range o.findings {
			w.lane = append(w.lane, cmp.Or(o.eng, e))
		}
		w.outs[i].findings = nil // joined: not held twice
		w.res.Notifications = append(w.res.Notifications, o.notes...)
		w.res.Files += o.records
		if o.isCase {
			w.res.Cases++
		}
		if o.untouched {
			w.res.Untouched++
		}
		if o.chrono != nil {
			w.res.Chronologies = append(w.res.Chronologies, *o.chrono)
		}
		if o.due != nil {
			w.res.Obligations = append(w.res.Obligations, *o.due)
		}
	}
}

// severityStage keeps the findings of rules that are on, at the severity
// the profile and config of their case give them (filterRules,
// severity.go).
type severityStage struct{}

func (severityStage) name() string { return "severity" }

func (severityStage) run(e *engine, w *runWork) {
	if e.opts.SettingsFor == nil {
		w.res.Findings = filterRules(w.res.Findings, e.severity)
		return
	}
	out := w.res.Findings[:0]
	for i, f := range w.res.Findings {
		out = append(out, filterRules([]Finding{f}, w.lane[i].severity)...)
	}
	w.res.Findings = out
}

// sortRunStage puts the batch's findings in report order.
type sortRunStage struct{}

func (sortRunStage) name() string { return "sort" }

func (sortRunStage) run(_ *engine, w *runWork) {
	sortFindings(w.res.Findings)
}

// redactRunStage, under Options.Redact, redacts the findings no case
// redacted: those of duplicate ids (the notices of no case are redacted at
// the end, runWork.end).
type redactRunStage struct{}

func (redactRunStage) name() string { return "redact" }

func (redactRunStage) run(e *engine, w *runWork) {
	if e.opts.Redact {
		e.redactRest(w.res)
	}
}

// Stage is a stage of the per-run pipeline that a command adds after Run.
// A stage takes the findings (Findings) as they arrive, batch by batch in
// report order, and the rest of the result once the run is over (Apply),
// so that a report can be written as the cases are done and no stage
// holds the findings; a stage that needs them all at once (Whole) makes
// the pipeline hold them. The lint command's stages, in order, are in its
// Run; the ones here are those more than a command could want.
type Stage struct {
	Name string
	// Findings, when set, takes each batch of findings and returns those
	// that go on, the batch changed in place or not.
	Findings func(batch []Finding) ([]Finding, error)
	// Apply, when set, runs once every finding has gone through every
	// stage's Findings. It may change the notices and counts; only a
	// Whole stage may read or change res.Findings.
	Apply func(ctx context.Context, res *Result) error
	// Whole says Apply needs res.Findings, every finding of the run.
	Whole bool
}

// Pipeline runs the stages on res, which holds every finding, in order,
// and stops at the first error.
func Pipeline(ctx context.Context, res *Result, stages ...Stage) error {
	for _, s := range stages {
		if s.Findings != nil {
			fs, err := s.Findings(res.Findings)
			if err != nil {
				return err
			}
			res.Findings = fs
		}
		if s.Apply != nil {
			if err := s.Apply(ctx, res); err != nil {
				return err
			}
		}
	}
	return nil
}

// Streams reports whether stages can take the findings batch by batch
// (PipeBatch, then PipeEnd): none of them is Whole. Then running them so
// is the same as Pipeline: each stage's Findings sees the findings in the
// same order, and no Apply touches them.
func Streams(stages []Stage) bool {
	for _, s := range stages {
		if s.Whole {
			return false
		}
	}
	return true
}

// PipeBatch passes one batch of findings through the stages' Findings, in
// order.
func PipeBatch(batch []Finding, stages ...Stage) ([]Finding, error) {
	for _, s := range stages {
		if s.Findings == nil || len(batch) == 0 {
			continue
		}
		var err error
		if batch, err = s.Findings(batch); err != nil {
			return nil, err
		}
	}
	return batch, nil
}

// PipeEnd runs the stages' Apply, in order, once every batch has been
// through PipeBatch.
func PipeEnd(ctx context.Context, res *Result, stages ...Stage) error {
	for _, s := range stages {
		if s.Apply != nil {
			if err := s.Apply(ctx, res); err != nil {
				return err
			}
		}
	}
	return nil
}

// NewSinceStage keeps the findings that are not among the base's (NewSince):
// base lints the baseline (for --new-from-rev, the records at a revision)
// and returns nil when there is nothing to compare with, which keeps every
// finding. It needs every finding at once.
func NewSinceStage(base func(ctx context.Context) (*Result, error)) Stage {
	return Stage{Name: "new-since", Whole: true, Apply: func(ctx context.Context, res *Result) error {
		before, err := base(ctx)
		if err != nil || before == nil {
			return err
		}
		if at, why, ok := baseUnread(before.Notifications); ok {
			// A record of the base that was not read hides nothing: a gap
			// it would have shown (a visit deleted since) would be found
			// at both ends and dropped as old. Every finding is kept, and
			// the run is incomplete.
			res.Notifications = append(res.Notifications, Notification{Kind: NoticeBaseUnread, Level: Error, Path: at,
				Message: "the base revision could not be read in full: fetch its objects (a partial clone?); every finding is reported, new or not (" + why + ")"})
			return nil
		}
		res.Findings = NewSince(res.Findings, before.Findings)
		return nil
	}}
}

// baseUnread says where and why the base's notifications make it
// incomplete (Notification.Incomplete: a record, a folder or an object not
// read, a rule that failed): the first such notice's path and message,
// and how many more; ok false when none does.
func baseUnread(notes []Notification) (at, why string, ok bool) {
	n := 0
	for _, note := range notes {
		if note.Incomplete() {
			if n == 0 {
				at, why = note.Path, note.Message
			}
			n++
		}
	}
	if n > 1 {
		why += fmt.Sprintf(", and %d more", n-1)
	}
	return at, why, n > 0
}

// RedactPathsStage replaces the names of folders and files in the paths
// (RedactPaths); it comes after the stages that match findings by path.
// One redactor serves the whole run, the findings first, as they come,
// then the rest.
func RedactPathsStage() Stage {
	redact := PathRedactor()
	return Stage{Name: "redact-paths",
		Findings: func(batch []Finding) ([]Finding, error) {
			for i := range batch {
				batch[i].Path = redact(batch[i].Path)
			}
			return batch, nil
		},
		Apply: func(_ context.Context, res *Result) error {
			redactPaths(res, redact)
			return nil
		}}
}

// FailLevelStage sets *failed when a finding that no caselint:ignore
// covers is at level or above.
func FailLevelStage(level Severity, failed *bool) Stage {
	return Stage{Name: "fail-level", Findings: func(batch []Finding) ([]Finding, error) {
		*failed = *failed || Failed(batch, level)
		return batch, nil
	}}
}

// Failed reports whether a finding that no caselint:ignore covers is at
// level or above.
func Failed(fs []Finding, level Severity) bool {
	for _, f := range fs {
		if f.Suppression == nil && f.Severity >= level {
			return true
		}
	}
	return false
}
