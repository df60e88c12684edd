package schema

import (
	"strings"
	"testing"
)

func TestSplitFrontmatter(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		record   bool
		yaml     bool
		closed   bool
		front    string // the TOML (or YAML) text
		body     string // from bodyStart
		problems []string
	}{
		{name: "empty", in: ""},
		{name: "whitespace", in: " \n\t\r\n  "},
		{name: "BOM only", in: "\ufeff"},
		{name: "readme", in: "# Team notes\n\nThe plan is in plan.md.\n"},
		{name: "title line then a record", in: "# Team notes\n\n+++\ntype = \"plan\"\n+++\n", record: true, closed: true,
			front: "type = \"plan\"\n", body: "", problems: []string{"3:1 the frontmatter must open on the first line: move the 2 lines above +++"}},
		{name: "indented delimiter", in: " +++\ntype = \"plan\"\n+++\n"},
		{name: "four pluses", in: "++++\ntype = \"plan\"\n+++\n"},
		{name: "plain", in: "+++\ntype = \"plan\"\n+++\nbody\n", record: true, closed: true,
			front: "type = \"plan\"\n", body: "body\n"},
		{name: "trailing spaces on delimiters", in: "+++  \t\ntype = \"plan\"\n+++ \nbody", record: true, closed: true,
			front: "type = \"plan\"\n", body: "body"},
		{name: "BOM and CRLF", in: "\ufeff+++\r\ntype = \"plan\"\r\n+++\r\nbody\r\n", record: true, closed: true,
			front: "type = \"plan\"\r\n", body: "body\r\n"},
		{name: "lone CR", in: "+++\rtype = \"plan\"\r+++\rbody\r", record: true, closed: true,
			front: "type = \"plan\"\r", body: "body\r"},
		{name: "close at EOF", in: "+++\ntype = \"plan\"\n+++", record: true, closed: true,
			front: "type = \"plan\"\n", body: ""},
		{name: "empty frontmatter", in: "+++\n+++\n", record: true, closed: true, front: "", body: ""},
		{name: "close only at line start", in: "+++\nx = 1 +++\n +++\n+++\nb", record: true, closed: true,
			front: "x = 1 +++\n +++\n", body: "b"},
		{name: "close with text after is not a close", in: "+++\nx = 1\n+++ more\n+++\n", record: true, closed: true,
			front: "x = 1\n+++ more\n", body: ""},
		{name: "never closed", in: "+++\ntype = \"plan\"\n", record: true,
			front: "type = \"plan\"\n", body: "", problems: []string{"1:1 frontmatter opened with +++ on line 1 is never closed: add a line holding only +++ after the last key"}},
		{name: "blank lines first", in: "\n\n+++\ntype = \"plan\"\n+++\n", record: true, closed: true,
			front: "type = \"plan\"\n", body: "", problems: []string{"3:1 the frontmatter must open on the first line"}},
		{name: "never closed after blank lines", in: "\n+++\nx = 1\n", record: true,
			front: "x = 1\n", body: "", problems: []string{"2:1 the frontmatter must open", "2:1 frontmatter opened with +++ on line 2 is never closed"}},
		{name: "title above the frontmatter", in: "# Home visit, 10 March 2026\n+++\ntype = \"visit\"\n+++\nbody\n", record: true, closed: true,
			front: "type = \"visit\"\n", body: "body\n", problems: []string{"2:1 the frontmatter must open on the first line: move the line above +++ into the body"}},
		{name: "lines and blank lines above the frontmatter", in: "Visit record\r\nLeo\r\n\r\n+++\r\n\r\n  type=\"visit\"\r\n+++\r\n", record: true, closed: true,
			front: "\r\n  type=\"visit\"\r\n", body: "", problems: []string{"4:1 the frontmatter must open on the first line: move the 3 lines above +++"}},
		{name: "title above, the date before type", in: "Home visit - 12 November 2026\n+++\ndate = 2026-11-12T17:00:00\ntype = \"visit\"\n+++\nbody\n", record: true, closed: true,
			front: "date = 2026-11-12T17:00:00\ntype = \"visit\"\n", body: "body\n", problems: []string{"2:1 the frontmatter must open on the first line: move the line above +++"}},
		{name: "title above, a comment before type", in: "Home visit\n+++\n# refused\n\ntype = \"visit\"\n+++\n", record: true, closed: true,
			front: "# refused\n\ntype = \"visit\"\n", body: "", problems: []string{"2:1 the frontmatter must open on the first line"}},
		{name: "README with a +++ line, prose, then type", in: "# Notes\n+++\nsee below\ntype = \"visit\"\n+++\n"},
		{name: "README with a +++ line, a table, then type", in: "# Notes\n+++\n[child]\ntype = \"visit\"\n+++\n"},
		{name: "README showing a record in a fence", in: "# Records\n```toml\n+++\ntype = \"visit\"\n+++\n```\n"},
		{name: "README showing a record in a tilde fence", in: "# Records\n~~~~\n```\n+++\ntype = \"visit\"\n~~~~\n"},
		{name: "README with a +++ line not opening a record", in: "# Notes\n+++\nsee below\n+++\n"},
		{name: "README with a +++ line setting another key", in: "# Notes\n+++\ntypeface = \"serif\"\n+++\n"},
		{name: "YAML", in: "---\ntitle: Plan\n---\n# Body\n", record: true, yaml: true, closed: true,
			front: "title: Plan\n", body: "# Body\n", problems: []string{"1:1 records use TOML frontmatter between +++ lines, not YAML (---)"}},
		{name: "YAML with BOM never closed", in: "\ufeff---\ntitle: Plan\n", record: true, yaml: true,
			front: "title: Plan\n", body: "", problems: []string{"1:1 records use TOML frontmatter between +++ lines, not YAML"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.in)
			fm := splitFrontmatter(data)
			if fm.record != tt.record || fm.yaml != tt.yaml || fm.closed != tt.closed {
				t.Fatalf("record, yaml, closed = %v, %v, %v; want %v, %v, %v", fm.record, fm.yaml, fm.closed, tt.record, tt.yaml, tt.closed)
			}
			if !tt.record {
				return
			}
			if got := string(data[fm.front.Start:fm.front.End]); got != tt.front {
				t.Errorf("front = %q; want %q", got, tt.front)
			}
			if got := string(data[fm.bodyStart:]); got != tt.body {
				t.Errorf("body = %q; want %q", got, tt.body)
			}
			src := NewSource("x.md", data)
			checkProblems(t, src, fm.problems, tt.problems)
		})
	}
}

// checkProblems asserts that got are exactly the problems of want, in order,
// each written "line:col message-prefix".
func checkProblems(t *testing.T, src *Source, got []Problem, want []string) {
	t.Helper()
	var g []string
	for _, p := range got {
		pos := src.Position(p.Offset)
		g = append(g, sprintf("%d:%d %s", pos.Line, pos.Col, p.Message))
	}
	ok := len(g) == len(want)
	for i := 0; ok && i < len(want); i++ {
		ok = strings.HasPrefix(g[i], want[i])
	}
	if !ok {
		t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(g, "\n\t"), strings.Join(want, "\n\t"))
	}
}
