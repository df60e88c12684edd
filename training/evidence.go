package training

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/ruledoc"
	"github.com/caselint/caselint/schema"
)

// Fix-mode marking refuses falsified records. A record is evidence: a
// mistake found later is put right by a dated entry that keeps the
// original, never by rewriting it. So check compares the trainee's copy
// (and, in a git repository, each commit the trainee made) with the
// records as started, and reports as "changed the evidence" what a record
// of an event must never have done to it; a seeded problem that
// disappeared with such a change is never counted as fixed.

// EvidenceKind says what a change did to the records.
type EvidenceKind string

// The kinds of changed evidence.
const (
	ChangedFact     EvidenceKind = "changed a fact"
	DeletedRecord   EvidenceKind = "deleted a record"
	DeletedEntry    EvidenceKind = "deleted a row or entry"
	DeletedSection  EvidenceKind = "deleted a section"
	DeletedText     EvidenceKind = "deleted what the record says"
	BackdatedRecord EvidenceKind = "added a record dated before the exercise"
	InventedPerson  EvidenceKind = "added a person only to own an action"
	RewroteHistory  EvidenceKind = "rewrote the git history"
)

// EvidenceChange is one change to the evidence.
type EvidenceChange struct {
	Kind EvidenceKind
	Path string // slash path in the trainee's folder
	// Line is the line in the records as started (0: the whole record, a
	// new record, or the history).
	Line int
	What string // what was changed, in words: "seen_alone: false → true"
	// Commit is the trainee's commit that made the change (short hash and
	// subject), "" when it was found in the folder only.
	Commit string
	// first, last: the lines of the record as started that the change
	// touched (0, 0: the whole record).
	first, last int
	// links are other places the change bears on (a plan's row given to
	// an invented person).
	links []EvidenceChange
}

// At is the change's place, path:line or path.
func (c EvidenceChange) At() string {
	if c.Line > 0 {
		return fmt.Sprintf("%s:%d", c.Path, c.Line)
	}
	return c.Path
}

// SuppressionNote is a caselint:ignore the trainee's copy holds, for the
// trainer to judge: a suppression is never "fixed".
type SuppressionNote struct {
	Path   string
	Line   int // the comment's line
	Rule   string
	Reason string
	// Seeded says it suppresses one of the seeded problems.
	Seeded bool
	// Weak says why the reason does not count ("" when it does): one word,
	// too short, or a problem that can be put right, not only recorded.
	Weak string
}

// EvidenceRule is the procedure's rule on records that the report
// teaches.
const EvidenceRule = "A record is evidence (the procedure's words below): a mistake found later is put right by a dated entry that keeps the original (a correction note, an addendum, a record dated today), never by rewriting what was recorded. Put the record back as it was and add what is new as a dated entry; what cannot be undone is recorded with a caselint:ignore and its reason."

// minReasonWords is the fewest words a suppression's reason needs to say
// what happened and who reviewed it.
const minReasonWords = 5

// placeholders are values that hold no fact: filling them in is completing
// a record, not changing it.
var placeholders = map[string]bool{"": true, "tbc": true, "tba": true, "tbd": true, "to follow": true, "-": true, "n/a": true, "?": true, "unknown": true, "none yet": true, "to be confirmed": true}

func isPlaceholder(s string) bool {
	return placeholders[strings.ToLower(strings.Trim(strings.TrimSpace(s), ".*_"))]
}

// evidence compares versions of the trainee's records with the records as
// started.
type evidence struct {
	ex    *Exercise
	first map[string][]byte // each record as first recorded (git exercises), where it differs
}

func (ex *Exercise) newEvidence() *evidence {
	e := &evidence{ex: ex, first: map[string][]byte{}}
	for _, c := range ex.history {
		for _, f := range c.files {
			if _, ok := e.first[f.path]; !ok {
				e.first[f.path] = f.data
			}
		}
	}
	for p, d := range e.first {
		// Only a record of an event is put back as first recorded: the
		// plan and case.md are kept up to date, and their earlier
		// versions are not the evidence.
		f, ok := parseFront(p, d)
		if bytes.Equal(d, ex.Files[p]) || !ok || f.kind == schema.KindPlan || f.kind == schema.KindCase {
			delete(e.first, p)
		}
	}
	return e
}

// fact is one frontmatter value.
type fact struct {
	val  any
	line int
}

// front is a record's frontmatter, flattened: "key", "table.key",
// "array[ident].key"; entries are its tables and array elements.
type front struct {
	kind    schema.Kind
	facts   map[string]fact
	entries map[string]int // table or element path -> its header line
	end     int            // the frontmatter's last line
	body    int            // the body's first line
}

var keyLine = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)\s*=`)

// parseFront reads a record's frontmatter; ok is false for a file that is
// not a record or whose frontmatter does not parse.
func parseFront(p string, data []byte) (*front, bool) {
	doc, ok := schema.Parse(p, data)
	if !ok || doc.FrontEnd <= doc.FrontStart {
		return nil, false
	}
	raw := data[doc.FrontStart:doc.FrontEnd]
	if guardTOML(p, raw) != nil {
		return nil, false
	}
	var m map[string]any
	if _, err := toml.Decode(string(raw), &m); err != nil {
		return nil, false
	}
	fr := &front{kind: doc.Kind, facts: map[string]fact{}, entries: map[string]int{}}
	if path.Base(p) == "case.md" {
		fr.kind = schema.KindCase
	}
	// The line of each key: "table#i.key" as the file lays them out.
	startLine := 1 + bytes.Count(data[:doc.FrontStart], []byte("\n"))
	lines := map[string]int{}
	headers := map[string]int{}
	table, count := "", map[string]int{}
	for i, l := range bytes.Split(raw, []byte("\n")) {
		n := startLine + i
		t := strings.TrimSpace(string(l))
		switch {
		case strings.HasPrefix(t, "[["):
			name := strings.TrimSpace(strings.SplitN(strings.TrimPrefix(t, "[["), "]]", 2)[0])
			table = fmt.Sprintf("%s#%d", name, count[name])
			count[name]++
			headers[table] = n
		case strings.HasPrefix(t, "["):
			table = strings.TrimSpace(strings.SplitN(strings.TrimPrefix(t, "["), "]", 2)[0])
			headers[table] = n
		default:
			if mm := keyLine.FindStringSubmatch(t); mm != nil {
				k := mm[1]
				if table != "" {
					k = table + "." + k
				}
				if _, ok := lines[k]; !ok {
					lines[k] = n
				}
			}
		}
	}
	fr.end = startLine + bytes.Count(raw, []byte("\n"))
	fr.body = 1 + bytes.Count(data[:doc.BodyStart], []byte("\n"))
	for k, v := range m {
		switch v := v.(type) {
		case map[string]any:
			fr.entries[k] = headers[k]
			for kk, vv := range v {
				fr.facts[k+"."+kk] = fact{vv, lines[k+"."+kk]}
			}
		case []map[string]any:
			seen := map[string]int{}
			for i, el := range v {
				id := ident(el, i)
				seen[id]++
				if seen[id] > 1 {
					id += fmt.Sprintf("#%d", seen[id])
				}
				ep := fmt.Sprintf("%s[%s]", k, id)
				fr.entries[ep] = headers[fmt.Sprintf("%s#%d", k, i)]
				for kk, vv := range el {
					fr.facts[ep+"."+kk] = fact{vv, lines[fmt.Sprintf("%s#%d.%s", k, i, kk)]}
				}
			}
		default:
			fr.facts[k] = fact{v, lines[k]}
		}
	}
	return fr, true
}

// span is the lines of the frontmatter entry (a table, an array element)
// that line is in: from its header to its last key; the line alone at the
// top level.
func (f *front) span(line int) (int, int) {
	ent, at := "", 0
	for name, h := range f.entries {
		if h <= line && h > at {
			ent, at = name, h
		}
	}
	if ent == "" {
		return line, line
	}
	hi := max(at, line)
	for k, fc := range f.facts {
		if entryOf(k) == ent {
			hi = max(hi, fc.line)
		}
	}
	return at, hi
}

// ident names an array element by whom it is about (to, name, id), else
// by its place.
func ident(el map[string]any, i int) string {
	for _, k := range []string{"to", "name", "id"} {
		if s, ok := el[k].(string); ok && strings.TrimSpace(s) != "" {
			return strings.ToLower(strings.TrimSpace(s))
		}
	}
	return strconv.Itoa(i + 1)
}

// entryOf is the table or element a flattened key belongs to ("" for the
// top level).
func entryOf(k string) string {
	if i := strings.LastIndexByte(k, '.'); i >= 0 {
		return k[:i]
	}
	return ""
}

// asDate returns a TOML date or date-time value's day, and whether it has
// a time of day.
func asDate(v any) (schema.Date, bool, bool) {
	t, ok := v.(time.Time)
	if !ok {
		return schema.Date{}, false, false
	}
	return schema.DateOf(t), t.Location().String() != "date-local", true
}

// show is a value as the record writes it.
func show(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case string:
		return strconv.Quote(v)
	case time.Time:
		if v.Location().String() == "date-local" {
			return v.Format("2006-01-02")
		}
		return v.Format("2006-01-02T15:04")
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = show(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

func same(a, b any) bool {
	if sa, ok := a.(string); ok {
		if sb, ok := b.(string); ok {
			return strings.TrimSpace(sa) == strings.TrimSpace(sb)
		}
	}
	if ta, ok := a.(time.Time); ok {
		if tb, ok := b.(time.Time); ok {
			return ta.Equal(tb) && ta.Location().String() == tb.Location().String()
		}
	}
	return show(a) == show(b)
}

// orDefault is a missing value as the records read it: a missing boolean
// is false.
func orDefault(f fact, ok bool, like any) any {
	if ok {
		return f.val
	}
	if _, isBool := like.(bool); isBool {
		return false
	}
	return nil
}

// compare returns the changes to the evidence between the record p as
// started (old) and a version of it (cur).
func (e *evidence) compare(p string, old, cur []byte) []EvidenceChange {
	of, ok1 := parseFront(p, old)
	if !ok1 {
		return nil
	}
	cf, ok2 := parseFront(p, cur)
	var firstF *front
	if fd, ok := e.first[p]; ok {
		firstF, _ = parseFront(p, fd)
	}
	var out []EvidenceChange
	event := of.kind != schema.KindPlan && of.kind != schema.KindCase
	add := func(kind EvidenceKind, line, lo, hi int, what string) {
		switch {
		case of.kind != schema.KindPlan && line <= of.end:
			// A record of one event, or case.md: a changed fact bears on
			// every problem of its frontmatter.
			lo, hi = 1, of.end
		case line > 0 && line <= of.end:
			// The plan: on every problem of the entry it is in.
			lo, hi = of.span(line)
		}
		out = append(out, EvidenceChange{Kind: kind, Path: p, Line: line, What: what, first: lo, last: hi})
	}
	m := mapLines(old, cur)
	bodyNote, entryNotes := e.datedNote(cur, m, cf)
	// noted says a dated note explains a change to the entry ent: one in
	// the body explains any; a comment, only its own entry's.
	noted := func(ent string) bool { return bodyNote || entryNotes[ent] }
	asOf := e.ex.AsOf
	// restored says the value v is the one the record first held.
	restored := func(k string, v any) bool {
		if firstF == nil {
			return false
		}
		fv, ok := firstF.facts[k]
		return same(orDefault(fv, ok, v), v)
	}
	if ok2 {
		keys := make([]string, 0, len(of.facts))
		for k := range of.facts {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		redated := map[string]bool{} // plan entries given a date on or after the as-of date
		for k, nv := range cf.facts {
			if d, _, ok := asDate(nv.val); ok && !d.Before(asOf) {
				if ov, had := of.facts[k]; !had || !same(ov.val, nv.val) {
					redated[entryOf(k)] = true
					redated["pair:"+k] = true
				}
			}
		}
		for _, k := range keys {
			ov := of.facts[k]
			nv, present := cf.facts[k]
			now := orDefault(nv, present, ov.val)
			if same(ov.val, now) || restored(k, now) {
				continue
			}
			if !present {
				if _, isEntry := of.entries[entryOf(k)]; isEntry {
					if _, still := cf.entries[entryOf(k)]; !still {
						continue // the whole entry went: reported below
					}
				}
			}
			if s, ok := ov.val.(string); ok && isPlaceholder(s) {
				continue
			}
			od, otime, oisDate := asDate(ov.val)
			nd, ntime, nisDate := asDate(now)
			if oisDate && nisDate && od == nd && !otime && ntime {
				continue // the time of day added to a date
			}
			what := fmt.Sprintf("%s: %s → %s", k, show(ov.val), show(now))
			if !present {
				what = fmt.Sprintf("%s: %s removed", k, show(ov.val))
			}
			backdated := nisDate && nd.Before(asOf)
			if backdated && oisDate {
				what += " (a changed date)"
			}
			if of.kind == schema.KindPlan && !backdated && k != "started" {
				// The plan is kept up to date: a fact made again now, or
				// explained by a dated note, is a dated entry.
				if nisDate || redated[entryOf(k)] && entryOf(k) != "" || redated["pair:"+strings.TrimSuffix(k, "_by")] || noted(entryOf(k)) {
					continue
				}
			}
			add(ChangedFact, ov.line, ov.line, ov.line, what)
		}
		// Keys the trainee added: a true where the record said nothing (a
		// missing boolean is false), or a date before the exercise.
		var added []string
		for k := range cf.facts {
			if _, had := of.facts[k]; !had {
				if _, newEntry := of.entries[entryOf(k)]; entryOf(k) != "" && !newEntry && of.kind == schema.KindCase {
					continue // a new person: see people
				}
				added = append(added, k)
			}
		}
		sort.Strings(added)
		for _, k := range added {
			nv := cf.facts[k]
			if restored(k, nv.val) {
				continue
			}
			if b, ok := nv.val.(bool); ok && b && of.kind != schema.KindPlan {
				add(ChangedFact, 0, 1, of.end, fmt.Sprintf("%s: not recorded (so false) → true", k))
				continue
			}
			if d, _, ok := asDate(nv.val); ok && d.Before(asOf) {
				add(ChangedFact, 0, 1, of.end, fmt.Sprintf("%s = %s added: a date before the exercise began (%s)", k, show(nv.val), asOf))
			}
		}
		var gone []string
		for ent := range of.entries {
			if _, ok := cf.entries[ent]; !ok {
				gone = append(gone, ent)
			}
		}
		sort.Strings(gone)
		for _, ent := range gone {
			if firstF != nil {
				if _, inFirst := firstF.entries[ent]; !inFirst {
					continue
				}
			}
			if of.kind == schema.KindPlan && noted(ent) {
				continue
			}
			line := of.entries[ent]
			hi := line
			for k, f := range of.facts {
				if entryOf(k) == ent {
					hi = max(hi, f.line)
				}
			}
			add(DeletedEntry, line, line, hi, fmt.Sprintf("[%s] removed", ent))
		}
	}
	// The body: a section gone, a row of a table gone (or, in a record of
	// an event or case.md, changed), or what an event's record said deleted.
	body := of.body
	if !ok2 {
		body = 1
	}
	oldLines, curLines := lines(old), lines(cur)
	var firstLines map[string]bool
	if fd, ok := e.first[p]; ok {
		firstLines = map[string]bool{}
		for _, l := range lines(fd) {
			firstLines[strings.TrimSpace(string(l))] = true
		}
	}
	inFirst := func(s string) bool { return firstLines == nil || firstLines[strings.TrimSpace(s)] }
	curHeadings := map[string]bool{}
	curRows := map[string]string{}
	for _, l := range curLines {
		s := strings.TrimSpace(string(l))
		if h, ok := heading(s); ok {
			curHeadings[h] = true
		}
		if id, ok := rowID(s); ok {
			if _, dup := curRows[id]; !dup {
				curRows[id] = s
			}
		}
	}
	skip := 0 // the last line of a section reported removed
	for l := body; l <= len(oldLines); l++ {
		if m.to(l) > 0 || l <= skip {
			continue
		}
		s := strings.TrimSpace(string(oldLines[l-1]))
		if s == "" || !inFirst(s) {
			continue
		}
		if h, ok := heading(s); ok {
			if !curHeadings[h] {
				skip = sectionEnd(oldLines, l)
				add(DeletedSection, l, l, skip, fmt.Sprintf("the section %q removed", h))
			}
			continue
		}
		if id, ok := rowID(s); ok {
			now, still := curRows[id]
			switch {
			case !still:
				add(DeletedEntry, l, l, l, fmt.Sprintf("the row %s removed: %s", id, clip(s, 70)))
			case of.kind == schema.KindPlan:
				if w := backdatedCell(s, now, asOf); w != "" {
					add(ChangedFact, l, l, l, fmt.Sprintf("row %s: %s", id, w))
				}
			default:
				if !placeholderRow(s, now) {
					add(ChangedFact, l, l, l, fmt.Sprintf("row %s: %s → %s", id, clip(s, 70), clip(now, 70)))
				}
			}
			continue
		}
		if !event || isPlaceholder(s) {
			continue
		}
		// What an event's record said, taken out and not replaced by as
		// much: reworded, or added to, is what a brief may ask for.
		end := l // the run of removed prose lines from l
		for end < len(oldLines) && m.to(end+1) == 0 {
			next := strings.TrimSpace(string(oldLines[end]))
			_, isHead := heading(next)
			_, isRow := rowID(next)
			if isHead || isRow {
				break
			}
			end++
		}
		var was []string
		for i := l; i <= end; i++ {
			if t := strings.TrimSpace(string(oldLines[i-1])); inFirst(t) && !isPlaceholder(t) {
				if _, isRow := rowID(t); !isRow {
					if _, isHead := heading(t); !isHead {
						was = append(was, t)
					}
				}
			}
		}
		var now []string
		if lo, hi := m.hunk(l); lo <= hi {
			for i := lo; i <= hi && i <= len(curLines); i++ {
				now = append(now, string(curLines[i-1]))
			}
		}
		if gone := removedWords(strings.Join(was, " "), strings.Join(now, " ")); gone != "" {
			add(DeletedText, l, l, end, fmt.Sprintf("text removed: %q", clip(gone, 70)))
		}
		l = end
	}
	return out
}

// removedWords returns the words of was that now lacks, in order, when now
// has fewer words than was and at least three are gone; else "".
func removedWords(was, now string) string {
	ow, nw := strings.Fields(was), strings.Fields(now)
	if len(nw) >= len(ow) {
		return ""
	}
	have := map[string]int{}
	for _, w := range nw {
		have[w]++
	}
	var gone []string
	for _, w := range ow {
		if have[w] > 0 {
			have[w]--
			continue
		}
		gone = append(gone, w)
	}
	if len(gone) < 3 {
		return ""
	}
	return strings.Join(gone, " ")
}

// heading returns a Markdown heading's text.
func heading(s string) (string, bool) {
	if !strings.HasPrefix(s, "#") {
		return "", false
	}
	t := strings.TrimLeft(s, "#")
	if t == "" || (t[0] != ' ' && t[0] != '\t') {
		return "", false
	}
	return strings.ToLower(strings.TrimSpace(t)), true
}

// sectionEnd is the last line of the section whose heading is line l.
func sectionEnd(ls [][]byte, l int) int {
	for i := l + 1; i <= len(ls); i++ {
		if _, ok := heading(strings.TrimSpace(string(ls[i-1]))); ok {
			return i - 1
		}
	}
	return len(ls)
}

func cells(s string) []string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimSuffix(s, "|"), "|")
	parts := strings.Split(s, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// rowID is a table row's first cell: what it is about (A3, a person).
// Header separators are not rows.
func rowID(s string) (string, bool) {
	if !strings.HasPrefix(s, "|") {
		return "", false
	}
	c := cells(s)
	if len(c) == 0 || strings.Trim(c[0], "-: ") == "" {
		return "", false
	}
	return c[0], true
}

// backdatedCell says how a plan's row changed a date to another before the
// exercise began, or "". (A vague timescale given a date is a fix.)
func backdatedCell(old, cur string, asOf schema.Date) string {
	oc, nc := cells(old), cells(cur)
	for i := range min(len(oc), len(nc)) {
		if oc[i] == nc[i] {
			continue
		}
		_, oldDate := schema.ParseDate(oc[i])
		if d, err := schema.ParseDate(nc[i]); err == nil && oldDate == nil && d.Before(asOf) {
			return fmt.Sprintf("%s → %s (a changed date)", oc[i], nc[i])
		}
	}
	return ""
}

// placeholderRow says the row only had placeholders filled in.
func placeholderRow(old, cur string) bool {
	oc, nc := cells(old), cells(cur)
	if len(oc) != len(nc) {
		return false
	}
	for i := range oc {
		if oc[i] != nc[i] && !isPlaceholder(oc[i]) {
			return false
		}
	}
	return true
}

var (
	longDateText = regexp.MustCompile(`\b([0-9]{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)( [0-9]{4})?\b`)
	isoDateText  = regexp.MustCompile(`\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b`)
)

// datedNote says whether the record gained a dated note: a line added to
// the body naming a day on or after the as-of date (bodyNote), or such a
// comment added in the frontmatter (entries: the tables or elements it is
// in, "" for the top level). A day and month without a year are in the
// as-of date's year.
func (e *evidence) datedNote(cur []byte, m lineMap, cf *front) (bodyNote bool, entries map[string]bool) {
	entries = map[string]bool{}
	kept := make([]bool, m.m+1)
	for l := 1; l <= m.n; l++ {
		if t := m.to(l); t > 0 && t <= m.m {
			kept[t] = true
		}
	}
	asOf := e.ex.AsOf
	dated := func(text string, iso bool) bool {
		for _, mm := range longDateText.FindAllStringSubmatch(text, -1) {
			y := asOf.Year
			if mm[3] != "" {
				y, _ = strconv.Atoi(strings.TrimSpace(mm[3]))
			}
			d, err := time.Parse("2 January 2006", fmt.Sprintf("%s %s %d", mm[1], mm[2], y))
			if err == nil && !schema.DateOf(d).Before(asOf) {
				return true
			}
		}
		if iso {
			for _, s := range isoDateText.FindAllString(text, -1) {
				if d, err := schema.ParseDate(s); err == nil && !d.Before(asOf) {
					return true
				}
			}
		}
		return false
	}
	for i, s := range lines(cur) {
		l := i + 1
		if l < len(kept) && kept[l] {
			continue
		}
		text := string(s)
		if cf == nil || l >= cf.body {
			if dated(text, true) {
				bodyNote = true
			}
			continue
		}
		k := strings.Index(text, "#")
		if k < 0 || !dated(text[k:], false) {
			continue
		}
		ent, at := "", 0
		for name, h := range cf.entries {
			if h <= l && h > at {
				ent, at = name, h
			}
		}
		entries[ent] = true
	}
	return bodyNote, entries
}

// records are the files of a trainee's folder that are the case's: every
// file but the brief, the state file and git's, by slash path; nil for one
// that is not read (a link, a special file, one too large).
func records(dir string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable: lint reports it
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		if rel == BriefFile || rel == StateFile {
			return nil
		}
		data, err := lint.ReadRegular(p, 0)
		if err != nil || !d.Type().IsRegular() {
			out[rel] = nil // there, but not read: a link, a special file
			return nil
		}
		if data == nil {
			data = []byte{}
		}
		out[rel] = data
		return nil
	})
	return out, err
}

// folderChanges compares the trainee's files with the records as started.
func (e *evidence) folderChanges(files map[string][]byte) []EvidenceChange {
	var out []EvidenceChange
	paths := make([]string, 0, len(e.ex.Files))
	for p := range e.ex.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		old := e.ex.Files[p]
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		if _, isRecord := parseFront(p, old); !isRecord {
			continue
		}
		cur, ok := files[p]
		_, still := schema.Parse(p, cur)
		switch {
		case !ok:
			out = append(out, EvidenceChange{Kind: DeletedRecord, Path: p, What: "the record removed"})
			continue
		case cur == nil:
			out = append(out, EvidenceChange{Kind: DeletedRecord, Path: p, What: "the record replaced by a link or a file caselint does not read"})
			continue
		case !still:
			out = append(out, EvidenceChange{Kind: DeletedRecord, Path: p, What: "its frontmatter removed: it is no longer read as a record"})
			continue
		}
		if !bytes.Equal(old, cur) {
			out = append(out, e.compare(p, old, cur)...)
		}
	}
	out = append(out, e.newRecords(files)...)
	out = append(out, e.people(files)...)
	return out
}

// newRecords are the records the trainee added with a date before the
// exercise began: a visit or meeting invented in the past.
func (e *evidence) newRecords(files map[string][]byte) []EvidenceChange {
	var out []EvidenceChange
	for p, data := range files {
		if _, ok := e.ex.Files[p]; ok || !strings.HasSuffix(p, ".md") {
			continue
		}
		if d, _, ok := recordDate(p, data); ok && d.Before(e.ex.AsOf) {
			out = append(out, EvidenceChange{Kind: BackdatedRecord, Path: p,
				What: fmt.Sprintf("a new record dated %s, before the exercise began (%s)", d, e.ex.AsOf)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// people are the persons the trainee added to a case.md who are named in
// no record as started, nor in the brief, and own an action of a plan now.
func (e *evidence) people(files map[string][]byte) []EvidenceChange {
	var out []EvidenceChange
	var all bytes.Buffer // the records as started, and the brief
	all.Write(e.ex.Brief)
	for _, d := range e.ex.Files {
		all.WriteByte('\n')
		all.Write(d)
	}
	started := strings.ToLower(all.String())
	type row struct {
		path  string
		line  int // the row's line in the plan as started, 0 if new
		cells []string
	}
	var rows []row // every row of every plan table now
	for p, data := range files {
		if f, ok := parseFront(p, data); ok && f.kind == schema.KindPlan {
			started := map[string]int{}
			for i, l := range lines(e.ex.Files[p]) {
				if id, ok := rowID(strings.TrimSpace(string(l))); ok {
					started[id] = i + 1
				}
			}
			for _, l := range lines(data) {
				if id, ok := rowID(strings.TrimSpace(string(l))); ok {
					rows = append(rows, row{p, started[id], cells(string(l))})
				}
			}
		}
	}
	var paths []string
	for p := range files {
		if path.Base(p) == "case.md" {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		cf, ok := parseFront(p, files[p])
		if !ok {
			continue
		}
		of, _ := parseFront(p, e.ex.Files[p])
		for ent := range cf.entries {
			if of != nil {
				if _, had := of.entries[ent]; had {
					continue
				}
			}
			name, _ := cf.facts[ent+".name"].val.(string)
			name = strings.TrimSpace(name)
			if name == "" || strings.Contains(started, strings.ToLower(name)) {
				continue
			}
			var links []EvidenceChange
			for _, r := range rows {
				for _, c := range r.cells {
					if strings.Contains(strings.ToLower(c), strings.ToLower(name)) {
						links = append(links, EvidenceChange{Path: r.path, first: r.line, last: r.line})
						break
					}
				}
			}
			if len(links) > 0 {
				out = append(out, EvidenceChange{Kind: InventedPerson, Path: p, links: links,
					What: fmt.Sprintf("%q added to the case's people, named in no record as started, and given an action of the plan", name)})
			}
		}
	}
	return out
}

// maxTraineeCommits bounds the trainee's commits read.
const maxTraineeCommits = 200

// gitChanges reads the trainee's repository: the commits the exercise
// started with must all still be there (a history is evidence too), and
// each commit the trainee made is compared with the records as started.
func (e *evidence) gitChanges(dir string, started map[string]bool) ([]EvidenceChange, error) {
	log, err := vcs.Log(dir)
	switch {
	case errors.Is(err, vcs.ErrNoCommits):
		return []EvidenceChange{{Kind: RewroteHistory, What: "the repository has no commits: the history the exercise started with is gone"}}, nil
	case err != nil:
		return nil, nil // no repository: lint says so where it matters
	}
	var mine []vcs.LoggedCommit
	reached := map[string]bool{}
	for _, c := range log {
		reached[c.Hash] = true
		if !started[c.Hash] {
			mine = append(mine, c)
		}
	}
	var out []EvidenceChange
	missing := 0
	for h := range started {
		if !reached[h] {
			missing++
		}
	}
	if missing > 0 {
		out = append(out, EvidenceChange{Kind: RewroteHistory,
			What: fmt.Sprintf("%d of the %d commits the exercise started with are no longer in the history (amended, rebased or reset): the history shows who recorded what when, and is not rewritten", missing, len(started))})
	}
	// Oldest first, so that a change is put down to the commit that made
	// it; at most maxTraineeCommits, the latest (a trainee makes a few).
	if len(mine) > maxTraineeCommits {
		mine = mine[:maxTraineeCommits]
	}
	for i := len(mine) - 1; i >= 0; i-- {
		c := mine[i]
		files := c.Files(lint.DefaultMaxFileSize)
		subject := strings.SplitN(strings.TrimSpace(c.Message), "\n", 2)[0]
		tag := fmt.Sprintf("%s %q", c.Hash[:7], clip(subject, 70))
		for _, ch := range e.folderChanges(files) {
			ch.Commit = tag
			out = append(out, ch)
		}
	}
	return out, nil
}

// startedCommits are the commits of the history the exercise starts with
// (withGit: as start writes it), by hash: start writes them the same way
// every time.
func (ex *Exercise) startedCommits(withGit bool) (map[string]bool, error) {
	tmp, err := os.MkdirTemp("", "caselint-exercise-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := ex.materialise(tmp, withGit); err != nil {
		return nil, err
	}
	log, err := vcs.Log(tmp)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, c := range log {
		out[c.Hash] = true
	}
	return out, nil
}

// Evidence compares the trainee's folder dir (and, when it was started as
// a git repository, the trainee's commits) with the records as started.
// Each change is reported once, with the first commit that made it.
func (ex *Exercise) Evidence(dir string) ([]EvidenceChange, error) {
	e := ex.newEvidence()
	files, err := records(dir)
	if err != nil {
		return nil, err
	}
	out := e.folderChanges(files)
	st, err := ReadState(dir)
	if err == nil && (st.Git || ex.Git) {
		started, err := ex.startedCommits(true)
		if err != nil {
			return nil, err
		}
		gc, err := e.gitChanges(dir, started)
		if err != nil {
			return nil, fmt.Errorf("%s: reading the git history: %w", dir, err)
		}
		key := func(c EvidenceChange) string { return string(c.Kind) + "\x00" + c.Path + "\x00" + c.What }
		idx := map[string]int{}
		for i, c := range out {
			idx[key(c)] = i
		}
		for _, c := range gc {
			if i, ok := idx[key(c)]; ok {
				if out[i].Commit == "" {
					out[i].Commit = c.Commit
				}
				continue
			}
			if c.Kind != RewroteHistory {
				c.What += " (later put back in the folder, but the commit keeps the change)"
			}
			idx[key(c)] = len(out)
			out = append(out, c)
		}
	}
	return out, nil
}

// markEvidence puts the changed evidence and the suppressions into r: a
// seeded problem that went with a change to the evidence is not fixed; a
// suppression counts only with a real reason, for a problem that can only
// be recorded.
func (ex *Exercise) markEvidence(ctx context.Context, dir string, r *FixReport, res *lint.Result) error {
	changes, err := ex.Evidence(dir)
	if err != nil {
		return err
	}
	r.Evidence = changes
	if len(changes) > 0 {
		if err := ex.taint(ctx, dir, r, changes); err != nil {
			return err
		}
	}
	for i := range r.Items {
		it := &r.Items[i]
		if it.Status != Suppressed {
			continue
		}
		if w := ex.weakReason(it.Rule, it.Path, it.Now.Suppression.Reason); w != "" {
			it.Status, it.Why = SuppressedNotAccepted, w
		}
	}
	seeded := map[[2]any]bool{}
	for _, it := range r.Items {
		if it.Now != nil && it.Now.Suppression != nil {
			seeded[[2]any{it.Now.Path, it.Now.Pos.Line}] = true
		}
	}
	for _, f := range res.Findings {
		if f.Suppression == nil {
			continue
		}
		r.Suppressions = append(r.Suppressions, SuppressionNote{
			Path: f.Path, Line: f.Suppression.Pos.Line, Rule: f.RuleID, Reason: f.Suppression.Reason,
			Seeded: seeded[[2]any{f.Path, f.Pos.Line}],
			Weak:   ex.weakReason(f.RuleID, f.Path, f.Suppression.Reason),
		})
	}
	sort.SliceStable(r.Suppressions, func(i, j int) bool {
		a, b := r.Suppressions[i], r.Suppressions[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
	return ex.uncover(ctx, r)
}

// weakReason says why a suppression's reason does not count, or "".
func (ex *Exercise) weakReason(rule, p, reason string) string {
	words := strings.Fields(reason)
	switch {
	case len(words) == 1:
		return fmt.Sprintf("a one-word reason (%q) says nothing of what happened or who reviewed it", reason)
	case len(words) < minReasonWords:
		return fmt.Sprintf("a reason of %d words (%q) is too short to say what happened and who reviewed it", len(words), reason)
	}
	if sol := ex.Solution(); sol != nil {
		data, err := fs.ReadFile(sol, p)
		if err == nil && !bytes.Contains(data, []byte("caselint:ignore "+rule)) {
			return "this problem can be put right, not only recorded: put it right"
		}
	}
	return ""
}

// taint marks as ChangedEvidence the seeded problems that went with a
// change to the evidence: those on the lines a change touched, and those
// caselint finds again when the changes are undone (the case as the
// trainee has it, with each changed record as started and each invented
// record left out).
func (ex *Exercise) taint(ctx context.Context, dir string, r *FixReport, changes []EvidenceChange) error {
	history := false
	reverted := map[string]bool{}
	for _, c := range changes {
		switch {
		case c.Kind == RewroteHistory:
			history = true
		case c.Path != "":
			reverted[c.Path] = true
		}
	}
	for i := range r.Items {
		it := &r.Items[i]
		if it.Status != Fixed {
			continue
		}
	changes:
		for _, c := range changes {
			for _, at := range append([]EvidenceChange{c}, c.links...) {
				if at.Path == it.Path && (at.first == 0 && at.Line == 0 || it.Line >= at.first && it.Line <= at.last) {
					it.Status, it.Why = ChangedEvidence, fmt.Sprintf("%s: %s", c.Kind, c.What)
					break changes
				}
			}
		}
		if it.Status == Fixed && history {
			if rl := ex.Rule(it.Rule); rl != nil && rl.Family == "history" {
				it.Status, it.Why = ChangedEvidence, "the history was rewritten"
			}
		}
	}
	if len(reverted) == 0 {
		return nil
	}
	files, err := records(dir)
	if err != nil {
		return err
	}
	for p := range reverted {
		if old, ok := ex.Files[p]; ok {
			files[p] = old
		} else {
			delete(files, p)
		}
	}
	res, err := ex.lintFiles(ctx, files)
	if err != nil {
		return err
	}
	cur, _ := records(dir)
	for i := range r.Items {
		it := &r.Items[i]
		if it.Status != Fixed || reverted[it.Path] {
			continue
		}
		line := mapLines(ex.Files[it.Path], cur[it.Path]).to(it.Line)
		for _, f := range res.Findings {
			if f.RuleID == it.Rule && f.Path == it.Path && f.Suppression == nil && (f.Message == it.Message || f.Pos.Line == line) {
				it.Status, it.Why = ChangedEvidence, "it is put right only by a change to the evidence elsewhere in the case"
				break
			}
		}
	}
	return nil
}

// lintFiles lints files, written to a temporary folder, as the exercise is
// marked but without a history.
func (ex *Exercise) lintFiles(ctx context.Context, files map[string][]byte) (*lint.Result, error) {
	tmp, err := os.MkdirTemp("", "caselint-exercise-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	for p, d := range files {
		if d == nil {
			continue
		}
		if err := writeFile(tmp, p, d); err != nil {
			return nil, err
		}
	}
	prof, err := ex.config.ResolveProfile(ex.Profile)
	if err != nil {
		return nil, err
	}
	return lint.Run(ctx, lint.Options{FS: os.DirFS(tmp), Rules: ex.rules, Profile: prof, AsOf: ex.AsOf, Calendar: ex.config.Calendar()})
}

// uncover moves out of r.New the problems that putting a rewritten record
// back as first recorded brings into view: the records as first recorded
// have them, the records as started (rewritten) do not. They are not the
// trainee's doing; they are to be recorded.
func (ex *Exercise) uncover(ctx context.Context, r *FixReport) error {
	e := ex.newEvidence()
	if len(e.first) == 0 || len(r.New) == 0 {
		return nil
	}
	files := map[string][]byte{}
	for p, d := range ex.Files {
		files[p] = d
	}
	for p, d := range e.first {
		files[p] = d
	}
	firstRes, err := ex.lintFiles(ctx, files)
	if err != nil {
		return err
	}
	startRes, err := ex.lintFiles(ctx, ex.Files)
	if err != nil {
		return err
	}
	type k struct{ rule, path, msg string }
	count := func(res *lint.Result) map[k]int {
		m := map[k]int{}
		for _, f := range res.Findings {
			m[k{f.RuleID, f.Path, f.Message}]++
		}
		return m
	}
	inFirst, inStart := count(firstRes), count(startRes)
	var keep []lint.Finding
	for _, f := range r.New {
		kk := k{f.RuleID, f.Path, f.Message}
		if inFirst[kk] > inStart[kk] {
			inFirst[kk]--
			r.Uncovered = append(r.Uncovered, f)
			continue
		}
		keep = append(keep, f)
	}
	r.New = keep
	return nil
}

// writeEvidence writes what the trainee changed of the evidence, what
// putting a record back uncovered, and the suppressions, for the report.
func (r *FixReport) writeEvidence(b *strings.Builder) {
	ex := r.Exercise
	if len(r.Evidence) > 0 {
		fmt.Fprintf(b, "\nYou changed the evidence (%s, never counted as fixed):\n\n", plural(len(r.Evidence), "change", "changes"))
		for _, c := range r.Evidence {
			text := fmt.Sprintf("%s: %s: %s", pr(c.At()), c.Kind, pr(c.What))
			if c.Path == "" {
				text = fmt.Sprintf("%s: %s", c.Kind, pr(c.What))
			}
			if c.Commit != "" {
				text += " [in your commit " + pr(c.Commit) + "]"
			}
			writeWrapped(b, text, "  ", "    ")
		}
		b.WriteString("\n")
		writeWrapped(b, EvidenceRule, "  ", "")
		if rl := ex.Rule("rewritten-record"); rl != nil {
			for _, c := range ruledoc.Citations(ex.ownCitations(rl)) {
				writeWrapped(b, c, "  ", "    ")
			}
		}
	}
	if len(r.Uncovered) > 0 {
		them := "them"
		if len(r.Uncovered) == 1 {
			them = "it"
		}
		b.WriteString("\n")
		writeWrapped(b, fmt.Sprintf("Putting the record back as first recorded brought %s into view (the rewrite hid %s; not your doing, but record %s with a reason):",
			plural(len(r.Uncovered), "problem", "problems"), them, them), "", "")
		b.WriteString("\n")
		for _, f := range r.Uncovered {
			writeWrapped(b, fmt.Sprintf("%s:%d:%d: %s: %s [%s]", pr(f.Path), f.Pos.Line, f.Pos.Col, f.Severity, pr(f.Message), f.RuleID), "  ", "    ")
		}
	}
	if len(r.Suppressions) > 0 {
		fmt.Fprintf(b, "\nSuppressions, for your trainer to judge (%d):\n\n", len(r.Suppressions))
		for _, s := range r.Suppressions {
			text := fmt.Sprintf("%s:%d: %s: %q", pr(s.Path), s.Line, s.Rule, pr(s.Reason))
			if !s.Seeded {
				text += " (not a seeded problem)"
			}
			if s.Weak != "" {
				text += ": not accepted: " + pr(s.Weak)
			}
			writeWrapped(b, text, "  ", "    ")
		}
	}
}

// count is how many seeded problems have status s.
func (r *FixReport) count(s FixStatus) int {
	n := 0
	for _, it := range r.Items {
		if it.Status == s {
			n++
		}
	}
	return n
}
