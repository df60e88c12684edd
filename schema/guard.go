package schema

import "bytes"

// The guards below run before the parsers that caselint does not own:
// goldmark for the body and BurntSushi/toml for the frontmatter. Both are
// fast on real records but slow, or greedy for memory, on some inputs no
// one writes by hand: goldmark's block parser on lists or quotes nested
// thousands deep (20,000 nested "- " take seconds) and on millions of short
// lines (a few hundred bytes each), its inline parser on long paragraphs
// dense with unclosed brackets or emphasis marks ("[a](" repeated for 80 KB
// takes 4 s, growing with the square of the length), and its table
// extension on a table whose rows it pads to a header of thousands of
// columns (a cell for each column of each row); the TOML parser on inline
// tables and dotted keys nested deep (a megabyte of them nested eight deep
// takes a second and 400 MB). Each guard is one linear scan that measures
// what makes the parser slow. A body over a limit is not parsed at all and
// a frontmatter over one is not decoded: the file gets a Problem saying so,
// at the line where the limit is passed, and the rest of the tree is linted
// as usual. docs/robustness.md has the measurements.

// MaxNesting is how deep lists and block quotes in a body may nest. Records
// nest a few levels.
const MaxNesting = 100

// maxInlineCost bounds the work of the inline parser over a body: the sum,
// over its paragraphs (runs of lines between blank lines and headings), of
// the paragraph's length in bytes times the number of characters in it
// that open or close inline markup ([ ] * _ ~ ` <). The parser's slow cases
// cost at most about that product; at this limit the worst known input
// takes 0.2 s, while a real record, whose paragraphs are a few hundred bytes
// with a few marks, is a thousand times below it.
const maxInlineCost = 100_000_000

// maxBodyLines bounds the lines of a body: goldmark keeps a few hundred
// bytes for each line that starts a block, so a body of millions of short
// lines would take gigabytes. A long plan has a few thousand.
const maxBodyLines = 100_000

// maxTableCells bounds the cells of the tables of a body: columns of the
// delimiter row times rows, as the table extension pads every row to the
// header's width. A plan's action table has a few hundred. (maxBodyWork
// bounds them too, with the rest of the body.)
const maxTableCells = 40_000

// maxBodyWork bounds what goldmark and caselint's reading of its tree
// allocate for a body, as bodyGuard estimates it from what it counts: a
// weight in bytes for each line, list marker, quote marker, level of
// nesting on a line, mark of inline markup, table cell and heading, and for
// each unit of inline cost (below). Each shape alone (a body of list
// items, of block quotes nested on every line, of tables, of emphasis) may
// come close to the limit but not pass it; the weights are measured on
// goldmark (schema/hostile_body_test.go builds the worst shapes known just
// under the limit, and holds what they allocate to the bound promised in
// docs/robustness.md), and are at least what each costs. At this limit
// the worst shape known allocates 60 MB and takes 0.2 s of CPU; the
// records of this repository's tests, samples and exercises come to at
// most 0.3 MB, two hundred times below it. A record of plain paragraphs
// is read up to maxBodyLines (100,000 lines weigh 60 MB), one of real
// markup (lists, tables, headings) to about a megabyte.
const maxBodyWork = 60_000_000

// The weights of maxBodyWork, in bytes allocated.
const (
	workLine        = 600    // any line: a segment, and a text node
	workListMarker  = 1_500  // a list item, its paragraph and text, an outcome
	workQuoteMarker = 200    // a block quote, or one more line of one
	workDepth       = 320    // each list item or quote around a line, tried for it
	workMark        = 600    // [ ] * _ ~ ` <: a delimiter, link or code span
	workCell        = 1_200  // a table cell, padded to the header's width; an action
	workHeading     = 12_000 // a heading, its section and the search for the section it names
)

// workPerCost is maxBodyWork's weight for the inline cost, in bytes for
// every 10 units: goldmark's inline parser keeps about 0.1 bytes a unit on
// the densest paragraphs known. (The cost is bounded for time on its own,
// by maxInlineCost.)
const workPerCost = 1

// bodyGuard scans in (the body as goldmark will read it: lone CRs already
// made "\n") and returns "" when goldmark may parse it, or why not and the
// offset in in of the line where the limit is passed.
func bodyGuard(in []byte) (off int, why string) {
	off, why, _ = bodyGuardWork(in, maxBodyWork)
	return off, why
}

// bodyWork is what bodyGuard counts of a body for maxBodyWork.
type bodyWork struct {
	lines, listMarkers, quoteMarkers, depth, marks, cells, headings, cost int
}

func (w bodyWork) total() int {
	return w.lines*workLine + w.listMarkers*workListMarker + w.quoteMarkers*workQuoteMarker +
		w.depth*workDepth + w.marks*workMark + w.cells*workCell + w.headings*workHeading +
		w.cost/10*workPerCost
}

// bodyGuardWork is bodyGuard with maxBodyWork as limit, and what it counted.
func bodyGuardWork(in []byte, limit int) (off int, why string, work bodyWork) {
	tooMuch := func() string {
		return sprintf("the body is more than caselint reads in one record: by this line it has %d lines, %d list items, %d block quote marks, %d marks of inline markup ([ ] * _ ~ ` <), %d table cells and %d headings, and its lists and quotes nest around its lines %d times in all; caselint did not read the body (its sections, outcomes and actions): split the record, or flatten its lists and quotes",
			work.lines, work.listMarkers, work.quoteMarkers, work.marks, work.cells, work.headings, work.depth)
	}
	var (
		stack []int // content columns of the open list items
		depth int   // deepest nesting seen

		segStart, segSpecials int // the paragraph being measured
		segLines              int
		inlineCost            int
		worstStart, worstLen  int
		worstSpecials         int
		worstCost             int

		tableCols, tableStart int // the table being measured (cols > 0)
		cells                 int
	)
	endSegment := func(end int) {
		if segLines > 0 {
			cost := segSpecials * (end - segStart)
			inlineCost += cost
			work.cost += cost
			if cost > worstCost {
				worstCost, worstStart, worstLen, worstSpecials = cost, segStart, end-segStart, segSpecials
			}
		}
		segLines, segSpecials, tableCols = 0, 0, 0
	}
	tableWhy := func() string {
		return sprintf("the table starting here has %d columns and more rows than caselint reads (at most %d cells in all, as every row is read to the header's width), so it did not read the body: split the table, or remove the stray | and - lines", tableCols, maxTableCells)
	}
	denseWhy := func() string {
		return sprintf("this paragraph of %d bytes holds %d of the marks [ ] * _ ~ ` <, more markup than caselint reads in one body, so it did not read the body: break it into shorter paragraphs with blank lines, or remove the stray marks", worstLen, worstSpecials)
	}
	// overWork says why the body passed maxBodyWork at the line at pos:
	// inside a table, the table; with a paragraph too dense, the paragraph;
	// else all that was counted.
	overWork := func(pos, next int) (int, string, bodyWork) {
		if tableCols > 0 {
			return tableStart, tableWhy(), work
		}
		if segLines > 0 { // the paragraph still open
			if cost := segSpecials * (next - segStart); inlineCost+cost > maxInlineCost {
				if cost > worstCost {
					worstStart, worstLen, worstSpecials = segStart, next-segStart, segSpecials
				}
				return worstStart, denseWhy(), work
			}
		}
		if inlineCost > maxInlineCost {
			return worstStart, denseWhy(), work
		}
		return pos, tooMuch(), work
	}
	// Lines first: a body of too many is refused as such, whatever else
	// it holds. A body of no more bytes than that has fewer lines.
	for pos, n := 0, 0; len(in) > maxBodyLines && pos < len(in); n++ {
		if n == maxBodyLines {
			return pos, sprintf("the body has more than %d lines; caselint reads at most %d, so it did not read the body: a record this long is more than one record, or not a record", maxBodyLines, maxBodyLines), work
		}
		i := bytes.IndexByte(in[pos:], '\n')
		if i < 0 {
			break
		}
		pos += i + 1
	}
	prevLine := -1 // start of the previous line of the paragraph
	lastLine := 0  // start of the last line
	for pos := 0; pos < len(in); {
		end := len(in)
		if i := bytes.IndexByte(in[pos:], '\n'); i >= 0 {
			end = pos + i
		}
		next := min(end+1, len(in))
		line := in[pos:end]
		lastLine = pos

		// Nesting: the block quote markers and list markers that open the
		// line, each a level, and the list items still open around it.
		quotes, i, col := 0, 0, 0
		for i < len(line) {
			switch line[i] {
			case ' ':
				i, col = i+1, col+1
				continue
			case '\t':
				i, col = i+1, col+4-col%4
				continue
			case '>':
				quotes++
				i, col = i+1, col+1
				continue
			}
			w := listMarker(line[i:])
			if w == 0 {
				break
			}
			for len(stack) > 0 && stack[len(stack)-1] > col {
				stack = stack[:len(stack)-1]
			}
			i, col = i+w, col+w
			stack = append(stack, col+1)
			work.listMarkers++
		}
		work.lines++
		work.quoteMarkers += quotes
		work.depth += quotes + len(stack)
		if d := quotes + len(stack); d > depth {
			depth = d
			if depth > MaxNesting {
				return pos, sprintf("the body nests lists or quotes %d deep here; caselint reads at most %d levels, so it did not read the body (its sections, outcomes and actions): flatten the lists", depth, MaxNesting), work
			}
		}

		// Paragraphs: a line of only spaces and quote markers ends one, and
		// an ATX heading ("## Observations") is one by itself.
		blank := true
		for _, c := range line {
			if c != ' ' && c != '\t' && c != '\r' && c != '>' {
				blank = false
				break
			}
		}
		if isHeading(line) {
			endSegment(pos)
		}
		if blank {
			endSegment(pos)
			prevLine = -1
		} else {
			if segLines == 0 {
				segStart = pos
			}
			segLines++
			for _, c := range line {
				if inlineMark[c] {
					segSpecials++
					work.marks++
				}
			}
			// Tables: a delimiter row under a line with a pipe starts one;
			// every line after it in the paragraph is a row.
			if tableCols > 0 {
				cells += tableCols
				work.cells += tableCols
				if cells > maxTableCells {
					return tableStart, tableWhy(), work
				}
			} else if prevLine >= 0 && bytes.IndexByte(in[prevLine:pos], '|') >= 0 {
				if n := delimiterCells(line[i:]); n > 0 {
					tableCols, tableStart = n, prevLine
					cells += 2 * n // the header and the delimiter row
					work.cells += 2 * n
				}
			}
			prevLine = pos
			if isHeading(line) {
				work.headings++
				endSegment(next)
				prevLine = -1
			}
		}
		if work.total() > limit {
			return overWork(pos, next)
		}
		pos = next
		if next == end { // the last line, without "\n"
			break
		}
	}
	endSegment(len(in))
	if inlineCost > maxInlineCost {
		return worstStart, denseWhy(), work
	}
	if work.total() > limit {
		return overWork(lastLine, len(in))
	}
	return 0, "", work
}

// inlineMark holds the bytes that open or close inline markup, whose
// count in a paragraph bodyGuard weighs: [ ] * _ ~ ` <.
var inlineMark = [256]bool{'[': true, ']': true, '*': true, '_': true, '~': true, '`': true, '<': true}

// isHeading reports whether line is an ATX heading at the top level: up to
// three spaces, one to six #, then a space, a tab or the end of the line.
// Such a line ends a paragraph whatever comes before it.
func isHeading(line []byte) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	n := 0
	for i < len(line) && line[i] == '#' {
		i, n = i+1, n+1
	}
	return n >= 1 && n <= 6 && (i == len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r')
}

// listMarker returns the width of the list marker that opens b ("- ",
// "* ", "+ ", "1. ", "12) "), without the space after it, or 0.
func listMarker(b []byte) int {
	n := 0
	switch {
	case len(b) > 0 && (b[0] == '-' || b[0] == '*' || b[0] == '+'):
		n = 1
	default:
		for n < len(b) && n < 9 && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(b) || (b[n] != '.' && b[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return 0
	}
	return n
}

// delimiterCells returns the number of cells of a table's delimiter row
// ("|---|:-:|", "--- | ---"), or 0 when b is not one.
func delimiterCells(b []byte) int {
	dashes, cells, inCell := 0, 0, false
	for _, c := range b {
		switch c {
		case '-':
			dashes++
			if !inCell {
				cells, inCell = cells+1, true
			}
		case ':':
			if !inCell {
				cells, inCell = cells+1, true
			}
		case '|':
			inCell = false
		case ' ', '\t', '\r':
		default:
			return 0
		}
	}
	if dashes == 0 {
		return 0
	}
	return cells
}

// maxFrontmatter bounds the TOML text of a frontmatter, in bytes. The TOML
// parser keeps hundreds of bytes for each byte of some inputs (nested keys
// and tables); a record's frontmatter is its facts, a few kilobytes, and a
// case with a hundred people is under twenty.
const maxFrontmatter = 128 << 10

// maxTOMLNesting is how deep arrays and inline tables may nest in a
// frontmatter, and how many parts a dotted key may have: the TOML parser's
// work for a value grows with the square of its depth. Records nest two or
// three levels.
const maxTOMLNesting = 10

// frontSizeGuard checks the size of the TOML text of a frontmatter
// (front) before it is read, and returns "" when it may be, or why not and
// the file offset where the limit is passed. Its nesting (tomlGuard) need
// not be checked for text the fast reader reads, which nests arrays at
// most maxFastDepth deep, has no inline table, and no key of more than 8
// parts: Parse asks it only of the rest, before the library reads it.
func frontSizeGuard(front Span) (off int, why string) {
	if n := front.End - front.Start; n > maxFrontmatter {
		return front.Start, sprintf("the frontmatter is %d KB; caselint reads at most %d KB of frontmatter, so it did not read this record: the frontmatter holds the record's facts, and long text belongs in the body", (n+1023)>>10, maxFrontmatter>>10)
	}
	return 0, ""
}

// tomlGuardOf scans TOML text (text[i] is at file offset base+i) and returns
// "" when the TOML parser may read it, or why not and the file offset where
// the limit is passed: arrays and inline tables nested, or a dotted key of
// more parts, than maxTOMLNesting. Strings and comments are skipped. what
// names the text in messages ("the frontmatter") and whole what is not
// read ("this record"); tomlGuard is it for a frontmatter.
func tomlGuardOf(text []byte, base int, what, whole string) (off int, why string) {
	depth, dots := 0, 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			if i+2 < len(text) && text[i+1] == c && text[i+2] == c { // multi-line
				i += 3
				for i < len(text) && (text[i] != c || i+2 >= len(text) || text[i+1] != c || text[i+2] != c) {
					if c == '"' && text[i] == '\\' {
						i++
					}
					i++
				}
				i += 2
				continue
			}
			for i++; i < len(text) && text[i] != c && text[i] != '\n'; i++ {
				if c == '"' && text[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			dots = 0
			if depth++; depth > maxTOMLNesting {
				return base + i, sprintf("%s nests arrays or tables more than %d deep here; caselint reads at most %d levels, so it did not read %s: write the values flat", what, maxTOMLNesting, maxTOMLNesting, whole)
			}
		case ']', '}':
			depth = max(0, depth-1)
		case '.':
			if i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
				continue // a number or a time
			}
			if dots++; dots >= maxTOMLNesting {
				return base + i, sprintf("this key has more than %d parts; caselint reads keys of at most %d, so it did not read %s", maxTOMLNesting, maxTOMLNesting, whole)
			}
		case '=', ',', '\n':
			dots = 0
		}
	}
	return 0, ""
}
