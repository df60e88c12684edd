package lint

import (
	"context"
	"errors"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestRunStages(t *testing.T) {
	var got []string
	for _, s := range runStages {
		got = append(got, s.name())
	}
	want := []string{"duplicate-ids", "join", "severity", "sort", "redact"}
	if !slices.Equal(got, want) {
		t.Errorf("per-run stages %v, want %v", got, want)
	}
}

func TestDuplicateIDStage(t *testing.T) {
	e := &engine{severity: map[string]Severity{InvalidRecordID: Error}}
	w := &runWork{outs: []orderedResult{
		{caseResult: caseResult{caseID: "T-1", caseIDPos: place{path: "a/case.md"}}},
		{caseResult: caseResult{caseID: "T-2", caseIDPos: place{path: "b/case.md"}}},
		{caseResult: caseResult{caseID: "T-1", caseIDPos: place{path: "c/case.md"}}},
	}}
	duplicateIDStage{}.run(e, w)
	if len(w.outs[0].findings)+len(w.outs[1].findings) != 0 || len(w.outs[2].findings) != 1 {
		t.Fatalf("findings: %+v", w.outs)
	}
	f := w.outs[2].findings[0]
	if f.RuleID != InvalidRecordID || f.Path != "c/case.md" || !strings.Contains(f.Message, "case id T-1 is already used by a/case.md") {
		t.Errorf("finding %+v", f)
	}
}

// Under Options.Changed a case id stays with the first case the change did
// not touch: each other case with it has the finding, before it or after.
func TestDuplicateIDStageChanged(t *testing.T) {
	changed := map[string]bool{"a": true, "c": true, "f": true, "g": true}
	e := &engine{opts: Options{Changed: func(unit string) bool { return changed[unit] }}, severity: map[string]Severity{InvalidRecordID: Error}}
	out := func(dir, id string) orderedResult {
		return orderedResult{caseResult: caseResult{caseID: id, caseIDPos: place{path: dir + "/case.md"}}, order: caseKey{name: dir}}
	}
	w := &runWork{outs: []orderedResult{
		out("a", "T-1"), // changed, first: not the one to keep it
		out("b", "T-1"), // keeps it
		out("c", "T-1"),
		out("d", "T-2"), // neither changed: the first keeps it
		out("e", "T-2"),
		out("f", "T-3"), // both changed: the first keeps it
		out("g", "T-3"),
		out("h", "T-4"),
	}}
	duplicateIDStage{}.run(e, w)
	want := map[string]string{"a": "b/case.md", "c": "b/case.md", "e": "d/case.md", "g": "f/case.md"}
	for _, o := range w.outs {
		first, dup := want[o.order.name]
		switch {
		case !dup && len(o.findings) != 0:
			t.Errorf("%s: findings %+v, want none", o.order.name, o.findings)
		case dup && (len(o.findings) != 1 || !strings.Contains(o.findings[0].Message, "is already used by "+first)):
			t.Errorf("%s: findings %+v, want one naming %s", o.order.name, o.findings, first)
		}
	}
}

func TestSeverityStage(t *testing.T) {
	e := &engine{severity: map[string]Severity{"on": Error}}
	w := &runWork{res: &Result{Findings: []Finding{{RuleID: "on", Severity: Note}, {RuleID: "off", Severity: Error}}}}
	severityStage{}.run(e, w)
	if len(w.res.Findings) != 1 || w.res.Findings[0].RuleID != "on" || w.res.Findings[0].Severity != Error {
		t.Errorf("findings %+v", w.res.Findings)
	}
}

func TestNewSinceStage(t *testing.T) {
	now := []Finding{{Fingerprint: "a"}, {Fingerprint: "b"}}
	res := &Result{Findings: slices.Clone(now)}
	none := func(context.Context) (*Result, error) { return nil, nil }
	if err := NewSinceStage(none).Apply(context.Background(), res); err != nil || len(res.Findings) != 2 {
		t.Fatalf("no base: %v, %+v", err, res.Findings)
	}
	base := func(context.Context) (*Result, error) { return &Result{Findings: []Finding{{Fingerprint: "a"}}}, nil }
	if err := NewSinceStage(base).Apply(context.Background(), res); err != nil || len(res.Findings) != 1 || res.Findings[0].Fingerprint != "b" {
		t.Fatalf("base: %v, %+v", err, res.Findings)
	}
}

func TestPipelineStopsAtError(t *testing.T) {
	boom := errors.New("boom")
	var ran []string
	stage := func(name string, err error) Stage {
		return Stage{Name: name, Apply: func(context.Context, *Result) error { ran = append(ran, name); return err }}
	}
	err := Pipeline(context.Background(), &Result{}, stage("a", nil), stage("b", boom), stage("c", nil))
	if !errors.Is(err, boom) || !slices.Equal(ran, []string{"a", "b"}) {
		t.Errorf("err %v, ran %v", err, ran)
	}
}

func TestFailLevelStage(t *testing.T) {
	res := &Result{Findings: []Finding{
		{Severity: Error, Suppression: &Suppression{Reason: "reviewed"}},
		{Severity: Warning},
	}}
	for _, tc := range []struct {
		level Severity
		want  bool
	}{{Error, false}, {Warning, true}, {Note, true}} {
		var failed bool
		if err := Pipeline(context.Background(), res, FailLevelStage(tc.level, &failed)); err != nil || failed != tc.want {
			t.Errorf("fail level %s: failed %v, want %v", tc.level, failed, tc.want)
		}
	}
}

// TestUntouchedIDs: a case not linted (Options.Touched) gives its id where
// it could be a linted case's, even spelt with an escape; one whose
// case.md cannot hold it is not parsed.
func TestUntouchedIDs(t *testing.T) {
	fsys := fstest.MapFS{
		"a/case.md": {Data: []byte("+++\ntype = \"case\"\nid = \"T\\u002d1\"\n+++\n")},
		"b/case.md": {Data: []byte("+++\ntype = \"case\"\nid = \"T-9\"\n+++\n")},
	}
	e := &engine{opts: Options{FS: fsys, MaxFileSize: DefaultMaxFileSize}, severity: map[string]Severity{InvalidRecordID: Error}}
	untouched := func(dir string) orderedResult {
		data, err := fs.ReadFile(fsys, dir+"/case.md")
		if err != nil {
			t.Fatal(err)
		}
		return orderedResult{caseResult: caseResult{untouched: true, caseMD: data}, order: caseKey{name: dir}}
	}
	w := &runWork{outs: []orderedResult{
		untouched("a"),
		untouched("b"),
		{caseResult: caseResult{caseID: "T-1", caseIDPos: place{path: "c/case.md"}}, order: caseKey{name: "c"}},
	}}
	duplicateIDStage{}.run(e, w)
	if w.outs[0].caseID != "T-1" || w.outs[1].caseID != "" {
		t.Errorf("ids of the cases not linted: %q, %q; want T-1 and none (not parsed)", w.outs[0].caseID, w.outs[1].caseID)
	}
	if len(w.outs[2].findings) != 1 || !strings.Contains(w.outs[2].findings[0].Message, "already used by a/case.md") {
		t.Errorf("the linted case's findings: %+v", w.outs[2].findings)
	}
}

// TestPipeBatchAsPipeline: the stages that stream (baseline, redact-paths,
// fail-level) give the same result taken batch by batch (PipeBatch, then
// PipeEnd) as taken whole (Pipeline): the same findings kept, in the same
// order, the same notices, paths and verdict.
func TestPipeBatchAsPipeline(t *testing.T) {
	f := func(path, fp string, sev Severity) Finding {
		return Finding{RuleID: "r", Path: path, Fingerprint: fp, Severity: sev}
	}
	all := []Finding{
		f("Smith/case.md", "1", Warning), f("Smith/plan.md", "2", Error), f("Smith/plan.md", "2", Error),
		f("Jones/case.md", "3", Warning), f("Jones/visits/v.md", "4", Error), f("Brown/x.md", "5", Note),
	}
	base := NewBaseline([]Finding{all[1], all[3], f("Gone/case.md", "9", Error)})
	stages := func(failed *bool) []Stage {
		return []Stage{
			BaselineStage(func() (*Baseline, []Notification, error) { return base, nil, nil },
				func() func(string) bool { return func(string) bool { return true } }),
			RedactPathsStage(),
			FailLevelStage(Error, failed),
		}
	}
	var wholeFailed bool
	whole := &Result{Findings: slices.Clone(all), Notifications: []Notification{{Path: "Jones/plan.md", Message: "n"}}}
	if err := Pipeline(context.Background(), whole, stages(&wholeFailed)...); err != nil {
		t.Fatal(err)
	}
	for _, cut := range [][]int{{0, 6}, {0, 1, 3, 6}, {0, 2, 3, 4, 5, 6}} {
		var failed bool
		st := stages(&failed)
		if !Streams(st) {
			t.Fatal("these stages should stream")
		}
		res := &Result{Notifications: []Notification{{Path: "Jones/plan.md", Message: "n"}}}
		var got []Finding
		for i := 1; i < len(cut); i++ {
			b, err := PipeBatch(slices.Clone(all[cut[i-1]:cut[i]]), st...)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, b...)
		}
		if err := PipeEnd(context.Background(), res, st...); err != nil {
			t.Fatal(err)
		}
		res.Findings = got
		if !reflect.DeepEqual(res, whole) || failed != wholeFailed {
			t.Errorf("batches %v:\n got %+v (failed %v)\nwant %+v (failed %v)", cut, res, failed, whole, wholeFailed)
		}
	}
	if !wholeFailed || whole.Baselined != 2 || len(whole.Findings) != 4 {
		t.Errorf("whole: failed %v, %d hidden, %d kept", wholeFailed, whole.Baselined, len(whole.Findings))
	}
	if Streams([]Stage{NewSinceStage(nil)}) {
		t.Error("new-since needs every finding at once")
	}
}
