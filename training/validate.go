package training

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Problem is one thing a trainer must change before an exercise is valid.
type Problem struct {
	// At is where, relative to the exercise folder: "case/plan.md:49",
	// "BRIEF.md:12", "solution/visits/2026-09-29.md:2"; "" for the folder.
	At string
	// Message says what is wrong and what to move or change.
	Message string
}

func (p Problem) String() string {
	if p.At == "" {
		return p.Message
	}
	return p.At + ": " + p.Message
}

// Validation is what Validate found in an exercise folder.
type Validation struct {
	Name     string
	Exercise *Exercise // nil when the folder could not be loaded
	Problems []Problem
	// Incidental are findings on case/ accepted as incidental: covered by a
	// caselint:ignore comment with a reason, so not in the key.
	Incidental []string
	// Notes are not problems: what the trainer may want to know.
	Notes []string
}

// OK reports whether the exercise is valid.
func (v *Validation) OK() bool { return len(v.Problems) == 0 }

func (v *Validation) add(at, format string, args ...any) {
	v.Problems = append(v.Problems, Problem{At: at, Message: fmt.Sprintf(format, args...)})
}

// Validate checks a trainer's exercise folder dir (the folder holding
// exercise.toml) as Exercise.Validate does. The error is for a dir that is
// not an exercise folder; a folder that is one but does not load is a
// Validation with the loading error as its problem.
func Validate(ctx context.Context, dir string, rules []*lint.Rule) (*Validation, error) {
	c, err := Folder(dir, rules)
	if err != nil {
		return nil, err
	}
	if c.Single() == "" {
		return nil, fmt.Errorf("%s holds no %s: give the exercise's own folder", dir, MetaFile)
	}
	// A draft with no want comments yet is validated too: every finding is
	// listed, with the want comment to add for it.
	ex, err := loadAs(c.fsys, c.single, c.dir, rules, true)
	if err != nil {
		v := &Validation{Name: c.Single()}
		v.add("", "%s", strings.TrimPrefix(err.Error(), c.dir+": "))
		return v, nil
	}
	v, err := ex.Validate(ctx)
	if err == nil && len(ex.Key) == 0 {
		v.Problems = append([]Problem{{At: CaseDir, Message: "no want comments yet: the key is the want comments of the records; add one for each problem you seeded, as said below"}}, v.Problems...)
	}
	return v, err
}

// Validate checks the exercise as its author must before trainees get it:
//
//   - the key matches what the rules find on case/ under the exercise's
//     profile and as-of date: every key item fires where the key says, and
//     every finding is in the key or accepted as incidental (a
//     caselint:ignore comment with a reason); a mismatch says which want
//     comment to move, add or take out, at its line in case/;
//   - every gap in seeing the child is intended: an unseen-child finding
//     the key does not have is an accidental gap, and the message says
//     which visits to move and to which date to close it;
//   - the brief gives no answer away: it names no rule of the key, quotes
//     no title of one, and quotes no message caselint gives for the key;
//   - solution/ is clean: it keeps every record of case/, keeps the facts
//     of every visit (date, who, what was seen), and put over the started
//     exercise it fixes every key item and brings in nothing new.
func (ex *Exercise) Validate(ctx context.Context) (*Validation, error) {
	v := &Validation{Name: ex.Name, Exercise: ex}
	for _, s := range ex.Skipped {
		v.Notes = append(v.Notes, "skipped "+s)
	}
	base, err := ex.baseline(ctx)
	if err != nil {
		return nil, err
	}
	for _, n := range base.Notifications {
		if n.Level >= lint.Warning {
			v.add(CaseDir+"/"+n.Path, "%s", n.Message)
		}
	}
	ex.validateKey(ctx, v, base)
	ex.validateBrief(v, base)
	if err := ex.validateSolution(ctx, v); err != nil {
		return nil, err
	}
	sort.SliceStable(v.Problems, func(i, j int) bool { return placeLess(v.Problems[i].At, v.Problems[j].At) })
	return v, nil
}

// placeLess orders "file:line" places by file, then line as a number.
func placeLess(a, b string) bool {
	pa, la := splitPlace(a)
	pb, lb := splitPlace(b)
	if pa != pb {
		return pa < pb
	}
	return la < lb
}

func splitPlace(s string) (string, int) {
	if k := strings.LastIndexByte(s, ':'); k > 0 {
		n := 0
		if _, err := fmt.Sscanf(s[k+1:], "%d", &n); err == nil {
			return s[:k], n
		}
	}
	return s, 0
}

// --- the key --------------------------------------------------------------

type place struct {
	path string
	line int
	rule string
}

// validateKey compares the key with the findings on case/.
func (ex *Exercise) validateKey(ctx context.Context, v *Validation, res *lint.Result) {
	want := map[place]int{}
	for _, k := range ex.Key {
		want[place{k.Path, k.Line, k.Rule}]++
	}
	var unexpected []lint.Finding
	suppressedAt := map[place]bool{}
	for _, f := range res.Findings {
		k := place{f.Path, f.Pos.Line, f.RuleID}
		if f.Suppression != nil {
			suppressedAt[k] = true
			if want[k] > 0 {
				continue // reported below, as a key item that does not fire
			}
			if strings.TrimSpace(f.Suppression.Reason) == "" {
				v.add(ex.caseAt(f.Path, f.Suppression.Pos.Line), "the caselint:ignore for %s gives no reason: say why the finding is incidental to the exercise, or take the comment out and put the record right", f.RuleID)
				continue
			}
			v.Incidental = append(v.Incidental, fmt.Sprintf("%s: %s: %s (ignored: %s)", ex.caseAt(f.Path, f.Pos.Line), f.RuleID, f.Message, f.Suppression.Reason))
			continue
		}
		if want[k] > 0 {
			want[k]--
			continue
		}
		unexpected = append(unexpected, f)
	}
	var missing []place
	for _, k := range ex.Key {
		pk := place{k.Path, k.Line, k.Rule}
		if want[pk] > 0 {
			want[pk]--
			missing = append(missing, pk)
		}
	}

	// A want on the wrong line: the same rule fires, unkeyed, in the same
	// record. Pair each missing item with the nearest such finding.
	used := make([]bool, len(unexpected))
	for _, m := range missing {
		best := -1
		for i, f := range unexpected {
			if used[i] || f.RuleID != m.rule || f.Path != m.path {
				continue
			}
			if best < 0 || abs(f.Pos.Line-m.line) < abs(unexpected[best].Pos.Line-m.line) {
				best = i
			}
		}
		at := ex.caseAt(m.path, m.line)
		switch {
		case best >= 0:
			used[best] = true
			f := unexpected[best]
			v.add(at, "the key wants %s here (%s:%d in the trainee's copy), but caselint finds it on %s: move the want comment for %s from line %d to line %d (caselint says: %s)",
				m.rule, m.path, m.line, ex.caseAt(f.Path, f.Pos.Line), m.rule, ex.caseLine(m.path, m.line), ex.caseLine(f.Path, f.Pos.Line), f.Message)
		case suppressedAt[m]:
			v.add(at, "the key wants %s here, but a caselint:ignore comment in the case suppresses it: take the ignore comment out, or take %s out of the want comment", m.rule, m.rule)
		case ex.ruleOff(m.rule):
			v.add(at, "the key wants %s, which is off under the profile %q, so caselint never finds it: take %s out of the want comment, or mark the exercise under a profile that asks for it", m.rule, ex.Profile, m.rule)
		default:
			v.add(at, "the key wants %s here, but caselint does not find it (profile %s, as of %s): change the record so the problem is there, or take %s out of the want comment (caselint exercise reveal --from shows what caselint finds)",
				m.rule, ex.Profile, ex.AsOf, m.rule)
		}
	}
	for i, f := range unexpected {
		if used[i] {
			continue
		}
		at := ex.caseAt(f.Path, f.Pos.Line)
		if f.RuleID == gapRule {
			v.add(at, "%s", ex.accidentalGap(ctx, f))
			continue
		}
		v.add(at, "caselint finds %s here, which the key does not have (%s): if it is seeded, add %s at the end of line %d; if not, put the record right, or accept it as incidental with a caselint:ignore comment that gives the reason",
			f.RuleID, f.Message, ex.wantSyntax(f.Path, f.Pos.Line, f.RuleID), ex.caseLine(f.Path, f.Pos.Line))
	}

	ex.unreadWants(v)

	// The alternatives must be answers caselint can give under the profile.
	for _, k := range ex.KeyItems() {
		for _, a := range k.Accept {
			if a.Rule != "" && ex.ruleOff(a.Rule) {
				v.add(KeyFile, "the alternative %s for %s:%d %s is off under the profile %q: a trainee could not be right with it; take it out", a.Rule, k.Path, k.Line, k.Rule, ex.Profile)
			}
		}
	}
}

// unreadWants reports a "want:" in case/ that is not read as a want
// comment (after another comment on a frontmatter line, say): its key item
// would be silently missing.
func (ex *Exercise) unreadWants(v *Validation) {
	var paths []string
	for p := range ex.Files {
		if strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		data, err := fs.ReadFile(ex.fsys, path.Join(CaseDir, p))
		if err != nil {
			continue
		}
		doc, ok := schema.Parse(p, data)
		if !ok {
			continue
		}
		read := map[int]bool{}
		for _, d := range doc.Directives {
			if d.Kind == schema.Want {
				read[d.Line] = true
			}
		}
		for i, ln := range lines(data) {
			if bytes.Contains(ln, []byte("want:")) && !read[i+1] {
				v.add(fmt.Sprintf("%s/%s:%d", CaseDir, p, i+1), "this want: is not read as a want comment, so the key lacks it: in the frontmatter it must be the line's only comment (take out any other # comment before it), in the body an HTML comment <!-- want: rule-id -->")
			}
		}
	}
}

// ruleOff reports whether rule is off under the exercise's profile.
func (ex *Exercise) ruleOff(rule string) bool {
	r := ex.Rule(rule)
	if r == nil {
		return true
	}
	prof, err := ex.config.ResolveProfile(ex.Profile)
	if err != nil {
		return false
	}
	on, _, err := prof.Enabled([]*lint.Rule{r})
	return err == nil && len(on) == 0
}

// caseLine is the line in case/ (with its want comments) of line l of the
// trainee's copy of path.
func (ex *Exercise) caseLine(p string, l int) int {
	data, err := fs.ReadFile(ex.fsys, path.Join(CaseDir, p))
	if err != nil {
		return l
	}
	removed := removedWantLines(p, data)
	raw, n := 0, 0
	for n < l {
		raw++
		if !removed[raw] {
			n++
		}
	}
	return raw
}

// caseAt is "case/path:line" for line l of the trainee's copy.
func (ex *Exercise) caseAt(p string, l int) string {
	if l <= 0 {
		return CaseDir + "/" + p
	}
	return fmt.Sprintf("%s/%s:%d", CaseDir, p, ex.caseLine(p, l))
}

// removedWantLines are the lines of a record in case/ that Strip removes
// whole: a want comment on a line of its own.
func removedWantLines(p string, data []byte) map[int]bool {
	doc, ok := schema.Parse(p, data)
	if !ok {
		return nil
	}
	out := map[int]bool{}
	for _, d := range doc.Directives {
		if d.Kind != schema.Want || d.Covers != d.Line+1 {
			continue
		}
		after := d.End
		for after < len(data) && (data[after] == ' ' || data[after] == '\t') {
			after++
		}
		if after == len(data) || data[after] == '\n' || data[after] == '\r' {
			out[d.Line] = true
		}
	}
	return out
}

// wantSyntax is the want comment for rule at line l of the trainee's copy
// of p: "# want: rule" in the frontmatter, "<!-- want: rule -->" in the body.
func (ex *Exercise) wantSyntax(p string, l int, rule string) string {
	fences := 0
	for i, ln := range lines(ex.Files[p]) {
		if i+1 >= l {
			break
		}
		if string(bytes.TrimSpace(ln)) == "+++" {
			fences++
		}
	}
	if fences == 1 {
		return "# want: " + rule
	}
	return "<!-- want: " + rule + " -->"
}

// --- accidental gaps --------------------------------------------------------

// gapRule is the rule of a gap in seeing the child.
const gapRule = "unseen-child"

var (
	dueBy      = regexp.MustCompile(`due by (\d{1,2} [A-Z][a-z]+ \d{4})`)
	seenOn     = regexp.MustCompile(`last seen alone on (\d{1,2} [A-Z][a-z]+ \d{4})`)
	isoDate    = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	dateKey    = regexp.MustCompile(`^\s*date\s*=\s*\d{4}-\d{2}-\d{2}`)
	longLayout = "2 January 2006"
)

// accidentalGap explains an unseen-child finding the key lacks and says
// how to close it: which visit to move, and to when, found by moving it in
// a scratch copy and linting again (the visit that ended the gap, to the
// day it was due; else the visit that began it, to the earliest day that
// closes it), a move accepted only when it opens no other gap and leaves
// every key item where it is; and always the day by which a visit added
// in between closes it.
func (ex *Exercise) accidentalGap(ctx context.Context, f lint.Finding) string {
	at := ex.caseLine(f.Path, f.Pos.Line)
	msg := fmt.Sprintf("accidental gap: caselint finds %s here, which the key does not have (%s)", gapRule, f.Message)
	tail := fmt.Sprintf("; if the gap is meant, add %s at the end of line %d", ex.wantSyntax(f.Path, f.Pos.Line, gapRule), at)
	due, ok := longDate(dueBy, f.Message)
	if !ok {
		return msg + ": add a visit that saw the child alone within the interval" + tail
	}
	add := fmt.Sprintf("add a visit that saw the child alone on or before %s (caselint new visit --case %s --date %s)", due.Long(), CaseDir, due)
	if from, ok := longDate(seenOn, f.Message); ok {
		add = fmt.Sprintf("add a visit that saw the child alone between %s and %s (caselint new visit --case %s --date %s)", from.AddDays(1).Long(), due.Long(), CaseDir, due)
	}
	if move := ex.gapMove(ctx, f, due); move != "" {
		return msg + ": move " + move + ", or " + add + tail
	}
	return msg + ": " + add + tail
}

func longDate(re *regexp.Regexp, msg string) (schema.Date, bool) {
	m := re.FindStringSubmatch(msg)
	if m == nil {
		return schema.Date{}, false
	}
	t, err := time.Parse(longLayout, m[1])
	if err != nil {
		return schema.Date{}, false
	}
	return schema.DateOf(t), true
}

// gapSim is a scratch copy of the trainee's case for trying moves.
type gapSim struct {
	ex    *Exercise
	dir   string
	files map[string][]byte
	prof  *lint.Profile
	keyed map[place]bool
}

// unkeyedGaps lints the copy: how many unseen-child findings the key
// lacks, and whether every key item is still found.
func (s *gapSim) unkeyedGaps(ctx context.Context) (int, bool) {
	res, err := lint.Run(ctx, lint.Options{FS: os.DirFS(s.dir), Rules: s.ex.rules, Profile: s.prof, AsOf: s.ex.AsOf, Calendar: s.ex.config.Calendar()})
	if err != nil {
		return -1, false
	}
	n, found := 0, map[place]bool{}
	for _, f := range res.Findings {
		if f.Suppression != nil {
			continue
		}
		k := place{f.Path, f.Pos.Line, f.RuleID}
		found[k] = true
		if f.RuleID == gapRule && !s.keyed[k] {
			n++
		}
	}
	for k := range s.keyed {
		if !found[k] {
			return n, false
		}
	}
	return n, true
}

// redate sets the date on line l of the record p to d (its time kept), and
// returns a function that puts it back.
func (s *gapSim) redate(p string, l int, d schema.Date) (undo func(), ok bool) {
	old := s.files[p]
	line := lineAt(lines(old), l)
	if isoDate.Find(line) == nil {
		return nil, false
	}
	data := replaceLine(old, l, isoDate.ReplaceAll(line, []byte(d.String())))
	full := filepath.Join(s.dir, filepath.FromSlash(p))
	if os.WriteFile(full, data, 0o600) != nil {
		return nil, false
	}
	return func() { _ = os.WriteFile(full, old, 0o600) }, true
}

// gapMove finds one visit to move that closes the gap f: the visit that
// ended it, to due; else the visit that began it, later. It returns the
// move for the message, or "".
func (ex *Exercise) gapMove(ctx context.Context, f lint.Finding, due schema.Date) string {
	tmp, err := os.MkdirTemp("", "caselint-validate-*")
	if err != nil {
		return ""
	}
	defer os.RemoveAll(tmp)
	prof, err := ex.config.ResolveProfile(ex.Profile)
	if err != nil {
		return ""
	}
	s := &gapSim{ex: ex, dir: tmp, files: ex.Files, prof: prof, keyed: map[place]bool{}}
	for p, d := range ex.Files {
		if writeFile(tmp, p, d) != nil {
			return ""
		}
	}
	for _, k := range ex.Key {
		s.keyed[place{k.Path, k.Line, k.Rule}] = true
	}
	before, _ := s.unkeyedGaps(ctx)
	works := func() bool {
		n, keyOK := s.unkeyedGaps(ctx)
		return n >= 0 && n < before && keyOK
	}
	describe := func(p string, l int, from, to schema.Date, way string) string {
		m := fmt.Sprintf("the visit %s from %s to %s (%s)", ex.caseAt(p, l), from.Long(), to.Long(), way)
		if strings.HasPrefix(path.Base(p), from.String()) {
			m += " and rename the file to " + to.String() + strings.TrimPrefix(path.Base(p), from.String())
		}
		return m
	}

	// The visit that ended the gap, to the day it was due.
	if isVisitPath(f.Path) {
		if end, ok := dateOnLine(ex.Files[f.Path], f.Pos.Line); ok {
			if undo, ok := s.redate(f.Path, f.Pos.Line, due); ok {
				w := works()
				undo()
				if w {
					return describe(f.Path, f.Pos.Line, end, due, "or earlier")
				}
			}
		}
	}

	// The visit that began it, later: the earliest day that works.
	from, ok := longDate(seenOn, f.Message)
	if !ok {
		return ""
	}
	end, hasEnd := dateOnLine(ex.Files[f.Path], f.Pos.Line)
	if !isVisitPath(f.Path) || !hasEnd {
		end = ex.AsOf
	}
	p, l := ex.visitOn(from)
	if p == "" {
		return ""
	}
	var first, last schema.Date
	for d := from.AddDays(1); d.Before(end); d = d.AddDays(1) {
		undo, ok := s.redate(p, l, d)
		if !ok {
			return ""
		}
		w := works()
		undo()
		switch {
		case w && first.IsZero():
			first, last = d, d
		case w:
			last = d
		case !first.IsZero():
			d = end.AddDays(-1) // the days that work are behind
		}
	}
	switch {
	case first.IsZero():
		return ""
	case first == last:
		return describe(p, l, from, first, "that day only")
	}
	return describe(p, l, from, first, "or a day up to "+last.Long())
}

func isVisitPath(p string) bool {
	return strings.HasPrefix(p, "visits/") || strings.Contains(p, "/visits/")
}

// dateOnLine is the date written on line l of data.
func dateOnLine(data []byte, l int) (schema.Date, bool) {
	m := isoDate.Find(lineAt(lines(data), l))
	if m == nil {
		return schema.Date{}, false
	}
	d, err := schema.ParseDate(string(m))
	return d, err == nil
}

// visitOn finds the visit record dated d that saw the child alone (or the
// first visit dated d), and its date line.
func (ex *Exercise) visitOn(d schema.Date) (string, int) {
	var paths []string
	for p := range ex.Files {
		if isVisitPath(p) && strings.HasSuffix(p, ".md") {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	first, firstLine := "", 0
	for _, p := range paths {
		ls := lines(ex.Files[p])
		for i, ln := range ls {
			if !dateKey.Match(ln) {
				continue
			}
			if got, ok := dateOnLine(ex.Files[p], i+1); ok && got == d {
				if first == "" {
					first, firstLine = p, i+1
				}
				text := string(ex.Files[p])
				if strings.Contains(text, "seen_alone = true") || strings.Contains(text, "awake = true") {
					return p, i + 1
				}
			}
			break
		}
	}
	return first, firstLine
}

// replaceLine returns data with line l (1-based) replaced by with, its
// line ending kept.
func replaceLine(data []byte, l int, with []byte) []byte {
	start := 0
	for i := 1; i < l; i++ {
		k := bytes.IndexByte(data[start:], '\n')
		if k < 0 {
			return data
		}
		start += k + 1
	}
	end := start
	for end < len(data) && data[end] != '\n' && data[end] != '\r' {
		end++
	}
	out := append([]byte(nil), data[:start]...)
	out = append(out, with...)
	return append(out, data[end:]...)
}

// --- the brief -------------------------------------------------------------

// validateBrief requires that the brief names no rule of the key (or an
// accepted alternative), quotes no rule's title, and quotes no message
// caselint gives for a key item.
func (ex *Exercise) validateBrief(v *Validation, res *lint.Result) {
	norm, offs := normalise(ex.Brief)
	at := func(i int) string {
		return fmt.Sprintf("%s:%d", BriefFile, 1+bytes.Count(ex.Brief[:offs[i]], []byte("\n")))
	}
	rules := map[string]bool{}
	for _, k := range ex.KeyItems() {
		rules[k.Rule] = true
		for _, a := range k.Accept {
			if a.Rule != "" {
				rules[a.Rule] = true
			}
		}
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if i := wordIndex(norm, id); i >= 0 {
			v.add(at(i), "the brief names the rule %s, which the key has: say what to review without naming the rule", id)
		}
		if r := ex.Rule(id); r != nil && r.Title != "" {
			t, _ := normalise([]byte(r.Title))
			if i := strings.Index(norm, t); i >= 0 {
				v.add(at(i), "the brief quotes the title of %s (%q), which the key has: say what to review in other words", id, r.Title)
			}
		}
	}
	keyed := map[place]bool{}
	for _, k := range ex.Key {
		keyed[place{k.Path, k.Line, k.Rule}] = true
	}
	said := map[string]bool{}
	for _, f := range res.Findings {
		if f.Suppression != nil || !keyed[place{f.Path, f.Pos.Line, f.RuleID}] {
			continue
		}
		for _, part := range messageParts(f.Message) {
			p, _ := normalise([]byte(part))
			if said[p] {
				continue
			}
			if i := strings.Index(norm, p); i >= 0 {
				said[p] = true
				v.add(at(i), "the brief quotes what caselint says of %s at %s:%d (%q): that is the answer; describe the situation instead", f.RuleID, f.Path, f.Pos.Line, part)
			}
		}
	}
}

var clauseBreak = regexp.MustCompile(`[:;()]`)

// messageParts are the clauses of a message long enough (six words or
// more) that a brief quoting one gives the answer away.
func messageParts(msg string) []string {
	var out []string
	for _, part := range clauseBreak.Split(msg, -1) {
		part = strings.TrimSpace(part)
		if len(strings.Fields(part)) >= 6 {
			out = append(out, part)
		}
	}
	return out
}

// normalise lowers text and makes every run of spaces one space, for
// quoting across line breaks; offs[i] is the offset in text of byte i of
// the result.
func normalise(text []byte) (string, []int) {
	var b strings.Builder
	var offs []int
	space := true
	for i, r := range string(text) {
		if unicode.IsSpace(r) || r == '>' && space {
			if !space {
				b.WriteByte(' ')
				offs = append(offs, i)
				space = true
			}
			continue
		}
		space = false
		n := b.Len()
		b.WriteString(string(unicode.ToLower(r)))
		for range b.Len() - n {
			offs = append(offs, i)
		}
	}
	offs = append(offs, len(text))
	return strings.TrimRight(b.String(), " "), offs
}

// wordIndex finds id in text as a whole word (not part of a longer id).
func wordIndex(text, id string) int {
	isID := func(c byte) bool { return c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
	for from := 0; ; {
		i := strings.Index(text[from:], id)
		if i < 0 {
			return -1
		}
		i += from
		end := i + len(id)
		if (i == 0 || !isID(text[i-1])) && (end == len(text) || !isID(text[end])) {
			return i
		}
		from = end
	}
}

// --- the solution ------------------------------------------------------------

// visitFacts are the frontmatter facts of a visit that a correction never
// changes: when it was, who made it, who was there and what was seen.
var visitFacts = []string{"date", "by", "present", "child_seen", "seen_alone", "awake", "bedroom_seen"}

// validateSolution requires solution/ to be the case put right: every
// record kept, every visit's facts kept, every key item fixed and nothing
// new, put over the started exercise.
func (ex *Exercise) validateSolution(ctx context.Context, v *Validation) error {
	sol := ex.Solution()
	if sol == nil {
		v.Notes = append(v.Notes, fmt.Sprintf("no %s/: write the case put right there, and validate checks it fixes every key item", SolutionDir))
		return nil
	}
	solFiles := map[string][]byte{}
	err := fs.WalkDir(sol, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if !d.Type().IsRegular() {
			v.Notes = append(v.Notes, fmt.Sprintf("skipped %s/%s: not a regular file", SolutionDir, p))
			return nil
		}
		data, err := fs.ReadFile(sol, p)
		if err != nil {
			return err
		}
		solFiles[p] = data
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s/: %w", SolutionDir, err)
	}
	var paths []string
	for p := range ex.Files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		s, ok := solFiles[p]
		if !ok {
			v.add(SolutionDir+"/"+p, "missing: a record is put right by a dated entry, never deleted; copy %s/%s here and correct it", CaseDir, p)
			continue
		}
		if strings.HasSuffix(p, ".md") {
			for _, d := range wantLines(p, s) {
				v.add(fmt.Sprintf("%s/%s:%d", SolutionDir, p, d), "a want comment: the solution is the case put right, with no key; take it out")
			}
			ex.compareFacts(v, p, ex.Files[p], s)
			ex.compareShape(v, p, ex.Files[p], s)
		}
	}

	tmp, err := os.MkdirTemp("", "caselint-validate-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := ex.materialise(tmp, ex.Git); err != nil {
		return err
	}
	for p, data := range solFiles {
		if err := writeFile(tmp, p, data); err != nil {
			return err
		}
	}
	r, err := ex.CheckFix(ctx, tmp)
	if err != nil {
		return err
	}
	for _, it := range r.Items {
		if it.Status == StillThere && it.Now != nil {
			v.add(fmt.Sprintf("%s/%s:%d", SolutionDir, it.Now.Path, it.Now.Pos.Line), "%s is still there (key item %s): %s: put it right in the solution, or, for a breach that cannot be undone, suppress it with a caselint:ignore comment that says why", it.Rule, it.At(), it.Now.Message)
		}
	}
	for _, f := range r.New {
		v.add(fmt.Sprintf("%s/%s:%d", SolutionDir, f.Path, f.Pos.Line), "the solution brings in a problem the case did not have: %s: %s", f.RuleID, f.Message)
	}
	for _, e := range r.Evidence {
		at := SolutionDir + "/" + e.Path
		if e.Line > 0 {
			at = fmt.Sprintf("%s:%d", at, e.Line)
		}
		v.add(at, "the solution changes the evidence (%s): a record is corrected by a dated entry that keeps the original, so the solution must not count as the right fix", e.What)
	}
	for _, it := range r.Items {
		if it.Status == SuppressedNotAccepted && it.Now != nil {
			v.add(fmt.Sprintf("%s/%s:%d", SolutionDir, it.Now.Path, it.Now.Pos.Line), "%s is suppressed with a reason that is not accepted (%s): give the reason a reviewer would accept", it.Rule, it.Why)
		}
	}
	for _, n := range r.Notes {
		if !strings.HasPrefix(n, "the exercise's key does not match caselint") { // said above, at case/
			v.add(SolutionDir, "%s", n)
		}
	}
	return nil
}

// wantLines returns the lines of a solution record that hold a want
// comment.
func wantLines(p string, data []byte) []int {
	doc, ok := schema.Parse(p, data)
	if !ok {
		return nil
	}
	var out []int
	for _, d := range doc.Directives {
		if d.Kind == schema.Want {
			out = append(out, d.Line)
		}
	}
	return out
}

var factLine = regexp.MustCompile(`^\s*([a-z_]+)\s*=\s*(.*?)\s*(#.*)?$`)

// compareFacts reports a visit whose facts solution/ changed: a correction
// is a dated entry, never a rewritten fact.
func (ex *Exercise) compareFacts(v *Validation, p string, was, now []byte) {
	facts := func(data []byte) (map[string]string, map[string]int, bool) {
		vals, at := map[string]string{}, map[string]int{}
		fences, isVisit := 0, false
		for i, l := range lines(data) {
			if string(bytes.TrimSpace(l)) == "+++" {
				if fences++; fences == 2 {
					break
				}
				continue
			}
			m := factLine.FindSubmatch(l)
			if fences != 1 || m == nil {
				continue
			}
			k := string(m[1])
			if k == "type" && strings.Trim(string(m[2]), `"'`) == "visit" {
				isVisit = true
			}
			vals[k], at[k] = string(m[2]), i+1
		}
		return vals, at, isVisit
	}
	wv, _, visit := facts(was)
	nv, nat, _ := facts(now)
	if !visit {
		return
	}
	// The versions the record had in its history: restoring one is putting
	// a rewritten record back, not changing what happened.
	var earlier []map[string]string
	for _, c := range ex.history {
		for _, f := range c.files {
			if f.path == CaseDir+"/"+p || f.path == p {
				hv, _, _ := facts(f.data)
				earlier = append(earlier, hv)
			}
		}
	}
	same := func(k, a, b string) bool {
		if k == "date" && len(a) >= 10 && len(b) >= 10 {
			return a[:10] == b[:10] // a time added to the day is completing the record
		}
		return a == b
	}
	for _, k := range visitFacts {
		restored := false
		for _, hv := range earlier {
			restored = restored || hv[k] != "" && same(k, hv[k], nv[k])
		}
		// A fact the record left out may be added: that completes it.
		if wv[k] != "" && !same(k, wv[k], nv[k]) && !restored {
			at := fmt.Sprintf("%s/%s", SolutionDir, p)
			if l := nat[k]; l > 0 {
				at = fmt.Sprintf("%s:%d", at, l)
			}
			v.add(at, "changes the visit's %s (case/ has %s): a visit's facts are what happened; put it right with a dated entry, not by rewriting the record", k, wv[k])
		}
	}
}

// rowIDCell is the first cell of a table row that names it: A3, O2, R10.
var rowIDCell = regexp.MustCompile(`^[A-Za-z]{0,3}[0-9]{1,3}$`)

// compareShape reports a section (a "## " heading) or a table row (by its
// first cell: "| A3 |") of a case record that solution/ took out: what a
// record said is corrected by a dated entry, never deleted.
func (ex *Exercise) compareShape(v *Validation, p string, was, now []byte) {
	type part struct {
		text string
		line int
	}
	parts := func(data []byte) (heads, rows []part) {
		fences := 0
		for i, l := range lines(data) {
			t := strings.TrimSpace(string(l))
			if t == "+++" {
				fences++
				continue
			}
			if fences < 2 {
				continue
			}
			if h, ok := strings.CutPrefix(t, "## "); ok {
				heads = append(heads, part{strings.TrimSpace(h), i + 1})
				continue
			}
			if strings.HasPrefix(t, "|") {
				cells := strings.Split(strings.Trim(t, "|"), "|")
				id := strings.TrimSpace(cells[0])
				if rowIDCell.MatchString(id) {
					rows = append(rows, part{id, i + 1})
				}
			}
		}
		return heads, rows
	}
	wh, wr := parts(was)
	nh, nr := parts(now)
	has := func(list []part, text string) bool {
		for _, x := range list {
			if x.text == text {
				return true
			}
		}
		return false
	}
	for _, h := range wh {
		if !has(nh, h.text) {
			v.add(fmt.Sprintf("%s/%s", SolutionDir, p), "takes out the section %q (%s): a record is corrected by a dated entry, never by deleting what it said; keep the section and put it right", h.text, ex.caseAt(p, h.line))
		}
	}
	for _, r := range wr {
		if !has(nr, r.text) {
			v.add(fmt.Sprintf("%s/%s", SolutionDir, p), "takes out the row %s (%s): a record is corrected by a dated entry, never by deleting what it said; keep the row and put it right", r.text, ex.caseAt(p, r.line))
		}
	}
}
