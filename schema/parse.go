package schema

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
)

// Parse reads one Markdown file. It returns ok=false when the file is not a
// record at all (empty, only white space, or no frontmatter: a README).
// Otherwise it never fails: problems become doc.Problems, each an offset and
// a message that becomes an invalid-record finding at that exact line and
// column, and as much of the record as could be read is kept.
//
// The steps, all in byte offsets into data:
//
//  1. the frontmatter lexer finds the +++ delimiters, the TOML text and the
//     body (splitFrontmatter); YAML (---) frontmatter is a broken record;
//  2. the key index records where each key and value stands (indexKeys);
//  3. the TOML text is decoded strictly into the typed Record of its type
//     (decodeFront); plain TOML, as nearly every record is written, is read
//     with its key index in one pass of caselint's own (fastFront),
//     which gives the same values and index, and the rest by the library;
//  4. the want and caselint:ignore comments are read (parseDirectives);
//  5. the body is parsed for the kinds whose body rules read (plan, visit,
//     core group).
//
// A frontmatter too big or nested too deep for the TOML parser, or a body
// for goldmark, is not read (see guard.go): the document has a problem
// saying so.
//
// When the frontmatter is never closed, the TOML text is read up to the
// first line that does not parse; FrontEnd and BodyStart are that line, and
// the rest is read as the body.
//
// A file named case.md is always a record (format 1.1): the folder holding
// it is a case whatever it says, so a case.md without frontmatter, or an
// empty one, is a Document with no Kind and no Record and a problem at its
// first line, never a README skipped in silence.
func Parse(path string, data []byte) (doc *Document, ok bool) {
	fm := splitFrontmatter(data)
	if !fm.record {
		if isCaseFile(path) {
			return caseWithoutFrontmatter(path, data), true
		}
		return nil, false
	}
	src := NewSource(path, data)
	doc = &Document{
		Source:     src,
		FrontStart: fm.front.Start,
		FrontEnd:   fm.front.End,
		BodyStart:  fm.bodyStart,
	}
	doc.Problems = append(doc.Problems, fm.problems...)
	bodyEnd := -1 // the body is read to the end of the file...
	if fm.closed && !fm.yaml {
		if off, ok := secondRecord(data, fm.bodyStart); ok {
			// ...or to a second record appended to the file, whose facts
			// are not this record's.
			bodyEnd = off
			doc.Problemf(off, "a second record starts here, in the body of this one, and is not read: one record per file: move this record, from this +++ line to its end, to its own file")
		}
	}

	bad := invalidUTF8(data)
	if len(bad) > 0 {
		p := src.Position(bad[0])
		doc.Problemf(bad[0], "the file is not valid UTF-8 (byte 0x%02x at %d:%d): save it as UTF-8", data[bad[0]], p.Line, p.Col)
	}

	if off, ok := conflictMarkers(data); ok {
		doc.Problemf(off, "an unresolved merge conflict starts here: the file holds two versions of the record, between the <<<<<<< and >>>>>>> lines, and caselint cannot tell which is the record: resolve the conflict, keeping what happened, and delete the marker lines")
	}

	if fm.yaml {
		doc.Keys = indexKeys(src, Span{doc.FrontStart, doc.FrontStart}) // empty: YAML is not read
	} else {
		if !fm.closed {
			end := tomlPrefix(src, fm.front, bad)
			doc.FrontEnd, doc.BodyStart = end, end
		}
		front := Span{doc.FrontStart, doc.FrontEnd}
		if off, why := frontSizeGuard(front); why != "" {
			doc.Problemf(off, "%s", why) // too big for the TOML parser: not read
			doc.Keys = indexKeys(src, Span{doc.FrontStart, doc.FrontStart})
		} else if top, keys, ok := fastFront(data[front.Start:front.End], front.Start, front); ok {
			doc.Keys = keys // plain TOML: its values and key index in one pass
			decodeTop(doc, top)
		} else if off, why := tomlGuard(data[front.Start:front.End], front.Start); why != "" {
			doc.Problemf(off, "%s", why) // too deep for the TOML parser: not read
			doc.Keys = indexKeys(src, Span{doc.FrontStart, doc.FrontStart})
		} else {
			doc.Keys = indexKeys(src, front)
			decodeFront(doc, bad)
			reportKeyConflicts(doc)
		}
	}

	doc.Directives = parseDirectives(src, doc.Keys.Comments(), doc.BodyStart)

	switch doc.Kind {
	case KindPlan, KindVisit, KindCoreGroup:
		var pr *Problem
		if doc.Body, pr = readBody(src, doc.Kind, doc.BodyStart, bodyEnd); pr != nil {
			doc.Problems = append(doc.Problems, *pr)
		}
	}

	slices.SortStableFunc(doc.Problems, func(a, b Problem) int { return a.Offset - b.Offset })
	for i := range doc.Problems { // never outside the file
		doc.Problems[i].Offset = max(0, min(doc.Problems[i].Offset, len(data)))
	}
	return doc, true
}

// invalidUTF8 returns the offset of every byte of data that is not part of a
// valid UTF-8 encoding.
func invalidUTF8(data []byte) []int {
	if utf8.Valid(data) {
		return nil
	}
	var bad []int
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			bad = append(bad, i)
			i++
			continue
		}
		i += n
	}
	return bad
}

// CaseFileName is the name of the file that makes a folder a case.
const CaseFileName = "case.md"

// isCaseFile reports whether the slash or OS path names a case.md.
func isCaseFile(path string) bool {
	i := strings.LastIndexAny(path, "/\\")
	return path[i+1:] == CaseFileName
}

// caseWithoutFrontmatter is the Document of a case.md that opens with no
// frontmatter (or is empty): the case record could not be read.
func caseWithoutFrontmatter(path string, data []byte) *Document {
	src := NewSource(path, data)
	doc := &Document{Source: src, BodyStart: 0}
	doc.Keys = indexKeys(src, Span{0, 0})
	if _, isUTF16 := decodeUTF16(data); isUTF16 {
		doc.Problemf(0, "case.md is saved as UTF-16 (Notepad's \"Unicode\"), so the case record cannot be read: save it as UTF-8")
		return doc
	}
	if off, msg, ok := recordShape(data); ok { // " +++", "++++", YAML below a title
		doc.Problems = append(doc.Problems, ownProblem(off, msg))
		doc.Directives = parseDirectives(src, doc.Keys.Comments(), 0)
		return doc
	}
	what := "case.md has no frontmatter"
	if len(bytes.TrimSpace(data)) == 0 {
		what = "case.md is empty"
	}
	doc.Problemf(0, "%s, so the case record cannot be read: open the file with the case's facts in TOML between +++ lines "+
		"(type = \"case\", id, [child] with name, born or unborn, and first_language, and a [[people]] entry for everyone on the plan); "+
		"until it has them, nothing about the child (age, birth, language) or about who is among the case's people can be checked", what)
	if bad := invalidUTF8(data); len(bad) > 0 {
		p := src.Position(bad[0])
		doc.Problemf(bad[0], "the file is not valid UTF-8 (byte 0x%02x at %d:%d): save it as UTF-8", data[bad[0]], p.Line, p.Col)
	}
	doc.Directives = parseDirectives(src, doc.Keys.Comments(), 0)
	return doc
}

// reportKeyConflicts reports each key the key index found written both as
// a plain key and as a table of the same path ("attended.x = 1", then
// "attended = [...]"): invalid TOML that BurntSushi/toml accepts without a
// word, keeping one of the two. A line already reported (a syntax error
// the library did find) is not reported again.
func reportKeyConflicts(doc *Document) {
	for _, sp := range doc.Keys.Conflicts() {
		line := doc.Source.LineOf(sp.Start)
		dup := false
		for _, p := range doc.Problems {
			if doc.Source.LineOf(p.Offset) == line {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		key := strings.Trim(string(doc.Source.Data[sp.Start:sp.End]), "[] \t")
		doc.Problemf(sp.Start, "%s is written both as a table (a dotted key such as %s.x, or a [%s] header) and as a plain key: TOML allows one; keep the one you mean and delete the other", key, key, key)
	}
}

// conflictMarkers returns the offset of the first line of an unresolved
// merge conflict in data, a line opening with "<<<<<<<" followed by a later
// one opening with ">>>>>>>" (as git writes them, with or without a name
// after the marks), and whether there is one.
func conflictMarkers(data []byte) (int, bool) {
	open := markerLine(data, 0, "<<<<<<<")
	if open < 0 {
		return 0, false
	}
	return open, markerLine(data, open+7, ">>>>>>>") >= 0
}

// markerLine returns the offset of the first line of data at or after from
// that opens with marker followed by a space, a tab or the line's end, or
// -1.
func markerLine(data []byte, from int, marker string) int {
	for from < len(data) {
		i := bytes.Index(data[from:], []byte(marker))
		if i < 0 {
			return -1
		}
		at := from + i
		end := at + len(marker)
		if (at == 0 || data[at-1] == '\n') && (end == len(data) || data[end] == ' ' || data[end] == '\t' || data[end] == '\n' || data[end] == '\r') {
			return at
		}
		from = end
	}
	return -1
}
