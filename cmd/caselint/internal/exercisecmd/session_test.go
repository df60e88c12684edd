package exercisecmd

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/training"
)

// clock is an injectable clock: each reading is a minute after the last.
func clock(start time.Time) func() time.Time {
	t := start.Add(-time.Minute)
	return func() time.Time { t = t.Add(time.Minute); return t }
}

// edit replaces old with new in the file p of dir, once; it must be there.
func edit(t *testing.T, dir, p, old, new string) {
	t.Helper()
	full := filepath.Join(dir, p)
	data, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s holds no %q", p, old)
	}
	if err := os.WriteFile(full, bytes.Replace(data, []byte(old), []byte(new), 1), 0o600); err != nil {
		t.Fatal(err)
	}
}

// cohort starts three trainees, who work differently and check their work
// with the clock given: Ellie (first-plan-review) checks once untouched and
// again after putting everything right; Sam (seen-alone) gives the reason
// for one visit, records the late visit with a reasoned suppression, leaves
// the third problem and checks once; Aoife and Jo, a pair
// (first-plan-review), list problems in answers.toml, one right and one
// not, and check once.
func cohort(t *testing.T, now func() time.Time) (root string, dirs []string) {
	t.Helper()
	rules := checks.All()
	root = t.TempDir()
	names := []string{"Ellie Hart", "Sam O'Neill", "Aoife <Byrne> & Jo"}
	for i, n := range names {
		dir := filepath.Join(root, []string{"ellie", "sam", "aoife"}[i])
		name := []string{"first-plan-review", "seen-alone", "first-plan-review"}[i]
		ios, _, _, _ := iostreams.Test()
		if err := RunStart(context.Background(), &StartOptions{IO: ios, Rules: rules, Name: name, Dir: dir, Trainee: n}); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
	}
	check := func(dir, answers string) {
		t.Helper()
		ios, _, _, _ := iostreams.Test()
		err := RunCheck(context.Background(), &CheckOptions{IO: ios, Rules: rules, Dir: dir, Answers: answers, Format: "text", Now: now})
		if err != nil && !errors.Is(err, cmdutil.ErrFindings) {
			t.Fatal(err)
		}
	}
	// solution copies files of an exercise's solution into dir (all when
	// only is empty).
	solution := func(name, dir string, only ...string) {
		t.Helper()
		ex, err := training.Shipped(rules).Get(name)
		if err != nil {
			t.Fatal(err)
		}
		sol := ex.Solution()
		if err := fs.WalkDir(sol, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || (len(only) > 0 && !slices.Contains(only, p)) {
				return err
			}
			data, err := fs.ReadFile(sol, p)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), data, 0o600)
		}); err != nil {
			t.Fatal(err)
		}
	}
	// Ellie: untouched, then put right as the solution does.
	check(dirs[0], "")
	solution("first-plan-review", dirs[0])
	check(dirs[0], "")
	// Sam: the late visit recorded with a reason, and the reason for one
	// visit given, as the solution does; the third problem left.
	solution("seen-alone", dirs[1], "visits/2026-09-09.md", "visits/2026-09-22.md")
	check(dirs[1], "")
	ex, err := training.Shipped(rules).Get("first-plan-review")
	if err != nil {
		t.Fatal(err)
	}
	// Aoife and Jo: spot answers in their folder.
	k := ex.Key[0]
	answers := "[[finding]]\nrule = \"" + k.Rule + "\"\nat = \"" + k.Path + ":" + itoa(k.Line) + "\"\nnote = \"=A group owns nothing <script>alert(1)</script>\"\n\n" +
		"[[finding]]\nrule = \"unseen-child\"\nat = \"visits/2026-10-01.md:3\"\nnote = \"not seen\"\n"
	if err := os.WriteFile(filepath.Join(dirs[2], "answers.toml"), []byte(answers), 0o600); err != nil {
		t.Fatal(err)
	}
	check(dirs[2], filepath.Join(dirs[2], "answers.toml"))
	return root, dirs
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestSessionOfThreeTrainees(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	root, dirs := cohort(t, clock(t0))
	rules := checks.All()
	ex, err := training.Shipped(rules).Get("first-plan-review")
	if err != nil {
		t.Fatal(err)
	}
	key := len(ex.Key)
	run := func(o SessionOptions) (string, error) {
		t.Helper()
		ios, _, out, _ := iostreams.Test()
		o.IO, o.Rules, o.Dirs = ios, rules, dirs
		o.Now = func() time.Time { return time.Date(2026, 11, 20, 16, 30, 0, 0, time.UTC) }
		err := RunSession(context.Background(), &o)
		return out.String(), err
	}

	// Text.
	text, err := run(SessionOptions{Format: "text"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Session report: 3 trainees, 2 exercises, made 20 November 2026 16:30 UTC",
		"== Ellie Hart ==", "== Sam O'Neill ==", "== Aoife <Byrne> & Jo ==",
		itoa(key) + " of " + itoa(key) + " fixed (100%)", // Ellie
		"2 of 3 fixed (67%)",                             // Sam: one fixed, one recorded
		"1 of " + itoa(key) + " found",                   // Aoife and Jo
		"Suppressed, with the reason (1):",
		"visits/2026-09-09.md:3 unseen-child:",
		"Still there (1):", "visits/2026-10-06.md:6  missing-not-seen-reason",
		"Answers (2):", "not supported", `note: "not seen"`,
		"Attempts (2):", "20 November 2026 09:00 UTC  fix   0 of " + itoa(key), "20 November 2026 09:01 UTC  fix   " + itoa(key) + " of " + itoa(key),
		"20 November 2026 09:03 UTC  spot  1 of " + itoa(key),
		"== Trainer notes: First plan review (first-plan-review) ==", "Common wrong fixes:",
		"== Trainer notes: Seen alone (seen-alone) ==",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text report lacks %q:\n%s", want, text)
		}
	}

	// JSON: every result in the trainer's view, with the trainer notes.
	js, err := run(SessionOptions{Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	var sj training.SessionJSON
	if err := json.Unmarshal([]byte(js), &sj); err != nil {
		t.Fatal(err)
	}
	if len(sj.Results) != 3 || len(sj.Exercises) != 2 || len(sj.Exercises[0].TrainerNotes) != 2 || sj.Exercises[0].Trainees != 2 || len(sj.Unmarked) != 0 {
		t.Fatalf("session JSON: %d results, %+v", len(sj.Results), sj.Exercises)
	}
	byName := map[string]*training.Result{}
	for _, r := range sj.Results {
		byName[r.Trainee] = r
		if !r.Trainer || len(r.Items) != r.Score.Total || len(r.HeldBack) != 0 {
			t.Errorf("%s: trainer %v, %d items", r.Trainee, r.Trainer, len(r.Items))
		}
	}
	if r := byName["Ellie Hart"]; r == nil || r.Mode != "fix" || !r.Done || len(r.Attempts) != 2 || !r.Attempts[0].At.Equal(t0) {
		t.Errorf("Ellie: %+v", r)
	}
	if r := byName["Sam O'Neill"]; r == nil || r.Exercise.Name != "seen-alone" || len(r.Suppressions) != 1 || r.Suppressions[0].Rule != "unseen-child" ||
		!strings.HasPrefix(r.Suppressions[0].Reason, "Grace Adeyemi was on leave") || r.Counts.Remaining != 1 || r.Score.Got != 2 {
		t.Errorf("Sam: %+v", r)
	}
	if r := byName["Aoife <Byrne> & Jo"]; r == nil || r.Mode != "spot" || len(r.Answers) != 2 || r.Answers[0].Mark != "found" || r.Answers[1].Mark != "not supported" || r.Answers[1].Note != "not seen" {
		t.Errorf("Aoife and Jo: %+v", r)
	}

	// CSV: one row per item, every trainee, no formula.
	cs, err := run(SessionOptions{Format: "csv"})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(cs)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(training.CSVHeader, ",") {
		t.Errorf("header %q", rows[0])
	}
	perTrainee := map[string]int{}
	for _, r := range rows[1:] {
		perTrainee[r[0]]++
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Errorf("formula cell %q", c)
			}
		}
	}
	// Ellie: the key; Sam: seen-alone's key (3) and a suppression; Aoife
	// and Jo: the key and two answers.
	if perTrainee["Ellie Hart"] != key || perTrainee["Sam O'Neill"] != 3+1 || perTrainee["Aoife <Byrne> & Jo"] != key+2 {
		t.Errorf("rows per trainee: %v", perTrainee)
	}

	// HTML, to a file: parsed, self-contained, escaped, a record per trainee.
	page := filepath.Join(root, "session.html")
	if _, err := run(SessionOptions{Format: "html", Output: page}); err != nil {
		t.Fatal(err)
	}
	doc := parseHTML(t, page)
	checkSelfContained(t, doc)
	records := sections(doc, "record")
	if len(records) != 3 || len(sections(doc, "cohort")) != 1 {
		t.Fatalf("%d records, want 3, and a cohort summary", len(records))
	}
	for i, want := range []string{"Record of training: Aoife <Byrne> & Jo", "Record of training: Ellie Hart", "Record of training: Sam O'Neill"} {
		if h := textOf(first(records[i], "h1")); h != want {
			t.Errorf("record %d: h1 %q, want %q", i, h, want)
		}
	}
	all := textOf(doc)
	for _, want := range []string{"=A group owns nothing <script>alert(1)</script>", "Grace Adeyemi was on leave", "Trainer notes: First plan review", "Trainer notes: Seen alone", "Common wrong fixes"} {
		if !strings.Contains(all, want) {
			t.Errorf("the page's text lacks %q", want)
		}
	}
	if st, err := os.Stat(page); err != nil || st.Mode().Perm()&0o077 != 0 {
		t.Errorf("the report file is readable by others: %v %v", st.Mode(), err)
	}

	// One trainee's record: theirs only, no colleague, no trainer notes.
	own := filepath.Join(root, "ellie.html")
	if _, err := run(SessionOptions{Format: "html", Output: own, Trainee: "Ellie Hart"}); err != nil {
		t.Fatal(err)
	}
	doc = parseHTML(t, own)
	checkSelfContained(t, doc)
	all = textOf(doc)
	if len(sections(doc, "record")) != 1 || len(sections(doc, "cohort")) != 0 || strings.Contains(all, "Sam") || strings.Contains(all, "Aoife") || strings.Contains(all, "Trainer notes") {
		t.Errorf("Ellie's own record holds more than hers:\n%s", all)
	}
	if text, err := run(SessionOptions{Format: "text", Trainee: "Sam O'Neill"}); err != nil || !strings.HasPrefix(text, "Record of training: Sam O'Neill, marked 20 November 2026 16:30 UTC") || strings.Contains(text, "Ellie") || strings.Contains(text, "Trainer notes") {
		t.Errorf("Sam's own record, as text (%v):\n%s", err, text)
	}
	if _, err := run(SessionOptions{Format: "html", Trainee: "Nobody Here"}); err == nil {
		t.Error("a record for a trainee with no folder")
	}
}

// A folder that is not an exercise is named in the report and the rest are
// marked; the command says so in its exit status.
func TestSessionNamesUnmarkedFolders(t *testing.T) {
	_, dirs := cohort(t, clock(time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)))
	ios, _, out, errOut := iostreams.Test()
	stray := t.TempDir()
	err := RunSession(context.Background(), &SessionOptions{IO: ios, Rules: checks.All(), Dirs: append(dirs, stray), Format: "text", Now: time.Now})
	if err == nil || !strings.Contains(err.Error(), "1 of 4 folders could not be marked") {
		t.Errorf("err = %v", err)
	}
	if !strings.Contains(out.String(), "not marked: "+stray) || !strings.Contains(errOut.String(), "not marked") || !strings.Contains(out.String(), "== Ellie Hart ==") {
		t.Errorf("out:\n%s\nerr:\n%s", out, errOut)
	}
	for _, f := range []string{"pdf", ""} {
		if err := RunSession(context.Background(), &SessionOptions{IO: ios, Dirs: dirs, Format: f}); err == nil {
			t.Errorf("--format %q accepted", f)
		}
	}
	if err := RunSession(context.Background(), &SessionOptions{IO: ios, Dirs: dirs, Format: "text", Answers: "../answers.toml"}); err == nil {
		t.Error("--answers outside the folder accepted")
	}
}

// check --format json shows the trainee only what check's text does: the
// score and what is fixed, the problems still there counted, not named.
func TestCheckFormats(t *testing.T) {
	rules := checks.All()
	dir := filepath.Join(t.TempDir(), "t")
	ios, _, _, _ := iostreams.Test()
	if err := RunStart(context.Background(), &StartOptions{IO: ios, Rules: rules, Name: "first-plan-review", Dir: dir, Trainee: "Ellie Hart"}); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "plan.md", "| Dean Marsh | ongoing |", "| Dean Marsh | weekly |")
	now := clock(time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	ios, _, out, _ := iostreams.Test()
	err := RunCheck(context.Background(), &CheckOptions{IO: ios, Rules: rules, Dir: dir, Format: "json", Now: now})
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("err = %v, want findings (exit 1)", err)
	}
	var r training.Result
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.Trainer || r.Trainee != "Ellie Hart" || r.Counts.Fixed != 1 || len(r.Items) != 1 || r.Items[0].Rule != "missing-action-timescale" || r.Counts.Remaining != r.Score.Total-1 || len(r.Attempts) != 1 {
		t.Errorf("trainee's JSON: %+v", r)
	}
	for _, held := range []string{"unnamed-action-owner", "missing-contingency-plan", "All professionals"} {
		if strings.Contains(out.String(), held) {
			t.Errorf("the trainee's JSON names %q", held)
		}
	}
	ios, _, out, _ = iostreams.Test()
	_ = RunCheck(context.Background(), &CheckOptions{IO: ios, Rules: rules, Dir: dir, Format: "csv", Now: now})
	rows, err := csv.NewReader(out).ReadAll()
	if err != nil || len(rows) != 3 || rows[1][4] != "fixed" || rows[1][0] != "Ellie Hart" || rows[2][3] != training.RowHeld {
		t.Errorf("trainee's CSV: %q, %v", rows, err)
	}
	st, _ := training.ReadState(dir)
	if len(st.Attempts) != 2 || !st.Attempts[1].At.Equal(time.Date(2026, 11, 20, 9, 1, 0, 0, time.UTC)) {
		t.Errorf("attempts: %+v", st.Attempts)
	}
	if err := RunCheck(context.Background(), &CheckOptions{IO: ios, Rules: rules, Dir: dir, Format: "xml"}); err == nil {
		t.Error("--format xml accepted")
	}
}

func parseHTML(t *testing.T, file string) *html.Node {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("<!DOCTYPE html>")) {
		t.Error("no doctype")
	}
	return doc
}

// checkSelfContained: no script, nothing fetched, the CSS inline and for A4.
func checkSelfContained(t *testing.T, doc *html.Node) {
	t.Helper()
	styles := 0
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script", "link", "img", "iframe", "object", "embed", "base":
			t.Errorf("a <%s> element", n.Data)
		case "style":
			styles++
			if css := textOf(n); !strings.Contains(css, "size: A4") || strings.Contains(css, "url(") || strings.Contains(css, "@import") {
				t.Errorf("the CSS: %s", css)
			}
		}
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "href" || strings.HasPrefix(a.Key, "on") || a.Key == "style" {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	})
	if styles != 1 {
		t.Errorf("%d style elements", styles)
	}
}

func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	walk(n, func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
	})
	return b.String()
}

func first(n *html.Node, tag string) *html.Node {
	var out *html.Node
	walk(n, func(c *html.Node) {
		if out == nil && c.Type == html.ElementNode && c.Data == tag {
			out = c
		}
	})
	return out
}

// sections are the <section class="class"> elements.
func sections(doc *html.Node, class string) []*html.Node {
	var out []*html.Node
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "section" {
			for _, a := range n.Attr {
				if a.Key == "class" && a.Val == class {
					out = append(out, n)
				}
			}
		}
	})
	return out
}
