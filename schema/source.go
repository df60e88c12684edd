package schema

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// Source is the bytes of one file and an index of where its lines start.
// Everything in the parser and the checks works in byte offsets into Data;
// offsets become line and column only at the edge, through Position.
type Source struct {
	Path  string // slash-separated, relative to the repository (or working) root
	Data  []byte
	lines []int32 // byte offset at which each line starts (files are under 2 GB: max_file_size is at most 1 GB)
}

// NewSource indexes data. Lines end at "\n", "\r\n" or a lone "\r".
func NewSource(path string, data []byte) *Source {
	// Counted first, so that a file of millions of short lines takes one
	// index of 4 bytes a line, not the slices an append grows through.
	lf, cr := bytes.Count(data, []byte("\n")), bytes.Count(data, []byte("\r"))
	s := &Source{Path: path, Data: data, lines: make([]int32, 1, 1+lf+cr)}
	if cr == 0 {
		// Lines end at "\n" alone (most files): found a line at a time.
		for i := 0; ; {
			j := bytes.IndexByte(data[i:], '\n')
			if j < 0 {
				return s
			}
			i += j + 1
			s.lines = append(s.lines, int32(i))
		}
	}
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			s.lines = append(s.lines, int32(i+1))
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			s.lines = append(s.lines, int32(i+1))
		}
	}
	return s
}

// Position is a place in a file: the byte offset, and the 1-based line and
// column. Col counts characters (Unicode code points), Col16 counts UTF-16
// code units as SARIF requires, ColByte counts bytes as reviewdog's rdjson
// does. A byte-order mark is not a column.
type Position struct {
	Offset  int
	Line    int
	Col     int
	Col16   int
	ColByte int
}

// IsValid reports whether the position was set.
func (p Position) IsValid() bool { return p.Line > 0 }

// LineCount returns the number of lines in the file.
func (s *Source) LineCount() int { return len(s.lines) }

// LineStart returns the byte offset of the start of 1-based line n.
func (s *Source) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(s.lines) {
		return len(s.Data)
	}
	return int(s.lines[n-1])
}

// Line returns the text of 1-based line n without its line ending.
func (s *Source) Line(n int) []byte {
	start := s.LineStart(n)
	end := len(s.Data)
	if n < len(s.lines) {
		end = int(s.lines[n])
	}
	for end > start && (s.Data[end-1] == '\n' || s.Data[end-1] == '\r') {
		end--
	}
	return s.Data[start:end]
}

// LineOf returns the 1-based line holding byte offset off.
func (s *Source) LineOf(off int) int {
	off = max(0, min(off, len(s.Data)))
	lo, hi := 0, len(s.lines)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if int(s.lines[mid]) <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// Position converts byte offset off to line and columns.
func (s *Source) Position(off int) Position {
	off = max(0, min(off, len(s.Data)))
	line := s.LineOf(off)
	start := int(s.lines[line-1])
	if line == 1 && len(s.Data) >= 3 && s.Data[0] == 0xEF && s.Data[1] == 0xBB && s.Data[2] == 0xBF {
		start = min(3, off)
	}
	col, col16 := 1, 1
	for b := s.Data[start:off]; len(b) > 0; {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		col++
		if r != utf8.RuneError && utf16.RuneLen(r) == 2 {
			col16 += 2
		} else {
			col16++
		}
	}
	return Position{Offset: off, Line: line, Col: col, Col16: col16, ColByte: off - start + 1}
}
