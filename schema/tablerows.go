package schema

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark/ast"
)

// A table split by a blank line goes on as a paragraph: in GFM a table
// ends at the first blank line, and the rows after it,
//
//	| A1 | Walk Ella to school | Gina Shaw | daily | O1 |
//
//	| A3 | See Ella alone at home | TBC | ongoing | O1 |
//
// are the lines of a paragraph. pipeRows reads such a paragraph's rows
// with the cells each holds, so that a section read as a table (Actions,
// and Outcomes written as one) reads them as more rows of the table
// above them: the same columns, each row's cells in their own places.

// pipeRow is one line of a paragraph written as a table row: where its
// line starts (in src.Data) and its cells, in order.
type pipeRow struct {
	offset int
	cells  []Cell
}

// isPipeRow reports whether line (of p.in, without its line ending) is
// written as a table row: it opens with "|" (after indentation) and holds
// another "|" that is not escaped, outside a comment.
func isPipeRow(line []byte) bool {
	line = bytes.TrimLeft(line, " \t")
	if len(line) == 0 || line[0] != '|' {
		return false
	}
	for i := 1; i < len(line); i++ {
		switch {
		case line[i] == '|' && !escaped(line, i):
			return true
		case bytes.HasPrefix(line[i:], []byte("<!--")):
			return false // "| <!-- a | b -->": a comment, not a cell
		}
	}
	return false
}

// escaped reports whether b[i] is escaped by a backslash: an odd number
// of them before it.
func escaped(b []byte, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && b[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// pipeRows returns the lines of paragraph para that are written as table
// rows (isPipeRow), each with its cells: the plain text between one
// unescaped "|" and the next (emphasis and comments dropped, escapes
// resolved, collapsed), and the text after the last when there is any.
// It returns nil when no line is a row: most paragraphs are told on
// their first byte.
func (p *bodyParser) pipeRows(para ast.Node) []pipeRow {
	ls := para.Lines()
	if ls == nil || ls.Len() == 0 {
		return nil
	}
	// Which of the paragraph's lines are rows, by their segments.
	type line struct {
		start, stop int // in p.in
		row         int // index in rows; -1 when the line is not a row
	}
	var lines []line
	var rows []pipeRow
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		if seg.Start < 0 || seg.Stop > len(p.in) || seg.Start > seg.Stop {
			continue
		}
		l := line{seg.Start, seg.Stop, -1}
		if isPipeRow(p.in[seg.Start:seg.Stop]) {
			l.row = len(rows)
			rows = append(rows, pipeRow{offset: p.lineStart(seg.Start)})
		}
		lines = append(lines, l)
	}
	if len(rows) == 0 {
		return nil
	}
	// The text of each cell is gathered from the paragraph's text nodes,
	// cut at the pipes they hold; a comment (a want, an ignore) is in no
	// cell.
	type building struct {
		text  []byte
		first int // offset in p.in of its first byte not white space; -1 for none
		pipes int // the pipes read on the row so far
	}
	cur := make([]building, len(rows))
	for i := range cur {
		cur[i].first = -1
	}
	// lineOf finds the line holding pos by halving: the lines are in
	// order, and a paragraph of many rows is not read once a row.
	lineOf := func(pos int) int {
		i := sort.Search(len(lines), func(i int) bool { return lines[i].stop > pos })
		if i < len(lines) && pos >= lines[i].start {
			return i
		}
		return -1
	}
	closeCell := func(r, at int) {
		b := &cur[r]
		if b.pipes > 0 {
			c := Cell{Text: collapse(string(unescape(b.text))), Offset: p.off(at), Line: rows[r].offset}
			if b.first >= 0 {
				c.Offset = p.off(b.first)
			}
			rows[r].cells = append(rows[r].cells, c)
		}
		b.text, b.first = b.text[:0], -1
		b.pipes++
	}
	_ = ast.Walk(para, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := n.Segment
			if seg.Start < 0 || seg.Stop > len(p.in) || seg.Start >= seg.Stop {
				return ast.WalkContinue, nil
			}
			li := lineOf(seg.Start)
			if li < 0 || lines[li].row < 0 {
				return ast.WalkContinue, nil
			}
			r := lines[li].row
			for i := seg.Start; i < seg.Stop; i++ {
				c := p.in[i]
				if c == '|' && !escaped(p.in, i) {
					closeCell(r, i)
					continue
				}
				if cur[r].pipes == 0 {
					continue // before the row's first pipe: indentation
				}
				if cur[r].first < 0 && c != ' ' && c != '\t' {
					cur[r].first = i
				}
				cur[r].text = append(cur[r].text, c)
			}
			if n.SoftLineBreak() || n.HardLineBreak() {
				cur[r].text = append(cur[r].text, ' ')
			}
		}
		return ast.WalkContinue, nil
	})
	// The text after a row's last pipe is a cell when it holds any.
	for r := range rows {
		if cur[r].first >= 0 {
			closeCell(r, cur[r].first)
		}
	}
	return rows
}
