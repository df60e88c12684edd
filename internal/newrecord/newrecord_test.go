package newrecord_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/internal/newrecord"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// The tests build a case from the templates alone: each record is written
// by newrecord.Write, linted unfilled (its placeholders must be reported),
// filled as a practitioner would (every TBC replaced, the visit's time of
// day added), and the whole case linted again. Nothing reads the clock.

var (
	asOf       = schema.NewDate(2026, 6, 12)
	initialDay = schema.NewDate(2026, 6, 1)
	coreDay    = schema.NewDate(2026, 6, 11)
	visitDay   = schema.NewDate(2026, 6, 3)
)

const caseID = "SOT-2026-0042"

// people are the case's people, added to the case template's frontmatter
// when it is filled.
const people = `
[[people]]
name = "Sam Doe"
role = "mother"
family = true
language = "Polish"

[[people]]
name = "Aisha Patel"
role = "social worker"
agency = "Children's Services"
qualified = true

[[people]]
name = "Rob Jones"
role = "team manager"
agency = "Children's Services"

[[people]]
name = "Chris Hall"
role = "independent conference chair"

[[people]]
name = "Lee Morgan"
role = "class teacher"
agency = "Hillside Primary School"
`

// filling says how to fill a written template.
type filling struct {
	// keys are TOML values for the frontmatter lines `key = "TBC"`.
	keys map[string]string
	// set replaces the value of frontmatter keys that are not placeholders.
	set map[string]string
	// extra is frontmatter added before the closing +++.
	extra string
	// body replaces the placeholder line of each section, by heading.
	body map[string]string
}

var placeholderLine = regexp.MustCompile(`^(\s*)([A-Za-z_]+)(\s*=\s*)"TBC"`)
var keyLine = regexp.MustCompile(`^(\s*)([A-Za-z_]+)(\s*=\s*)(\S+)`)

// fill fills the record at path and fails unless every placeholder is
// replaced.
func fill(t *testing.T, path string, f filling) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var out []string
	delims, section := 0, ""
	for _, l := range lines {
		if l == "+++" {
			delims++
			if delims == 2 && f.extra != "" {
				out = append(out, strings.Split(strings.TrimSpace(f.extra), "\n")...)
			}
			out = append(out, l)
			continue
		}
		if delims == 1 { // frontmatter
			if m := placeholderLine.FindStringSubmatch(l); m != nil {
				v, ok := f.keys[m[2]]
				if !ok {
					t.Fatalf("%s: no value to fill %s with", path, m[2])
				}
				l = m[1] + m[2] + m[3] + v
			} else if m := keyLine.FindStringSubmatch(l); m != nil {
				if v, ok := f.set[m[2]]; ok {
					l = m[1] + m[2] + m[3] + v
				}
			}
			out = append(out, l)
			continue
		}
		if h, ok := strings.CutPrefix(l, "## "); ok {
			section = h
		}
		if strings.TrimSpace(l) == "TBC" || strings.HasPrefix(l, "| A1 | TBC") {
			v, ok := f.body[section]
			if !ok {
				v, ok = f.body["*"]
			}
			if !ok {
				t.Fatalf("%s: no text to fill section %q with", path, section)
			}
			l = v
		}
		out = append(out, l)
	}
	filled := strings.Join(out, "\n")
	if strings.Contains(filled, "TBC") {
		t.Fatalf("%s: a placeholder is left after filling:\n%s", path, filled)
	}
	if err := os.WriteFile(path, []byte(filled), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lintTree lints the tree at root under profile, as of asOf, with every rule.
func lintTree(t *testing.T, root, profile string) *lint.Result {
	t.Helper()
	prof, err := lint.ShippedProfile(profile)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{
		FS: os.DirFS(root), Rules: checks.All(), Profile: prof, AsOf: asOf, Workers: 1,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// failing are the findings at warning or above, unsuppressed; on path only
// when path is not "".
func failing(res *lint.Result, path string) []lint.Finding {
	var out []lint.Finding
	for _, f := range res.Findings {
		if f.Suppression == nil && f.Severity >= lint.Warning && (path == "" || f.Path == path) {
			out = append(out, f)
		}
	}
	return out
}

func describe(fs []lint.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n  %s:%d:%d: %s: %s [%s]", f.Path, f.Pos.Line, f.Pos.Col, f.Severity, f.Message, f.RuleID)
	}
	return b.String()
}

// relPath is path relative to root, slash-separated, as findings name it.
func relPath(t *testing.T, root, path string) string {
	t.Helper()
	r, err := filepath.Rel(root, path)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(r)
}

// exempt are the placeholders no rule reports yet (see docs/new.md): the
// child's first language is free text.
var exempt = map[string]bool{"first_language": true}

// checkPlaceholdersReported lints the unfilled record at path and requires
// it not to be clean, and every frontmatter placeholder (and, in a plan,
// every section and action left as a placeholder) to be reported at its
// line.
func checkPlaceholdersReported(t *testing.T, root, path, profile string) {
	t.Helper()
	rel := relPath(t, root, path)
	res := lintTree(t, root, profile)
	got := failing(res, rel)
	if len(got) == 0 {
		t.Fatalf("%s: the unfilled template lints clean under %s", rel, profile)
	}
	onLine := map[int]bool{}
	for _, f := range got {
		onLine[f.Pos.Line] = true
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	isPlan := strings.HasSuffix(rel, "/plan.md")
	delims, heading := 0, 0
	for i, l := range lines {
		n := i + 1
		switch {
		case l == "+++":
			delims++
		case delims == 1:
			if m := placeholderLine.FindStringSubmatch(l); m != nil && !exempt[m[2]] && !onLine[n] {
				t.Errorf("%s:%d: the placeholder %s is not reported under %s%s", rel, n, m[2], profile, describe(got))
			}
		case strings.HasPrefix(l, "## "):
			heading = n
		case isPlan && strings.TrimSpace(l) == "TBC" && !onLine[heading]:
			t.Errorf("%s:%d: the empty section is not reported under %s%s", rel, heading, profile, describe(got))
		case isPlan && strings.HasPrefix(l, "| A1 | TBC") && !onLine[n]:
			t.Errorf("%s:%d: the placeholder action is not reported under %s%s", rel, n, profile, describe(got))
		}
	}
}

// write writes a record and fails on error.
func write(t *testing.T, opts newrecord.Options) string {
	t.Helper()
	path, err := newrecord.Write(opts)
	if err != nil {
		t.Fatalf("new %s: %v", opts.Kind, err)
	}
	return path
}

func mustContain(t *testing.T, path string, want ...string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		if !strings.Contains(string(data), w) {
			t.Errorf("%s does not contain %q:\n%s", path, w, data)
		}
	}
}

// built is a case built from the templates and filled.
type built struct {
	root, dir string
	profile   *lint.Profile
}

// buildCase writes and fills, under profile, a case, its initial
// conference, its plan, its first core group and a visit, checking at each
// step that the unfilled record's placeholders are reported.
func buildCase(t *testing.T, profile string) built {
	t.Helper()
	prof, err := lint.ShippedProfile(profile)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	dir := filepath.Join(root, caseID)
	b := built{root: root, dir: dir, profile: prof}
	opts := func(k schema.Kind, d schema.Date) newrecord.Options {
		return newrecord.Options{Kind: k, Dir: dir, Date: d, Profile: prof}
	}

	// The case.
	o := opts(schema.KindCase, schema.Date{})
	o.ID, o.Child = caseID, "Jamie"
	p := write(t, o)
	if want := filepath.Join(dir, "case.md"); p != want {
		t.Errorf("case written to %s, want %s", p, want)
	}
	mustContain(t, p, `id = "SOT-2026-0042"`, `name = "Jamie"`)
	checkPlaceholdersReported(t, root, p, profile)
	fill(t, p, filling{
		keys:  map[string]string{"born": "2015-04-02", "first_language": `"English"`},
		extra: people,
		body:  map[string]string{"Background": "Jamie is 11 and lives with his mother, Sam Doe. The school referred him after bruising to his arm."},
	})

	// The initial conference: no plan yet, so no outcomes to prefill.
	p = write(t, opts(schema.KindConference, initialDay))
	if want := filepath.Join(dir, "conferences", "2026-06-01-initial.md"); p != want {
		t.Errorf("conference written to %s, want %s", p, want)
	}
	mustContain(t, p, `kind = "initial"`, `chair = "Chris Hall"`, "date = 2026-06-01", "outcomes = []")
	checkPlaceholdersReported(t, root, p, profile)
	fill(t, p, filling{
		keys: map[string]string{"quorate": "true", "decision": `"plan"`, "first_core_group": "2026-06-11", "next_review": "2026-08-27"},
		set:  map[string]string{"outcomes": `["O1", "O2"]`},
		body: map[string]string{
			"Present":  "Chris Hall (chair), Aisha Patel, Rob Jones, Sam Doe (with a Polish interpreter), Lee Morgan.",
			"Summary":  "The conference heard about the bruising and two earlier referrals. Jamie wants to stay at home.",
			"Decision": "A Child Protection Plan under the category of physical abuse. Lead social worker Aisha Patel.",
		},
	})

	// The plan, prefilled from case.md and the conference.
	p = write(t, opts(schema.KindPlan, asOf))
	mustContain(t, p,
		"started = 2026-06-01", `lead_worker = "Aisha Patel"`, `manager = "Rob Jones"`,
		`core_group = ["Aisha Patel", "Sam Doe", "Lee Morgan"]`, `countersigned_by = "Rob Jones"`,
		"review_conference = 2026-08-27", "The conference agreed O1, O2.",
		"[[copies]]", `to = "Sam Doe"`, `language = "Polish"`, `to = "Jamie"`, `language = "English"`,
		"# Child Protection Plan: Jamie",
		"Jamie is seen alone at least "+every(prof.SeenAloneEvery))
	checkPlaceholdersReported(t, root, p, profile)
	fill(t, p, filling{
		keys: map[string]string{"category": `"physical abuse"`, "countersigned": "2026-06-05", "given": "2026-06-08"},
		body: map[string]string{
			"Concerns":             "Jamie had bruising to his upper arm that his mother's partner caused while restraining him.",
			"Outcomes":             "1. O1: Jamie is safe from physical harm at home.\n2. O2: Jamie goes to school every day.",
			"Actions":              "| A1 | Agree a written safety plan with Sam | Aisha Patel | 2026-06-15 | O1 |\n| A2 | Share Jamie's attendance each week | Lee Morgan | weekly | O2 |\n| A3 | Walk Jamie to school each morning | Sam Doe | daily | O2 |",
			"Developmental needs":  "Jamie needs a calm home and help to catch up with reading, which the school will give.",
			"Contact arrangements": "Aisha Patel will see Jamie alone at least " + every(prof.SeenAloneEvery) + ", at home and at school, and will see his bedroom on each visit.",
			"Review":               "The core group meets monthly; the review conference is on 27 August 2026.",
			"Contingency plan":     "If Jamie is hurt again, Aisha Patel holds a strategy discussion with the police the same day.",
		},
	})

	// The first core group, on the day the conference set.
	p = write(t, opts(schema.KindCoreGroup, coreDay))
	if want := filepath.Join(dir, "core-groups", "2026-06-11.md"); p != want {
		t.Errorf("core group written to %s, want %s", p, want)
	}
	mustContain(t, p, `chair = "Rob Jones"`, `attended = ["Aisha Patel", "Sam Doe", "Lee Morgan"]`, "O1, O2")
	checkPlaceholdersReported(t, root, p, profile)
	fill(t, p, filling{
		keys: map[string]string{"minutes_by": `"Lee Morgan"`, "minutes_circulated": "2026-06-12"},
		body: map[string]string{
			"Progress against outcomes":       "O1: the safety plan is agreed. O2: Jamie has attended every day.",
			"Written views of absent members": "None: everyone attended.",
			"Decisions":                       "Plan agreed. Next core group on 9 July 2026.",
		},
	})

	// A visit by the lead worker.
	p = write(t, opts(schema.KindVisit, visitDay))
	if want := filepath.Join(dir, "visits", "2026-06-03.md"); p != want {
		t.Errorf("visit written to %s, want %s", p, want)
	}
	mustContain(t, p, `by = "Aisha Patel"`, `present = ["Jamie"]`, "date = 2026-06-03 ")
	checkPlaceholdersReported(t, root, p, profile)
	fill(t, p, filling{
		keys: map[string]string{"child_seen": "true", "seen_alone": "true", "bedroom_seen": "true"},
		set:  map[string]string{"date": "2026-06-03T16:30:00"},
		body: map[string]string{
			"Observations":               "The house was warm and tidy, with food in the fridge.",
			"Wishes and feelings":        "Seen alone in his bedroom. Jamie said he likes football and wants his mum to be happy.",
			"Meals and sleeping":         "Jamie had pasta for tea. He has his own room with a bed and a desk.",
			"Presentation and behaviour": "Clean clothes; chatty; he showed me his football cards.",
			"Incidents and injuries":     "None.",
		},
	})
	return b
}

func every(i schema.Interval) string {
	if i.N == 1 {
		return "every " + strings.TrimPrefix(i.String(), "1 ")
	}
	return "every " + i.String()
}

// TestTemplatesBuildCleanCase: under each shipped profile, a case written
// from the templates reports every placeholder while it is unfilled (see
// buildCase), and lints clean once they are filled.
func TestTemplatesBuildCleanCase(t *testing.T) {
	for _, profile := range lint.ShippedProfileNames {
		t.Run(profile, func(t *testing.T) {
			b := buildCase(t, profile)
			res := lintTree(t, b.root, profile)
			if got := failing(res, ""); len(got) > 0 {
				t.Errorf("the filled case is not clean under %s:%s", profile, describe(got))
			}
			if res.Cases != 1 || res.Files != 5 {
				t.Errorf("linted %d cases, %d records; want 1 case, 5 records", res.Cases, res.Files)
			}
		})
	}
}

// TestLaterConferences: a review or transfer conference written into the
// built case prefills the plan's outcomes, reports its placeholders, and
// once filled has no finding of its own.
func TestLaterConferences(t *testing.T) {
	for _, profile := range lint.ShippedProfileNames {
		for _, kind := range []string{schema.ConferenceReview, schema.ConferenceTransfer} {
			t.Run(profile+"/"+kind, func(t *testing.T) {
				b := buildCase(t, profile)
				p := write(t, newrecord.Options{Kind: schema.KindConference, Dir: b.dir, Date: asOf, Profile: b.profile, ConferenceKind: kind})
				if want := filepath.Join(b.dir, "conferences", "2026-06-12-"+kind+".md"); p != want {
					t.Errorf("written to %s, want %s", p, want)
				}
				mustContain(t, p, `kind = "`+kind+`"`, `outcomes = ["O1", "O2"]`, `chair = "Chris Hall"`)
				checkPlaceholdersReported(t, b.root, p, profile)
				f := filling{
					keys: map[string]string{"quorate": "true", "decision": `"continue"`, "next_review": "2026-12-10"},
					body: map[string]string{"*": "Recorded by Chris Hall."},
				}
				if kind == schema.ConferenceTransfer {
					f.keys["decision"] = `"plan"`
					f.keys["notified"] = "2026-06-05"
				}
				fill(t, p, f)
				res := lintTree(t, b.root, profile)
				if got := failing(res, relPath(t, b.root, p)); len(got) > 0 {
					t.Errorf("the filled %s conference has findings:%s", kind, describe(got))
				}
			})
		}
	}
}

// TestDefaultConferenceKind: initial for a case with no conference, review
// after one.
func TestDefaultConferenceKind(t *testing.T) {
	b := buildCase(t, lint.ProfileCombined)
	p := write(t, newrecord.Options{Kind: schema.KindConference, Dir: b.dir, Date: asOf})
	if filepath.Base(p) != "2026-06-12-review.md" {
		t.Errorf("default conference kind after an initial conference: wrote %s", p)
	}
	mustContain(t, p, `decision = "TBC"`, `"continue" or "cease"`)
}

// TestProfileShapesTemplates: the profile decides the plan's frequency and
// whether a visit records the bedroom and a core group its minutes (under
// oxfordshire: before the next meeting).
func TestProfileShapesTemplates(t *testing.T) {
	stoke := buildCase(t, lint.ProfileStoke)
	oxon := buildCase(t, lint.ProfileOxfordshire)
	for _, tc := range []struct {
		b   built
		has []string
	}{
		{stoke, []string{"The stoke-on-trent profile asks that Jamie is seen alone at least every 28 working days", `seen_alone_every = "28 working days"`}},
		{oxon, []string{"The oxfordshire profile asks that Jamie is seen alone at least every 2 weeks", `seen_alone_every = "2 weeks"`, "bedroom will be seen"}},
	} {
		mustContain(t, filepath.Join(tc.b.dir, "plan.md"), tc.has...)
	}
	day := schema.NewDate(2026, 6, 10)
	v := write(t, newrecord.Options{Kind: schema.KindVisit, Dir: stoke.dir, Date: day, Profile: stoke.profile})
	if data, _ := os.ReadFile(v); strings.Contains(string(data), "bedroom_seen") {
		t.Errorf("stoke-on-trent asks for no bedroom, but the visit has bedroom_seen:\n%s", data)
	}
	v = write(t, newrecord.Options{Kind: schema.KindVisit, Dir: oxon.dir, Date: day, Profile: oxon.profile})
	mustContain(t, v, `bedroom_seen = "TBC"`)
	cg := write(t, newrecord.Options{Kind: schema.KindCoreGroup, Dir: oxon.dir, Date: day, Profile: oxon.profile})
	mustContain(t, cg, `minutes_circulated = "TBC"`, "before the next meeting")
	cg = write(t, newrecord.Options{Kind: schema.KindCoreGroup, Dir: stoke.dir, Date: day, Profile: stoke.profile})
	mustContain(t, cg, `minutes_circulated = "TBC"`)
}

// TestBabyVisit: a visit to a baby under one asks whether they were awake.
func TestBabyVisit(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "baby")
	write(t, newrecord.Options{Kind: schema.KindCase, Dir: dir, ID: "SOT-2026-0073", Child: "Ruby"})
	fill(t, filepath.Join(dir, "case.md"), filling{
		keys: map[string]string{"born": "2026-01-10", "first_language": `"English"`},
		body: map[string]string{"*": "Ruby lives with her father."},
	})
	p := write(t, newrecord.Options{Kind: schema.KindVisit, Dir: dir, Date: visitDay})
	mustContain(t, p, `awake = "TBC"`, `present = ["Ruby"]`, `by = "TBC"`)
}

// TestRefusesExisting: a name that is taken is refused, the file left byte
// for byte as it was, and no temporary file left behind.
func TestRefusesExisting(t *testing.T) {
	b := buildCase(t, lint.ProfileCombined)
	for _, tc := range []struct {
		opts newrecord.Options
		path string
	}{
		{newrecord.Options{Kind: schema.KindCase, ID: "X-1", Child: "Jamie"}, "case.md"},
		{newrecord.Options{Kind: schema.KindPlan, Date: asOf}, "plan.md"},
		{newrecord.Options{Kind: schema.KindVisit, Date: visitDay}, "visits/2026-06-03.md"},
		{newrecord.Options{Kind: schema.KindCoreGroup, Date: coreDay}, "core-groups/2026-06-11.md"},
		{newrecord.Options{Kind: schema.KindConference, Date: initialDay, ConferenceKind: "initial"}, "conferences/2026-06-01-initial.md"},
	} {
		t.Run(string(tc.opts.Kind), func(t *testing.T) {
			path := filepath.Join(b.dir, filepath.FromSlash(tc.path))
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tc.opts.Dir = b.dir
			got, err := newrecord.Write(tc.opts)
			var ee *newrecord.ExistsError
			if !errors.As(err, &ee) || !errors.Is(err, fs.ErrExist) {
				t.Fatalf("Write over %s: path %q, error %v; want an ExistsError", tc.path, got, err)
			}
			if ee.Path != path {
				t.Errorf("error names %s, want %s", ee.Path, path)
			}
			if tc.opts.Kind == schema.KindVisit && !strings.Contains(err.Error(), "--name 2026-06-03-2.md") {
				t.Errorf("the refusal does not say to pass --name: %v", err)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(after) != string(before) {
				t.Errorf("%s changed", tc.path)
			}
			noTemporaryFiles(t, b.root)
		})
	}
}

// noTemporaryFiles fails if any file under root is a leftover temporary.
func noTemporaryFiles(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasPrefix(d.Name(), ".caselint-") && strings.HasSuffix(d.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestName: --name writes another record for the same day, never a renamed
// one; and a bad name is refused.
func TestName(t *testing.T) {
	b := buildCase(t, lint.ProfileCombined)
	p := write(t, newrecord.Options{Kind: schema.KindVisit, Dir: b.dir, Date: visitDay, Name: "2026-06-03-evening.md"})
	if want := filepath.Join(b.dir, "visits", "2026-06-03-evening.md"); p != want {
		t.Errorf("wrote %s, want %s", p, want)
	}
	for _, bad := range []string{"../x.md", "sub/x.md", "x.txt", ".x.md", "plan.md"} {
		if _, err := newrecord.Write(newrecord.Options{Kind: schema.KindVisit, Dir: b.dir, Date: visitDay, Name: bad}); err == nil {
			t.Errorf("--name %q accepted", bad)
		}
	}
	if _, err := newrecord.Write(newrecord.Options{Kind: schema.KindPlan, Dir: b.dir, Date: visitDay, Name: "x.md"}); err == nil {
		t.Error("--name accepted for a plan")
	}
	noTemporaryFiles(t, b.root)
}

// TestOnePlan: a case whose plan is not plan.md gets no second one.
func TestOnePlan(t *testing.T) {
	b := buildCase(t, lint.ProfileCombined)
	if err := os.Rename(filepath.Join(b.dir, "plan.md"), filepath.Join(b.dir, "cp-plan.md")); err != nil {
		t.Fatal(err)
	}
	_, err := newrecord.Write(newrecord.Options{Kind: schema.KindPlan, Dir: b.dir, Date: asOf})
	if err == nil || !strings.Contains(err.Error(), "already has a plan") {
		t.Fatalf("a second plan: %v", err)
	}
	if _, err := os.Stat(filepath.Join(b.dir, "plan.md")); !errors.Is(err, fs.ErrNotExist) {
		t.Error("plan.md written beside the case's plan")
	}
}

// TestNeedsCase: records other than a case need the case folder; a case
// needs its id and child.
func TestNeedsCase(t *testing.T) {
	dir := t.TempDir()
	if _, err := newrecord.Write(newrecord.Options{Kind: schema.KindVisit, Dir: dir, Date: visitDay}); err == nil || !strings.Contains(err.Error(), "holds no case.md") {
		t.Errorf("a visit outside a case: %v", err)
	}
	if _, err := newrecord.Write(newrecord.Options{Kind: schema.KindCase, Dir: dir, Child: "Jamie"}); err == nil {
		t.Error("a case without an id was written")
	}
	if _, err := newrecord.Write(newrecord.Options{Kind: schema.KindCase, Dir: dir, ID: "X-1"}); err == nil {
		t.Error("a case without a child was written")
	}
	if _, err := newrecord.Write(newrecord.Options{Kind: schema.KindVisit, Dir: dir}); err == nil {
		t.Error("a visit without a date was written")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("refused writes left %d files", len(entries))
	}
}

// TestFindCase finds the case folder from inside it.
func TestFindCase(t *testing.T) {
	b := buildCase(t, lint.ProfileCombined)
	got, ok := newrecord.FindCase(filepath.Join(b.dir, "visits"))
	if !ok || got != b.dir {
		t.Errorf("FindCase from visits/: %q %v, want %s", got, ok, b.dir)
	}
	if _, ok := newrecord.FindCase(b.root); ok {
		t.Error("FindCase found a case above the case folder's parent")
	}
}

// TestRenderedRecordsParse: every template parses as a record of its kind,
// and its only problems are its placeholders.
func TestRenderedRecordsParse(t *testing.T) {
	b := buildCase(t, lint.ProfileCombined)
	for _, o := range []newrecord.Options{
		{Kind: schema.KindVisit, Date: asOf},
		{Kind: schema.KindCoreGroup, Date: asOf},
		{Kind: schema.KindConference, Date: asOf, ConferenceKind: "review"},
		{Kind: schema.KindConference, Date: asOf, ConferenceKind: "transfer"},
	} {
		o.Dir = b.dir
		path, data, err := newrecord.Render(o)
		if err != nil {
			t.Fatal(err)
		}
		doc, ok := schema.Parse(path, data)
		if !ok || doc.Kind != o.Kind {
			t.Fatalf("%s: not a %s record", path, o.Kind)
		}
		for _, p := range doc.Problems {
			pos := doc.Source.Position(p.Offset)
			line := string(doc.Source.Line(pos.Line))
			if !strings.Contains(line, `"TBC"`) {
				t.Errorf("%s:%d: %s (not a placeholder)", path, pos.Line, p.Message)
			}
		}
	}
}

// TestPlaceholdersWithoutPeople: in a case that records no one yet, every
// person the templates would prefill is a placeholder, and reported.
func TestPlaceholdersWithoutPeople(t *testing.T) {
	for _, profile := range lint.ShippedProfileNames {
		t.Run(profile, func(t *testing.T) {
			prof, err := lint.ShippedProfile(profile)
			if err != nil {
				t.Fatal(err)
			}
			root := t.TempDir()
			dir := filepath.Join(root, "X-1")
			p := write(t, newrecord.Options{Kind: schema.KindCase, Dir: dir, ID: "X-1", Child: "Ava"})
			fill(t, p, filling{
				keys: map[string]string{"born": "2020-01-01", "first_language": `"English"`},
				body: map[string]string{"*": "Ava lives with her grandmother."},
			})
			for _, o := range []newrecord.Options{
				{Kind: schema.KindPlan},
				{Kind: schema.KindConference, ConferenceKind: "initial"},
				{Kind: schema.KindCoreGroup},
				{Kind: schema.KindVisit},
			} {
				o.Dir, o.Date, o.Profile = dir, asOf, prof
				p := write(t, o)
				checkPlaceholdersReported(t, root, p, profile)
			}
			mustContain(t, filepath.Join(dir, "plan.md"), `lead_worker = "TBC"`, `manager = "TBC"`, `core_group = ["TBC"]`)
			mustContain(t, filepath.Join(dir, "visits", "2026-06-12.md"), `by = "TBC"`)
			mustContain(t, filepath.Join(dir, "core-groups", "2026-06-12.md"), `chair = "TBC"`, `attended = ["TBC"]`)
			mustContain(t, filepath.Join(dir, "conferences", "2026-06-12-initial.md"), `chair = "TBC"`)
		})
	}
}
