package lint

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/schema"
)

func bfp(rule, path, line string) string { return fingerprint(rule, path, line, 0) }

func TestBaselineFormatParse(t *testing.T) {
	fs := []Finding{
		{RuleID: "unseen-child", Path: "cases/B/plan.md", Fingerprint: bfp("unseen-child", "cases/B/plan.md", "x")},
		{RuleID: "late-recording", Path: "cases/A/visits/2026-01-12.md", Fingerprint: bfp("late-recording", "cases/A/visits/2026-01-12.md", "date = 2026-01-12")},
		{RuleID: "missing-plan-section", Path: "cases/A/plan.md", Fingerprint: bfp("missing-plan-section", "cases/A/plan.md", "+++")},
		{RuleID: "missing-plan-section", Path: "cases/A/plan.md", Fingerprint: bfp("missing-plan-section", "cases/A/plan.md", "##"), Suppression: &Suppression{Reason: "reviewed"}},
		{RuleID: "late-recording", Path: "cases/C/a b/x.md ", Fingerprint: bfp("late-recording", "cases/C/a b/x.md ", "")},
	}
	b := NewBaseline(fs)
	data := b.Format()
	text := string(data)
	if !strings.HasPrefix(text, "# caselint baseline:") || !strings.Contains(text, "caselint baseline [PATH...]") {
		t.Errorf("no header saying what it is and how to remake it:\n%s", text)
	}
	var body []string
	for _, l := range strings.Split(strings.TrimSpace(text), "\n") {
		if !strings.HasPrefix(l, "#") {
			body = append(body, l)
		}
	}
	want := []string{
		fs[2].Fingerprint + " missing-plan-section cases/A/plan.md",
		fs[1].Fingerprint + " late-recording cases/A/visits/2026-01-12.md",
		fs[0].Fingerprint + " unseen-child cases/B/plan.md",
		fs[4].Fingerprint + ` late-recording "cases/C/a b/x.md "`,
	}
	if !slices.Equal(body, want) {
		t.Errorf("baseline lines\n%s\nwant (sorted by path, no suppressed finding)\n%s", strings.Join(body, "\n"), strings.Join(want, "\n"))
	}
	// Windows line ends and a byte order mark, as a checkout may make it.
	crlf := "\ufeff" + strings.ReplaceAll(text, "\n", "\r\n")
	back, err := ParseBaseline("b", []byte(crlf))
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Entries) != 4 || back.Entries[3].Path != "cases/C/a b/x.md " || back.Entries[0].Line != 7 {
		t.Errorf("parsed %+v", back.Entries)
	}
	if again := (&Baseline{Entries: back.Entries}).Format(); string(again) != text {
		t.Errorf("format after parse differs:\n%s", again)
	}
}

func TestParseBaselineErrors(t *testing.T) {
	good := strings.Repeat("a", 24)
	for _, tc := range []struct{ in, want string }{
		{"# c\n\n" + good + " late-recording\n", ".caselint-baseline:3: want FINGERPRINT RULE PATH"},
		{good + "  late-recording a.md\n", ".caselint-baseline:1: \"\" is not a rule id"},
		{"abc late-recording a.md\n", ".caselint-baseline:1: \"abc\" is not a fingerprint"},
		{strings.Repeat("A", 24) + " late-recording a.md\n", "is not a fingerprint"},
		{good + " Late_Recording a.md\n", "is not a rule id"},
		{good + " late-recording /etc/passwd\n", "\"/etc/passwd\" is not a file below the root"},
		{good + " late-recording cases/../x.md\n", "is not a file below the root"},
		{good + " late-recording \"a.md\n", "not a well-formed quoted string"},
	} {
		_, err := ParseBaseline(".caselint-baseline", []byte(tc.in))
		var be *BaselineError
		if !errors.As(err, &be) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want one with %q", tc.in, err, tc.want)
		}
	}
}

func TestBaselineHide(t *testing.T) {
	a := Finding{RuleID: "r", Path: "cases/A/plan.md", Fingerprint: bfp("r", "cases/A/plan.md", "1")}
	a2 := Finding{RuleID: "r", Path: "cases/A/plan.md", Fingerprint: fingerprint("r", "cases/A/plan.md", a.Fingerprint, 1)}
	newF := Finding{RuleID: "r", Path: "cases/A/plan.md", Fingerprint: bfp("r", "cases/A/plan.md", "new")}
	sup := Finding{RuleID: "q", Path: "cases/A/plan.md", Fingerprint: bfp("q", "cases/A/plan.md", "2"), Suppression: &Suppression{Reason: "ok"}}
	b := NewBaseline([]Finding{a, a2})
	b.Entries = append(b.Entries,
		BaselineEntry{Fingerprint: sup.Fingerprint, RuleID: "q", Path: "cases/A/plan.md"},                  // suppressed since: stale
		BaselineEntry{Fingerprint: bfp("r", "cases/A/x.md", "gone"), RuleID: "r", Path: "cases/A/x.md"},    // put right: stale
		BaselineEntry{Fingerprint: bfp("r", "cases/B/plan.md", "1"), RuleID: "r", Path: "cases/B/plan.md"}, // not linted: not stale
	)
	inA := func(p string) bool { return strings.HasPrefix(p, "cases/A/") }
	kept, hidden, stale := b.Hide([]Finding{a, newF, a2, sup}, inA)
	if hidden != 2 || len(kept) != 2 || kept[0].Fingerprint != newF.Fingerprint || kept[1].Suppression == nil {
		t.Errorf("hid %d, kept %+v: want a and a2 hidden, the new and the suppressed kept", hidden, kept)
	}
	if len(stale) != 2 || stale[0].RuleID != "q" || stale[1].Path != "cases/A/x.md" {
		t.Errorf("stale %+v, want the suppressed and the put-right entries only", stale)
	}
	// An entry matches once: a second finding of one fingerprint is new.
	_, hidden, _ = NewBaseline([]Finding{a}).Hide([]Finding{a, a}, inA)
	if hidden != 1 {
		t.Errorf("one entry hid %d findings", hidden)
	}
}

func TestLintedScope(t *testing.T) {
	fsys := fstest.MapFS{
		"cases/A/case.md":             {Data: []byte("x")},
		"cases/A/visits/2026-01-1.md": {Data: []byte("x")},
		"cases/B/case.md":             {Data: []byte("x")},
	}
	for _, tc := range []struct {
		paths []string
		in    []string
		out   []string
	}{
		{nil, []string{"cases/A/plan.md", "x.md"}, nil},
		{[]string{"cases"}, []string{"cases/gone/plan.md", "cases/A/plan.md"}, []string{"other/a.md", "casesX/a.md"}},
		// A record of a case: the whole case, as discover brings it in.
		{[]string{"cases/A/visits/2026-01-1.md"}, []string{"cases/A/plan.md", "cases/A/visits/gone.md"}, []string{"cases/B/case.md"}},
		{[]string{"cases/B"}, []string{"cases/B/x.md"}, []string{"cases/A/case.md"}},
	} {
		in := LintedScope(fsys, tc.paths, nil)
		for _, p := range tc.in {
			if !in(p) {
				t.Errorf("paths %v: %s not in scope", tc.paths, p)
			}
		}
		for _, p := range tc.out {
			if in(p) {
				t.Errorf("paths %v: %s in scope", tc.paths, p)
			}
		}
	}
}

func TestBaselineStage(t *testing.T) {
	old := Finding{RuleID: "r", Path: "cases/A/plan.md", Fingerprint: bfp("r", "cases/A/plan.md", "1")}
	newF := Finding{RuleID: "r", Path: "cases/A/plan.md", Fingerprint: bfp("r", "cases/A/plan.md", "2")}
	b := NewBaseline([]Finding{old})
	b.Name = ".caselint-baseline"
	for i := range 25 {
		b.Entries = append(b.Entries, BaselineEntry{Fingerprint: bfp("r", "cases/A/gone.md", string(rune('a'+i))), RuleID: "r", Path: "cases/A/gone.md", Line: 8 + i})
	}
	all := func() func(string) bool { return func(string) bool { return true } }
	res := &Result{Findings: []Finding{old, newF}}
	if err := Pipeline(context.Background(), res, BaselineStage(func() (*Baseline, []Notification, error) { return b, nil, nil }, all)); err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Fingerprint != newF.Fingerprint || res.Baselined != 1 {
		t.Errorf("findings %+v, want the new one alone", res.Findings)
	}
	if len(res.Notifications) != 1+staleListedMax+1 {
		t.Fatalf("%d notices, want the summary, %d entries and how many more", len(res.Notifications), staleListedMax)
	}
	sum := res.Notifications[0]
	if sum.Kind != NoticeBaseline || sum.Message != "baseline .caselint-baseline: 1 finding hidden, 25 entries no longer match (put right, or its line changed); run caselint baseline to drop them" {
		t.Errorf("summary %+v", sum)
	}
	if n := res.Notifications[1]; n.Path != "cases/A/gone.md" || !strings.HasPrefix(n.Message, "baseline .caselint-baseline:8: r ") {
		t.Errorf("first stale entry %+v", n)
	}
	if n := res.Notifications[len(res.Notifications)-1]; !strings.Contains(n.Message, "5 more entries") {
		t.Errorf("last notice %+v", n)
	}

	// No baseline: nothing changes; nothing hidden or stale: nothing said.
	res = &Result{Findings: []Finding{newF}}
	_ = Pipeline(context.Background(), res, BaselineStage(func() (*Baseline, []Notification, error) { return nil, nil, nil }, all))
	_ = Pipeline(context.Background(), res, BaselineStage(func() (*Baseline, []Notification, error) { return &Baseline{}, nil, nil }, all))
	if len(res.Findings) != 1 || len(res.Notifications) != 0 {
		t.Errorf("without a baseline: %+v", res)
	}
	// A baseline that cannot be read stops the pipeline.
	bad := errors.New("b:1: bad")
	if err := Pipeline(context.Background(), res, BaselineStage(func() (*Baseline, []Notification, error) { return nil, nil, bad }, all)); !errors.Is(err, bad) {
		t.Errorf("error %v", err)
	}
}

// TestOccurrenceFingerprint: a finding that names its occurrence
// (Diagnostic.Occurrence: an open gap, since the day it opened) is
// fingerprinted with it, so that a baseline entry of one gap hides that
// gap however its message reads on the day linted, and never a later gap
// reported on the same line; a finding with none keeps the fingerprint
// of its rule, path and line, as baselines already hold it.
func TestOccurrenceFingerprint(t *testing.T) {
	lintWith := func(from schema.Date, words string) []Finding {
		gap := &Rule{ID: "gap", Severity: Error, Run: func(p *Pass) error {
			doc := p.Case.Plan.Doc
			p.ReportOpenGapf(Span{From: from, Due: from.AddDays(14), To: p.AsOf}, doc, doc.At("started"), "open since %s, %s", from.Long(), words)
			p.Reportf(doc, doc.At("started"), "a finding its line identifies")
			return nil
		}}
		res := run(t, fstest.MapFS{"a/case.md": {Data: []byte(caseMD)}, "a/plan.md": {Data: []byte(planMD(""))}}, gap)
		var out []Finding
		for _, f := range res.Findings {
			if f.RuleID == "gap" {
				out = append(out, f)
			}
		}
		if len(out) != 2 {
			t.Fatalf("findings %v, want 2", out)
		}
		return out
	}
	byMsg := func(fs []Finding, prefix string) Finding {
		for _, f := range fs {
			if strings.HasPrefix(f.Message, prefix) {
				return f
			}
		}
		t.Fatalf("no finding %q in %v", prefix, fs)
		return Finding{}
	}
	jan, apr := schema.NewDate(2026, 1, 15), schema.NewDate(2026, 4, 21)
	old := lintWith(jan, "30 days late")
	later := lintWith(jan, "60 days late")
	next := lintWith(apr, "30 days late")

	plain := byMsg(old, "a finding its line")
	if want := fingerprint("gap", plain.Path, "started = 2026-01-12", 0); plain.Fingerprint != want {
		t.Errorf("a finding with no occurrence: fingerprint %s, want %s (rule, path and line, as before)", plain.Fingerprint, want)
	}
	if a, b := byMsg(old, "open"), byMsg(later, "open"); a.Fingerprint != b.Fingerprint {
		t.Errorf("the same gap, a month on: fingerprints %s and %s differ", a.Fingerprint, b.Fingerprint)
	}
	if a, b := byMsg(old, "open"), byMsg(next, "open"); a.Fingerprint == b.Fingerprint || a.Fingerprint == plain.Fingerprint {
		t.Errorf("a later gap on the same line has the earlier one's fingerprint %s", a.Fingerprint)
	}

	// Through a baseline: the gap is open on the day linted to, so the
	// baseline made then leaves it out (a baseline is for what is past)
	// and never hides it, the same gap a month on or a new one; the
	// plain finding it holds and hides.
	b := NewBaseline(old)
	if len(b.Entries) != 1 || b.Entries[0].Fingerprint != plain.Fingerprint {
		t.Errorf("baseline of an open gap and a plain finding: %v, want the plain finding's entry alone", b.Entries)
	}
	kept, hidden, stale := b.Hide(later, func(string) bool { return true })
	if len(kept) != 1 || !strings.HasPrefix(kept[0].Message, "open since 15 January 2026") || hidden != 1 || len(stale) != 0 {
		t.Errorf("the same gap later: kept %v, hidden %d, stale %v", kept, hidden, stale)
	}
	kept, hidden, stale = b.Hide(next, func(string) bool { return true })
	if len(kept) != 1 || !strings.HasPrefix(kept[0].Message, "open since 21 April 2026") || hidden != 1 || len(stale) != 0 {
		t.Errorf("a new gap: kept %v, hidden %d, stale %v; want the April gap kept", kept, hidden, stale)
	}
}

// TestBaselineOpenFindings: a finding about an obligation still open on
// the day linted to (an open gap running to it, an overdue conference of
// a plan not ended) is never written to a baseline nor hidden by an entry
// of its fingerprint (one an earlier caselint wrote); the same gap closed,
// or open only up to a cessation before the day linted to, is past, and
// is baselined as any other finding.
func TestBaselineOpenFindings(t *testing.T) {
	jan := schema.NewDate(2026, 1, 15)
	lintWith := func(report func(p *Pass, doc *schema.Document)) Finding {
		t.Helper()
		rule := &Rule{ID: "gap", Severity: Error, Run: func(p *Pass) error {
			report(p, p.Case.Plan.Doc)
			return nil
		}}
		res := run(t, fstest.MapFS{"a/case.md": {Data: []byte(caseMD)}, "a/plan.md": {Data: []byte(planMD(""))}}, rule)
		for _, f := range res.Findings {
			if f.RuleID == "gap" {
				return f
			}
		}
		t.Fatal("no finding")
		return Finding{}
	}
	tests := []struct {
		name   string
		report func(p *Pass, doc *schema.Document)
		open   bool
	}{
		{"open gap to the day linted to", func(p *Pass, doc *schema.Document) {
			p.ReportOpenGapf(Span{From: jan, Due: jan.AddDays(14), To: p.AsOf}, doc, doc.At("started"), "open")
		}, true},
		{"open gap up to a cessation before it", func(p *Pass, doc *schema.Document) {
			p.ReportOpenGapf(Span{From: jan, Due: jan.AddDays(14), To: p.AsOf.AddDays(-30)}, doc, doc.At("started"), "ended")
		}, false},
		{"overdue obligation of a plan still running", func(p *Pass, doc *schema.Document) {
			p.ReportOpenf(jan, GapOccurrence(jan), doc, doc.At("started"), "overdue")
		}, true},
		{"closed gap", func(p *Pass, doc *schema.Document) {
			p.ReportGapf(Span{From: jan, Due: jan.AddDays(14), To: jan.AddDays(40)}, doc, doc.At("started"), "closed")
		}, false},
		{"instance with an occurrence, not open", func(p *Pass, doc *schema.Document) {
			p.ReportOccurrencef("section review", doc, doc.TypeLine(), "no review section")
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := lintWith(tt.report)
			if f.IsOpen() != tt.open {
				t.Fatalf("IsOpen %v, want %v", f.IsOpen(), tt.open)
			}
			b := NewBaseline([]Finding{f})
			if tt.open != (len(b.Entries) == 0) {
				t.Errorf("baseline %v: open %v", b.Entries, tt.open)
			}
			// An entry of its fingerprint, as an earlier caselint wrote it.
			old := &Baseline{Entries: []BaselineEntry{{Fingerprint: f.Fingerprint, RuleID: f.RuleID, Path: f.Path, Line: 3}}}
			kept, hidden, stale := old.Hide([]Finding{f}, func(string) bool { return true })
			if tt.open && (len(kept) != 1 || hidden != 0 || len(stale) != 1) {
				t.Errorf("open: kept %v, hidden %d, stale %v; want it reported and the entry stale", kept, hidden, stale)
			}
			if !tt.open && (len(kept) != 0 || hidden != 1 || len(stale) != 0) {
				t.Errorf("past: kept %v, hidden %d, stale %v; want it hidden", kept, hidden, stale)
			}
		})
	}
}

// TestClosedGapFingerprint: a gap that has closed, reported with ReportGapf
// on the record that ended it, is fingerprinted with the day it opened:
// the line of that record is the same whether the gap began in October or
// in September (a visit deleted, seen_alone corrected on an earlier one),
// and the longer gap must not pass for the one a baseline (or
// --new-from-rev) already holds. The same gap, its message reworded,
// keeps its fingerprint.
func TestClosedGapFingerprint(t *testing.T) {
	lintWith := func(from schema.Date, words string) Finding {
		t.Helper()
		gap := &Rule{ID: "gap", Severity: Error, Run: func(p *Pass) error {
			doc := p.Case.Plan.Doc
			p.ReportGapf(Span{From: from, Due: from.AddDays(28), To: schema.NewDate(2026, 11, 19)}, doc, doc.At("started"), "closed gap since %s, %s", from.Long(), words)
			return nil
		}}
		res := run(t, fstest.MapFS{"a/case.md": {Data: []byte(caseMD)}, "a/plan.md": {Data: []byte(planMD(""))}}, gap)
		for _, f := range res.Findings {
			if f.RuleID == "gap" {
				return f
			}
		}
		t.Fatal("no finding")
		return Finding{}
	}
	sep, oct := schema.NewDate(2026, 9, 2), schema.NewDate(2026, 10, 1)
	short, reworded, longer := lintWith(oct, "late"), lintWith(oct, "very late"), lintWith(sep, "late")
	if short.Fingerprint != reworded.Fingerprint {
		t.Errorf("the same closed gap, reworded: fingerprints %s and %s differ", short.Fingerprint, reworded.Fingerprint)
	}
	if short.Fingerprint == longer.Fingerprint {
		t.Errorf("a closed gap that starts earlier has the shorter gap's fingerprint %s", short.Fingerprint)
	}
	if plain := fingerprint("gap", short.Path, "started = 2026-01-12", 0); short.Fingerprint == plain {
		t.Errorf("a closed gap is fingerprinted by its line alone")
	}
	if short.IsOpen() {
		t.Errorf("a closed gap is open")
	}
	b := NewBaseline([]Finding{short})
	if len(b.Entries) != 1 {
		t.Fatalf("baseline of a closed gap: %v, want its entry", b.Entries)
	}
	if kept, hidden, _ := b.Hide([]Finding{reworded}, func(string) bool { return true }); len(kept) != 0 || hidden != 1 {
		t.Errorf("the same closed gap: kept %v, hidden %d; want it hidden", kept, hidden)
	}
	if kept, hidden, _ := b.Hide([]Finding{longer}, func(string) bool { return true }); len(kept) != 1 || hidden != 0 {
		t.Errorf("the longer gap: kept %v, hidden %d; want it kept", kept, hidden)
	}
	if n := len(NewSince([]Finding{longer}, []Finding{short})); n != 1 {
		t.Errorf("NewSince: the longer gap, %d new, want 1", n)
	}
	if n := len(NewSince([]Finding{reworded}, []Finding{short})); n != 0 {
		t.Errorf("NewSince: the same gap, %d new, want 0", n)
	}
}
