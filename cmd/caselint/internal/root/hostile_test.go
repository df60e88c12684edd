package root

// The hostile tree: every kind of broken or odd input caselint is known to
// meet, beside a valid case. caselint must exit 1 (findings), report the
// valid case exactly as it does alone, name each broken file, never panic,
// stay within bounded memory, and never read or show anything outside the
// tree (symbolic links are not followed).

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/gittest"
)

// secretMarker is in a file outside the tree that a link inside it points
// at: it must appear in no output.
const secretMarker = "SECRET-MARKER-7f3a9c"

const wellKept = "../../../../testdata/samples/well-kept/STK-2026-0107"

// copyCase copies the valid sample case to dir, with id as its id.
func copyCase(t *testing.T, dir, id string) {
	t.Helper()
	err := filepath.WalkDir(wellKept, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(wellKept, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rel == "case.md" {
			data = bytes.Replace(data, []byte("STK-2026-0107"), []byte(id), 1)
		}
		return writeFile(filepath.Join(dir, rel), data)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeFile(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// visitMD is a visit record by the case's lead worker with extra keys and
// a body.
func visitMD(date, extra, body string) string {
	return "+++\ntype = \"visit\"\ndate = " + date + "T16:30:00\nby = \"Sarah Bennett\"\nchild_seen = true\nseen_alone = true\n" +
		"present = [\"Zara\", \"Sarah Bennett\"]\n" + extra + "+++\n" + body
}

// hostileFiles are the broken records, by path below cases/broken/ (a copy
// of the valid case with its own id), and what the report must say of each.
func hostileFiles() map[string]struct{ data, want string } {
	prose := strings.Repeat("Zara was seen alone in her bedroom, which was warm and tidy; she said she felt safe at home and talked about school. ", 24) + "\n\n"
	return map[string]struct{ data, want string }{
		"visits/empty.md":        {"", "empty file: not a record"},
		"visits/never-closed.md": {"+++\ntype = \"visit\"\ndate = 2026-06-05\nby = \"Sarah Bennett\"\n\nZara was seen.\n", ":1:1: error: frontmatter opened with +++ on line 1 is never closed"},
		"visits/binary.md":       {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + strings.Repeat("\x00\xff\xd8", 1000), "not a text file"},
		"visits/latin1.md":       {visitMD("2026-06-06", "", "## Observations\nZo\xeb was well.\n"), ":10:3: error: the file is not valid UTF-8 (byte 0xeb at 10:3)"},
		"visits/huge.md":         {visitMD("2026-06-07", "", strings.Repeat(prose, 5<<20/len(prose))), ":1:1: error: file of 5"},
		"visits/long-line.md":    {visitMD("2026-06-08", "", "## Observations\n"+strings.Repeat("Zara seemed disturbed. ", 2<<20/23)+"\n"), "more findings of non-specific-label in this file are not listed"},
		"visits/nested-list.md":  {visitMD("2026-06-09", "", "## Observations\n"+strings.Repeat("- ", 20000)+"x\n"), ":10:1: error: the body nests lists or quotes 20000 deep here"},
		"visits/nested-indent.md": {visitMD("2026-06-10", "", "## Observations\n"+func() string {
			var b strings.Builder
			for i := range 1000 {
				b.WriteString(strings.Repeat("  ", i) + "- x\n")
			}
			return b.String()
		}()), ":110:1: error: the body nests lists or quotes 101 deep here"},
		"visits/nested-quote.md": {visitMD("2026-06-11", "", "## Observations\n"+strings.Repeat(">", 20000)+" x\n"), ":10:1: error: the body nests lists or quotes 20000 deep here"},
		"visits/nested-toml.md":  {visitMD("2026-06-12", "x = "+strings.Repeat("{a=", 20000)+"1"+strings.Repeat("}", 20000)+"\n", ""), ":8:35: error: the frontmatter nests arrays or tables more than 10 deep"},
		"visits/huge-array.md":   {visitMD("2026-06-15", "present_too = ["+strings.Repeat("\"Zara\", ", 200000)+"]\n", ""), ":2:1: error: the frontmatter is 1563 KB"},
		"visits/many-keys.md": {visitMD("2026-06-17", func() string {
			var b strings.Builder
			for i := range 3000 {
				b.WriteString("unknown_" + strings.Repeat("k", i%7) + string(rune('a'+i%26)) + "_" + strconv.Itoa(i) + " = 1\n")
			}
			return b.String()
		}(), ""), ":108:1: error: 2900 more findings of invalid-record in this file are not listed"},
		"visits/cr-only.md":            {strings.ReplaceAll(visitMD("2026-06-18", "seen_alon = true\n", "## Observations\nWell.\n"), "\n", "\r"), ":8:1: error: unknown key seen_alon in visit record; did you mean seen_alone?"},
		"visits/with space.md":         {visitMD("2026-06-19", "seen_alon = true\n", ""), "visits/with space.md:8:1: error: unknown key seen_alon"},
		"visits/ünïcødé.md":            {visitMD("2026-06-20", "seen_alon = true\n", ""), "visits/ünïcødé.md:8:1: error: unknown key seen_alon"},
		"visits/-leading-dash.md":      {visitMD("2026-06-21", "seen_alon = true\n", ""), "visits/-leading-dash.md:8:1: error: unknown key seen_alon"},
		"visits/new\nline.md":          {visitMD("2026-06-22", "seen_alon = true\n", ""), `visits/new\nline.md:8:1: error: unknown key seen_alon`},
		"visits/\x1b[2Jescape.md":      {visitMD("2026-06-23", "seen_alon = true\n", ""), `visits/\x1b[2Jescape.md:8:1: error: unknown key seen_alon`},
		"visits/yaml.md":               {"---\ntype: visit\ndate: 2026-06-24\n---\nZara was seen.\n", ":1:1: error: records use TOML frontmatter between +++ lines, not YAML (---)"},
		"plans/second-plan.md":         {"+++\ntype = \"plan\"\nstarted = 2026-06-01\nlead_worker = \"Sarah Bennett\"\n+++\n", ":2:1: error: the case already has a plan"},
		"visits/dense-links.md":        {visitMD("2026-06-25", "", "## Observations\n"+strings.Repeat("[a](", 100000)+"\n"), ":10:1: error: this paragraph of 400001 bytes holds 200000 of the marks"},
		"visits/wide-table.md":         {visitMD("2026-06-26", "", "## Observations\n|"+strings.Repeat(" a |", 5000)+"\n|"+strings.Repeat("-|", 5000)+"\n"+strings.Repeat("|\n", 50000)), ":10:1: error: the table starting here has 5000 columns"},
		"visits/many-lines.md":         {visitMD("2026-06-29", "", strings.Repeat("- x\n", 300000)), "error: the body has more than 100000 lines"},
		"visits/nul-in-frontmatter.md": {visitMD("2026-06-30", "by2 = \"a\x00b\"\n", ""), ":8:"},
	}
}

// bigPlanLines is the line of the ignore that ends big/plan.md, a 3 MB plan.
const bigPlanLines = 43821

// buildHostileTree writes the valid case (cases/valid), the broken one
// (cases/broken), records outside any case, two cases with one id, links
// (a loop, and out of the tree to a secret) and a config; outside is where
// the links point.
func buildHostileTree(t *testing.T, dir, outside string) {
	t.Helper()
	cases := filepath.Join(dir, "cases")
	copyCase(t, filepath.Join(cases, "valid"), "STK-2026-0107")
	copyCase(t, filepath.Join(cases, "broken"), "BRK-2026-0001")
	for name, f := range hostileFiles() {
		if err := writeFile(filepath.Join(cases, "broken", name), []byte(f.data)); err != nil {
			t.Fatal(err)
		}
	}
	// A multi-megabyte plan, under the limit: read and linted.
	big := filepath.Join(cases, "big")
	copyCase(t, big, "BIG-2026-0001")
	plan, err := os.ReadFile(filepath.Join(big, "plan.md"))
	if err != nil {
		t.Fatal(err)
	}
	para := "\n\nThe family's circumstances were discussed at length; the school reports that Zara's attendance has improved and that she is eating breakfast at the club most days. Her mother attended both appointments this month.\n"
	plan = append(plan, strings.Repeat(para, 3<<20/len(para))...)
	plan = append(plan, "\n<!-- caselint:ignore unseen-child read to the end -->\n"...) // suppresses nothing
	if n := bytes.Count(plan, []byte("\n")); n != bigPlanLines {
		t.Fatalf("big/plan.md has %d lines; its ignore is on line %d", n+1, n)
	}
	if err := os.WriteFile(filepath.Join(big, "plan.md"), plan, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"loose/visit.md":      visitMD("2026-06-03", "", ""),
		"dup-a/case.md":       strings.Replace(caseMD, "T-1", "DUP-2026-0001", 1),
		"dup-a/plan.md":       planMD,
		"dup-b/case.md":       strings.Replace(caseMD, "T-1", "DUP-2026-0001", 1),
		"dup-b/plan.md":       planMD,
		".caselint.toml":      "max_file_size = \"4 MB\"\n", // outside a repository, in the folder linted
		"broken/visits/x.txt": "not markdown",
	} {
		if err := writeFile(filepath.Join(cases, name), []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	secret := "+++\ntype = \"visit\"\ndate = 2026-06-03\nby = \"" + secretMarker + "\"\nchild_seen = true\n+++\n" + secretMarker + "\n"
	if err := writeFile(filepath.Join(outside, "secret.md"), []byte(secret)); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(outside, "case", "case.md"), []byte(strings.Replace(caseMD, "T-1", secretMarker, 1))); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{
		"broken/visits/secret.md":   filepath.Join(outside, "secret.md"),
		"broken/outside":            outside,
		"broken/visits/loop":        "..",
		"broken/self":               ".",
		"broken/visits/dangling.md": filepath.Join(outside, "no-such-file.md"),
	} {
		if err := os.Symlink(target, filepath.Join(cases, link)); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
}

// lintTree runs caselint lint on dir/cases in each format and returns the
// outputs and the exit code of the first.
func lintTree(t *testing.T, dir string, args ...string) (code cmdutil.ExitCode, text, stderr string, js, sarif []byte) {
	t.Helper()
	run := func(format string) (cmdutil.ExitCode, string, string) {
		ios, _, out, errOut := iostreams.Test()
		a := append([]string{"lint", "--as-of", "2026-11-20", "--format", format}, args...)
		c := Main(append(a, filepath.Join(dir, "cases")), ios)
		return c, out.String(), errOut.String()
	}
	code, text, stderr = run("text")
	c2, j, e2 := run("json")
	c3, s, e3 := run("sarif")
	if c2 != code || c3 != code {
		t.Errorf("exit codes differ by format: %d %d %d", code, c2, c3)
	}
	return code, text, stderr + e2 + e3, []byte(j), []byte(s)
}

type jsonFinding struct {
	Rule, Severity, Path, Message, Fingerprint string
	Line, Column                               int
}

type jsonReport struct {
	Findings      []jsonFinding
	Notifications []struct{ Level, Path, Message string }
}

func findingsUnder(t *testing.T, js []byte, prefix string) []jsonFinding {
	t.Helper()
	var rep jsonReport
	if err := json.Unmarshal(js, &rep); err != nil {
		t.Fatalf("JSON report: %v", err)
	}
	var out []jsonFinding
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.Path, prefix) {
			out = append(out, f)
		}
	}
	return out
}

func TestHostileTree(t *testing.T) {
	base := t.TempDir()
	dir, outside := filepath.Join(base, "tree"), filepath.Join(base, "outside")
	buildHostileTree(t, dir, outside)

	// The valid case alone, in a tree of the same shape and config.
	aloneDir := filepath.Join(base, "alone")
	copyCase(t, filepath.Join(aloneDir, "cases", "valid"), "STK-2026-0107")
	if err := writeFile(filepath.Join(aloneDir, "cases", ".caselint.toml"), []byte("max_file_size = \"4 MB\"\n")); err != nil {
		t.Fatal(err)
	}
	_, _, _, aloneJSON, _ := lintTree(t, aloneDir)

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	code, text, stderr, js, sarif := lintTree(t, dir)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)

	if code != cmdutil.ExitFindings {
		t.Errorf("exit %d, want 1\nstderr:\n%s", code, stderr)
	}
	for _, bad := range []string{"panic", "goroutine ", "runtime error", "a bug in caselint"} {
		if strings.Contains(text+stderr, bad) {
			t.Errorf("output mentions %q:\n%s", bad, stderr)
		}
	}

	// The valid case: exactly as alone.
	got, want := findingsUnder(t, js, "valid/"), findingsUnder(t, aloneJSON, "valid/")
	if len(got) != len(want) {
		t.Errorf("the valid case has %d findings beside the broken ones, %d alone", len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			t.Errorf("the valid case's finding %d: %+v, alone %+v", i, got[i], want[i])
		}
	}

	// Each broken file named, with what is wrong with it.
	lines := strings.Split(text+stderr, "\n")
	for name, f := range hostileFiles() {
		path := "broken/" + strings.NewReplacer("\n", `\n`, "\x1b", `\x1b`).Replace(name)
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, path+":") && strings.Contains(l, f.want) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%q: no line of the report names it with %q", name, f.want)
		}
	}
	for _, want := range []string{
		"loose/visit.md:2:1: error: this visit record is in no case",
		"dup-b/case.md:3:6: error: case id DUP-2026-0001 is already used by dup-a/case.md",
		"broken/visits/secret.md: notice: symbolic link not followed",
		"broken/visits/dangling.md: notice: symbolic link not followed",
		"big/plan.md:" + strconv.Itoa(bigPlanLines) + ":", // read to the end
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not say %q", want)
		}
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "\x1b\r") {
			t.Errorf("a line of the report holds a control character: %q", l)
		}
	}

	// Nothing from outside the tree: not the secret, not where it is.
	for what, out := range map[string]string{"text": text, "stderr": stderr, "json": string(js), "sarif": string(sarif)} {
		for _, leak := range []string{secretMarker, outside, base} {
			if strings.Contains(out, leak) {
				t.Errorf("the %s output shows %q, which is outside the tree", what, leak)
			}
		}
	}

	// The SARIF log is one valid JSON document; the notices are in it.
	dec := json.NewDecoder(bytes.NewReader(sarif))
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
			Results []json.RawMessage
		}
	}
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("SARIF: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Errorf("SARIF: more than one JSON document")
	}
	if len(log.Runs) != 1 || !log.Runs[0].Invocations[0].ExecutionSuccessful || len(log.Runs[0].Invocations[0].ToolExecutionNotifications) < 4 {
		t.Errorf("SARIF run: %+v", log.Runs)
	}

	// Memory: what the run took beyond what the test held before, with a
	// 3 MB plan, a 2 MB line, and inputs that took gigabytes before the
	// guards (three runs, one per format).
	grew := int64(after.Sys) - int64(before.Sys)
	t.Logf("memory obtained from the system grew by %d MB; %d MB allocated", grew>>20, (after.TotalAlloc-before.TotalAlloc)>>20)
	if grew > 1<<30 {
		t.Errorf("memory grew by %d MB", grew>>20)
	}

	// Nothing was changed: the tree is as written.
	data, err := os.ReadFile(filepath.Join(dir, "cases", "broken", "visits", "cr-only.md"))
	if err != nil || string(data) != hostileFiles()["visits/cr-only.md"].data {
		t.Errorf("a record was changed")
	}
}

// TestBrokenGitObject: in a repository whose blob of one record is
// truncated, lint --rev HEAD says so (on stderr and in SARIF) and lints the
// rest, and then exits 2: the record not read may hold the finding that
// matters, so the run is incomplete, never clean.
func TestBrokenGitObject(t *testing.T) {
	gittest.Require(t)
	t.Setenv("GIT_INDEX_FILE", "")
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(base, "repo")
	copyCase(t, filepath.Join(dir, "cases", "valid"), "STK-2026-0107")
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		var env []string
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "GIT_") && !strings.HasPrefix(kv, "HOME=") {
				env = append(env, kv)
			}
		}
		cmd.Env = append(env, "HOME="+base, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull,
			"GIT_AUTHOR_NAME=A", "GIT_AUTHOR_EMAIL=a@example.org", "GIT_COMMITTER_NAME=C", "GIT_COMMITTER_EMAIL=c@example.org",
			"GIT_AUTHOR_DATE=2026-11-20T12:00:00Z", "GIT_COMMITTER_DATE=2026-11-20T12:00:00Z")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q", "-b", "main")
	git("add", ".")
	git("commit", "-q", "-m", "records")
	blob := git("rev-parse", "HEAD:cases/valid/visits/2026-06-16.md")
	obj := filepath.Join(dir, ".git", "objects", blob[:2], blob[2:])
	data, err := os.ReadFile(obj)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(obj, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(obj, data[:len(data)/2], 0o644); err != nil {
		t.Fatal(err)
	}

	for _, format := range []string{"text", "sarif"} {
		ios, _, out, errOut := iostreams.Test()
		code := Main([]string{"lint", "--rev", "HEAD", "--format", format, filepath.Join(dir, "cases")}, ios)
		if code != cmdutil.ExitError || !strings.Contains(errOut.String(), "1 record could not be read: the result is incomplete") {
			t.Errorf("%s: exit %d, want 2 saying the result is incomplete\n%s", format, code, errOut.String())
		}
		report := out.String() + errOut.String()
		if !strings.Contains(report, "cases/valid/visits/2026-06-16.md") {
			t.Errorf("%s: the broken record is not named:\nstdout:\n%s\nstderr:\n%s", format, out.String(), errOut.String())
		}
		if format == "sarif" {
			var v any
			if err := json.Unmarshal(out.Bytes(), &v); err != nil {
				t.Errorf("SARIF: %v", err)
			}
			if !strings.Contains(out.String(), "toolExecutionNotifications") {
				t.Errorf("SARIF without the notification:\n%s", out.String())
			}
			if !strings.Contains(out.String(), `"exitCode": 2,`) || !strings.Contains(out.String(), `"executionSuccessful": false`) {
				t.Errorf("SARIF's invocation does not say the run is incomplete:\n%s", out.String())
			}
		}
		// The record it could not read counts as missing: the rest is
		// linted (the visit before it is there, so Zara was seen).
		if format == "text" && !strings.Contains(out.String(), "in 1 case (") || format == "text" && !strings.Contains(out.String(), "; 1 record could not be read: the result is incomplete\n") {
			t.Errorf("the case was not linted:\n%s", out.String())
		}
	}
}
