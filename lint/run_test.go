package lint

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

const caseMD = `+++
type = "case"
id = "T-1"
[child]
name = "Jamie"
born = 2015-04-02
first_language = "English"
[[people]]
name = "Aisha Patel"
role = "social worker"
qualified = true
+++
`

func planMD(extra string) string {
	return "+++\ntype = \"plan\"\nstarted = 2026-01-12\nlead_worker = \"Aisha Patel\"" + extra + "\n+++\n\n## Concerns\nNeglect.\n"
}

// leadRule reports every plan's lead_worker line: a rule for testing the
// engine.
var leadRule = &Rule{ID: "lead-line", Title: "test", Severity: Warning, Run: func(p *Pass) error {
	if p.Case.Plan != nil {
		p.Reportf(p.Case.Plan.Doc, p.Case.Plan.Doc.At("lead_worker"), "lead worker line")
	}
	return nil
}}

var hygiene = []*Rule{
	{ID: InvalidRecordID, Severity: Error, Run: func(p *Pass) error {
		for _, d := range p.Case.Documents {
			for _, pr := range d.Problems {
				p.Reportf(d, pr.Offset, "%s", pr.Message)
			}
		}
		return nil
	}},
	{ID: UnusedSuppressionID, Severity: Warning},
	{ID: UnexplainedSuppressionID, Severity: Error},
}

func run(t *testing.T, fsys fstest.MapFS, rules ...*Rule) *Result {
	t.Helper()
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Options{FS: fsys, Rules: append(rules, hygiene...), Profile: prof, AsOf: schema.NewDate(2026, 11, 20)})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func lines(res *Result) string {
	var b strings.Builder
	for _, f := range res.Findings {
		s := ""
		if f.Suppression != nil {
			s = " (suppressed: " + f.Suppression.Reason + ")"
		}
		b.WriteString(f.Path + ":" + itoa(f.Pos.Line) + ": " + f.RuleID + s + "\n")
	}
	return b.String()
}

func itoa(n int) string { return fmt.Sprintf("%02d", n) }

func TestSuppress(t *testing.T) {
	fsys := fstest.MapFS{
		"a/case.md": {Data: []byte(caseMD)},
		"a/plan.md": {Data: []byte(planMD(" # caselint:ignore lead-line Reviewed by the team manager on 2026-02-01\n" +
			"# caselint:ignore lead-line\n" +
			"manager = \"Aisha Patel\" # caselint:ignore lead-line nothing here"))},
	}
	got := lines(run(t, fsys, leadRule))
	want := "a/plan.md:04: lead-line (suppressed: Reviewed by the team manager on 2026-02-01)\n" +
		"a/plan.md:05: unexplained-suppression\n" +
		"a/plan.md:06: unused-suppression\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// A placeholder for a reason ("TBC", "-") is no reason: the finding stays
// unsuppressed and the ignore is unexplained.
func TestSuppressPlaceholderReason(t *testing.T) {
	for _, reason := range []string{"TBC", "-", "(tbc)"} {
		fsys := fstest.MapFS{
			"a/case.md": {Data: []byte(caseMD)},
			"a/plan.md": {Data: []byte(planMD(" # caselint:ignore lead-line " + reason))},
		}
		res := run(t, fsys, leadRule)
		got := lines(res)
		want := "a/plan.md:04: lead-line\n" + "a/plan.md:04: unexplained-suppression\n"
		if got != want {
			t.Errorf("reason %q: got\n%s\nwant\n%s", reason, got, want)
		}
		for _, f := range res.Findings {
			if f.RuleID == UnexplainedSuppressionID && !strings.Contains(f.Message, "placeholder") {
				t.Errorf("reason %q: message %q does not say the reason is a placeholder", reason, f.Message)
			}
		}
	}
}

func TestCaseAssembly(t *testing.T) {
	fsys := fstest.MapFS{
		"a/case.md":            {Data: []byte(caseMD)},
		"a/plan.md":            {Data: []byte(planMD(""))},
		"a/old/plan-v2.md":     {Data: []byte(planMD(""))},
		"a/README.md":          {Data: []byte("# notes\n")},
		"a/.hidden/x.md":       {Data: []byte("+++\ntype = \"nonsense\"\n+++\n")},
		"b/case.md":            {Data: []byte(caseMD)},
		"loose/visit.md":       {Data: []byte("+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"Aisha Patel\"\nchild_seen = true\n+++\n")},
		"a/visits/2026-01.md":  {Data: []byte("+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"Aisha Patel\"\nchild_seen = true\npresent = [\"Jamie\", \"Sam Nobody\"]\n+++\n")},
		"a/nested/case.md":     {Data: []byte(strings.Replace(caseMD, "T-1", "T-2", 1))},
		"a/nested/plan.md":     {Data: []byte(planMD(""))},
		"a/nested/visits/v.md": {Data: []byte("+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"Aisha Patel\"\nchild_seen = true\n+++\n")},
	}
	res := run(t, fsys)
	got := lines(res)
	for _, w := range []string{
		"a/old/plan-v2.md:02: invalid-record", "a/visits/2026-01.md:06: invalid-record",
		"b/case.md:02: invalid-record", "b/case.md:03: invalid-record", "loose/visit.md:02: invalid-record",
	} {
		if !strings.Contains(got, w+"\n") {
			t.Errorf("missing %s in\n%s", w, got)
		}
	}
	if strings.Contains(got, "nested") || strings.Contains(got, ".hidden") {
		t.Errorf("nested case or hidden folder reported:\n%s", got)
	}
	if res.Cases != 3 {
		t.Errorf("cases = %d, want 3 (a, a/nested, b)", res.Cases)
	}
	for _, f := range res.Findings {
		if f.Path == "b/case.md" && f.Pos.Line == 3 && !strings.Contains(f.Message, "T-1") {
			t.Errorf("duplicate id message should name the id: %s", f.Message)
		}
	}
}

func TestPathInsideCaseLintsWholeCase(t *testing.T) {
	fsys := fstest.MapFS{
		"a/case.md":     {Data: []byte(caseMD)},
		"a/plan.md":     {Data: []byte(planMD(""))},
		"a/visits/v.md": {Data: []byte("+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"Aisha Patel\"\nchild_seen = true\n+++\n")},
		"b/case.md":     {Data: []byte(strings.Replace(caseMD, "T-1", "T-2", 1))},
	}
	prof, _ := ShippedProfile(ProfileCombined)
	res, err := Run(context.Background(), Options{FS: fsys, Paths: []string{"a/visits"}, Rules: append([]*Rule{leadRule}, hygiene...), Profile: prof, AsOf: schema.NewDate(2026, 11, 20)})
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(res); got != "a/plan.md:04: lead-line\n" {
		t.Errorf("got\n%s", got)
	}
	if res.Files != 3 {
		t.Errorf("files = %d, want 3", res.Files)
	}
}

func TestOversizedFile(t *testing.T) {
	fsys := fstest.MapFS{
		"a/case.md": {Data: []byte(caseMD)},
		"a/plan.md": {Data: []byte(planMD("") + strings.Repeat("x", 400))},
	}
	prof, _ := ShippedProfile(ProfileCombined)
	res, err := Run(context.Background(), Options{FS: fsys, Rules: hygiene, Profile: prof, AsOf: schema.NewDate(2026, 11, 20), MaxFileSize: 300})
	if err != nil {
		t.Fatal(err)
	}
	got := lines(res)
	if !strings.Contains(got, "a/plan.md:01: invalid-record") {
		t.Errorf("oversized file not reported:\n%s", got)
	}
}

func TestRulePanicIsANotification(t *testing.T) {
	boom := &Rule{ID: "boom", Severity: Error, Run: func(*Pass) error { panic("broken rule") }}
	fsys := fstest.MapFS{"a/case.md": {Data: []byte(caseMD)}, "a/plan.md": {Data: []byte(planMD(""))}}
	res := run(t, fsys, boom, leadRule)
	if len(res.Notifications) != 1 || !strings.Contains(res.Notifications[0].Message, "boom") {
		t.Errorf("notifications: %+v", res.Notifications)
	}
	if !strings.Contains(lines(res), "lead-line") {
		t.Error("the other rules must still run")
	}
}

func TestFingerprintSurvivesMovedLines(t *testing.T) {
	a := run(t, fstest.MapFS{"a/case.md": {Data: []byte(caseMD)}, "a/plan.md": {Data: []byte(planMD(""))}}, leadRule)
	moved := strings.Replace(planMD(""), "type = \"plan\"\n", "type = \"plan\"\ncategory = \"neglect\"\n\n", 1)
	b := run(t, fstest.MapFS{"a/case.md": {Data: []byte(caseMD)}, "a/plan.md": {Data: []byte(moved)}}, leadRule)
	if len(a.Findings) != 1 || len(b.Findings) != 1 {
		t.Fatalf("findings: %v / %v", a.Findings, b.Findings)
	}
	if a.Findings[0].Pos.Line == b.Findings[0].Pos.Line {
		t.Fatal("the line should have moved")
	}
	if a.Findings[0].Fingerprint != b.Findings[0].Fingerprint {
		t.Error("fingerprint changed when the line moved")
	}
}

// TestStreamInReportOrder: Stream hands over the findings batch by batch
// when the walk meets the cases in report order, and the batches, one
// after the other, are in report order and are what a run that holds
// every case to the end finds, whatever the number of workers. The names
// are those where an order by folder name and the report's differ: a
// folder whose name begins another's, a file beside it, a case inside a
// case with files of the outer case after it.
func TestStreamInReportOrder(t *testing.T) {
	other := func(id string) []byte { return []byte(strings.Replace(caseMD, "T-1", id, 1)) }
	visit := []byte("+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"Aisha Patel\"\nchild_seen = true\nbogus = 1\n+++\n")
	fsys := fstest.MapFS{
		"a/case.md": {Data: []byte(caseMD)}, "a/plan.md": {Data: []byte(planMD(""))}, "a/z.md": {Data: visit},
		"a/b/case.md": {Data: other("T-2")}, "a/b/plan.md": {Data: []byte(planMD(""))},
		"a/b-c/case.md": {Data: other("T-2")}, "a/b-c/plan.md": {Data: []byte(planMD(""))},
		"a-b/case.md": {Data: []byte(caseMD)}, "a-b/plan.md": {Data: []byte(planMD(""))},
		"a b/case.md": {Data: other("T-3")}, "a b/v.md": {Data: visit},
		"a.md": {Data: visit}, "a0.md": {Data: visit}, "zz/loose.md": {Data: visit}, "zz.md": {Data: visit},
		"zz/c/case.md": {Data: other("T-3")},
	}
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	lintWith := func(paths []string, workers int) ([]Finding, int) {
		var all []Finding
		batches := 0
		res, err := Stream(context.Background(), Options{FS: fsys, Paths: paths, Workers: workers, Rules: append([]*Rule{leadRule}, hygiene...),
			Profile: prof, AsOf: schema.NewDate(2026, 11, 20)}, func(b []Finding) error {
			batches++
			all = append(all, b...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.Findings != nil || res.Cases != 6 {
			t.Fatalf("result: %d findings held, %d cases", len(res.Findings), res.Cases)
		}
		return all, batches
	}
	held, batches := lintWith([]string{".", "."}, 2) // two paths: held to the end
	if batches != 1 {
		t.Fatalf("%d batches from a run not in order, want 1", batches)
	}
	sorted := slices.Clone(held)
	sortFindings(sorted)
	if !reflect.DeepEqual(held, sorted) {
		t.Fatal("findings held to the end not in report order")
	}
	var dups int
	for _, f := range held {
		if strings.Contains(f.Message, "is already used by") {
			dups++
		}
	}
	if dups != 3 {
		t.Errorf("%d duplicate ids found, want 3 (T-1, T-2, T-3)", dups)
	}
	for _, workers := range []int{1, 2, 4} {
		got, batches := lintWith(nil, workers)
		if batches < 2 {
			t.Errorf("%d workers: %d batches, want the cases passed on as they are done", workers, batches)
		}
		if !reflect.DeepEqual(got, held) {
			t.Errorf("%d workers: streamed\n%s\nheld\n%s", workers, lines(&Result{Findings: got}), lines(&Result{Findings: held}))
		}
	}
}

// TestStreamStopsAtEachsError: once each fails, nothing more is handed to
// it, and Stream returns its error.
func TestStreamStopsAtEachsError(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, d := range []string{"a", "b", "c", "d", "e"} {
		fsys[d+"/case.md"] = &fstest.MapFile{Data: []byte(strings.Replace(caseMD, "T-1", "T-"+d, 1))}
		fsys[d+"/plan.md"] = &fstest.MapFile{Data: []byte(planMD(""))}
	}
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	boom := fmt.Errorf("boom")
	for _, workers := range []int{1, 3} {
		calls := 0
		_, err := Stream(context.Background(), Options{FS: fsys, Workers: workers, Rules: append([]*Rule{leadRule}, hygiene...),
			Profile: prof, AsOf: schema.NewDate(2026, 11, 20)}, func([]Finding) error {
			calls++
			return boom
		})
		if !errors.Is(err, boom) || calls != 1 {
			t.Errorf("%d workers: error %v after %d calls, want boom after 1", workers, err, calls)
		}
	}
}
