package schema

import "bytes"

// The frontmatter lexer splits a file into its byte-order mark, the +++
// delimiters, the TOML text between them and the Markdown body, in the style
// of Hugo's pageparser: a small state machine whose states are functions that
// emit items and return the next state. It works in byte offsets only.
//
// The rules it applies:
//
//   - an optional UTF-8 byte-order mark comes first;
//   - the opening +++ must be the first line; trailing spaces and tabs are
//     allowed, and lines may end in "\n", "\r\n" or a lone "\r";
//   - blank lines before the opening +++ are tolerated but reported (the
//     file is still read as a record);
//   - the closing +++ stands at the start of a line, with only spaces or tabs
//     after it;
//   - a file that opens with --- is YAML frontmatter: a (broken) record;
//   - a file whose first non-blank line is neither is not a record (a README),
//     and neither is an empty or all-whitespace file; except that a file
//     with lines of text above a +++ line whose frontmatter sets type
//     (its first key, or after other one-line keys and comments: a title
//     written above the frontmatter) is a record whose frontmatter opens
//     too late: it is read, and reported like blank lines are;
//     a +++ inside a fenced code block (a README showing a record) does
//     not count.

type fmItemType int

const (
	fmBOM     fmItemType = iota + 1 // the byte-order mark
	fmOpen                          // the opening +++ line
	fmTOML                          // the TOML text between the delimiters
	fmClose                         // the closing +++ line
	fmYAML                          // YAML frontmatter text between --- lines
	fmBody                          // the Markdown body
	fmProblem                       // something wrong, at span.Start
)

type fmItem struct {
	typ  fmItemType
	span Span
	msg  string // fmProblem only
}

type fmLexer struct {
	data  []byte
	pos   int
	open  int // where the opening delimiter stands
	items []fmItem
}

type fmStateFunc func(*fmLexer) fmStateFunc

func (l *fmLexer) emit(t fmItemType, start, end int) {
	l.items = append(l.items, fmItem{typ: t, span: Span{start, end}})
}

func (l *fmLexer) problem(off int, msg string) {
	l.items = append(l.items, fmItem{typ: fmProblem, span: Span{off, off}, msg: msg})
}

// line returns the end of the line's content starting at pos (before its
// line ending) and the start of the next line.
func (l *fmLexer) line(pos int) (contentEnd, next int) {
	return lineAt(l.data, pos)
}

func lineAt(data []byte, pos int) (contentEnd, next int) {
	i := pos
	for i < len(data) && data[i] != '\n' && data[i] != '\r' {
		i++
	}
	contentEnd = i
	if i < len(data) {
		if data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			i++
		}
		i++
	}
	return contentEnd, i
}

// isDelim reports whether data[start:end] is the delimiter d followed only by
// spaces and tabs.
func isDelim(data []byte, start, end int, d string) bool {
	if end-start < len(d) || string(data[start:start+len(d)]) != d {
		return false
	}
	for _, c := range data[start+len(d) : end] {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// lineNumber returns the 1-based line of offset off.
func lineNumber(data []byte, off int) int { return NewSource("", data).LineOf(off) }

func isBlank(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		default:
			return false
		}
	}
	return true
}

func fmLexStart(l *fmLexer) fmStateFunc {
	if len(l.data) >= 3 && l.data[0] == 0xEF && l.data[1] == 0xBB && l.data[2] == 0xBF {
		l.emit(fmBOM, 0, 3)
		l.pos = 3
	}
	first := true
	for l.pos < len(l.data) {
		end, next := l.line(l.pos)
		switch {
		case isBlank(l.data[l.pos:end]):
			l.pos, first = next, false
			continue
		case isDelim(l.data, l.pos, end, "+++"):
			l.open = l.pos
			if !first {
				l.problem(l.pos, "the frontmatter must open on the first line: remove the blank lines before +++")
			}
			l.emit(fmOpen, l.pos, next)
			l.pos = next
			return fmLexTOML
		case isDelim(l.data, l.pos, end, "---"):
			l.open = l.pos
			l.problem(l.pos, "records use TOML frontmatter between +++ lines, not YAML (---)")
			l.pos = next
			return fmLexYAML
		default:
			open, ok := lateOpening(l.data, l.pos)
			if !ok {
				return nil // not a record
			}
			l.problem(open, sprintf("the frontmatter must open on the first line: move the %s above +++ into the body, after the closing +++",
				linesAbove(lineNumber(l.data, open)-lineNumber(l.data, l.pos))))
			_, next := l.line(open)
			l.open = open
			l.emit(fmOpen, open, next)
			l.pos = next
			return fmLexTOML
		}
	}
	return nil // empty or only whitespace
}

// linesAbove names n lines ("line", "2 lines").
func linesAbove(n int) string {
	if n == 1 {
		return "line"
	}
	return sprintf("%d lines", n)
}

// lateOpening finds, in a file whose first non-blank line (at from) is not
// a delimiter, a +++ line that opens frontmatter anyway: outside a fenced
// code block, and followed by frontmatter that sets type (setsType).
// It returns that +++ line's offset.
func lateOpening(data []byte, from int) (open int, ok bool) {
	ok = eachLine(data, from, func(pos, end, next int, fenced bool) bool {
		open = pos
		return !fenced && isDelim(data, pos, end, "+++") && setsType(data, next)
	})
	if !ok {
		return 0, false
	}
	return open, true
}

// eachLine calls fn with each line of data from from (its offset, its
// end without the line break, and the next line's offset), and whether
// it is fenced: a fenced code block's fence or a line inside one. It
// stops when fn returns true, and returns whether it did.
func eachLine(data []byte, from int, fn func(pos, end, next int, fenced bool) bool) bool {
	fence := byte(0) // the fence character of the open code block, if any
	for pos := from; pos < len(data); {
		end, next := lineAt(data, pos)
		fenced := fence != 0
		if c, isFence := fenceLine(data[pos:end]); isFence && (fence == 0 || c == fence) {
			fenced = true
			if fence == 0 {
				fence = c
			} else {
				fence = 0
			}
		}
		if fn(pos, end, next, fenced) {
			return true
		}
		pos = next
	}
	return false
}

// fenceLine reports whether line opens or closes a fenced code block (three
// or more backticks or tildes, indented at most three spaces), and its
// character.
func fenceLine(line []byte) (byte, bool) {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if i+3 > len(line) || (line[i] != '`' && line[i] != '~') {
		return 0, false
	}
	c := line[i]
	return c, line[i+1] == c && line[i+2] == c
}

// setsType reports whether the frontmatter that would open at pos sets the
// key type (type = ...) before its first table: the lines up to it, if any,
// are blank, comments (# ...) or other keys (date = ...), as a worker who
// put the date or a comment first writes them; a line of prose, a table
// header or the closing +++ before it means this is not frontmatter that
// sets type.
func setsType(data []byte, pos int) bool {
	for pos < len(data) {
		end, next := lineAt(data, pos)
		line := bytes.TrimLeft(data[pos:end], " \t")
		switch {
		case isBlank(line) || line[0] == '#':
			pos = next
			continue
		case isTypeKey(line):
			return true
		case isKeyLine(line):
			pos = next
			continue
		}
		return false
	}
	return false
}

// isTypeKey reports whether line (trimmed on the left) sets the key type.
func isTypeKey(line []byte) bool {
	rest, ok := bytes.CutPrefix(line, []byte("type"))
	rest = bytes.TrimLeft(rest, " \t")
	return ok && len(rest) > 0 && rest[0] == '='
}

// isKeyLine reports whether line (trimmed on the left) sets a top-level
// key on one line: a bare or dotted key, an equals sign and a value.
func isKeyLine(line []byte) bool {
	i := bytes.IndexByte(line, '=')
	if i <= 0 || len(bytes.TrimSpace(line[i+1:])) == 0 {
		return false
	}
	key := bytes.TrimRight(line[:i], " \t")
	if len(key) == 0 {
		return false
	}
	for _, c := range key {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func fmLexTOML(l *fmLexer) fmStateFunc {
	start := l.pos
	for l.pos < len(l.data) {
		end, next := l.line(l.pos)
		if isDelim(l.data, l.pos, end, "+++") {
			l.emit(fmTOML, start, l.pos)
			l.emit(fmClose, l.pos, next)
			l.pos = next
			return fmLexBody
		}
		l.pos = next
	}
	l.emit(fmTOML, start, len(l.data))
	l.problem(l.open, sprintf("frontmatter opened with +++ on line %d is never closed: add a line holding only +++ after the last key", lineNumber(l.data, l.open)))
	return nil
}

func fmLexYAML(l *fmLexer) fmStateFunc {
	start := l.pos
	for l.pos < len(l.data) {
		end, next := l.line(l.pos)
		if isDelim(l.data, l.pos, end, "---") || isDelim(l.data, l.pos, end, "...") {
			l.emit(fmYAML, start, l.pos)
			l.pos = next
			return fmLexBody
		}
		l.pos = next
	}
	l.emit(fmYAML, start, len(l.data))
	return nil
}

func fmLexBody(l *fmLexer) fmStateFunc {
	l.emit(fmBody, l.pos, len(l.data))
	return nil
}

// frontmatter is what the lexer found in a file.
type frontmatter struct {
	record    bool // the file opens with frontmatter (+++ or ---)
	yaml      bool // it is YAML frontmatter
	closed    bool // the closing delimiter was found
	front     Span // the TOML (or YAML) text between the delimiters
	bodyStart int  // where the Markdown body starts (len(data) when there is none)
	problems  []Problem
}

// splitFrontmatter runs the frontmatter lexer over data.
func splitFrontmatter(data []byte) frontmatter {
	l := &fmLexer{data: data}
	for state := fmStateFunc(fmLexStart); state != nil; {
		state = state(l)
	}
	fm := frontmatter{bodyStart: len(data)}
	for _, it := range l.items {
		switch it.typ {
		case fmOpen:
			fm.record = true
		case fmTOML:
			fm.front = it.span
		case fmYAML:
			fm.record, fm.yaml, fm.front = true, true, it.span
		case fmClose:
			fm.closed = true
		case fmBody:
			fm.bodyStart = it.span.Start
			if fm.yaml {
				fm.closed = true
			}
		case fmProblem:
			fm.problems = append(fm.problems, Problem{Offset: it.span.Start, Message: it.msg})
		}
	}
	if fm.front == (Span{}) && fm.record {
		fm.front = Span{fm.bodyStart, fm.bodyStart}
	}
	return fm
}
