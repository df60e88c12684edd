package schema

import (
	"fmt"
	"strings"
	"testing"
)

// parseOne parses a record and returns it and its problems, one a line as
// "line:col message".
func parseOne(t *testing.T, in string) (*Document, string) {
	t.Helper()
	doc, ok := Parse("x.md", []byte(in))
	if !ok {
		t.Fatal("not a record")
	}
	var b strings.Builder
	for _, p := range doc.Problems {
		pos := doc.Source.Position(p.Offset)
		fmt.Fprintf(&b, "%d:%d %s\n", pos.Line, pos.Col, p.Message)
	}
	return doc, b.String()
}

const planFront = "+++\ntype = \"plan\"\nstarted = 2026-01-12\nlead_worker = \"A\"\n+++\n"

func nestedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return b.String()
}

func TestBodyGuard(t *testing.T) {
	rows := func(cols, n int) string {
		return "|" + strings.Repeat(" a |", cols) + "\n|" + strings.Repeat("-|", cols) + "\n" + strings.Repeat("| x |\n", n)
	}
	tests := []struct {
		name string
		body string
		want string // the problem's line (in the file) and start, "" for none
	}{
		{"sample plan", samplePlan, ""},
		{"nested 100 deep by indentation", nestedList(MaxNesting), ""},
		{"nested 101 deep by indentation", nestedList(MaxNesting + 1), "106:1 the body nests lists or quotes 101 deep here"},
		{"markers on one line", "## Outcomes\n" + strings.Repeat("- ", 20000) + "x\n", "7:1 the body nests lists or quotes 20000 deep"},
		{"ordered markers", strings.Repeat("1. ", 101) + "x\n", "6:1 the body nests lists or quotes 101 deep"},
		{"quotes", "a\n\n" + strings.Repeat(">", 20000) + " x\n", "8:1 the body nests lists or quotes 20000 deep"},
		{"quotes and lists", strings.Repeat("> - ", 51) + "x\n", "6:1 the body nests lists or quotes 102 deep"},
		{"a thematic break is no nesting", strings.Repeat("- - -\n", 1000), ""},
		{"many lists side by side", strings.Repeat("- x\n  - y\n\n", 5000), ""},
		{"unclosed links", "## Actions\n\n" + strings.Repeat("[a](", 20000) + "\n", "8:1 this paragraph of 80001 bytes holds 40000 of the marks"},
		{"links in short paragraphs", strings.Repeat("[a](b) and *c* and `d`\n\n", 5000), ""},
		{"links in 20,000 short paragraphs", strings.Repeat("[a](b) and *c* and `d`\n\n", 20000), "24934:1 the body is more than caselint reads in one record: by this line it has 24929 lines, 0 list items, 0 block quote marks, 74790 marks"},
		{"mismatched emphasis", strings.Repeat("*a_ ", 20000), "6:1 this paragraph of 80000 bytes holds 40000"},
		{"reference definitions", strings.Repeat("[a]: b\n", 20000), "6:1 this paragraph of 140000 bytes"},
		{"wide table", rows(2000, 99), "6:1 the table starting here has 2000 columns"},
		{"long table", rows(6, 40000), "6:1 the table starting here has 6 columns"},
		{"ordinary table", rows(6, 2000), ""},
		{"too many lines", strings.Repeat("x\n", maxBodyLines+1), "100006:1 the body has more than 100000 lines"},
		{"a 2 MB line", strings.Repeat("x", 2<<20) + "\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, got := parseOne(t, planFront+tt.body)
			if tt.want == "" {
				if got != "" {
					t.Fatalf("problems:\n%s", got)
				}
				return
			}
			if !strings.HasPrefix(got, tt.want) || strings.Count(got, "\n") != 1 {
				t.Fatalf("problems:\n%s\nwant one starting %q", got, tt.want)
			}
			if b := doc.Body; b == nil || len(b.Sections) != 0 || len(b.Text()) != 0 || b.Actions != nil {
				t.Errorf("a body over a limit must not be read: %+v", b)
			}
		})
	}
}

func TestBodyGuardLineEndings(t *testing.T) {
	for _, nl := range []string{"\n", "\r\n", "\r"} {
		body := strings.ReplaceAll(nestedList(MaxNesting+1), "\n", nl)
		front := strings.ReplaceAll(planFront, "\n", nl)
		_, got := parseOne(t, front+body)
		if !strings.HasPrefix(got, "106:1 the body nests lists or quotes 101 deep") {
			t.Errorf("%q: %s", nl, got)
		}
	}
}

func TestFrontGuard(t *testing.T) {
	visit := "+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"A\"\nchild_seen = true\n"
	tests := []struct {
		name  string
		front string // after the visit's keys
		want  string
	}{
		{"flat", "present = [\"A\", \"B\"]\n", ""},
		{"nested 10", "x = " + strings.Repeat("[", 10) + strings.Repeat("]", 10) + "\n", "6:1 unknown key x"},
		{"nested 11", "x = " + strings.Repeat("[", 11) + strings.Repeat("]", 11) + "\n", "6:15 the frontmatter nests arrays or tables more than 10 deep"},
		{"inline tables", "x = " + strings.Repeat("{a=", 20000) + "1" + strings.Repeat("}", 20000) + "\n", "6:35 the frontmatter nests arrays or tables more than 10 deep"},
		{"brackets in strings", "by2 = \"[[[[[[[[[[[[\" # [[[[[[[[[[[[\nx = '''\n{{{{{{{{{{{{\n'''\n", "6:1 unknown key by2"},
		{"dotted key", "a" + strings.Repeat(".a", 10) + " = 1\n", "6:20 this key has more than 10 parts"},
		{"numbers and times are not keys", "x = [1.5, 2.25, 2026-01-19T16:30:00.123]\n", "6:1 unknown key x"},
		{"too big", "notes = \"" + strings.Repeat("x", maxFrontmatter) + "\"\n", "2:1 the frontmatter is 129 KB; caselint reads at most 128 KB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, got := parseOne(t, visit+tt.front+"+++\nbody\n")
			if tt.want == "" {
				if got != "" {
					t.Fatalf("problems:\n%s", got)
				}
				return
			}
			if !strings.HasPrefix(got, tt.want) {
				t.Fatalf("problems:\n%s\nwant first %q", got, tt.want)
			}
			if strings.Contains(tt.want, "caselint reads") && (doc.Record != nil || doc.Kind != "") {
				t.Errorf("a frontmatter over a limit must not be read: %+v", doc.Record)
			}
		})
	}
}

func TestNeverClosedFrontmatterIsBounded(t *testing.T) {
	// The TOML parser is given at most maxFrontmatter bytes of a frontmatter
	// that is never closed, and nothing past a nesting too deep.
	in := "+++\ntype = \"visit\"\n" + strings.Repeat("k = 1\n", 2*maxFrontmatter/6)
	doc, got := parseOne(t, in)
	if doc.FrontEnd-doc.FrontStart > maxFrontmatter {
		t.Errorf("frontmatter of %d bytes read", doc.FrontEnd-doc.FrontStart)
	}
	if !strings.Contains(got, "never closed") {
		t.Errorf("problems:\n%s", got)
	}
	in = "+++\ntype = \"visit\"\ndate = 2026-01-19\nx = " + strings.Repeat("[", 50) + "\n"
	doc, got = parseOne(t, in)
	if doc.Kind != KindVisit || doc.FrontEnd != strings.Index(in, "x =") {
		t.Errorf("kind %q, front end %d; problems:\n%s", doc.Kind, doc.FrontEnd, got)
	}
}

func TestProblemsAreBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"A\"\nchild_seen = true\n")
	for i := range 2500 {
		fmt.Fprintf(&b, "u%d = 1\n", i)
	}
	b.WriteString("+++\n")
	doc, _ := parseOne(t, b.String())
	if len(doc.Problems) != MaxProblems || doc.MoreProblems != 2500-MaxProblems {
		t.Fatalf("%d problems and %d more, want %d and %d", len(doc.Problems), doc.MoreProblems, MaxProblems, 2500-MaxProblems)
	}
}

func TestRepairsAreBounded(t *testing.T) {
	// A syntax error on every line of a long frontmatter: the decoder stops
	// repairing once it has given the parser maxRepairWork bytes.
	in := "+++\ntype = \"visit\"\n" + strings.Repeat("= x\n", 100_000/4) + "+++\n"
	_, got := parseOne(t, in)
	if !strings.Contains(got, "too many errors to read") || strings.Count(got, "\n") > maxSyntaxProblems+1 {
		t.Errorf("problems:\n%s", got)
	}
}
