package report

// FuzzSARIF prints results made of fuzzed rule ids, paths, messages,
// suppression reasons and notifications, and checks that the SARIF log is
// exactly one JSON document, that it says what it was given, and, when the
// SARIF schema is at hand (shared/sarif above the repository), that it is
// valid SARIF 2.1.0. The JSON report gets the same checks but the schema.
//
//	go test ./report -run '^$' -fuzz '^FuzzSARIF$' -fuzztime 10m

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// oneJSON decodes out as one JSON value and fails if anything but white
// space follows it.
func oneJSON(t *testing.T, what string, out []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s is not JSON: %v\n%s", what, err, out)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("%s: more than one JSON document (%v)\n%s", what, err, out)
	}
	if !utf8.Valid(out) {
		t.Fatalf("%s is not valid UTF-8", what)
	}
	return v
}

// loadSARIFSchema compiles the SARIF schema found above the working
// directory, or returns nil when there is none.
func loadSARIFSchema(tb testing.TB) *jsonschema.Schema {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "sarif", "sarif-schema-2.1.0.json")
		if f, err := os.Open(p); err == nil {
			doc, err := jsonschema.UnmarshalJSON(f)
			f.Close()
			if err != nil {
				tb.Fatal(err)
			}
			c := jsonschema.NewCompiler()
			c.DefaultDraft(jsonschema.Draft7)
			c.AssertFormat()
			if err := c.AddResource("file:///sarif-schema-2.1.0.json", doc); err != nil {
				tb.Fatal(err)
			}
			sch, err := c.Compile("file:///sarif-schema-2.1.0.json")
			if err != nil {
				tb.Fatal(err)
			}
			return sch
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// fuzzResult builds a result of two findings (one suppressed, pointing at a
// rule that may not be in the rule list) and two notifications from the
// fuzzed strings.
func fuzzResult(ruleID, path, msg, reason, note string, line, col int) *lint.Result {
	pos := schema.Position{Line: line, Col: col, Col16: col}
	return &lint.Result{
		Findings: []lint.Finding{
			{RuleID: ruleID, Severity: lint.Error, Path: path, Pos: pos, Message: msg, Fingerprint: msg + path},
			{RuleID: "missing-lead-worker", Severity: lint.Warning, Path: path, Pos: pos, Message: msg,
				Suppression: &lint.Suppression{Reason: reason, Pos: pos}},
			{RuleID: ruleID, Severity: lint.Severity(line), Path: note, Message: reason},
		},
		Notifications: []lint.Notification{
			{Level: lint.Error, Path: path, Message: "not read: " + note},
			{Level: lint.Note, Message: note},
		},
		Files: 2, Cases: 1,
	}
}

func FuzzSARIF(f *testing.F) {
	sch := loadSARIFSchema(f)
	for _, s := range [][5]string{
		{"missing-lead-worker", "cases/a/plan.md", "the plan names no lead worker", "Reviewed 2026-02-01", "symbolic link not followed"},
		{"", "", "", "", ""},
		{"x\"y", "Zoë Smith/plan 1.md", "<b>&amp;</b> \u2028\u2029 \x00", "\xff\xfe", "a\nb\r\nc"},
		{"rule with spaces/../%2e", "../../etc/passwd", "line\nbreak", "%SRCROOT%", "C:\\cases\\a.md"},
		{"-", "-leading/dash.md", "🙂 tab\there", "\\u0000", "new\nline.md"},
		{"ünïcødé", "/abs/path.md", strings.Repeat("x", 1000), "}", "{\"a\":1}"},
		{"a:b", "file:///x.md", "\ufeffbom", "\x1b[31mred", "?#[]@!$&'()*+,;="},
	} {
		f.Add(s[0], s[1], s[2], s[3], s[4], 3, 7)
	}
	f.Fuzz(func(t *testing.T, ruleID, path, msg, reason, note string, line, col int) {
		res := fuzzResult(ruleID, path, msg, reason, note, line, col)
		rules := append(testRules(), &lint.Rule{ID: ruleID, Title: msg, Text: reason, Bad: note, Good: msg, Severity: lint.Note,
			Family: lint.Family(note), Cites: []lint.Citation{{Source: reason, Paragraph: msg, Quote: note}}})
		opts := Options{Rules: rules, ToolVersion: "0.1.0", IncludeSuppressed: true,
			Invocation: Invocation{Arguments: []string{"caselint", "lint", path, note}, Successful: true},
			Provenance: &Provenance{RepositoryURI: "https://example.org/cases.git", RevisionID: reason, Branch: note}}

		var out bytes.Buffer
		if err := Print(NewSARIF, &out, res, opts, 1); err != nil {
			t.Fatal(err)
		}
		v := oneJSON(t, "SARIF", out.Bytes())
		run := v.(map[string]any)["runs"].([]any)[0].(map[string]any)
		results := run["results"].([]any)
		if len(results) != len(res.Findings) {
			t.Fatalf("%d results for %d findings", len(results), len(res.Findings))
		}
		got := results[0].(map[string]any)["message"].(map[string]any)["text"].(string)
		if utf8.ValidString(msg) && got != msg {
			t.Errorf("message %q came out as %q", msg, got)
		}
		inv := run["invocations"].([]any)[0].(map[string]any)
		if n := len(inv["toolExecutionNotifications"].([]any)); n != len(res.Notifications) {
			t.Errorf("%d notifications for %d", n, len(res.Notifications))
		}
		if sch != nil {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Fatalf("not valid SARIF: %s\n%s", schemaErrors(err), out.Bytes())
			}
		}

		out.Reset()
		if err := Print(NewJSON, &out, res, opts, 1); err != nil {
			t.Fatal(err)
		}
		oneJSON(t, "JSON", out.Bytes())
	})
}

// schemaErrors lists the leaf errors of a schema validation error, each at
// its place in the document.
func schemaErrors(err error) string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return err.Error()
	}
	var b strings.Builder
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			fmt.Fprintf(&b, "\n  /%s: %s", strings.Join(e.InstanceLocation, "/"), e.Error())
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return b.String()
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"cases/a/plan.md":         "cases/a/plan.md",
		"Zoë\tSmith 🙂":            "Zoë\tSmith 🙂",
		"new\nline.md":            `new\nline.md`,
		"a\r\nb":                  `a\r\nb`,
		"\x1b[2Jclear":            `\x1b[2Jclear`,
		"bad\xffbyte":             `bad\xffbyte`,
		"evil\u202egnp.md":        `evil\u202egnp.md`,
		"c1\u0085x\u009b31m":      `c1\u0085x\u009b31m`,
		"\x00nul\x7fdel":          `\x00nul\x7fdel`,
		"\ufffd real replacement": "\ufffd real replacement",
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzText: the text report is one line per finding and notification and a
// summary, whatever the paths and messages hold, with no control character
// but the newlines that end its lines.
func FuzzText(f *testing.F) {
	f.Add("cases/a/plan.md", "no lead worker", "new\nline.md")
	f.Add("\x1b[2J", "a\r\nb\u202e", "\xff")
	f.Fuzz(func(t *testing.T, path, msg, note string) {
		res := fuzzResult("rule", path, msg, "reason", note, 3, 7)
		var out bytes.Buffer
		if err := Print(NewText, &out, res, Options{}, 1); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		// Two findings (one suppressed, not shown), two notifications, the summary.
		if len(lines) != 5 {
			t.Fatalf("%d lines:\n%s", len(lines), out.String())
		}
		for _, l := range lines {
			if strings.IndexFunc(l, needsEscape) >= 0 || !utf8.ValidString(l) {
				t.Fatalf("line %q holds a control character", l)
			}
		}
	})
}
