package schema

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// A file that Parse does not take for a record may still be one, written
// the way a word processor or a hurried worker writes it: the opening line
// " +++", "++++" or "+++" followed by a no-break space, a title above
// YAML frontmatter, the type line with no frontmatter around it, or the
// whole file saved as UTF-16. Such a file, in a case folder, is reported
// and never skipped in silence (Misshapen): skipping it would lose the
// visit, refusal or meeting it records without a word. It is not read: the
// report says what to change so that it can be.

// Misshapen returns, for a file at path that Parse did not take for a
// record (ok=false), a Document with no Kind and no Record and a problem at
// the line that shows it is a record all the same, and true; or nil and
// false for a file that is simply not a record (a README, notes with no
// frontmatter). Call it only for files in a case folder: Markdown
// elsewhere is not read as records.
func Misshapen(path string, data []byte) (*Document, bool) {
	off, msg, ok := recordShape(data)
	if !ok {
		text, isUTF16 := decodeUTF16(data)
		if !isUTF16 {
			return nil, false
		}
		if fm := splitFrontmatter(text); !fm.record {
			if _, _, shaped := recordShape(text); !shaped {
				return nil, false
			}
		}
		off, msg = 0, "the file is saved as UTF-16 (Notepad's \"Unicode\"), so the record in it is not read: save it as UTF-8"
	}
	src := NewSource(path, data)
	doc := &Document{Source: src}
	doc.Keys = indexKeys(src, Span{0, 0})
	doc.Problems = append(doc.Problems, ownProblem(off, msg))
	if utf8.Valid(data) {
		doc.Directives = parseDirectives(src, doc.Keys.Comments(), 0)
	}
	return doc, true
}

// recordShape finds, outside fenced code blocks, the first line that shows
// data is a record Parse could not read: a delimiter-like line (a run of
// three or more +, or ---, once spaces, no-break spaces, zero-width
// characters and byte-order marks are trimmed) followed within a few
// lines by a line setting a known type; or else a line setting a known
// type (type = "visit"). It returns that line's offset and what to change.
func recordShape(data []byte) (off int, msg string, ok bool) {
	typeLine := -1
	above := 0 // lines of text above the line looked at
	found := eachLine(data, skipBOM(data), func(pos, end, next int, fenced bool) bool {
		line := data[pos:end]
		if !fenced {
			if d := delimLike(line); d != 0 && typeFollows(data, next, d) {
				off, msg = pos, delimMessage(line, d, above)
				return true
			}
			if typeLine < 0 && setsKnownType(line, false) {
				typeLine = pos
			}
		}
		if !isBlank(line) {
			above++
		}
		return false
	})
	if found {
		return off, msg, true
	}
	if typeLine >= 0 {
		return typeLine, "this line sets a record's type, but the file does not open with frontmatter, so the record is not read: " +
			"the file's first line must be exactly +++, then the keys, then a line of exactly +++ after the last key", true
	}
	return 0, "", false
}

// skipBOM returns the offset after the byte-order mark data opens with, if
// any: one is allowed; a second is an invisible character on the line.
func skipBOM(data []byte) int {
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		return 3
	}
	return 0
}

// invisible reports whether r is a character a word processor leaves
// around a line that shows as nothing: white space, a no-break space, a
// zero-width space or joiner, a byte-order mark.
func invisible(r rune) bool {
	switch r {
	case '\u00a0', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u202f':
		return true
	}
	return unicode.IsSpace(r)
}

// delimLike returns '+' when line, trimmed of invisible characters, is a
// run of three or more +, '-' when it is ---, and 0 otherwise.
func delimLike(line []byte) byte {
	t := bytes.TrimFunc(line, invisible)
	switch {
	case len(t) >= 3 && len(bytes.Trim(t, "+")) == 0:
		return '+'
	case string(t) == "---":
		return '-'
	}
	return 0
}

// typeFollows reports whether a line setting a known type comes within a
// few lines from pos, before another delimiter-like line (YAML's "type:"
// counts after ---).
func typeFollows(data []byte, pos int, d byte) bool {
	for n := 0; n < 8 && pos < len(data); n++ {
		end, next := lineAt(data, pos)
		line := data[pos:end]
		if delimLike(line) != 0 {
			return false
		}
		if setsKnownType(line, d == '-') {
			return true
		}
		pos = next
	}
	return false
}

// setsKnownType reports whether line, trimmed, sets type to one of the
// kinds of record: type = "visit" (quoted or not, any case), or with yaml
// type: visit.
func setsKnownType(line []byte, yaml bool) bool {
	t := bytes.TrimFunc(line, invisible)
	rest, ok := bytes.CutPrefix(t, []byte("type"))
	if !ok {
		return false
	}
	rest = bytes.TrimFunc(rest, invisible)
	switch {
	case bytes.HasPrefix(rest, []byte("=")):
	case yaml && bytes.HasPrefix(rest, []byte(":")):
	default:
		return false
	}
	v := bytes.TrimFunc(rest[1:], invisible)
	if i := bytes.IndexByte(v, '#'); i >= 0 {
		v = bytes.TrimFunc(v[:i], invisible)
	}
	v = bytes.Trim(v, "\"'")
	for _, k := range Kinds {
		if strings.EqualFold(string(v), string(k)) {
			return true
		}
	}
	return false
}

// delimMessage says what to change in the delimiter-like line, with above
// lines of text above it.
func delimMessage(line []byte, d byte, above int) string {
	if d == '-' {
		m := "records use TOML frontmatter between +++ lines, not YAML (---), so the record is not read: write its keys as TOML (type = \"visit\") between a first line of exactly +++ and a line of exactly +++ after the last key"
		if above > 0 {
			m += sprintf(", and move the %s above into the body", linesAbove(above))
		}
		return m
	}
	var what []string
	t := bytes.TrimFunc(line, invisible)
	if n := len(t); n != 3 {
		what = append(what, sprintf("%d plus signs", n))
	}
	lead := line[:bytes.Index(line, t)]
	if bytes.ContainsAny(lead, " \t") {
		what = append(what, "spaces or tabs before them")
	}
	hidden := func(r rune) bool { return r != ' ' && r != '\t' && invisible(r) }
	if bytes.ContainsFunc(lead, hidden) || bytes.ContainsFunc(line[len(lead)+len(t):], hidden) {
		what = append(what, "an invisible character beside them (a no-break space, a zero-width space or a byte-order mark, as word processors and email insert)")
	}
	m := "the frontmatter must open with a line of exactly +++ (three plus signs, nothing before them), so the record is not read"
	if len(what) > 0 {
		m += ": this line has " + strings.Join(what, " and ") + "; retype it as +++"
	}
	if above > 0 {
		m += sprintf("; and the frontmatter must open on the first line: move the %s above into the body, after the closing +++", linesAbove(above))
	}
	return m
}

// decodeUTF16 returns data decoded from UTF-16 into UTF-8 when it opens
// with a UTF-16 byte-order mark (as Notepad's "Unicode" saves it), or,
// with none, when its opening reads as UTF-16 text (bomlessUTF16: as
// iconv, some exports and scripts save it). A record saved either way
// must be reported, never passed over as "not a text file": the visit or
// refusal in it would be lost without a word.
func decodeUTF16(data []byte) ([]byte, bool) {
	if len(data) < 2 {
		return nil, false
	}
	var be bool
	start := 2
	switch {
	case data[0] == 0xFF && data[1] == 0xFE:
	case data[0] == 0xFE && data[1] == 0xFF:
		be = true
	default:
		var ok bool
		if be, ok = bomlessUTF16(data); !ok {
			return nil, false
		}
		start = 0
	}
	units := make([]uint16, 0, len(data)/2)
	for i := start; i+1 < len(data); i += 2 {
		if be {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	return []byte(string(utf16.Decode(units))), true
}

// secondRecord finds, in the body of a record from pos, outside fenced
// code blocks, a +++ line followed by a line that sets type: a second
// record appended to the file, whose frontmatter would be read as body
// text. It returns that line's offset.
func secondRecord(data []byte, pos int) (int, bool) {
	if !bytes.Contains(data[pos:], []byte("+++")) {
		return 0, false
	}
	at := 0
	ok := eachLine(data, pos, func(pos, end, next int, fenced bool) bool {
		at = pos
		return !fenced && delimLike(data[pos:end]) == '+' && setsType(data, next)
	})
	if !ok {
		return 0, false
	}
	return at, true
}

// ownProblem is the problem at off whose message msg is caselint's own
// words alone, quoting nothing of the record.
func ownProblem(off int, msg string) Problem {
	return Problem{Offset: off, Message: msg, Msg: Msg{Format: fixed(msg)}}
}

// IsUTF16 reports whether data opens with a UTF-16 byte-order mark, or
// with none reads as UTF-16 text (bomlessUTF16).
func IsUTF16(data []byte) bool {
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return true
	}
	_, ok := bomlessUTF16(data)
	return ok
}

// utf16Sample is how many bytes of a file bomlessUTF16 reads.
const utf16Sample = 256

// bomlessUTF16 reports whether data, with no byte-order mark, reads as
// UTF-16 text, and in which order (be: big-endian): it has an even
// length of at least 8 bytes and, of the code units of its first
// utf16Sample bytes, none is zero and at least nine in ten have a zero
// high byte (the letters, digits, punctuation and line ends a record is
// mostly written in), with no unit the other way round. UTF-8 text holds
// no zero byte, so is never taken for it.
func bomlessUTF16(data []byte) (be, ok bool) {
	if len(data) < 8 || len(data)%2 != 0 {
		return false, false
	}
	sample := data[:min(len(data), utf16Sample)]
	var le, bige, units int
	for i := 0; i+1 < len(sample); i += 2 {
		a, b := sample[i], sample[i+1]
		units++
		switch {
		case a == 0 && b == 0:
			return false, false
		case a != 0 && b == 0:
			le++
		case a == 0 && b != 0:
			bige++
		}
	}
	switch {
	case bige == 0 && le*10 >= units*9:
		return false, true
	case le == 0 && bige*10 >= units*9:
		return true, true
	}
	return false, false
}
