package lint

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/caselint/caselint/schema"
)

const redactCaseMD = `+++
type = "case"
id = "T-9"
[child]
name = "Jamie"
born = 2015-04-02
first_language = "English"
[[people]]
name = "Sam Doe"
role = "mother"
family = true
[[people]]
name = "Aisha Patel"
role = "social worker"
qualified = true
[[people]]
name = "May Jones"
[[people]]
name = "Will"
role = "Jamie's father"
family = true
[[people]]
name = "Dr Kim Green"
role = "GP"
+++
`

const redactPlanMD = `+++
type = "plan"
started = 2026-01-12
lead_worker = "Aisha Patell"
manager = "Chris Moss"
+++

## Actions
| ID | Action | Owner | Due | Outcome |
|----|--------|-------|-----|---------|
| A1 | Breakfast | Dana Price and Sam | weekly | O1 |
`

func testRedactor(t *testing.T) (*redactor, *Case) {
	t.Helper()
	var docs []*schema.Document
	for name, text := range map[string]string{"c/case.md": redactCaseMD, "c/plan.md": redactPlanMD} {
		d, ok := schema.Parse(name, []byte(text))
		if !ok {
			t.Fatalf("%s is not a record", name)
		}
		docs = append(docs, d)
	}
	c := assemble("c", docs, nil)
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	return newRedactor(c, docs, prof, buildVocabulary(nil, prof)), c
}

func TestRedactText(t *testing.T) {
	r, _ := testRedactor(t)
	for _, tc := range []struct{ in, want string }{
		{"Jamie was not seen", "[the child] was not seen"},
		{"saw Jamie's bedroom", "saw [the child]'s bedroom"},
		{"saw Jamie’s bedroom", "saw [the child]’s bedroom"},
		{"JAMIE and Jamie", "[the child] and [the child]"},
		{"jamie", "jamie"}, // a one-word name is matched only with its capital
		{"Jamies and Benjamie", "Jamies and Benjamie"},
		{"Sam Doe's copy", "[mother]'s copy"},
		{"sam  doe and SAM DOE", "[mother] and [mother]"},
		{"Sam alone, Doe alone", "[mother] alone, [mother] alone"},
		{"the same doe-eyed look", "the same doe-eyed look"},
		{"the lead worker, Aisha Patel (social worker): add Aisha Patel", "the lead worker, [social worker]: add [social worker]"},
		{"did you mean Aisha Patel?", "did you mean [social worker]?"},
		{`the lead worker "Aisha Patell" is unknown`, `the lead worker "[person]" is unknown`},
		{"countersigned by Chris Moss", "countersigned by [person]"},
		{"ascribed to Dana Price", "ascribed to [person]"},
		{"seen on 5 May 2026 by May Jones", "seen on 5 May 2026 by [person]"},
		{"Jones said", "[person] said"},
		{"what will happen; Will was there", "what will happen; [the child's father] was there"},
		{"Dr Kim Green (GP) and Dr Green", "[GP] and Dr [GP]"},
		{"cases/T-9/plan.md", "cases/T-9/plan.md"},
		{"", ""},
	} {
		if got := r.text(tc.in); got != tc.want {
			t.Errorf("text(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestRedactUnicode(t *testing.T) {
	r := &redactor{}
	r.addFull("Zoë", "[the child]")
	r.addFull("Siân O'Brien", "[mother]")
	r.addParts("Siân O'Brien", "[mother]")
	r.sort()
	for _, tc := range []struct{ in, want string }{
		{"Zoë's room", "[the child]'s room"},
		{"ZOË", "[the child]"},
		{"Zoëy", "Zoëy"},
		{"Siân O’Brien and O'Brien", "[mother] and [mother]"},
	} {
		if got := r.text(tc.in); got != tc.want {
			t.Errorf("text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRedactAuthor(t *testing.T) {
	r, c := testRedactor(t)
	for in, want := range map[string]string{
		"Aisha Patel":    "[social worker]",
		"aisha patel":    "[social worker]",
		"Team Secretary": "[author]",
		"Jamie":          "[the child]",
		"":               "",
	} {
		if got := r.author(c, in); got != want {
			t.Errorf("author(%q) = %q, want %q", in, got, want)
		}
	}
}

// namesRule reports, on the plan's lead_worker line, a message naming
// everyone, and a history finding blaming a commit by one of them.
var namesRule = &Rule{ID: "names", Title: "test", Severity: Warning, Run: func(p *Pass) error {
	d := p.Case.Plan.Doc
	p.Reportf(d, d.At("lead_worker"), "%s's plan: %s and Sam Doe (mother) must meet", p.Case.ChildName(), "Aisha Patel")
	v := Version{Commit: "0123456789abcdef", Author: "Aisha Patel", When: time.Date(2026, 2, 1, 10, 0, 0, 0, time.UTC)}
	p.Report(Diagnostic{Doc: d, Offset: d.At("started"), Message: "committed late by Aisha Patel", Attributed: &v})
	return errors.New("Jamie's case broke the rule")
}}

func TestRedactRun(t *testing.T) {
	fsys := fstest.MapFS{
		"c/case.md": {Data: []byte(redactCaseMD)},
		"c/plan.md": {Data: []byte(strings.Replace(redactPlanMD, `started = 2026-01-12`,
			"started = 2026-01-12 # caselint:ignore names Jamie was in hospital with Sam Doe", 1))},
	}
	prof, err := ShippedProfile(ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{FS: fsys, Rules: append([]*Rule{namesRule}, hygiene...), Profile: prof, AsOf: schema.NewDate(2026, 11, 20)}
	plain, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Redact = true
	red, err := Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(plain.Findings) != len(red.Findings) || len(plain.Findings) < 2 {
		t.Fatalf("findings: %d plain, %d redacted", len(plain.Findings), len(red.Findings))
	}
	for i := range red.Findings {
		p, f := plain.Findings[i], red.Findings[i]
		if p.Fingerprint != f.Fingerprint || p.Path != f.Path || p.Pos != f.Pos || p.RuleID != f.RuleID {
			t.Errorf("redaction changed more than the text:\n%+v\n%+v", p, f)
		}
		for _, name := range []string{"Jamie", "Sam", "Doe", "Aisha", "Patel", "Patell", "Chris Moss"} {
			if strings.Contains(strings.ToLower(f.Message), strings.ToLower(name)) {
				t.Errorf("redacted message names %s: %s", name, f.Message)
			}
		}
	}
	var msgs []string
	for _, f := range red.Findings {
		msgs = append(msgs, f.Message)
		if f.RuleID != "names" {
			continue
		}
		if f.Suppression != nil && f.Suppression.Reason != WithheldReason {
			t.Errorf("suppression reason kept: %q", f.Suppression.Reason)
		}
		if f.Attributed != nil && f.Attributed.Author != "[social worker]" {
			t.Errorf("attributed author %q", f.Attributed.Author)
		}
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"[the child]'s plan: [social worker] and [mother] must meet", "committed late by [social worker]", "[person] is not among the people"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
	var plainMsgs []string
	for _, f := range plain.Findings {
		plainMsgs = append(plainMsgs, f.Message)
	}
	if !strings.Contains(strings.Join(plainMsgs, "\n"), "Jamie's plan: Aisha Patel and Sam Doe (mother) must meet") {
		t.Errorf("without Redact the message changed:\n%s", strings.Join(plainMsgs, "\n"))
	}
	for _, n := range red.Notifications {
		if strings.Contains(n.Message, "Jamie") {
			t.Errorf("notification names the child: %s", n.Message)
		}
	}
	if len(red.Notifications) == 0 {
		t.Error("no notification from the failing rule")
	}
}
