package training

import (
	"fmt"
	"sort"

	"github.com/caselint/caselint/lint/expect"
	"github.com/caselint/caselint/schema"
)

// Stripped is a record with its want comments taken out.
type Stripped struct {
	Data []byte
	// Key is the record's wants, at the lines of Data.
	Key []expect.Expectation
}

// Strip removes the want comments from the record at path (a slash path,
// for the key and for messages), byte-exactly: a comment at the end of a
// line goes with the spaces and tabs before it; a comment on a line of its
// own takes the whole line with it, line ending included. Everything else,
// line endings, a byte-order mark, caselint:ignore comments, is kept as it
// is. The key's lines are those of the stripped record, where the trainee
// and caselint see them.
//
// A file that is not a record (no frontmatter) is returned as it is. A want
// that covers a line which is itself a removed want comment is an error: it
// would point at nothing in the trainee's copy.
func Strip(path string, data []byte) (Stripped, error) {
	doc, ok := schema.Parse(path, data)
	if !ok {
		return Stripped{Data: data}, nil
	}
	src := doc.Source
	type cut struct{ from, to int }
	var cuts []cut
	removedLine := map[int]bool{} // original lines removed whole
	var wants []schema.Directive
	for _, d := range doc.Directives {
		if d.Kind != schema.Want {
			continue
		}
		wants = append(wants, d)
		lineStart := src.LineStart(d.Line)
		from := d.Offset
		for from > lineStart && (data[from-1] == ' ' || data[from-1] == '\t') {
			from--
		}
		to := d.End
		after := to
		for after < len(data) && (data[after] == ' ' || data[after] == '\t') {
			after++
		}
		atEOL := after == len(data) || data[after] == '\n' || data[after] == '\r'
		ownLine := d.Covers == d.Line+1
		switch {
		case ownLine && atEOL:
			// The whole line, its ending included. Spaces before the
			// comment are kept only when they are a byte-order mark's line.
			from = lineStart
			if d.Line == 1 && len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
				from = 3
			}
			to = after
			if to < len(data) && data[to] == '\r' {
				to++
			}
			if to < len(data) && data[to] == '\n' && (to == after || data[to-1] == '\r') {
				to++
			}
			removedLine[d.Line] = true
		case ownLine:
			// Text follows the comment on its line: keep the text where
			// the comment began.
			from, to = d.Offset, after
		}
		cuts = append(cuts, cut{from, to})
	}
	if len(cuts) == 0 {
		return Stripped{Data: data}, nil
	}
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].from < cuts[j].from })
	out := make([]byte, 0, len(data))
	pos := 0
	for _, c := range cuts {
		if c.from < pos {
			return Stripped{}, fmt.Errorf("%s: overlapping want comments", path)
		}
		out = append(out, data[pos:c.from]...)
		pos = c.to
	}
	out = append(out, data[pos:]...)

	// newLine maps a line of the original to the stripped record.
	newLine := func(l int) int {
		n := l
		for r := range removedLine {
			if r < l {
				n--
			}
		}
		return n
	}
	var key []expect.Expectation
	for _, d := range wants {
		if removedLine[d.Covers] {
			return Stripped{}, fmt.Errorf("%s:%d: this want stands on a line of its own before another want comment, so it expects a finding on a line the trainee's copy does not have; put both rule ids in one want", path, d.Line)
		}
		for _, r := range d.Rules {
			key = append(key, expect.Expectation{Path: path, Line: newLine(d.Covers), Rule: r})
		}
	}
	return Stripped{Data: out, Key: key}, nil
}
