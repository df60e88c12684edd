package schema

import (
	"reflect"
	"strings"
	"testing"
)

func TestDirectives(t *testing.T) {
	in := strings.Join([]string{
		"+++",           // 1
		`type = "plan"`, // 2
		"# caselint:ignore plan-lead-worker Agreed in supervision 3 March", // 3
		`lead_worker = "Aisha Patel"   # want: unknown-person`,             // 4
		`started = 2026-01-12 # caselint:ignore stale-plan`,                // 5
		`review_conference = 2026-04-10 # want:`,                           // 6: no ids, not a directive
		`manager = "# want: not-a-comment"`,                                // 7
		"+++",                                                              // 8
		"## Actions",                                                       // 9
		"| A3 | Tenancy | TBC | 2026-02-01 | O2 | <!-- caselint:ignore unnamed-action-owner Owner agreed at next core group -->", // 10
		"  <!--   want: missing-section   other-rule  -->",                                                                       // 11
		"text <!-- want: a --> more <!-- want: b c -->",                                                                          // 12
		"`<!-- want: in-code -->` and ``<!-- want: x ` y -->``",                                                                  // 13
		"```markdown",                 // 14
		"<!-- want: fenced -->",       // 15
		"```",                         // 16
		"~~~~",                        // 17
		"~~~",                         // 18
		"<!-- want: still-fenced -->", // 19
		"~~~~",                        // 20
		"<!-- caselint:ignore -->",    // 21
		"<!-- caselint:ignored x -->", // 22
		"<!-- multi-line",             // 23
		"want: nope -->",              // 24
		"<!-- an ordinary comment --> <!-- caselint:ignore\tr1\treason  with tabs -->", // 25
		"<!-- want: unclosed", // 26
	}, "\n")
	doc, ok := Parse("plan.md", []byte(in))
	if !ok {
		t.Fatal("not a record")
	}
	type dir struct {
		Kind         DirectiveKind
		Line, Covers int
		Rules        []string
		Reason       string
		Text         string
	}
	var got []dir
	for _, d := range doc.Directives {
		got = append(got, dir{d.Kind, d.Line, d.Covers, d.Rules, d.Reason, string(doc.Source.Data[d.Offset:d.End])})
	}
	want := []dir{
		{Ignore, 3, 4, []string{"plan-lead-worker"}, "Agreed in supervision 3 March", "# caselint:ignore plan-lead-worker Agreed in supervision 3 March"},
		{Want, 4, 4, []string{"unknown-person"}, "", "# want: unknown-person"},
		{Ignore, 5, 5, []string{"stale-plan"}, "", "# caselint:ignore stale-plan"},
		{Ignore, 10, 10, []string{"unnamed-action-owner"}, "Owner agreed at next core group", "<!-- caselint:ignore unnamed-action-owner Owner agreed at next core group -->"},
		{Want, 11, 12, []string{"missing-section", "other-rule"}, "", "<!--   want: missing-section   other-rule  -->"},
		{Want, 12, 12, []string{"a"}, "", "<!-- want: a -->"},
		{Want, 12, 12, []string{"b", "c"}, "", "<!-- want: b c -->"},
		{Ignore, 21, 22, nil, "", "<!-- caselint:ignore -->"},
		{Ignore, 25, 25, []string{"r1"}, "reason  with tabs", "<!-- caselint:ignore\tr1\treason  with tabs -->"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("directives:\n%+v\nwant:\n%+v", got, want)
	}
}

func TestDirectivesCRLF(t *testing.T) {
	in := "\ufeff+++\r\ntype = \"visit\" # want: a\r\n# want: b\r\ndate = 2026-01-19\r\n+++\r\n<!-- want: c -->\r\nZoë <!-- want: d -->\r\n"
	doc, _ := Parse("v.md", []byte(in))
	var got []string
	for _, d := range doc.Directives {
		p := doc.Source.Position(d.Offset)
		got = append(got, sprintf("%d:%d>%d %s", p.Line, p.Col, d.Covers, strings.Join(d.Rules, ",")))
	}
	want := []string{"2:16>2 a", "3:1>4 b", "6:1>7 c", "7:5>7 d"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q; want %q", got, want)
	}
}

func TestSplitWant(t *testing.T) {
	toks, err := SplitWant("a  \"x y\"\t`z\\d` b")
	want := []WantToken{{"a", false}, {"x y", true}, {`z\d`, true}, {"b", false}}
	if err != nil || !reflect.DeepEqual(toks, want) {
		t.Errorf("SplitWant = %+v, %v; want %+v", toks, err, want)
	}
	doc, _ := Parse("v.md", []byte("+++\ntype = \"visit\" # want: a \"due by 1 June\" b\n+++\n<!-- want: c `x` -->\n"))
	var got [][]string
	for _, d := range doc.Directives {
		got = append(got, append([]string{d.Args}, d.Rules...))
	}
	if w := [][]string{{`a "due by 1 June" b`, "a", "b"}, {"c `x`", "c"}}; !reflect.DeepEqual(got, w) {
		t.Errorf("directives %q; want %q", got, w)
	}
}
