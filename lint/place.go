package lint

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/caselint/caselint/schema"
)

// A hostile record can make a rule report the same thing thousands of
// times (a word repeated over a 2 MB line, thousands of unknown keys). The
// engine keeps that bounded: it stores at most maxDiagsPerFile diagnostics
// of one rule in one file and counts the rest, lists at most
// maxFindingsPerFile of them with one more finding saying how many are not
// listed, and turns offsets into places without rescanning a long line for
// each finding (placer).
const (
	maxDiagsPerFile    = 1000
	maxFindingsPerFile = 100
)

// ruleDoc is a rule and a file it reported on.
type ruleDoc struct {
	rule string
	path string
}

// ruleLine is a rule and a line of a file it reported on.
type ruleLine struct {
	ruleDoc
	line int
}

// diagCounter stores the diagnostics of one case, at most maxDiagsPerFile
// of each rule in each file, and counts those it drops by line, so that
// the ignores still apply to them.
type diagCounter struct {
	diags   []ruleDiag
	count   map[ruleDoc]int
	dropped map[ruleLine]int
}

func (c *diagCounter) add(d ruleDiag) {
	if d.Doc == nil {
		return // no place to report it
	}
	k := ruleDoc{d.rule, d.Doc.Source.Path}
	if c.count == nil {
		c.count = map[ruleDoc]int{}
	}
	if c.count[k]++; c.count[k] > maxDiagsPerFile {
		if c.dropped == nil {
			c.dropped = map[ruleLine]int{}
		}
		c.dropped[ruleLine{k, d.Doc.Source.LineOf(d.Offset)}]++
		return
	}
	c.diags = append(c.diags, d)
}

// more counts n findings of rule in d that were never reported (the
// problems past schema.MaxProblems), at the line of the last one reported.
func (c *diagCounter) more(rule string, d *schema.Document, n int) {
	last := 0
	for _, p := range d.Problems {
		last = max(last, p.Offset)
	}
	if c.dropped == nil {
		c.dropped = map[ruleLine]int{}
	}
	c.dropped[ruleLine{ruleDoc{rule, d.Source.Path}, d.Source.LineOf(last)}] += n
}

// limit keeps, of the unsuppressed findings (sorted) of each rule in each
// file, the first maxFindingsPerFile, and puts one finding saying how many
// more there are in place of the rest. dropped counts, by line, those
// never stored that no ignore covers (suppress took out the others).
func (e *engine) limit(docs []*schema.Document, fs []Finding, dropped map[ruleLine]int) []Finding {
	count := map[ruleDoc]int{}        // unsuppressed findings, stored or not
	stored := map[ruleDoc]int{}       // those stored
	firstDropped := map[ruleDoc]int{} // the first line with one not stored
	for _, f := range fs {
		if f.Suppression == nil {
			count[ruleDoc{f.RuleID, f.Path}]++
			stored[ruleDoc{f.RuleID, f.Path}]++
		}
	}
	for k, n := range dropped {
		count[k.ruleDoc] += n
		if l, ok := firstDropped[k.ruleDoc]; !ok || k.line < l {
			firstDropped[k.ruleDoc] = k.line
		}
	}
	over := false
	for _, n := range count {
		over = over || n > maxFindingsPerFile
	}
	if !over {
		return fs
	}
	summary := func(k ruleDoc) string {
		more := count[k] - min(stored[k], maxFindingsPerFile)
		return fmt.Sprintf("%d more findings of %s in this file are not listed (caselint lists at most %d of a rule in a file): fix those listed and lint again", more, k.rule, maxFindingsPerFile)
	}
	out := fs[:0]
	listed := map[ruleDoc]int{}
	for _, f := range fs {
		k := ruleDoc{f.RuleID, f.Path}
		if f.Suppression != nil || count[k] <= maxFindingsPerFile {
			out = append(out, f)
			continue
		}
		switch listed[k]++; {
		case listed[k] <= maxFindingsPerFile:
			out = append(out, f)
		case listed[k] == maxFindingsPerFile+1:
			f.Message = summary(k)
			f.Origin, f.Attributed = nil, nil
			out = append(out, f)
		}
	}
	// A rule with too few stored findings to carry the summary gets it at
	// the first line of those it dropped.
	var pl placer
	for k, n := range count {
		if n <= maxFindingsPerFile || listed[k] > maxFindingsPerFile {
			continue
		}
		for _, d := range docs {
			if d.Source.Path == k.path {
				out = append(out, pl.finding(e, k.rule, d, d.Source.LineStart(firstDropped[k]), "", summary(k)))
				break
			}
		}
	}
	sortFindings(out)
	return out
}

// placer turns byte offsets into places. For offsets in ascending order
// along one line, each column is counted on from the one before rather than
// from the start of the line, and each line's text and fingerprint are made
// once: a thousand findings on a 2 MB line cost one pass over it, not a
// thousand.
type placer struct {
	cols  map[*schema.Source]colState
	lines map[lineKey]string
	fps   map[fpKey]string
}

type colState struct {
	line       int
	off        int // a rune boundary of the line as Position decodes it
	col, col16 int // the columns at off
}

type lineKey struct {
	src  *schema.Source
	line int
}

type fpKey struct {
	rule string
	lineKey
	occurrence string
}

var bom = []byte("\uFEFF")

// position is src.Position(off), exactly.
func (p *placer) position(src *schema.Source, off int) schema.Position {
	off = max(0, min(off, len(src.Data)))
	line := src.LineOf(off)
	st, ok := p.cols[src]
	if !ok || st.line != line || st.off > off {
		start := src.LineStart(line)
		if line == 1 && bytes.HasPrefix(src.Data, bom) {
			if off < 3 {
				return src.Position(off)
			}
			start = 3
		}
		st = colState{line: line, off: start, col: 1, col16: 1}
	}
	col, col16 := st.col, st.col16
	i, saved := st.off, false
	for i < off {
		r, n := utf8.DecodeRune(src.Data[i:])
		if i+n > off {
			// A rune cut short at off: Position decodes only what is before
			// off, so the next offset must not count on from here.
			if !saved {
				p.save(src, colState{line: line, off: i, col: col, col16: col16})
				saved = true
			}
			r, n = utf8.DecodeRune(src.Data[i:off])
		}
		i += n
		col++
		if r != utf8.RuneError && utf16.RuneLen(r) == 2 {
			col16 += 2
		} else {
			col16++
		}
	}
	if !saved {
		p.save(src, colState{line: line, off: off, col: col, col16: col16})
	}
	lineStart := src.LineStart(line)
	if line == 1 && bytes.HasPrefix(src.Data, bom) {
		lineStart = min(3, off)
	}
	return schema.Position{Offset: off, Line: line, Col: col, Col16: col16, ColByte: off - lineStart + 1}
}

func (p *placer) save(src *schema.Source, st colState) {
	if p.cols == nil {
		p.cols = map[*schema.Source]colState{}
	}
	p.cols[src] = st
}

// place is the place of offset off of d.
func (p *placer) place(d *schema.Document, off int) place {
	src := d.Source
	pos := p.position(src, off)
	k := lineKey{src, pos.Line}
	text, ok := p.lines[k]
	if !ok {
		text = string(src.Line(pos.Line))
		if p.lines == nil {
			p.lines = map[lineKey]string{}
		}
		p.lines[k] = text
	}
	return place{path: src.Path, pos: pos, line: text}
}

// finding is e.finding, with the fingerprint of each rule on each line
// (and occurrence, Diagnostic.Occurrence) made once.
func (p *placer) finding(e *engine, rule string, d *schema.Document, off int, occurrence, msg string) Finding {
	at := p.place(d, off)
	k := fpKey{rule, lineKey{d.Source, at.pos.Line}, occurrence}
	fp, ok := p.fps[k]
	if !ok {
		fp = occurrenceFingerprint(rule, e.fpPath(at.path), at.line, occurrence, 0)
		if p.fps == nil {
			p.fps = map[fpKey]string{}
		}
		p.fps[k] = fp
	}
	return Finding{RuleID: rule, Severity: e.severity[rule], Path: at.path, Pos: at.pos, Message: msg, Fingerprint: fp}
}

// sortDiags puts diagnostics in file and offset order, so the placer
// counts each column on from the one before. Those without a document are
// dropped: they have no place.
func sortDiags(ds []ruleDiag) []ruleDiag {
	ds = slices.DeleteFunc(ds, func(d ruleDiag) bool { return d.Doc == nil })
	slices.SortStableFunc(ds, func(a, b ruleDiag) int {
		if a.Doc.Source.Path != b.Doc.Source.Path {
			if a.Doc.Source.Path < b.Doc.Source.Path {
				return -1
			}
			return 1
		}
		return a.Offset - b.Offset
	})
	return ds
}

// extents finds where what a finding points at ends, once per document:
// the key, value or array element of the frontmatter that starts at its
// offset (schema.KeyIndex.Extents), or, for a finding at the start of a
// line (a table row, a list item, a heading, as the body's nodes place
// them), the end of that line. Reports give it as endLine and endColumn.
type extents struct {
	doc  *schema.Document
	keys map[int]int
}

// end is the end of what a finding at off of d points at: given (when
// after off), else found as above; off when none is known.
func (x *extents) end(d *schema.Document, off, given int) int {
	if given > off {
		return min(given, len(d.Source.Data))
	}
	if x.doc != d {
		x.doc, x.keys = d, d.Keys.Extents()
	}
	if end, ok := x.keys[off]; ok {
		return end
	}
	src := d.Source
	line := src.LineOf(off)
	if off == src.LineStart(line) {
		return off + len(src.Line(line))
	}
	return off
}
