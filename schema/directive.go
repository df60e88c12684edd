package schema

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// DirectiveKind says what a comment directive asks.
type DirectiveKind int

// The kinds of directive.
const (
	// Want marks a finding that a fixture or an exercise expects on this
	// line: <!-- want: rule-id --> or # want: rule-id.
	Want DirectiveKind = iota + 1
	// Ignore suppresses a reviewed finding:
	// <!-- caselint:ignore rule-id reason --> or # caselint:ignore rule-id reason.
	Ignore
)

// Directive is a want or caselint:ignore comment in a record.
type Directive struct {
	Kind   DirectiveKind
	Offset int // start of the comment ("<!--" or "#")
	End    int // end of the comment
	// Line is the 1-based line the comment stands on; Covers is the line it
	// applies to: the same line for a trailing comment, the next line for a
	// comment on a line of its own.
	Line, Covers int
	Rules        []string // rule ids named
	Reason       string   // Ignore: the reason text ("" when none was given)
	// Args is a want's text after "want:", trimmed: the rule ids and the
	// message patterns that may follow them (SplitWant reads it).
	Args string
}

// WantToken is a word of a want comment (SplitWant): a rule id, or a
// message pattern quoted in Go syntax ("..." or `...`), given unquoted.
type WantToken struct {
	Text   string
	Quoted bool
}

// SplitWant splits the text of a want comment after "want:" into rule ids
// and quoted message patterns, as analysistest reads its want comments: a
// pattern is a Go string literal, interpreted ("due by \\d+ June") or raw
// (`due by \d+ June`). It fails on a quote that does not close or a
// literal Go cannot read; the tokens before the error are returned.
func SplitWant(text string) ([]WantToken, error) {
	var out []WantToken
	for i := 0; i < len(text); {
		c := text[i]
		switch c {
		case ' ', '\t':
			i++
		case '"', '`':
			j := i + 1
			for j < len(text) && text[j] != c {
				if c == '"' && text[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(text) {
				return out, fmt.Errorf("want: the pattern %s does not close", text[i:])
			}
			s, err := strconv.Unquote(text[i : j+1])
			if err != nil {
				return out, fmt.Errorf("want: the pattern %s: %w", text[i:j+1], err)
			}
			out = append(out, WantToken{Text: s, Quoted: true})
			i = j + 1
		default:
			j := i
			for j < len(text) && text[j] != ' ' && text[j] != '\t' && text[j] != '"' && text[j] != '`' {
				j++
			}
			out = append(out, WantToken{Text: text[i:j]})
			i = j
		}
	}
	return out, nil
}

// The directive comments, as parseDirectives reads them:
//
//   - frontmatter: "# want: rule-id [rule-id...]" and
//     "# caselint:ignore rule-id reason text", in any TOML comment (a "#"
//     outside a string);
//   - body: "<!-- want: rule-id [rule-id...] -->" and
//     "<!-- caselint:ignore rule-id reason text -->". Only an HTML comment
//     that opens and closes on one line is read, and not inside a fenced
//     code block (``` or ~~~) or an inline code span.
//
// A comment with only spaces or tabs before it on its line covers the next
// line; any other covers its own line. An ignore names one rule: the first
// word after caselint:ignore is the rule id and the rest of the text, trimmed,
// is the reason ("" when there is none, which the engine reports as an
// unexplained suppression). An ignore with no rule id at all is kept with no
// Rules. "want:" with nothing after it is not a directive. After a want's
// rule id may come message patterns, Go string literals (SplitWant):
// "# want: unseen-child "due by 1 June 2026"".

// parseDirectives reads the directives of a document: those in the
// frontmatter comments (each a span from "#" to the end of its line) and
// those in the HTML comments of the body from byte offset bodyStart.
func parseDirectives(src *Source, comments []Span, bodyStart int) []Directive {
	var out []Directive
	for _, c := range comments {
		if c.Start < 0 || c.End > len(src.Data) || c.Start >= c.End || src.Data[c.Start] != '#' {
			continue
		}
		if d, ok := directive(src, c.Start, c.End, string(src.Data[c.Start+1:c.End])); ok {
			out = append(out, d)
		}
	}
	if bodyStart >= 0 && bodyStart < len(src.Data) {
		out = append(out, bodyDirectives(src, bodyStart)...)
	}
	return out
}

// directive makes the directive of the comment text found at [start, end),
// if it is one.
func directive(src *Source, start, end int, text string) (Directive, bool) {
	t := strings.TrimSpace(text)
	d := Directive{Offset: start, End: end}
	if rest, ok := strings.CutPrefix(t, "want:"); ok {
		d.Kind = Want
		d.Args = strings.TrimSpace(rest)
		// The ids only: the patterns are the fixture harness's (lint/expect),
		// which also reports a want that SplitWant cannot read.
		toks, _ := SplitWant(d.Args)
		for _, tok := range toks {
			if !tok.Quoted {
				d.Rules = append(d.Rules, tok.Text)
			}
		}
		if d.Args == "" {
			return Directive{}, false
		}
	} else if rest, ok := strings.CutPrefix(t, "caselint:ignore"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
		d.Kind = Ignore
		rest = strings.TrimSpace(rest)
		if rest != "" {
			id := strings.Fields(rest)[0]
			d.Rules = []string{id}
			d.Reason = strings.TrimSpace(rest[len(id):])
		}
	} else {
		return Directive{}, false
	}
	d.Line = src.LineOf(start)
	d.Covers = d.Line
	if ownLine(src, d.Line, start) {
		d.Covers = d.Line + 1
	}
	return d, true
}

// ownLine reports whether only spaces, tabs (or a byte-order mark) precede
// offset off on its line.
func ownLine(src *Source, line, off int) bool {
	ls := src.LineStart(line)
	b := src.Data[ls:off]
	if line == 1 {
		b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	}
	return len(bytes.Trim(b, " \t")) == 0
}

// bodyDirectives reads the directives in the HTML comments of the Markdown
// body from byte offset start.
func bodyDirectives(src *Source, start int) []Directive {
	var (
		out       []Directive
		fenceChar byte
		fenceLen  int
	)
	data := src.Data
	if !bytes.Contains(data[start:], []byte("<!--")) {
		return nil // no comment, so no directive: most bodies
	}
	for pos := start; pos < len(data); {
		end, next := lineAt(data, pos)
		line := data[pos:end]
		// A fence opens (or closes) with 3+ backticks or tildes after at most
		// three spaces.
		trimmed := bytes.TrimLeft(line, " ")
		if len(line)-len(trimmed) <= 3 && len(trimmed) >= 3 && (trimmed[0] == '`' || trimmed[0] == '~') {
			c := trimmed[0]
			n := 0
			for n < len(trimmed) && trimmed[n] == c {
				n++
			}
			switch {
			case fenceLen == 0 && n >= 3 && !(c == '`' && bytes.IndexByte(trimmed[n:], '`') >= 0):
				fenceChar, fenceLen = c, n
				pos = next
				continue
			case fenceLen > 0 && c == fenceChar && n >= fenceLen && len(bytes.Trim(trimmed[n:], " \t")) == 0:
				fenceLen = 0
				pos = next
				continue
			}
		}
		if fenceLen == 0 {
			out = append(out, lineDirectives(src, pos, end)...)
		}
		if next <= pos {
			break
		}
		pos = next
	}
	return out
}

// lineDirectives reads the single-line HTML comments of the line
// data[start:end], skipping inline code spans.
func lineDirectives(src *Source, start, end int) []Directive {
	var out []Directive
	data := src.Data
	// noCloser[n] = j: there is no run of exactly n backticks from j on, so
	// that a line of unmatched runs is not scanned again and again.
	var noCloser map[int]int
	for i := start; i < end; {
		switch {
		case data[i] == '`':
			n := 0
			for i+n < end && data[i+n] == '`' {
				n++
			}
			// The span closes at the next run of exactly n backticks.
			j := i + n
			closed := -1
			if k, ok := noCloser[n]; ok && k <= j {
				j = end
			}
			from := j
			for j < end {
				if data[j] != '`' {
					j++
					continue
				}
				m := 0
				for j+m < end && data[j+m] == '`' {
					m++
				}
				if m == n {
					closed = j + m
					break
				}
				j += m
			}
			if closed < 0 {
				if noCloser == nil {
					noCloser = map[int]int{}
				}
				if k, ok := noCloser[n]; !ok || from < k {
					noCloser[n] = from
				}
				i += n
			} else {
				i = closed
			}
		case bytes.HasPrefix(data[i:end], []byte("<!--")):
			k := bytes.Index(data[i+4:end], []byte("-->"))
			if k < 0 {
				return out
			}
			cend := i + 4 + k + 3
			if d, ok := directive(src, i, cend, string(data[i+4:i+4+k])); ok {
				out = append(out, d)
			}
			i = cend
		default:
			i++
		}
	}
	return out
}
