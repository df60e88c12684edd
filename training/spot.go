package training

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Spot mode: a trainee lists the problems they find, and caselint marks the
// list against the key. An answer names a rule (its id, or the problem in
// plain words, which the rules' Synonyms map to a rule) and a place (a
// record, and a line in it). It is marked, best first:
//
//   - found: a key item of its rule in its record (the line need not be the
//     one caselint points at: the report shows where that is);
//   - close: a key item of a related rule (lint.Rule.Related) in its record;
//   - not in the key, for discussion: caselint finds the rule's problem in
//     the records although the key does not have it (suppressed with a
//     reason, or in a record as first written, before it was changed);
//   - not supported: caselint does not find it there.

// Answer is one problem a trainee says they found, from an answers file.
type Answer struct {
	// Rule is the rule id as written; for an answer in words, the rule the
	// words were read as ("" when they match no rule).
	Rule string
	// Words are the trainee's own words for the problem, when the answer
	// gives words instead of a rule id.
	Words string
	Path  string // slash path in the exercise folder
	Line  int    // the line; 0 when the answer names the record only
	At    string // as written
	Note  string // the trainee's note, if any
}

// Named is the rule as the trainee named it: the id, or their words.
func (a Answer) Named() string {
	if a.Words != "" {
		return a.Words
	}
	return a.Rule
}

// Place is the answer's place, path:line, or the path alone.
func (a Answer) Place() string {
	if a.Line == 0 {
		return a.Path
	}
	return fmt.Sprintf("%s:%d", a.Path, a.Line)
}

// ReadAnswers reads a trainee's answers file:
//
//	[[finding]]
//	rule = "unseen-child"           # the rule id, or the problem in words: "child not seen alone"
//	at = "visits/2026-03-02.md:3"   # the record, and the line (the line may be left out)
//	note = "not seen for 24 days"   # optional
func ReadAnswers(file string) ([]Answer, error) {
	data, err := lint.ReadRegular(file, 0)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("answers file %s does not exist", file)
		}
		return nil, fmt.Errorf("answers file: %w", err)
	}
	return ParseAnswers(file, data)
}

// ParseAnswers reads an answers file's content; name is for messages. A
// rule that is not an id is kept as written, and read as words when the
// answers are marked (CheckSpot), against the exercise's rules.
func ParseAnswers(name string, data []byte) ([]Answer, error) {
	var f struct {
		Finding []struct {
			Rule string `toml:"rule"`
			At   string `toml:"at"`
			Note string `toml:"note"`
		} `toml:"finding"`
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, schema.TOMLFileError(name, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s: each [[finding]] has rule, at and, if you like, note", name, u[0])
	}
	var out []Answer
	for i, a := range f.Finding {
		where := fmt.Sprintf("%s: finding %d", name, i+1)
		rule := strings.Join(strings.Fields(a.Rule), " ")
		if rule == "" {
			return nil, fmt.Errorf("%s: rule is required: the rule id, as caselint rules lists them, or the problem in your own words", where)
		}
		at := strings.TrimSpace(a.At)
		line := 0
		p := at
		if k := strings.LastIndexByte(at, ':'); k >= 0 {
			n, err := strconv.Atoi(strings.TrimSpace(at[k+1:]))
			if err != nil || n < 1 {
				return nil, fmt.Errorf("%s: at = %q: the line after the colon must be a number from 1", where, a.At)
			}
			line, p = n, at[:k]
		}
		p = strings.TrimPrefix(filepath.ToSlash(strings.TrimSpace(p)), "./")
		if p == "" {
			return nil, fmt.Errorf("%s: at = %q: write the file and the line, as plan.md:12 (or the file alone, as plan.md)", where, a.At)
		}
		out = append(out, Answer{Rule: rule, Path: path.Clean(p), Line: line, At: a.At, Note: strings.TrimSpace(a.Note)})
	}
	return out, nil
}

// Marked is a key item and the answer that found it.
type Marked struct {
	Item
	Answer Answer
	// Exact says the answer gave the line caselint points at.
	Exact bool
	// LineText is the line caselint points at, as the trainee's copy has it
	// (trimmed), to show the exact place.
	LineText string
}

// Close is an answer in the right record with a related rule.
type Close struct {
	Answer Answer
	// Item is the key item it came close to. The report does not name its
	// rule (the missed items do, where the report shows them).
	Item Item
}

// Discussion is an answer naming a real problem that the key does not
// have: caselint finds its rule's problem in the records.
type Discussion struct {
	Answer Answer
	// Finding is where caselint finds it, and what it says.
	Finding lint.Finding
	// Why the key does not have it: "suppressed with the reason ...", "in
	// the record as first written, before it was changed", or "".
	Why string
	// Elsewhere says caselint finds it in another record than the answer's.
	Elsewhere bool
}

// Wrong is an answer caselint does not support: its rule's problem is not
// in the record it names.
type Wrong struct {
	Answer
	// Hint says why, or how close it came: "caselint has no rule ...",
	// "right place, wrong rule: ...", "already counted: ...", or "".
	Hint string
}

// SpotReport is the marking of a trainee's answers.
type SpotReport struct {
	Exercise   *Exercise
	Found      []Marked
	Close      []Close
	Discussion []Discussion
	Missed     []Item
	Wrong      []Wrong // not supported
	Notes      []string
	// Show is how much of what is missed the report shows (hints.go).
	Show Hints
}

// Score is how many key items were found, of how many.
func (r *SpotReport) Score() (found, total int) { return len(r.Found), len(r.Found) + len(r.Missed) }

// Done reports whether every item was found and no answer is unsupported
// (an answer for discussion is not wrong).
func (r *SpotReport) Done() bool { return len(r.Missed) == 0 && len(r.Wrong) == 0 }

// spotAnswer is an answer with the rules it may mean.
type spotAnswer struct {
	Answer
	top []string // the rules it names (an id), or its words' best matches
	all []string // top, then the words' other matches
}

// CheckSpot marks a trainee's answers against the key. Each key item is
// found at most once: answers at its exact line first, then answers of its
// rule anywhere in its record (the nearest line); a second answer for it is
// not supported ("already counted").
func (ex *Exercise) CheckSpot(ctx context.Context, answers []Answer) (*SpotReport, error) {
	base, err := ex.baseline(ctx)
	if err != nil {
		return nil, err
	}
	items, notes := ex.items(base)
	r := &SpotReport{Exercise: ex, Notes: notes}
	on, err := ex.rulesOn()
	if err != nil {
		return nil, err
	}
	as := make([]spotAnswer, len(answers))
	for i, a := range answers {
		as[i] = ex.readAnswer(a, on)
	}

	taken := make([]int, len(items)) // the answer that found each item, +1
	found := make([]bool, len(as))
	take := func(i, j int) {
		taken[j], found[i] = i+1, true
		as[i].Rule = items[j].Rule
	}
	for i, a := range as { // the exact line
		for j, it := range items {
			if taken[j] == 0 && it.Path == a.Path && it.Line == a.Line && has(a.top, it.Rule) {
				take(i, j)
				break
			}
		}
	}
	for i, a := range as { // the record
		if found[i] {
			continue
		}
		best := -1
		for j, it := range items {
			if taken[j] == 0 && it.Path == a.Path && has(a.top, it.Rule) &&
				(best < 0 || abs(it.Line-a.Line) < abs(items[best].Line-a.Line)) {
				best = j
			}
		}
		if best >= 0 {
			take(i, best)
		}
	}
	for i, a := range as { // an accepted alternative (key.toml), in its record
		if found[i] {
			continue
		}
		for j, it := range items {
			if taken[j] == 0 && acceptsAnswer(ex.KeyItemFor(it.Rule, it.Path, it.Line), a) {
				take(i, j)
				break
			}
		}
	}
	var order []int // the found items, in key order
	for j := range items {
		if taken[j] > 0 {
			order = append(order, j)
		} else {
			r.Missed = append(r.Missed, items[j])
		}
	}
	for _, j := range order {
		it, a := items[j], as[taken[j]-1].Answer
		r.Found = append(r.Found, Marked{Item: it, Answer: a, Exact: a.Line == it.Line, LineText: strings.TrimSpace(string(lineAt(lines(ex.Files[it.Path]), it.Line)))})
	}

	// The problems caselint finds that the key does not have: in the case
	// as started, and in the records as first written, with the rules the
	// unmatched answers may mean.
	var ids []string
	for i, a := range as {
		if !found[i] {
			for _, id := range a.all {
				if !has(ids, id) {
					ids = append(ids, id)
				}
			}
		}
	}
	other := append(ex.unkeyed(base), ex.firstRecorded(ctx, ids)...)
	for i, a := range as {
		if found[i] {
			continue
		}
		if c, d, w := ex.markRest(a, items, taken, other, on); c != nil {
			r.Close = append(r.Close, *c)
		} else if d != nil {
			r.Discussion = append(r.Discussion, *d)
		} else {
			r.Wrong = append(r.Wrong, *w)
		}
	}
	sort.SliceStable(r.Wrong, func(i, j int) bool {
		a, b := r.Wrong[i], r.Wrong[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		return a.Line < b.Line
	})
	return r, nil
}

// markRest marks an answer that found no key item: close, for discussion,
// or not supported (exactly one of the three is not nil).
func (ex *Exercise) markRest(a spotAnswer, items []Item, taken []int, other []unkeyed, on map[string]bool) (*Close, *Discussion, *Wrong) {
	w := &Wrong{Answer: a.Answer}
	switch {
	case len(a.all) == 0 && a.Words != "":
		w.Hint = "caselint cannot tell which problem these words describe: write the rule's id (caselint rules lists them), or the problem as its title says it"
		return nil, nil, w
	case len(a.all) == 0:
		w.Hint = fmt.Sprintf("caselint has no rule %q", a.Rule)
		if s := schema.Suggest(a.Rule, ruleIDs(ex.rules)); s != "" {
			w.Hint += fmt.Sprintf(" (did you mean %s?)", s)
		}
		return nil, nil, w
	case ex.Files[a.Path] == nil:
		w.Hint = fmt.Sprintf("the exercise has no file %s", a.Path)
		return nil, nil, w
	case !anyOn(a.top, on):
		w.Hint = fmt.Sprintf("%s is off under %s: that procedure does not ask for it (caselint explain %s)", a.top[0], ex.Profile, a.top[0])
		return nil, nil, w
	}
	// A real problem the key does not have, at the answer's line, or in
	// its record when the key has no more of the rule there.
	if d := ex.discuss(a, other, func(f lint.Finding) bool { return f.Path == a.Path && f.Pos.Line == a.Line }); d != nil {
		return nil, d, nil
	}
	for j, it := range items {
		if taken[j] > 0 && it.Path == a.Path && has(a.top, it.Rule) {
			w.Hint = fmt.Sprintf("already counted: answer %d found it", taken[j])
			return nil, nil, w
		}
	}
	if d := ex.discuss(a, other, func(f lint.Finding) bool { return f.Path == a.Path }); d != nil {
		return nil, d, nil
	}
	best := -1 // the related item nearest the answer's line
	for j, it := range items {
		if taken[j] == 0 && it.Path == a.Path && ex.related(a.all, it.Rule) &&
			(best < 0 || abs(it.Line-a.Line) < abs(items[best].Line-a.Line)) {
			best = j
		}
	}
	if best >= 0 {
		return &Close{Answer: a.Answer, Item: items[best]}, nil, nil
	}
	if d := ex.discuss(a, other, func(lint.Finding) bool { return true }); d != nil {
		return nil, d, nil
	}
	for j, it := range items {
		if taken[j] == 0 && it.Path == a.Path && it.Line == a.Line {
			w.Hint = fmt.Sprintf("right place, wrong rule: the problem there is %s", it.Rule)
			break
		}
	}
	return nil, nil, w
}

// discuss returns the answer as one for discussion when caselint finds its
// rule's problem outside the key, at a place where accepts.
func (ex *Exercise) discuss(a spotAnswer, other []unkeyed, where func(lint.Finding) bool) *Discussion {
	cands := a.top
	if a.Words != "" {
		cands = a.all
	}
	for _, u := range other {
		if has(cands, u.f.RuleID) && where(u.f) {
			ans := a.Answer
			ans.Rule = u.f.RuleID
			return &Discussion{Answer: ans, Finding: u.f, Why: u.why, Elsewhere: u.f.Path != a.Path}
		}
	}
	return nil
}

// unkeyed is a finding of caselint's that is not in the key, and why.
type unkeyed struct {
	f   lint.Finding
	why string
}

// unkeyed returns the findings of the case as started that are not key
// items: those suppressed with a reason, and any the key lacks.
func (ex *Exercise) unkeyed(base *lint.Result) []unkeyed {
	type k struct {
		path string
		line int
		rule string
	}
	key := map[k]int{}
	for _, e := range ex.Key {
		key[k{e.Path, e.Line, e.Rule}]++
	}
	var out []unkeyed
	for _, f := range base.Findings {
		kk := k{f.Path, f.Pos.Line, f.RuleID}
		switch {
		case f.Suppression != nil:
			out = append(out, unkeyed{f, fmt.Sprintf("the record suppresses it, with the reason %q", f.Suppression.Reason)})
		case key[kk] > 0:
			key[kk]--
		default:
			out = append(out, unkeyed{f, ""})
		}
	}
	return out
}

// firstRecorded runs the rules ids on the case with each record as it was
// first committed, for an exercise with a history in which a record was
// changed after it was written: the records as first written are evidence
// too. It returns the findings there that the case as it is now does not
// have (compared by rule and message, as the lines may differ).
func (ex *Exercise) firstRecorded(ctx context.Context, ids []string) []unkeyed {
	if !ex.Git || len(ids) == 0 {
		return nil
	}
	first := map[string][]byte{}
	for _, c := range ex.history {
		for _, f := range c.files {
			if _, seen := first[f.path]; !seen {
				first[f.path] = f.data
			}
		}
	}
	fsys := fstest.MapFS{}
	changed := false
	for p, data := range ex.Files {
		if d, ok := first[p]; ok && !bytes.Equal(d, data) {
			data, changed = d, true
		}
		fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	if !changed {
		return nil
	}
	was, err := ex.runRules(ctx, fsys, ids)
	if err != nil {
		return nil
	}
	now, err := ex.runRules(ctx, fstest.MapFS(mapFiles(ex.Files)), ids)
	if err != nil {
		return nil
	}
	type k struct{ rule, msg string }
	have := map[k]bool{}
	for _, f := range now.Findings {
		have[k{f.RuleID, f.Message}] = true
	}
	var out []unkeyed
	for _, f := range was.Findings {
		if f.Suppression == nil && !have[k{f.RuleID, f.Message}] {
			out = append(out, unkeyed{f, "in the records as first written, before a record was changed"})
		}
	}
	return out
}

func mapFiles(files map[string][]byte) map[string]*fstest.MapFile {
	m := map[string]*fstest.MapFile{}
	for p, data := range files {
		m[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}

// runRules lints fsys as the exercise is marked, with only the rules ids
// (and none of the history rules: fsys has no history).
func (ex *Exercise) runRules(ctx context.Context, fsys fs.FS, ids []string) (*lint.Result, error) {
	prof, err := ex.config.ResolveProfile(ex.Profile)
	if err != nil {
		return nil, err
	}
	p := *prof
	p.Rules = map[string]string{}
	var rules []*lint.Rule
	for _, r := range ex.rules {
		if has(ids, r.ID) {
			rules = append(rules, r)
			if s, ok := prof.Rules[r.ID]; ok {
				p.Rules[r.ID] = s
			}
		}
	}
	return lint.Run(ctx, lint.Options{FS: fsys, Rules: rules, Profile: &p, AsOf: ex.AsOf, Calendar: ex.config.Calendar()})
}

// rulesOn is the set of rules the exercise's profile turns on.
func (ex *Exercise) rulesOn() (map[string]bool, error) {
	prof, err := ex.config.ResolveProfile(ex.Profile)
	if err != nil {
		return nil, err
	}
	enabled, _, err := prof.Enabled(ex.rules)
	if err != nil {
		return nil, err
	}
	on := map[string]bool{}
	for _, r := range enabled {
		on[r.ID] = true
	}
	return on, nil
}

// readAnswer reads the answer's rule: an id (in any case, with spaces or
// underscores for hyphens), or words, which are matched to the rules'
// synonyms and titles (MatchWords), the rules the profile turns on first.
func (ex *Exercise) readAnswer(a Answer, on map[string]bool) spotAnswer {
	s := spotAnswer{Answer: a}
	id := strings.ToLower(strings.Join(strings.FieldsFunc(a.Rule, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }), "-"))
	if r := ex.Rule(id); r != nil {
		s.Rule, s.top, s.all = id, []string{id}, []string{id}
		return s
	}
	if !strings.ContainsAny(strings.TrimSpace(a.Rule), " \t") {
		return s // an id caselint does not have
	}
	s.Words, s.Rule = a.Rule, ""
	var rules []*lint.Rule
	for _, r := range ex.rules {
		if on[r.ID] {
			rules = append(rules, r)
		}
	}
	top, all := MatchWords(a.Rule, rules)
	if len(all) == 0 {
		top, all = MatchWords(a.Rule, ex.rules)
	}
	s.top, s.all = top, all
	if len(top) > 0 {
		s.Rule = top[0]
	}
	return s
}

// related reports whether rule is one of ids or related to one of them.
func (ex *Exercise) related(ids []string, rule string) bool {
	for _, id := range ids {
		if r := ex.Rule(id); r != nil && has(r.Related, rule) {
			return true
		}
	}
	return false
}

// MatchWords returns the rules whose synonyms (or title, or id) the words
// describe: top are the best matches, all every match, best first. The
// match forgives case, punctuation, word order, small words ("the", "was")
// and endings ("visits", "visited"), reads "no", "not", "without",
// "missing", "never" and "didn't" as the same word, and lets a phrase of
// three words or more miss one of them.
func MatchWords(text string, rules []*lint.Rule) (top, all []string) {
	said := map[string]bool{}
	for _, w := range wordsOf(text) {
		said[w] = true
	}
	type match struct {
		id    string
		score float64
		order int
	}
	var ms []match
	for i, r := range rules {
		phrases := append([]string{r.Title, strings.ReplaceAll(r.ID, "-", " ")}, r.Synonyms...)
		best := -1.0
		for _, p := range phrases {
			ws := uniq(wordsOf(p))
			hit := 0
			for _, w := range ws {
				if said[w] {
					hit++
				}
			}
			miss := len(ws) - hit
			if len(ws) == 0 || miss > 1 || (miss == 1 && len(ws) < 3) {
				continue
			}
			best = max(best, float64(hit)-0.5*float64(miss))
		}
		if best > 0 {
			ms = append(ms, match{r.ID, best, i})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].score > ms[j].score })
	for _, m := range ms {
		all = append(all, m.id)
		if m.score == ms[0].score {
			top = append(top, m.id)
		}
	}
	return top, all
}

// small words that say nothing of which problem it is.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "for": true, "in": true, "on": true,
	"at": true, "by": true, "is": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"are": true, "has": true, "have": true, "had": true, "and": true, "or": true, "with": true, "this": true,
	"that": true, "it": true, "its": true, "their": true, "his": true, "her": true, "he": true, "she": true,
	"they": true, "them": true, "there": true, "from": true, "as": true, "any": true, "so": true,
	"did": true, "does": true, "do": true, "which": true, "who": true, "what": true, "when": true,
	"than": true, "will": true, "would": true, "should": true, "could": true, "i": true, "we": true,
	"our": true, "my": true, "s": true, "but": true, "just": true, "yet": true, "too": true, "very": true,
	"enough": true, "often": true, "required": true, "requires": true, "properly": true, "all": true,
}

// negation words, read as "not".
var negations = map[string]bool{
	"no": true, "not": true, "without": true, "never": true, "missing": true, "none": true,
	"lacks": true, "lacking": true, "lack": true, "didnt": true, "wasnt": true, "werent": true,
	"isnt": true, "hasnt": true, "havent": true, "hadnt": true, "doesnt": true, "dont": true,
	"cant": true, "cannot": true, "nor": true, "absence": true,
}

// irregular forms, read as their stem.
var irregular = map[string]string{
	"seen": "see", "saw": "see", "seeing": "see", "sees": "see",
	"written": "write", "wrote": "write", "writing": "write", "writes": "write",
	"sent": "send", "held": "hold", "told": "tell", "given": "give", "gave": "give",
	"made": "make", "kept": "keep", "children": "child", "childs": "child",
	"met": "meet", "eighteen": "18", "eighteenth": "18", "18th": "18",
	"ten": "10", "monthly": "month", "weeks": "week", "fortnightly": "fortnight",
}

// wordsOf splits text into the words MatchWords compares.
func wordsOf(text string) []string {
	text = strings.ToLower(strings.NewReplacer("'", "", "’", "").Replace(text))
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	var out []string
	for _, w := range fields {
		switch {
		case negations[w]:
			w = "not"
		case stopWords[w]:
			continue
		case irregular[w] != "":
			w = irregular[w]
		default:
			w = stem(w)
		}
		out = append(out, w)
	}
	return out
}

// stem takes a common English ending off a word, so that "visits",
// "visited" and "visiting" are one word, and the -ise and -ize
// spellings of a word too.
func stem(w string) string {
	w = strings.ReplaceAll(w, "iz", "is")
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ied"), len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:len(w)-1]
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

func uniq(ws []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func has(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func anyOn(ids []string, on map[string]bool) bool {
	for _, id := range ids {
		if on[id] {
			return true
		}
	}
	return false
}

func ruleIDs(rules []*lint.Rule) []string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	return ids
}

// acceptsAnswer reports whether a names one of k's accepted alternatives:
// its rule, in its record (any line, as for the item itself).
func acceptsAnswer(k KeyItem, a spotAnswer) bool {
	for _, alt := range k.Accept {
		if r, p, _ := k.resolve(alt); p == a.Path && has(a.top, r) {
			return true
		}
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// WriteText writes the spot-mode marking: found (with the place caselint
// points at, when the answer gave another line), close, missed (each
// explained from its rule's help), not in the key (for discussion) and not
// supported, each answer with the trainee's note.
func (r *SpotReport) WriteText(w io.Writer) error {
	b := &strings.Builder{}
	ex := r.Exercise
	const in = "      "
	fmt.Fprintf(b, "%s: your answers\n", ex.Heading())

	fmt.Fprintf(b, "\nFound (%d):\n", len(r.Found))
	if len(r.Found) == 0 {
		b.WriteString("  none\n")
	}
	for _, m := range r.Found {
		fmt.Fprintf(b, "  %s  %s\n", m.At(), ex.ruleLabel(m.Rule))
		if m.Answer.Words != "" {
			writeWrapped(b, fmt.Sprintf("you wrote %q, read as %s", pr(m.Answer.Words), m.Rule), in, "  ")
		}
		if !m.Exact {
			s := fmt.Sprintf("you said %s; caselint points at line %d", pr(m.Answer.Place()), m.Line)
			if m.LineText != "" {
				s += fmt.Sprintf(": %q", pr(clip(m.LineText, 60)))
			}
			writeWrapped(b, s+". "+pointsAt(ex.Rule(m.Rule)), in, "  ")
		}
		writeNote(b, m.Answer, in)
	}

	// "Close" says there is a problem in that record: shown when the
	// hints allow which record; below that, a close answer is only not
	// credited, with no reason given.
	closeShown := r.Show >= HintsRecord
	if len(r.Close) > 0 && closeShown {
		fmt.Fprintf(b, "\nClose (%d): the right record, and a related problem:\n", len(r.Close))
		for _, c := range r.Close {
			fmt.Fprintf(b, "  %s  %s\n", pr(c.Answer.Place()), answerLabel(ex, c.Answer))
			writeWrapped(b, "the problem in this record is a related one, not this rule: look again at which rule it breaks", in, "  ")
			writeNote(b, c.Answer, in)
		}
	}

	fmt.Fprintf(b, "\nMissed (%d):\n", len(r.Missed))
	if len(r.Missed) == 0 {
		b.WriteString("  none\n")
	}
	for _, it := range r.Missed {
		if r.Show < HintsAll {
			r.writeMissedHeld(b) // held back (hints.go)
			break
		}
		fmt.Fprintf(b, "  %s  %s\n", it.At(), ex.ruleLabel(it.Rule))
		ex.explain(b, it, in)
	}

	if len(r.Discussion) > 0 {
		fmt.Fprintf(b, "\nNot in the key: for discussion (%d):\n", len(r.Discussion))
		for _, d := range r.Discussion {
			fmt.Fprintf(b, "  %s  %s\n", pr(d.Answer.Place()), answerLabel(ex, d.Answer))
			where := "caselint finds it there"
			if d.Elsewhere || d.Finding.Pos.Line != d.Answer.Line {
				where = fmt.Sprintf("caselint finds it at %s:%d", pr(d.Finding.Path), d.Finding.Pos.Line)
			}
			if d.Why != "" {
				where += ", " + pr(d.Why)
			}
			writeWrapped(b, where+": "+pr(d.Finding.Message), in, "  ")
			writeWrapped(b, "The key does not have it: talk it through with your trainer.", in, "  ")
			writeNote(b, d.Answer, in)
		}
	}

	// The rule a close answer names does not fire in its record either:
	// below HintsRecord it is listed as not supported, which is true.
	notSupported := len(r.Wrong)
	if !closeShown {
		notSupported += len(r.Close)
	}
	fmt.Fprintf(b, "\nNot supported (%d):\n", notSupported)
	if notSupported == 0 {
		b.WriteString("  none\n")
	}
	if !closeShown {
		for _, c := range r.Close {
			fmt.Fprintf(b, "  %s  %s\n", pr(c.Answer.Place()), answerLabel(ex, c.Answer))
			writeWrapped(b, "caselint does not find this problem in that record", in, "  ")
			writeNote(b, c.Answer, in)
		}
	}
	for _, wr := range r.Wrong {
		fmt.Fprintf(b, "  %s  %s\n", pr(wr.Place()), answerLabel(ex, wr.Answer))
		s := "caselint does not find this problem in that record"
		h := r.ShownHint(wr)
		switch {
		case ex.Rule(wr.Rule) == nil && h != "":
			s = pr(h)
		case h != "":
			s += fmt.Sprintf(" (%s)", pr(h))
		}
		writeWrapped(b, s, in, "  ")
		writeNote(b, wr.Answer, in)
	}

	for _, n := range ShownNotes(r.Notes, r.Show) {
		fmt.Fprintf(b, "\nnote: %s\n", pr(n))
	}
	found, total := r.Score()
	score := fmt.Sprintf("Score: %d of %d found (%d%%)", found, total, percent(found, total))
	for _, c := range []struct {
		n    int
		what string
	}{{len(r.Close), "close"}, {len(r.Discussion), "for discussion"}, {len(r.Wrong), "not supported"}} {
		if !closeShown && c.what == "close" {
			continue
		}
		if c.what == "not supported" {
			c.n = notSupported
		}
		if c.n > 0 {
			score += fmt.Sprintf("; %d %s", c.n, c.what)
		}
	}
	b.WriteString("\n")
	writeWrapped(b, score+".", "", "")
	b.WriteString("An answer is found when it names the rule, by its id or in words, in the\nrecord where caselint finds it; the line need not be exact.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// answerLabel is the rule as the trainee named it: "Title [rule-id]", or
// their words and the rule they were read as.
func answerLabel(ex *Exercise, a Answer) string {
	if a.Words == "" {
		if ex.Rule(a.Rule) != nil {
			return ex.ruleLabel(a.Rule)
		}
		return pr(a.Rule)
	}
	if a.Rule == "" {
		return fmt.Sprintf("%q", pr(a.Words))
	}
	return fmt.Sprintf("%q (read as %s)", pr(a.Words), a.Rule)
}

// writeNote shows the trainee's note beside their answer.
func writeNote(b *strings.Builder, a Answer, indent string) {
	if a.Note != "" {
		writeWrapped(b, "your note: "+pr(a.Note), indent, "  ")
	}
}

// pointsAt sends a trainee whose answer gave another line to where the
// rule's help says it points.
func pointsAt(r *lint.Rule) string {
	if r == nil {
		return ""
	}
	return fmt.Sprintf("(caselint explain %s says where it points.)", r.ID)
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
