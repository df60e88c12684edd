package training_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/training"
)

func shipped(t *testing.T, name string) *training.Exercise {
	t.Helper()
	ex, err := training.Shipped(checks.All()).Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// entries lists a folder's entries, names only.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestStartRefusesANonEmptyFolder(t *testing.T) {
	ex := shipped(t, "first-plan-review")
	dir := t.TempDir()
	mine := filepath.Join(dir, "plan.md")
	if err := os.WriteFile(mine, []byte("my own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := ex.Start(ctx, dir, training.StartOptions{})
	if err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if got := entries(t, dir); len(got) != 1 || got[0] != "plan.md" {
		t.Errorf("the folder now holds %v", got)
	}
	if data, _ := os.ReadFile(mine); string(data) != "my own notes\n" {
		t.Errorf("plan.md overwritten: %q", data)
	}
	// A hidden file counts too.
	hidden := t.TempDir()
	if err := os.WriteFile(filepath.Join(hidden, ".keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ex.Start(ctx, hidden, training.StartOptions{}); err == nil {
		t.Error("started in a folder holding .keep")
	}
	// A file is no folder.
	if err := ex.Start(ctx, mine, training.StartOptions{}); err == nil || !strings.Contains(err.Error(), "is a file") {
		t.Errorf("start on a file: %v", err)
	}
}

func TestStartWritesAtomically(t *testing.T) {
	ex := shipped(t, "first-plan-review")
	parent := t.TempDir()

	// A new folder: renamed into place, nothing left beside it.
	dir := filepath.Join(parent, "new")
	if err := ex.Start(ctx, dir, training.StartOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := entries(t, parent); len(got) != 1 || got[0] != "new" {
		t.Errorf("beside the folder: %v", got)
	}
	checkCopy(t, ex, dir)
	// Starting again in it is refused.
	if err := ex.Start(ctx, dir, training.StartOptions{}); err == nil {
		t.Error("started twice in one folder")
	}

	// An empty folder that exists: filled, no temporary folder left in it.
	empty := filepath.Join(parent, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := ex.Start(ctx, empty, training.StartOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, n := range entries(t, empty) {
		if strings.HasPrefix(n, ".caselint-exercise-") {
			t.Errorf("temporary folder %s left behind", n)
		}
	}
	checkCopy(t, ex, empty)

	// Missing parents are made.
	deep := filepath.Join(parent, "a", "b", "c")
	if err := ex.Start(ctx, deep, training.StartOptions{}); err != nil {
		t.Fatal(err)
	}
	checkCopy(t, ex, deep)
}

// checkCopy requires dir to hold the exercise's files, the brief and the
// state, and nothing else.
func checkCopy(t *testing.T, ex *training.Exercise, dir string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch rel {
		case training.BriefFile:
			if string(data) != string(ex.Brief) {
				t.Errorf("%s differs", rel)
			}
		case lint.ConfigFileName:
			// The exercise's profile and date (and the case's own config).
			want, err := ex.FolderConfig()
			if err != nil {
				t.Error(err)
			} else if string(data) != string(want) {
				t.Errorf("%s:\n%s\nwant:\n%s", rel, data, want)
			}
			if _, own := ex.Files[rel]; own {
				n++
			}
		case training.StateFile:
			st, err := training.ReadState(dir)
			if err != nil {
				t.Error(err)
			}
			if st.Exercise != ex.Name || st.From != ex.From {
				t.Errorf("state %+v", st)
			}
			if strings.Contains(string(data), "want") || strings.Contains(string(data), "rule") {
				t.Errorf("the state file gives the key away:\n%s", data)
			}
		default:
			want, ok := ex.Files[rel]
			if !ok {
				t.Errorf("%s: not a file of the exercise", rel)
			} else if string(data) != string(want) {
				t.Errorf("%s differs from the stripped case", rel)
			}
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(ex.Files) {
		t.Errorf("%d case files written, want %d", n, len(ex.Files))
	}
}

// A trainer's exercise, in a temporary folder: the first-plan-review case
// cut down to its plan's problems under a trainer's own brief.
func trainerExercise(t *testing.T, meta string) string {
	t.Helper()
	src := shipped(t, "first-plan-review")
	dir := filepath.Join(t.TempDir(), "our-exercise")
	write := func(p, s string) {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("exercise.toml", meta)
	write("BRIEF.md", "# Our exercise\n\nRead Ellie's plan.\n")
	for p, data := range src.Files {
		write("case/"+p, string(data))
	}
	// The key: two of the plan's problems, marked by the trainer.
	plan := string(src.Files["plan.md"])
	plan = strings.Replace(plan, "| All professionals | 2026-10-09 | O2 |", "| All professionals | 2026-10-09 | O2 | <!-- want: unnamed-action-owner -->", 1)
	plan = strings.Replace(plan, "| Dean Marsh | ongoing | O2, O4 |", "| Dean Marsh | ongoing | O2, O4 | <!-- want: missing-action-timescale -->", 1)
	plan = strings.Replace(plan, "| TBC | daily | O3 |", "| TBC | daily | O3 | <!-- want: unnamed-action-owner -->", 1)
	plan = strings.Replace(plan, "## Contingency plan\n", "<!-- want: missing-contingency-plan -->\n## Contingency plan\n", 1)
	write("case/plan.md", plan)
	return dir
}

const trainerMeta = `title = "Our exercise"
level = 2
profile = "combined"
as_of = 2026-11-20
summary = "Ellie's plan, for our team"
`

func TestFromFolder(t *testing.T) {
	rules := checks.All()
	dir := trainerExercise(t, trainerMeta)
	c, err := training.Folder(dir, rules)
	if err != nil {
		t.Fatal(err)
	}
	if c.Single() != "our-exercise" {
		t.Fatalf("Single() = %q", c.Single())
	}
	exs, err := c.All()
	if err != nil || len(exs) != 1 {
		t.Fatalf("All: %v, %v", exs, err)
	}
	ex := exs[0]
	if ex.Title != "Our exercise" || ex.Level != 2 || ex.From != dir || len(ex.Key) != 4 {
		t.Fatalf("loaded %+v", ex.Meta)
	}
	if got := strings.Join(ex.Rules(), " "); got != "missing-action-timescale missing-contingency-plan unnamed-action-owner" {
		t.Errorf("rules practised: %s", got)
	}
	// A folder of exercises finds it by name.
	parent, err := training.Folder(filepath.Dir(dir), rules)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parent.Get("our-exercise"); err != nil {
		t.Fatal(err)
	}

	trainee := filepath.Join(t.TempDir(), "trainee")
	if err := ex.Start(ctx, trainee, training.StartOptions{}); err != nil {
		t.Fatal(err)
	}
	st, err := training.ReadState(trainee)
	if err != nil {
		t.Fatal(err)
	}
	if st.Exercise != "our-exercise" || st.From != dir {
		t.Errorf("state %+v", st)
	}
	// check finds the key in the trainer's folder again.
	opened, err := training.Open(trainee, "", rules)
	if err != nil {
		t.Fatal(err)
	}
	r, err := opened.CheckFix(ctx, trainee)
	if err != nil {
		t.Fatal(err)
	}
	if r.Fixed() != 0 || len(r.Items) != 4 || len(r.New) != 0 {
		t.Errorf("untouched: %d fixed of %d, %d new", r.Fixed(), len(r.Items), len(r.New))
	}
	// The folder moved: --from finds it; a different exercise is refused.
	moved := filepath.Join(t.TempDir(), "our-exercise")
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	if _, err := training.Open(trainee, "", rules); err == nil || !strings.Contains(err.Error(), "--from") {
		t.Errorf("moved folder: %v", err)
	}
	if _, err := training.Open(trainee, moved, rules); err != nil {
		t.Error(err)
	}
	other := trainerExercise(t, trainerMeta)
	renamed := filepath.Join(filepath.Dir(other), "something-else")
	if err := os.Rename(other, renamed); err != nil {
		t.Fatal(err)
	}
	if _, err := training.Open(trainee, renamed, rules); err == nil {
		t.Error("opened with another exercise's folder")
	}
}

// A trainer's exercise whose key is wrong is refused at start, with what
// is wrong, and nothing is written.
func TestStartRefusesAWrongKey(t *testing.T) {
	dir := trainerExercise(t, trainerMeta)
	plan := filepath.Join(dir, "case", "plan.md")
	data, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), " <!-- want: missing-action-timescale -->", "", 1))
	if err := os.WriteFile(plan, data, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := training.Folder(dir, checks.All())
	if err != nil {
		t.Fatal(err)
	}
	ex, err := c.Get("")
	if err != nil {
		t.Fatal(err)
	}
	trainee := filepath.Join(t.TempDir(), "trainee")
	err = ex.Start(ctx, trainee, training.StartOptions{})
	if err == nil || !strings.Contains(err.Error(), "unexpected finding") || !strings.Contains(err.Error(), "missing-action-timescale") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(trainee); !os.IsNotExist(err) {
		t.Errorf("the folder was made: %v", err)
	}
	if got := entries(t, filepath.Dir(trainee)); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
}

func TestLoadIsStrict(t *testing.T) {
	rules := checks.All()
	good := map[string]string{
		"exercise.toml": trainerMeta,
		"BRIEF.md":      "Read the plan.\n",
		"case/case.md":  "+++\ntype = \"case\"\nid = \"X-1\"\n[child]\nname = \"A\"\nborn = 2020-01-01\nfirst_language = \"English\"\n+++\n",
		"case/plan.md":  front + "<!-- want: missing-contingency-plan -->\n",
	}
	for _, tc := range []struct {
		name   string
		change map[string]string // "" removes the file
		err    string
	}{
		{"good", nil, ""},
		{"unknown key", map[string]string{"exercise.toml": trainerMeta + "levle = 3\n"}, "unknown key levle"},
		{"level out of range", map[string]string{"exercise.toml": strings.Replace(trainerMeta, "level = 2", "level = 6", 1)}, "levels run from 1"},
		{"no as_of", map[string]string{"exercise.toml": strings.Replace(trainerMeta, "as_of = 2026-11-20\n", "", 1)}, "as_of is required"},
		{"no summary", map[string]string{"exercise.toml": strings.Replace(trainerMeta, "summary = \"Ellie's plan, for our team\"\n", "", 1)}, "summary is required"},
		{"unknown profile", map[string]string{"exercise.toml": strings.Replace(trainerMeta, "combined", "kent", 1)}, "profile"},
		{"no brief", map[string]string{"BRIEF.md": ""}, "BRIEF.md"},
		{"answers in the brief", map[string]string{"BRIEF.md": "Hint: <!-- want: unseen-child -->\n"}, "must not give the answers"},
		{"brief names a key place", map[string]string{"BRIEF.md": "For example: at = \"plan.md:6\"\n"}, "names plan.md:6"},
		{"brief names another line", map[string]string{"BRIEF.md": "For example: at = \"plan.md:60\"\n"}, ""},
		{"no case", map[string]string{"case/case.md": ""}, "no case.md"},
		{"no key", map[string]string{"case/plan.md": front}, "no want comments"},
		{"unknown rule", map[string]string{"case/plan.md": front + "<!-- want: missing-contingecy-plan -->\n"}, "did you mean missing-contingency-plan"},
		{"git without history", map[string]string{"exercise.toml": trainerMeta + "git = true\n"}, "needs a history.toml"},
		{"history without git", map[string]string{"history.toml": "[[commit]]\n"}, "only when"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for p, s := range good {
				fsys[p] = &fstest.MapFile{Data: []byte(s)}
			}
			for p, s := range tc.change {
				if s == "" {
					delete(fsys, p)
				} else {
					fsys[p] = &fstest.MapFile{Data: []byte(s)}
				}
			}
			_, err := training.Load(fsys, "x", "", rules)
			switch {
			case tc.err == "" && err != nil:
				t.Fatal(err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("err = %v, want %q", err, tc.err)
			}
		})
	}
}

func TestHistoryIsStrict(t *testing.T) {
	rules := checks.All()
	base := map[string]string{
		"exercise.toml":        trainerMeta + "git = true\n",
		"BRIEF.md":             "Read the visits.\n",
		"case/case.md":         "+++\ntype = \"case\"\nid = \"X-1\"\n[child]\nname = \"A\"\nborn = 2020-01-01\nfirst_language = \"English\"\n+++\n",
		"case/plan.md":         front + "<!-- want: missing-contingency-plan -->\n",
		"history/plan-v1.md":   front + "first version <!-- want: x -->\n",
		"history/not-used.txt": "",
	}
	for _, tc := range []struct {
		name, history, err string
	}{
		{"good", `[[commit]]
date = 2026-01-05T17:00:00
author = "Aisha Patel"
message = "First version"
add = ["case/plan.md"]
from = "history/plan-v1.md"
[[commit]]
date = 2026-01-06T10:00:00
author = "Aisha Patel"
message = "Case and plan"
add = ["case/case.md", "plan.md"]
`, ""},
		{"never committed", `[[commit]]
date = 2026-01-05T17:00:00
author = "A"
message = "m"
add = ["case/plan.md"]
`, "case/case.md is never committed"},
		{"last from history", `[[commit]]
date = 2026-01-05T17:00:00
author = "A"
message = "m"
add = ["case/case.md"]
[[commit]]
date = 2026-01-06T17:00:00
author = "A"
message = "m"
add = ["case/plan.md"]
from = "history/plan-v1.md"
`, "last committed from history/"},
		{"no time of day", `[[commit]]
date = 2026-01-05
author = "A"
message = "m"
add = ["case/case.md", "case/plan.md"]
`, "time of day"},
		{"out of order", `[[commit]]
date = 2026-01-05T17:00:00
author = "A"
message = "m"
add = ["case/case.md"]
[[commit]]
date = 2026-01-04T17:00:00
author = "A"
message = "m"
add = ["case/plan.md"]
`, "date order"},
		{"not in the case", `[[commit]]
date = 2026-01-05T17:00:00
author = "A"
message = "m"
add = ["case/case.md", "case/plan.md", "case/visits/x.md"]
`, "not a file of case/"},
		{"unknown key", `[[commit]]
date = 2026-01-05T17:00:00
author = "A"
mesage = "m"
add = ["case/case.md", "case/plan.md"]
`, "unknown key"},
		{"from outside history", `[[commit]]
date = 2026-01-05T17:00:00
author = "A"
message = "m"
add = ["case/plan.md"]
from = "case/case.md"
[[commit]]
date = 2026-01-06T17:00:00
author = "A"
message = "m"
add = ["case/case.md", "case/plan.md"]
`, "kept under history/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"history.toml": &fstest.MapFile{Data: []byte(tc.history)}}
			for p, s := range base {
				fsys[p] = &fstest.MapFile{Data: []byte(s)}
			}
			_, err := training.Load(fsys, "x", "", rules)
			switch {
			case tc.err == "" && err != nil:
				t.Fatal(err)
			case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
				t.Fatalf("err = %v, want %q", err, tc.err)
			}
		})
	}
}

func TestParseAnswers(t *testing.T) {
	as, err := training.ParseAnswers("answers.toml", []byte(`
[[finding]]
rule = "unseen-child"
at = "visits/2026-03-02.md:3"

[[finding]]
rule = "unnamed-action-owner"
at = "./plan.md:47"
note = "TBC is nobody"
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 || as[0].Path != "visits/2026-03-02.md" || as[0].Line != 3 || as[1].Path != "plan.md" || as[1].Line != 47 || as[1].Note == "" {
		t.Errorf("%+v", as)
	}
	for _, bad := range []string{
		"[[finding]]\nrule = \"x\"\nat = \"\"\n",
		"[[finding]]\nrule = \"x\"\nat = \":3\"\n",
		"[[finding]]\nrule = \"x\"\nat = \"plan.md:0\"\n",
		"[[finding]]\nrule = \"x\"\nat = \"plan.md:twelve\"\n",
		"[[finding]]\nat = \"plan.md:3\"\n",
		"[[finding]]\nrule = \"x\"\nline = 3\n",
		"rule = \"x\"\n",
	} {
		if _, err := training.ParseAnswers("answers.toml", []byte(bad)); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
}

// Fix mode follows each seeded problem through the trainee's edits: lines
// inserted above it, its own line rewritten, a reasoned suppression; and a
// problem the trainee brought in is new.
func TestCheckFixFollowsEdits(t *testing.T) {
	ex := shipped(t, "first-plan-review")
	dir := start(t, ex, false)
	p := filepath.Join(dir, "plan.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	edit := func(old, new string) {
		t.Helper()
		if !strings.Contains(s, old) {
			t.Fatalf("plan.md has no %q", old)
		}
		s = strings.Replace(s, old, new, 1)
	}
	edit("# Child Protection Plan: Ellie\n", "# Child Protection Plan: Ellie\n\nReviewed by Tom Wright.\nThree lines\nadded.\n")
	// A3 fixed; A4 rewritten and still without a timescale; A5 suppressed;
	// A8 given no owner: new.
	edit("| All professionals | 2026-10-09 |", "| Dean Marsh | 2026-10-09 |")
	edit("| Weekly home visit to help Kerry", "| Weekly visit to help Kerry")
	edit("| Dean Marsh | ongoing |", "| Dean Marsh | as needed |")
	edit("| TBC | daily | O3 |", "| TBC | daily | O3 | <!-- caselint:ignore unnamed-action-owner Owner agreed at the next core group -->")
	edit("| Kerry Barker | monthly | O4 |", "| TBC | monthly | O4 |")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := ex.CheckFix(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		status training.FixStatus
		now    int
	}{
		"plan.md:63 unnamed-action-owner":     {training.Fixed, 0},
		"plan.md:64 missing-action-timescale": {training.StillThere, 68},
		"plan.md:65 unnamed-action-owner":     {training.SuppressedNotAccepted, 69},
		"plan.md:88 missing-contingency-plan": {training.StillThere, 92},
	}
	for _, it := range r.Items {
		k := it.At() + " " + it.Rule
		w, ok := want[k]
		if !ok {
			t.Errorf("unexpected item %s", k)
			continue
		}
		if it.Status != w.status {
			t.Errorf("%s: %s, want %s", k, it.Status, w.status)
		}
		if w.now > 0 && (it.Now == nil || it.Now.Pos.Line != w.now) {
			t.Errorf("%s: now at %v, want line %d", k, it.Now, w.now)
		}
	}
	if len(r.New) != 1 || r.New[0].RuleID != "unnamed-action-owner" || r.New[0].Pos.Line != 72 {
		t.Errorf("new: %+v", r.New)
	}
	if r.Fixed() != 1 || r.Done() {
		t.Errorf("fixed %d, done %v", r.Fixed(), r.Done())
	}
	r.Show = training.HintsAll // the trainer's view: what is still there, and where
	var out strings.Builder
	if err := r.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	// A suppression of a problem the trainee can put right is listed for the
	// trainer, and not counted (issue 15).
	for _, w := range []string{"fixed                     plan.md:63", "still there               plan.md:64", "(now at plan.md:68)", "suppressed, not accepted  plan.md:65", "can be put right, not only recorded", "You introduced 1 new problem", "Score: 1 of 4 seeded problems put right (25%)"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("report lacks %q:\n%s", w, out.String())
		}
	}
}
