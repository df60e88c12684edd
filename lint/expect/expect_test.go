package expect

import (
	"reflect"
	"strings"
	"testing"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []Expectation
		err  string
	}{
		{in: "a", want: []Expectation{{Rule: "a"}}},
		{in: "a b", want: []Expectation{{Rule: "a"}, {Rule: "b"}}},
		{in: `unseen-child "due by 1 June 2026"`, want: []Expectation{{Rule: "unseen-child", Message: "due by 1 June 2026"}}},
		{in: "a `x\\d+` b", want: []Expectation{{Rule: "a", Message: `x\d+`}, {Rule: "b"}}},
		{in: `a "x\\d" "y"`, want: []Expectation{{Rule: "a", Message: `x\d`}, {Rule: "a", Message: "y"}}},
		{in: `a"x"`, want: []Expectation{{Rule: "a", Message: "x"}}},
		{in: `a "say \"hi\""`, want: []Expectation{{Rule: "a", Message: `say "hi"`}}},
		{in: `"x" a`, err: `the pattern "x" follows no rule id`},
		{in: `a "x`, err: `the pattern "x does not close`},
		{in: "a `x", err: "the pattern `x does not close"},
		{in: `a "\q"`, err: `the pattern "\q"`},
		{in: `a "("`, err: `the pattern "(": error parsing regexp`},
	} {
		got, err := Parse(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Parse(%s): error %v, want one containing %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Parse(%s) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
}

func TestInRecordError(t *testing.T) {
	data := "+++\ntype = \"visit\"\ndate = 2026-01-19 # want: unseen-child \"(\"\n+++\n"
	_, err := InRecord("SOT/visits/v.md", []byte(data))
	if err == nil || !strings.HasPrefix(err.Error(), "SOT/visits/v.md:3: want: the pattern") {
		t.Errorf("error %v, want one at SOT/visits/v.md:3", err)
	}
	data = "+++\ntype = \"visit\"\n+++\n<!-- want: a \"due\" b -->\nline\n"
	got, err := InRecord("v.md", []byte(data))
	want := []Expectation{{Path: "v.md", Line: 5, Rule: "a", Message: "due"}, {Path: "v.md", Line: 5, Rule: "b"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("InRecord = %+v, %v; want %+v", got, err, want)
	}
}

func TestCompare(t *testing.T) {
	finding := func(line int, rule, msg string) lint.Finding {
		return lint.Finding{RuleID: rule, Path: "p.md", Pos: schema.Position{Line: line, Col: 1}, Message: msg}
	}
	want := func(line int, rule, msg string) Expectation {
		return Expectation{Path: "p.md", Line: line, Rule: rule, Message: msg}
	}
	under := map[string]bool{"a": true, "b": true}
	for _, tc := range []struct {
		name     string
		findings []lint.Finding
		wants    []Expectation
		problems []string
	}{
		{"no pattern", []lint.Finding{finding(1, "a", "anything")}, []Expectation{want(1, "a", "")}, nil},
		{"pattern matches", []lint.Finding{finding(1, "a", "due by 1 June 2026")}, []Expectation{want(1, "a", `due by \d June`)}, nil},
		{"pattern fails", []lint.Finding{finding(1, "a", "due by 2 July")}, []Expectation{want(1, "a", "June")}, []string{
			`p.md:1: missing finding: a matching "June"`,
			"p.md:1:1: unexpected finding: a: due by 2 July",
		}},
		{"patterned want met first", []lint.Finding{finding(1, "a", "x"), finding(1, "a", "June")}, []Expectation{want(1, "a", ""), want(1, "a", "June")}, nil},
		{"two patterns, one each", []lint.Finding{finding(1, "a", "one"), finding(1, "a", "two")}, []Expectation{want(1, "a", "two"), want(1, "a", "one")}, nil},
		{"wrong rule", []lint.Finding{finding(1, "b", "June")}, []Expectation{want(1, "a", "June")}, []string{
			`p.md:1: missing finding: a matching "June"`,
			"p.md:1:1: unexpected finding: b: June",
		}},
		{"not under test", []lint.Finding{finding(1, "c", "x")}, []Expectation{want(2, "c", "y")}, nil},
		{"bad pattern matches nothing", []lint.Finding{finding(1, "a", "(")}, []Expectation{want(1, "a", "(")}, []string{
			`p.md:1: missing finding: a matching "("`,
			"p.md:1:1: unexpected finding: a: (",
		}},
	} {
		if got := Compare(tc.findings, tc.wants, under); !reflect.DeepEqual(got, tc.problems) {
			t.Errorf("%s: %q; want %q", tc.name, got, tc.problems)
		}
	}
}
