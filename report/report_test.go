package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fatih/color"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// testRules is a small fixed rule list, in "registry order".
func testRules() []*lint.Rule {
	return []*lint.Rule{
		{
			ID:       "missing-lead-worker",
			Title:    "The plan names a lead worker who is one of the case's people",
			Severity: lint.Error,
			Family:   "plan content",
			Cites: []lint.Citation{
				{Source: "Stoke-on-Trent C06", Paragraph: "§03"},
				{Source: "Oxfordshire 1.8", Paragraph: "§3", Quote: "a lead social worker must be appointed"},
			},
			Text: "The plan's `lead_worker` must name one of the people listed in the\ncase's `people.toml`.\n\nThe lead worker co-ordinates the plan; without one, nobody is accountable for it.\n",
			Bad:  "+++\ntype = \"plan\"\nlead_worker = \"\"\n+++\n",
			Good: "+++\ntype = \"plan\"\nlead_worker = \"sw-okafor\"\n+++\n",
		},
		{
			ID:       "unnamed-action-owner",
			Title:    "Every action has one named owner",
			Severity: lint.Error,
			Family:   "plan content",
			Cites: []lint.Citation{
				{Source: "Stoke-on-Trent C06", Paragraph: "§01", Quote: "who will have responsibility for what actions - including actions by family members"},
				{Source: "Oxfordshire 1.8", Paragraph: "§1", Quote: "ascribed to specific members"},
			},
			Text: "An action's owner must be one person named in the case's people: not TBC, not \"professionals\", not \"family\".",
			Bad:  "| A3 | Find a tenancy worker | TBC | 2026-02-01 | O2 |",
			Good: "| A3 | Find a tenancy worker | sw-okafor | 2026-02-01 | O2 |",
		},
		{
			ID:       "non-specific-label",
			Title:    "Visit records describe the child without non-specific labels",
			Severity: lint.Warning,
			Family:   "seeing the child",
			Cites: []lint.Citation{
				{Source: "Oxfordshire 1.8", Paragraph: "§3", Quote: "avoid non-specific labels such as 'disturbed'"},
				{Source: "Working Together 2023"},
			},
			Text: "Say what was seen and heard, not a label such as `disturbed`.",
			Bad:  "Zoë was disturbed.",
			Good: "Zoë cried and hid under the table when her father's name was mentioned.",
		},
	}
}

const (
	planPath  = "cases/ab12/plan.md"
	visitPath = "cases/ab12/visits/2026-01-10.md"
)

// The records the findings point into; positions are computed from them, so
// the columns are what the engine would report.
var (
	planText = "+++\ntype = \"plan\"\nstarted = 2025-11-03\nlead_worker = \"J. Bloggs\"\n+++\n\n## Actions\n\n" +
		"| id | action | owner | due | outcome |\n|---|---|---|---|---|\n" +
		"| A3 | Find a tenancy worker | TBC | 2026-02-01 | O2 | <!-- caselint:ignore unnamed-action-owner Owner agreed at next core group -->\n" +
		"| A4 | Weekly school attendance check | professionals | weekly | O1 |\n"
	visitText = "+++\ntype = \"visit\"\ndate = 2026-01-10\n+++\n\n## Presentation and behaviour\n\n" +
		"Zoë 🙂 drew a picture, then became disturbed when the TV was switched off.\n"
)

// pos is the position of the first at in text.
func pos(t *testing.T, path, text, at string) schema.Position {
	t.Helper()
	off := strings.Index(text, at)
	if off < 0 {
		t.Fatalf("%q not in %s", at, path)
	}
	return schema.NewSource(path, []byte(text)).Position(off)
}

// The commits that last changed the lines of two of testResult's findings.
var (
	originPlan = lint.Version{
		Commit: "1111111111111111111111111111111111111111", Author: "Aisha Patel",
		When: time.Date(2025, 11, 4, 16, 5, 0, 0, time.UTC), Blob: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	}
	originVisit = lint.Version{
		Commit: "2222222222222222222222222222222222222222", Author: "Sam Jones",
		When: time.Date(2026, 1, 26, 9, 30, 0, 0, time.FixedZone("", 3600)), Blob: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
	}
)

// testResult is a small fixed result: four findings in two files (one
// suppressed, one whose line has a character outside the BMP before it)
// and two notifications.
func testResult(t *testing.T) *lint.Result {
	t.Helper()
	label := pos(t, visitPath, visitText, "disturbed")
	if label.Col == label.Col16 {
		t.Fatalf("fixture: Col %d should differ from Col16 %d", label.Col, label.Col16)
	}
	return &lint.Result{
		Findings: []lint.Finding{
			{
				RuleID:      "missing-lead-worker",
				Severity:    lint.Error,
				Path:        planPath,
				Pos:         pos(t, planPath, planText, "lead_worker"),
				End:         pos(t, planPath, planText, ` = "J. Bloggs"`),
				Message:     `lead worker "J. Bloggs" is not among the case's people`,
				Fingerprint: "5c1e0a4b9d2f7e31",
				Origin:      &originPlan,
			},
			{
				RuleID:      "unnamed-action-owner",
				Severity:    lint.Error,
				Path:        planPath,
				Pos:         pos(t, planPath, planText, "TBC"),
				Message:     `action A3's owner is "TBC", a placeholder: name the person responsible`,
				Fingerprint: "0d9b2c7a41e8f356",
				Suppression: &lint.Suppression{
					Reason: "Owner agreed at next core group",
					Pos:    pos(t, planPath, planText, "<!-- caselint:ignore"),
				},
			},
			{
				RuleID:      "unnamed-action-owner",
				Severity:    lint.Error,
				Path:        planPath,
				Pos:         pos(t, planPath, planText, "professionals"),
				Message:     `action A4's owner is "professionals", a collective: name one person`,
				Fingerprint: "e2a4f60c8b1d9357",
			},
			{
				RuleID:      "non-specific-label",
				Severity:    lint.Note, // lowered by the config
				Path:        visitPath,
				Pos:         label,
				End:         pos(t, visitPath, visitText, " when the TV"),
				Message:     `"disturbed" is a non-specific label: say what was seen and heard`,
				Fingerprint: "7b3e91d0c5a2f648",
				Origin:      &originVisit,
			},
		},
		Notifications: []lint.Notification{
			{Level: lint.Warning, Path: "cases/cd34/plan.md", Message: "cannot read the record: the frontmatter is not closed by +++"},
			{Level: lint.Note, Message: "not a git repository: late-recording and rewritten-record skipped"},
		},
		Files: 9,
		Cases: 2,
		Root:  "/home/someone/cases-repo",
	}
}

func testOptions() Options {
	return Options{
		Rules:       testRules(),
		ToolVersion: "0.1.0",
		Invocation: Invocation{
			Arguments:  []string{"caselint", "check", "--format", "sarif", "cases"},
			Successful: true,
		},
		Provenance: &Provenance{
			RepositoryURI: "https://github.com/example-la/cases",
			RevisionID:    "0123456789abcdef0123456789abcdef01234567",
			Branch:        "main",
		},
	}
}

func render(t *testing.T, p NewPrinter, res *lint.Result, opts Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Print(p, &buf, res, opts, 1); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct{ format, ext string }{
		{"text", "txt"}, {"json", "json"}, {"sarif", "sarif"}, {"github", "github"},
		{"rdjson", "rdjson"}, {"codeclimate", "codeclimate.json"}, {"junit", "junit.xml"}, {"checkstyle", "checkstyle.xml"},
	} {
		t.Run(tc.format, func(t *testing.T) {
			p, err := ByName(tc.format)
			if err != nil {
				t.Fatal(err)
			}
			got := render(t, p, testResult(t), testOptions())
			golden := filepath.Join("testdata", "golden."+tc.ext)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./report -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (run go test ./report -update and review the diff)\ngot:\n%s", tc.format, golden, got)
			}
		})
	}
}

func emptyResult() *lint.Result { return &lint.Result{Files: 1, Cases: 1} }

func TestByName(t *testing.T) {
	for _, name := range Formats {
		if p, err := ByName(name); err != nil || p == nil {
			t.Errorf("ByName(%q) = %v, %v", name, p, err)
		}
	}
	_, err := ByName("xml")
	if err == nil {
		t.Fatal("ByName(xml): no error")
	}
	if want := `unknown output format "xml": use text, json, sarif, github, rdjson, codeclimate, junit or checkstyle`; err.Error() != want {
		t.Errorf("ByName(xml) error = %q, want %q", err, want)
	}
}

func TestTextSummary(t *testing.T) {
	for _, tc := range []struct {
		res  *lint.Result
		want string
	}{
		{emptyResult(), "no problems in 1 case (1 record)\n"},
		{&lint.Result{Cases: 2, Files: 14, Findings: []lint.Finding{
			{RuleID: "r", Severity: lint.Error, Path: "a.md", Pos: schema.Position{Line: 1, Col: 1, Col16: 1}, Message: "m"},
			{RuleID: "r", Severity: lint.Note, Path: "a.md", Pos: schema.Position{Line: 2, Col: 3, Col16: 3}, Message: "m"},
		}}, "a.md:1:1: error: m [r]\na.md:2:3: note: m [r]\n1 error, 0 warnings, 1 note in 2 cases (14 records)\n"},
		{&lint.Result{Cases: 2, Files: 14, Findings: []lint.Finding{
			{RuleID: "r", Severity: lint.Warning, Path: "a.md", Message: "m", Suppression: &lint.Suppression{Reason: "ok"}},
		}}, "no problems in 2 cases (14 records), 1 suppressed\n"},
	} {
		if got := string(render(t, NewText, tc.res, Options{})); got != tc.want {
			t.Errorf("Text =\n%s\nwant\n%s", got, tc.want)
		}
	}
}

func TestTextColor(t *testing.T) {
	// Neither the environment nor the package global may decide: only
	// Options.Color.
	t.Setenv("NO_COLOR", "1")
	saved := color.NoColor
	defer func() { color.NoColor = saved }()

	for _, global := range []bool{true, false} {
		color.NoColor = global
		on := string(render(t, NewText, testResult(t), Options{Color: true}))
		if !strings.Contains(on, "\x1b[") {
			t.Errorf("Color: true, color.NoColor=%v: no escape codes in\n%s", global, on)
		}
		for _, want := range []string{
			"\x1b[1m" + planPath + ":4:1\x1b[22m",
			"\x1b[31;1merror\x1b[",
			"\x1b[36;1mnote\x1b[",
			"\x1b[2m[missing-lead-worker]\x1b[22m",
		} {
			if !strings.Contains(on, want) {
				t.Errorf("Color: true: %q not in\n%q", want, on)
			}
		}
		off := string(render(t, NewText, testResult(t), Options{Color: false}))
		if strings.Contains(off, "\x1b") {
			t.Errorf("Color: false, color.NoColor=%v: escape codes in\n%q", global, off)
		}
		if color.NoColor != global {
			t.Errorf("Text changed color.NoColor")
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got, want := ghData("100%\r\nnext: a,b"), "100%25%0D%0Anext: a,b"; got != want {
		t.Errorf("ghData = %q, want %q", got, want)
	}
	if got, want := ghProperty("a:b,c%d\r\n"), "a%3Ab%2Cc%25d%0D%0A"; got != want {
		t.Errorf("ghProperty = %q, want %q", got, want)
	}
	res := &lint.Result{Findings: []lint.Finding{{
		RuleID:   "odd-rule",
		Severity: lint.Warning,
		Path:     "cases/a,b: c/plan 100%.md",
		Pos:      schema.Position{Line: 7, Col: 3, Col16: 3},
		Message:  "first line\nsecond line, 50% done: yes",
	}}}
	got := string(render(t, NewGitHub, res, Options{}))
	want := "::warning file=cases/a%2Cb%3A c/plan 100%25.md,line=7,col=3,title=odd-rule::first line\\nsecond line, 50%25 done: yes\n"
	if got != want {
		t.Errorf("GitHub =\n%q\nwant\n%q", got, want)
	}
	if got := string(render(t, NewGitHub, emptyResult(), Options{})); got != "" {
		t.Errorf("GitHub on an empty result = %q, want nothing", got)
	}
}

// TestGitHubEscapesControls: ESC, BEL, CR, LF, a byte that is not UTF-8 and
// U+202E from a file name or a message reach the Actions log escaped, as
// the text format shows them, in findings and notifications alike (issue
// 14, item 18).
func TestGitHubEscapesControls(t *testing.T) {
	path := "cases/a\x1b[2Jb\a\u202e\xff/plan\r\n.md"
	msg := "said \x1b]0;owned\a\u202egnirts\n::error::forged"
	res := &lint.Result{
		Findings: []lint.Finding{{
			RuleID: "odd-rule", Severity: lint.Error, Path: path,
			Pos: schema.Position{Line: 2, Col: 1, Col16: 1}, Message: msg,
		}},
		Notifications: []lint.Notification{
			{Level: lint.Warning, Path: path, Message: msg},
			{Level: lint.Note, Message: msg},
		},
	}
	got := string(render(t, NewGitHub, res, Options{}))
	for _, bad := range []string{"\x1b", "\a", "\u202e", "\xff", "\r"} {
		if strings.Contains(got, bad) {
			t.Errorf("GitHub writes %q raw:\n%q", bad, got)
		}
	}
	if n := strings.Count(got, "\n"); n != 3 {
		t.Errorf("GitHub wrote %d lines, want 3:\n%q", n, got)
	}
	for _, want := range []string{
		`file=cases/a\x1b[2Jb\x07\u202e\xff/plan\r\n.md`,
		`said \x1b]0;owned\x07\u202egnirts\n::error::forged`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("GitHub output lacks %q:\n%s", want, got)
		}
	}
}

func TestParses(t *testing.T) {
	for _, res := range []*lint.Result{testResult(t), emptyResult()} {
		for _, p := range []NewPrinter{NewJSON, NewSARIF} {
			out := render(t, p, res, testOptions())
			var v map[string]any
			dec := json.NewDecoder(bytes.NewReader(out))
			if err := dec.Decode(&v); err != nil {
				t.Fatalf("%v in\n%s", err, out)
			}
			if dec.More() || !bytes.HasSuffix(out, []byte("}\n")) {
				t.Errorf("not one JSON document ending in a newline:\n%s", out)
			}
		}
	}
	// Empty lists are [], never null.
	var rep struct {
		Findings      []any `json:"findings"`
		Notifications []any `json:"notifications"`
	}
	out := render(t, NewJSON, emptyResult(), Options{})
	if !bytes.Contains(out, []byte(`"findings": []`)) || !bytes.Contains(out, []byte(`"notifications": []`)) {
		t.Errorf("empty JSON report:\n%s", out)
	}
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatal(err)
	}
	out = render(t, NewSARIF, emptyResult(), Options{})
	if !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf("empty SARIF log:\n%s", out)
	}
}

func TestSARIFDetails(t *testing.T) {
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex *int   `json:"ruleIndex"`
				Locations []struct {
					PhysicalLocation struct {
						Region struct {
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	res := testResult(t)
	res.Findings = append(res.Findings, lint.Finding{RuleID: "not-registered", Severity: lint.Warning, Path: "x.md", Message: "m"})
	opts := testOptions()
	opts.IncludeSuppressed = true
	if err := json.Unmarshal(render(t, NewSARIF, res, opts), &log); err != nil {
		t.Fatal(err)
	}
	results := log.Runs[0].Results
	for i, want := range []int{0, 1, 1, 2} {
		if r := results[i]; r.RuleIndex == nil || *r.RuleIndex != want {
			t.Errorf("result %d (%s): ruleIndex %v, want %d", i, r.RuleID, r.RuleIndex, want)
		}
	}
	if r := results[4]; r.RuleIndex != nil {
		t.Errorf("unregistered rule has ruleIndex %d", *r.RuleIndex)
	}
	if got, want := results[3].Locations[0].PhysicalLocation.Region.StartColumn, res.Findings[3].Pos.Col16; got != want {
		t.Errorf("startColumn = %d, want Col16 %d", got, want)
	}
}

func TestHelpers(t *testing.T) {
	if got, want := relativeURI("cases/Zoë Smith/a:b#1.md"), "cases/Zo%C3%AB%20Smith/a%3Ab%231.md"; got != want {
		t.Errorf("relativeURI = %q, want %q", got, want)
	}
	if got, want := camelCase("plan-past-eighteen"), "PlanPastEighteen"; got != want {
		t.Errorf("camelCase = %q, want %q", got, want)
	}
}

// sarifSchemaPath finds shared/sarif/sarif-schema-2.1.0.json beside one of
// the directories above the working directory (the repository's parent).
func sarifSchemaPath(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "sarif", "sarif-schema-2.1.0.json")
		if _, err := os.Stat(p); err == nil {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/sarif/sarif-schema-2.1.0.json not found above the working directory")
		}
		dir = parent
	}
}

// sarifSchemas compiles the SARIF schema twice: as it declares itself
// (draft-04, "$schema" and "id") and with draft-07 semantics (its
// "$schema" removed, draft-07 the default). The schema uses no keyword
// whose meaning differs between the two, so both must accept our output.
func sarifSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	path := sarifSchemaPath(t)
	schemas := map[string]*jsonschema.Schema{}
	for _, draft := range []string{"declared", "draft-07"} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if draft == "draft-07" {
			delete(doc.(map[string]any), "$schema")
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft7)
		c.AssertFormat()
		url := "file:///sarif-schema-2.1.0.json"
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		sch, err := c.Compile(url)
		if err != nil {
			t.Fatalf("%s: %v", draft, err)
		}
		schemas[draft] = sch
	}
	return schemas
}

func TestSARIFSchema(t *testing.T) {
	schemas := sarifSchemas(t)
	noProvenance := testOptions()
	noProvenance.Provenance = nil
	redacted := testOptions()
	redacted.Redact = true
	cases := []struct {
		name string
		res  *lint.Result
		opts Options
	}{
		{"fixture", testResult(t), testOptions()},
		{"empty", emptyResult(), testOptions()},
		{"empty, no rules, no options", emptyResult(), Options{}},
		{"fixture, no provenance", testResult(t), noProvenance},
		{"fixture, redacted", testResult(t), redacted},
		{"provenance without repository", emptyResult(), Options{Provenance: &Provenance{RevisionID: "abc"}}},
	}
	// The validator must be live: a level SARIF does not know fails.
	bad := bytes.Replace(render(t, NewSARIF, testResult(t), testOptions()), []byte(`"level": "note"`), []byte(`"level": "fatal"`), 1)
	for draft, sch := range schemas {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("%s schema accepts a result with level \"fatal\"", draft)
		}
	}
	for _, tc := range cases {
		out := render(t, NewSARIF, tc.res, tc.opts)
		for draft, sch := range schemas {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			if err := sch.Validate(inst); err != nil {
				var ve *jsonschema.ValidationError
				if errors.As(err, &ve) {
					t.Errorf("%s (%s schema): %v\n%s", tc.name, draft, ve, out)
				} else {
					t.Errorf("%s (%s schema): %v", tc.name, draft, err)
				}
			}
		}
	}
}

// TestSARIFProperties: a result carries the commit that last changed its
// line and, for a history rule, the commit it is attributed to; a result
// with neither has no properties.
func TestSARIFProperties(t *testing.T) {
	first := lint.Version{
		Commit: "3333333333333333333333333333333333333333", Author: "Aisha Patel",
		When: time.Date(2026, 1, 26, 9, 30, 0, 0, time.UTC),
	}
	res := &lint.Result{Findings: []lint.Finding{
		{
			RuleID: "late-recording", Severity: lint.Warning, Path: visitPath,
			Pos:         pos(t, visitPath, visitText, "date"),
			Message:     "this visit on 10 January 2026 was first committed on 26 January 2026 by Aisha Patel (commit 3333333)",
			Fingerprint: "f00d", Origin: &originVisit, Attributed: &first,
		},
		{RuleID: "r", Severity: lint.Error, Path: planPath, Pos: pos(t, planPath, planText, "started"), Message: "m", Fingerprint: "beef"},
	}}
	out := render(t, NewSARIF, res, testOptions())
	var log struct {
		Runs []struct {
			Results []struct {
				Properties map[string]string `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	got := log.Runs[0].Results
	want := map[string]string{
		"commit": originVisit.Commit, "author": "Sam Jones", "date": "2026-01-26T09:30:00+01:00",
		"attributedCommit": first.Commit, "attributedAuthor": "Aisha Patel", "attributedDate": "2026-01-26T09:30:00Z",
	}
	if len(got[0].Properties) != len(want) {
		t.Errorf("properties %v, want %v", got[0].Properties, want)
	}
	for k, v := range want {
		if got[0].Properties[k] != v {
			t.Errorf("properties[%q] = %q, want %q", k, got[0].Properties[k], v)
		}
	}
	if got[1].Properties != nil {
		t.Errorf("a finding with no commit has properties %v", got[1].Properties)
	}
	if bytes.Contains(out, []byte(`"properties": {}`)) {
		t.Errorf("empty property bag in\n%s", out)
	}
	for draft, sch := range sarifSchemas(t) {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s schema: %v\n%s", draft, err, out)
		}
	}
}

// TestSARIFPendingProperties: a result attributed to the commit being
// made (--staged) has no commit nor author to carry: its properties say it
// is pending, with the date, and the log stays valid.
func TestSARIFPendingProperties(t *testing.T) {
	pending := lint.Version{When: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), Blob: "4444444444444444444444444444444444444444", Parents: "-", Pending: true}
	res := &lint.Result{Findings: []lint.Finding{{
		RuleID: "recorded-before-event", Severity: lint.Error, Path: visitPath,
		Pos:         pos(t, visitPath, visitText, "date"),
		Message:     "this visit on 21 November 2026 is being committed now, on 20 November 2026, 1 day before it",
		Fingerprint: "f00d", Attributed: &pending,
	}}}
	out := render(t, NewSARIF, res, testOptions())
	var log struct {
		Runs []struct {
			Results []struct {
				Properties map[string]any `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	got := log.Runs[0].Results[0].Properties
	want := map[string]any{"attributedDate": "2026-11-20T12:00:00Z", "attributedPending": true}
	if len(got) != len(want) || got["attributedDate"] != want["attributedDate"] || got["attributedPending"] != true {
		t.Errorf("properties %v, want %v", got, want)
	}
	for draft, sch := range sarifSchemas(t) {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s schema: %v\n%s", draft, err, out)
		}
	}
}

// TestSARIFCitesTheProfilesProcedure: under a profile, a rule's help and
// tags in SARIF cite what its messages cite (lint.CitationsUnder): an
// Oxfordshire reader is not sent to Stoke-on-Trent's procedure.
func TestSARIFCitesTheProfilesProcedure(t *testing.T) {
	r := &lint.Rule{ID: "unseen-child", Title: "T", Severity: lint.Error, Text: "T", Bad: "b", Good: "g",
		Cites: []lint.Citation{
			{Source: lint.ProcedureStoke, Paragraph: "§03", Quote: "within 28 working days"},
			{Source: lint.ProcedureOxfordshire, Paragraph: "§3", Quote: "at least every 2 weeks"},
		}}
	for _, tc := range []struct {
		profile   string
		want, not []string
	}{
		{"", []string{"Stoke-on-Trent C06 §03", "Oxfordshire 1.8 §3"}, nil},
		{lint.ProfileOxfordshire, []string{"Oxfordshire 1.8 §3"}, []string{"Stoke-on-Trent"}},
		{lint.ProfileStoke, []string{"Stoke-on-Trent C06 §03"}, []string{"Oxfordshire"}},
		{lint.ProfileCombined, []string{"Stoke-on-Trent C06 §03", "Oxfordshire 1.8 §3"}, nil},
	} {
		opts := Options{Rules: []*lint.Rule{r}}
		if tc.profile != "" {
			p, err := lint.ShippedProfile(tc.profile)
			if err != nil {
				t.Fatal(err)
			}
			opts.Profile = p
		}
		var b strings.Builder
		if err := Print(NewSARIF, &b, &lint.Result{}, opts, 1); err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("profile %q: SARIF does not cite %q", tc.profile, w)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(b.String(), n) {
				t.Errorf("profile %q: SARIF cites %q", tc.profile, n)
			}
		}
	}
}

// TestIncompleteReport: a run that could not read a record says so in the
// text summary ("no problems" is not the last word), in the JSON summary,
// and in SARIF's invocation (not successful, with the exit status 2).
func TestIncompleteReport(t *testing.T) {
	res := emptyResult()
	res.Notifications = []lint.Notification{{Kind: lint.NoticeUnreadable, Level: lint.Error, Path: "SOT-1/visits/2026-02-16.md", Message: "not read: permission denied"}}
	print := func(newP NewPrinter, opts Options) string {
		var buf bytes.Buffer
		if err := Print(newP, &buf, res, opts, 2); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	want := "SOT-1/visits/2026-02-16.md: notice: not read: permission denied\nno problems in 1 case (1 record); 1 record could not be read: the result is incomplete\n"
	if got := print(NewText, Options{}); got != want {
		t.Errorf("text:\n%s\nwant\n%s", got, want)
	}
	if got := print(NewJSON, Options{}); !strings.Contains(got, `"incomplete": "1 record could not be read: the result is incomplete"`) {
		t.Errorf("JSON summary does not say the run is incomplete:\n%s", got)
	}
	if got := print(NewGitHub, Options{}); !strings.Contains(got, "::error title=caselint::caselint: 1 record could not be read: the result is incomplete\n") {
		t.Errorf("github: no error annotation saying the run is incomplete:\n%s", got)
	}
	sarif := print(NewSARIF, Options{Invocation: Invocation{Arguments: []string{"caselint", "lint"}, Successful: true}})
	for _, want := range []string{`"exitCode": 2,`, `"executionSuccessful": false`, `"level": "error"`, "not read: permission denied"} {
		if !strings.Contains(sarif, want) {
			t.Errorf("SARIF without %s:\n%s", want, sarif)
		}
	}
	// Complete: as before.
	res.Notifications = []lint.Notification{{Kind: lint.NoticeSymlink, Level: lint.Note, Path: "SOT-1/visits/link.md", Message: "symbolic link not followed"}}
	if got := print(NewText, Options{}); !strings.HasSuffix(got, "\nno problems in 1 case (1 record)\n") {
		t.Errorf("text, complete:\n%s", got)
	}
	if sarif := print(NewSARIF, Options{Invocation: Invocation{Successful: true}}); !strings.Contains(sarif, `"executionSuccessful": true`) {
		t.Errorf("SARIF, complete: not successful:\n%s", sarif)
	}
}
