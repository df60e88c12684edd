package lint

import (
	"bytes"
	"cmp"
	"context"
	"slices"

	"github.com/caselint/caselint/schema"
)

// The results pipeline, per run. Once every case has been through the
// per-case stages (caseStages, process.go), Run joins them through the
// stages of runStages, in that order; a command then adds its own stages
// after Run (Stage: the baseline of --new-from-rev, path redaction, the
// fail level), which lint.Pipeline runs. docs/architecture.md lists both;
// TestPipelineDoc holds it to these lists.
var runStages = []runStage{
	duplicateIDStage{}, // a case id already used by another case is a finding
	joinStage{},        // the cases' results joined, in the order of the cases
	severityStage{},    // findings of rules that are off dropped, the rest at their severity
	sortRunStage{},     // findings and notices in report order
	redactRunStage{},   // under Options.Redact, what no case redacted
}

// runStage is one stage of the per-run pipeline inside Run.
type runStage interface {
	name() string
	run(e *engine, w *runWork)
}

// runWork is what the per-run stages work on: the cases' results in the
// order of the cases, and the result they become.
type runWork struct {
	outs []orderedResult
	res  *Result
	lane []*engine // the lane of each of res.Findings, as joined
}

// duplicateIDStage: a case id already used by a case before (in the order
// of the cases) is an invalid-record finding of the later case, at its id.
type duplicateIDStage struct{}

func (duplicateIDStage) name() string { return "duplicate-ids" }

func (duplicateIDStage) run(e *engine, w *runWork) {
	untouchedIDs(e, w.outs)
	seenID := map[string]string{}
	for i := range w.outs {
		o := &w.outs[i]
		if o.caseID == "" {
			continue
		}
		if first, dup := seenID[o.caseID]; dup {
			o.findings = append(o.findings, cmp.Or(o.eng, e).finding(InvalidRecordID, o.caseIDPos, "").
				withMsg(schema.Msgf("case id %s is already used by %s: every case needs its own id", o.caseID, first)))
		} else {
			seenID[o.caseID] = o.caseIDPos.path
		}
	}
}

// untouchedIDs gives the cases not linted (Options.Touched) their ids
// where one could be an id of a case linted: a case.md that holds the id
// as it is written, or holds an escape (which could spell it). Their ids
// among themselves do not matter: the cases were not touched, so a
// finding of two of them is the same at both ends of a comparison.
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

// sortRunStage puts the findings and the notices in report order.
type sortRunStage struct{}

func (sortRunStage) name() string { return "sort" }

func (sortRunStage) run(_ *engine, w *runWork) {
	sortFindings(w.res.Findings)
	sortNotifications(w.res.Notifications)
}

// redactRunStage, under Options.Redact, redacts what no case redacted: the
// duplicate-id findings and the notices of no case (redactRest).
type redactRunStage struct{}

func (redactRunStage) name() string { return "redact" }

func (redactRunStage) run(e *engine, w *runWork) {
	if e.opts.Redact {
		e.redactRest(w.res)
	}
}

// Stage is a stage of the per-run pipeline that a command adds after Run:
// it changes the result as a whole. The lint command's stages, in order,
// are in its Run; the ones here are those more than a command could want.
type Stage struct {
	Name  string
	Apply func(ctx context.Context, res *Result) error
}

// Pipeline runs the stages on res in order, and stops at the first error.
func Pipeline(ctx context.Context, res *Result, stages ...Stage) error {
	for _, s := range stages {
		if err := s.Apply(ctx, res); err != nil {
			return err
		}
	}
	return nil
}

// NewSinceStage keeps the findings that are not among the base's (NewSince):
// base lints the baseline (for --new-from-rev, the records at a revision)
// and returns nil when there is nothing to compare with, which keeps every
// finding.
func NewSinceStage(base func(ctx context.Context) (*Result, error)) Stage {
	return Stage{Name: "new-since", Apply: func(ctx context.Context, res *Result) error {
		before, err := base(ctx)
		if err != nil || before == nil {
			return err
		}
		res.Findings = NewSince(res.Findings, before.Findings)
		return nil
	}}
}

// RedactPathsStage replaces the names of folders and files in the paths
// (RedactPaths); it comes after the stages that match findings by path.
func RedactPathsStage() Stage {
	return Stage{Name: "redact-paths", Apply: func(_ context.Context, res *Result) error {
		RedactPaths(res)
		return nil
	}}
}

// FailLevelStage sets *failed when a finding that no caselint:ignore
// covers is at level or above.
func FailLevelStage(level Severity, failed *bool) Stage {
	return Stage{Name: "fail-level", Apply: func(_ context.Context, res *Result) error {
		*failed = Failed(res.Findings, level)
		return nil
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
