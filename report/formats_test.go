package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// compileSchema compiles the JSON Schema in file, as its $schema says
// (draft-07 when it says none).
func compileSchema(t *testing.T, file string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	url := "file:///" + filepath.Base(file)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, what string, out []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("%s: %v\n%s", what, err, out)
	}
	return sch.Validate(inst)
}

// schemaCases are results every JSON format must print valid: the fixture,
// an empty run, and one of odd paths, messages and positions.
func schemaCases(t *testing.T) map[string]*lint.Result {
	odd := fuzzResult("a:b", "Zoë Smith/plan 1.md", "<b>&amp;</b> \u2028 \x00 line\nbreak", "\xff", "C:\\cases\\a.md", 0, 0)
	odd.Findings[2].Severity = lint.Note // fuzzResult's third is at no severity, which no run reports
	return map[string]*lint.Result{
		"fixture": testResult(t),
		"empty":   emptyResult(),
		"odd":     odd,
	}
}

// TestFormatSchemas validates each JSON format against its published
// schema: rdjson against reviewdog's (testdata/rdjson), Code Climate
// against one written from GitLab's documentation (testdata/codeclimate:
// GitLab's own was not to be had offline), and caselint's JSON against
// docs/formats/caselint-json.schema.json. Each validator is shown live on
// a broken document first.
func TestFormatSchemas(t *testing.T) {
	for _, tc := range []struct {
		format, schema, breakFrom, breakTo string
	}{
		{"rdjson", "testdata/rdjson/DiagnosticResult.json", `"severity": "ERROR"`, `"severity": "FATAL"`},
		{"codeclimate", "testdata/codeclimate/gitlab-codequality.schema.json", `"severity": "critical"`, `"severity": "error"`},
		{"json", "../docs/formats/caselint-json.schema.json", `"severity": "error"`, `"severity": "fatal"`},
	} {
		t.Run(tc.format, func(t *testing.T) {
			sch := compileSchema(t, tc.schema)
			p, err := ByName(tc.format)
			if err != nil {
				t.Fatal(err)
			}
			bad := bytes.Replace(render(t, p, testResult(t), testOptions()), []byte(tc.breakFrom), []byte(tc.breakTo), 1)
			if validate(t, sch, "broken", bad) == nil {
				t.Fatalf("the schema accepts %s", tc.breakTo)
			}
			for name, res := range schemaCases(t) {
				out := render(t, p, res, testOptions())
				oneJSON(t, tc.format, out)
				if err := validate(t, sch, name, out); err != nil {
					t.Errorf("%s: %s\n%s", name, schemaErrors(err), out)
				}
			}
		})
	}
}

// TestSuppressedLeftOut: the formats whose readers cannot show a finding as
// reviewed leave suppressed findings out; SARIF does unless
// IncludeSuppressed; JSON keeps them, marked.
func TestSuppressedLeftOut(t *testing.T) {
	const reason = "Owner agreed at next core group"
	const suppressed = `A3's owner`
	for _, name := range Formats {
		p, _ := ByName(name)
		out := string(render(t, p, testResult(t), testOptions()))
		if got, want := strings.Contains(out, suppressed), name == "json"; got != want {
			t.Errorf("%s: suppressed finding present = %v, want %v", name, got, want)
		}
	}
	opts := testOptions()
	opts.IncludeSuppressed = true
	out := string(render(t, NewSARIF, testResult(t), opts))
	if !strings.Contains(out, suppressed) || !strings.Contains(out, reason) || !strings.Contains(out, `"kind": "inSource"`) {
		t.Errorf("SARIF with IncludeSuppressed lacks the suppressed finding:\n%s", out)
	}
}

// TestSARIFRuleConfiguration: a rule's defaultConfiguration and
// problem.severity follow the config: a rule set to warning says warning,
// a rule turned off says enabled false.
func TestSARIFRuleConfiguration(t *testing.T) {
	opts := testOptions()
	opts.Profile = &lint.Profile{Name: "team", Rules: map[string]string{
		"missing-lead-worker":  "warning",
		"unnamed-action-owner": "on",
		"non-specific-label":   "off",
	}}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID     string `json:"id"`
						Config struct {
							Enabled *bool  `json:"enabled"`
							Level   string `json:"level"`
						} `json:"defaultConfiguration"`
						Props map[string]any `json:"properties"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, NewSARIF, emptyResult(), opts), &log); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		enabled         bool
		level, severity string
	}{
		"missing-lead-worker":  {true, "warning", "warning"},
		"unnamed-action-owner": {true, "error", "error"},
		"non-specific-label":   {false, "warning", "warning"},
	}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		w := want[r.ID]
		enabled := r.Config.Enabled == nil || *r.Config.Enabled
		if enabled != w.enabled || r.Config.Level != w.level || r.Props["problem.severity"] != w.severity {
			t.Errorf("%s: enabled %v, level %q, problem.severity %v; want %v, %q, %q",
				r.ID, enabled, r.Config.Level, r.Props["problem.severity"], w.enabled, w.level, w.severity)
		}
		if _, ok := r.Props["security-severity"]; ok {
			t.Errorf("%s has a security-severity", r.ID)
		}
	}
}

// TestSARIFRun: the run's automationDetails, originalUriBaseIds and
// regions with their ends.
func TestSARIFRun(t *testing.T) {
	opts := testOptions()
	opts.Category = "caselint/cases"
	out := render(t, NewSARIF, testResult(t), opts)
	for _, want := range []string{
		`"automationDetails": {
        "id": "caselint/cases"
      }`,
		`"originalUriBaseIds": {
        "%SRCROOT%": {`,
		`"startLine": 4,
                  "startColumn": 1,
                  "endLine": 4,
                  "endColumn": 12`,
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("SARIF lacks\n%s\nin\n%s", want, out)
		}
	}
	if bytes.Contains(render(t, NewSARIF, testResult(t), testOptions()), []byte("automationDetails")) {
		t.Error("automationDetails without a category")
	}
	for draft, sch := range sarifSchemas(t) {
		if err := validate(t, sch, "category", out); err != nil {
			t.Errorf("%s: %s", draft, schemaErrors(err))
		}
	}
}

func TestDocsRef(t *testing.T) {
	for v, want := range map[string]string{
		"0.1.0":                                "v0.1.0",
		"v0.1.0":                               "v0.1.0",
		"v0.2.0-rc.1":                          "v0.2.0-rc.1",
		"v0.1.1-0.20261206130000-abcdef123456": "abcdef123456",
		"v0.0.0-20261206130000-abcdef123456":   "abcdef123456",
		"":                                     "main",
		"dev":                                  "main",
		"(devel)":                              "main",
		"v0.1.0+dirty":                         "main",
		"0.1":                                  "main",
	} {
		if got := DocsRef(v); got != want {
			t.Errorf("DocsRef(%q) = %q, want %q", v, got, want)
		}
	}
	if got, want := DefaultHelpURI("0.1.0", "a b"), "https://github.com/caselint/caselint/blob/v0.1.0/docs/rules/a%20b.md"; got != want {
		t.Errorf("DefaultHelpURI = %q, want %q", got, want)
	}
}

// junitReport is the JUnit XML the readers take (the Jenkins and Ant
// schema's elements and the attributes they require).
type junitReport struct {
	XMLName xml.Name `xml:"testsuites"`
	Suites  []struct {
		Name     string `xml:"name,attr"`
		Tests    *int   `xml:"tests,attr"`
		Failures *int   `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failures  []struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
		SystemOut string `xml:"system-out"`
		SystemErr string `xml:"system-err"`
	} `xml:"testsuite"`
}

type checkstyleReport struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

// strictXML decodes out strictly into v: well-formed XML 1.0, nothing
// after the root.
func strictXML(t *testing.T, what string, out []byte, v any) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = true
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v\n%s", what, err, out)
	}
	if tok, err := dec.Token(); !errors.Is(err, io.EOF) && (err != nil || !isSpace(tok)) {
		t.Fatalf("%s: more after the root (%v %v)", what, tok, err)
	}
}

func isSpace(tok xml.Token) bool {
	cd, ok := tok.(xml.CharData)
	return ok && len(bytes.TrimSpace(cd)) == 0
}

// TestJUnit: one testsuite per file with a failing testcase per finding
// not suppressed, with counts that match, and a passing summary suite
// carrying the notifications; well-formed whatever the messages hold.
func TestJUnit(t *testing.T) {
	for name, res := range schemaCases(t) {
		var rep junitReport
		strictXML(t, name, render(t, NewJUnit, res, testOptions()), &rep)
		shown := 0
		for _, f := range res.Findings {
			if f.Suppression == nil {
				shown++
			}
		}
		failures := 0
		last := rep.Suites[len(rep.Suites)-1]
		if last.Name != "caselint" || len(last.Cases) != 1 || len(last.Cases[0].Failures) != 0 {
			t.Errorf("%s: last suite is not the passing summary: %+v", name, last)
		}
		if got := strings.Count(last.SystemErr, "notice:"); got != len(res.Notifications) {
			t.Errorf("%s: %d notices in system-err, want %d", name, got, len(res.Notifications))
		}
		for _, s := range rep.Suites[:len(rep.Suites)-1] {
			if s.Tests == nil || s.Failures == nil || *s.Tests != len(s.Cases) || *s.Failures != len(s.Cases) {
				t.Errorf("%s: suite %q counts %v/%v for %d cases", name, s.Name, s.Tests, s.Failures, len(s.Cases))
			}
			for _, c := range s.Cases {
				if len(c.Failures) != 1 || c.Failures[0].Type == "" || c.Classname == "" {
					t.Errorf("%s: testcase %+v", name, c)
				}
				failures++
			}
		}
		if failures != shown {
			t.Errorf("%s: %d failures for %d findings shown", name, failures, shown)
		}
	}
}

// TestCheckstyle: one file element per file, one error per finding not
// suppressed, checkstyle's severities; well-formed whatever the messages
// hold.
func TestCheckstyle(t *testing.T) {
	for name, res := range schemaCases(t) {
		var rep checkstyleReport
		strictXML(t, name, render(t, NewCheckstyle, res, testOptions()), &rep)
		n := 0
		seen := map[string]bool{}
		for _, f := range rep.Files {
			if seen[f.Name] {
				t.Errorf("%s: file %q twice", name, f.Name)
			}
			seen[f.Name] = true
			for _, e := range f.Errors {
				n++
				if e.Severity != "error" && e.Severity != "warning" && e.Severity != "info" || !strings.HasPrefix(e.Source, "caselint.") {
					t.Errorf("%s: error %+v", name, e)
				}
			}
		}
		shown := 0
		for _, f := range res.Findings {
			if f.Suppression == nil {
				shown++
			}
		}
		if n != shown || rep.Version == "" {
			t.Errorf("%s: %d errors for %d findings shown (version %q)", name, n, shown, rep.Version)
		}
	}
}

// TestGitHubCap: at most ten annotations of each kind, errors first; the
// rest as plain log lines; a last notice counting them.
func TestGitHubCap(t *testing.T) {
	res := &lint.Result{Cases: 1, Files: 1}
	add := func(sev lint.Severity, n int) {
		for i := range n {
			res.Findings = append(res.Findings, lint.Finding{RuleID: "r-" + sev.String(), Severity: sev, Path: "a.md",
				Pos: schema.Position{Line: i + 1, Col: 1, Col16: 1}, Message: fmt.Sprintf("%s %d", sev, i+1)})
		}
	}
	add(lint.Note, 12)
	add(lint.Warning, 15)
	add(lint.Error, 25)
	res.Notifications = []lint.Notification{{Level: lint.Warning, Message: "history rules skipped"}}
	out := string(render(t, NewGitHub, res, Options{}))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	kinds := map[string]int{}
	firstAnnotation := -1
	var order []string
	for i, l := range lines {
		if !strings.HasPrefix(l, "::") {
			continue
		}
		if firstAnnotation < 0 {
			firstAnnotation = i
		}
		k := l[2 : strings.IndexAny(l[2:], " :")+2]
		kinds[k]++
		if len(order) == 0 || order[len(order)-1] != k {
			order = append(order, k)
		}
	}
	if kinds["error"] != 10 || kinds["warning"] != 10 || kinds["notice"] != 10 {
		t.Errorf("annotations %v, want 10 of each\n%s", kinds, out)
	}
	if strings.Join(order, ",") != "error,warning,notice" {
		t.Errorf("annotations in the order %v, want errors, warnings, notices", order)
	}
	// 15 errors, 6 warnings (one gave way to the notification), 3 notes
	// (one to the summary) are plain lines.
	plain := lines[:firstAnnotation]
	if len(plain) != 15+6+3 {
		t.Errorf("%d plain lines, want 24:\n%s", len(plain), out)
	}
	for _, l := range plain {
		if !strings.HasPrefix(l, "a.md:") {
			t.Errorf("plain line %q", l)
		}
	}
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "::notice title=caselint::24 findings (15 errors, 6 warnings, 3 notes) not annotated") ||
		!strings.Contains(last, "this step's log") {
		t.Errorf("last line %q", last)
	}
	// Few findings: all annotated, no summary.
	small := &lint.Result{Findings: res.Findings[:3]}
	if out := string(render(t, NewGitHub, small, Options{})); strings.Count(out, "::notice") != 3 || strings.Contains(out, "not annotated") {
		t.Errorf("small run:\n%s", out)
	}
}

// TestWhole: a format that needs the whole result gets every finding and
// the tail, as Print was given them.
func TestWhole(t *testing.T) {
	var got *lint.Result
	newP := Whole(func(w io.Writer, res *lint.Result, opts Options) error {
		got = res
		_, err := io.WriteString(w, opts.ToolVersion)
		return err
	})
	want := testResult(t)
	out := render(t, newP, want, testOptions())
	if string(out) != "0.1.0" || got == nil || len(got.Findings) != len(want.Findings) ||
		len(got.Notifications) != len(want.Notifications) || got.Files != want.Files || got.Cases != want.Cases {
		t.Fatalf("Whole gave %+v, wrote %q", got, out)
	}
	for i := range want.Findings {
		if got.Findings[i].Message != want.Findings[i].Message {
			t.Errorf("finding %d: %q, want %q", i, got.Findings[i].Message, want.Findings[i].Message)
		}
	}
}
