package lint

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/caselint/caselint/schema"
)

// Redacting a message is structural: a message is built from caselint's
// own text (a constant format) and what it quotes (its arguments: keys,
// values, headings, table cells, rule ids from a caselint:ignore, errors
// that quote a file). schema.Msg and Diagnostic.Msg keep the two apart
// (Pass.Reportf and Document.Problemf record them); under --redact the
// format is kept as it is and each argument is redacted:
//
//   - numbers, booleans, dates and times are kept;
//   - a schema.Msg is redacted the same way, format kept, arguments
//     redacted;
//   - anything else is taken as text from the records: the names of the
//     case's people become their roles (redactor.text), and then every
//     word that is not one of caselint's own (vocabulary: the words of the
//     rules' titles and texts, of the profile, of the schema's keys, kinds
//     and sections, and a list of common words) becomes Redacted. Numbers,
//     single letters and commit hashes are kept.
//
// A message with no format (one built as text alone) is one argument. So
// a new message cannot leak what it quotes: only what caselint wrote
// itself, or words caselint uses, come out as they are.

// Redacted stands for a word of record text that --redact withholds.
const Redacted = "[redacted]"

// vocabulary is the words caselint itself writes, lower case.
type vocabulary map[string]bool

// vocabulary returns the words of caselint's own text, built once a run.
func (e *engine) vocabulary() vocabulary {
	e.wordsOnce.Do(func() { e.words = buildVocabulary(e.opts.Rules, e.opts.Profile) })
	return e.words
}

func buildVocabulary(rules []*Rule, p *Profile) vocabulary {
	v := vocabulary{}
	add := func(s string) {
		forEachWord(s, func(w string) { v[strings.ToLower(w)] = true })
	}
	add(commonWords)
	lower := func(s string) {
		forEachWord(s, func(w string) {
			if strings.ToLower(w) == w {
				v[w] = true
			}
		})
	}
	for _, r := range rules {
		// Not Bad and Good: their examples use sample names; and of the
		// texts only the words in lower case, as a name is not.
		add(r.ID + " " + string(r.Family))
		lower(r.Title + " " + r.Text)
		for _, c := range r.Cites {
			add(c.Source + " " + c.Paragraph + " " + c.Quote)
		}
	}
	if p != nil {
		add(fmt.Sprintf("%+v", *p))
	}
	for _, k := range schema.Kinds {
		add(string(k))
		for _, s := range schema.SectionNames(k) {
			add(fmt.Sprintf("%+v", s))
		}
	}
	for _, t := range []any{schema.CaseRecord{}, schema.Plan{}, schema.Conference{}, schema.CoreGroup{}, schema.Visit{}} {
		addTOMLKeys(reflect.TypeOf(t), add, map[reflect.Type]bool{})
	}
	return v
}

// addTOMLKeys adds the toml key names of the struct type t and of those it
// holds.
func addTOMLKeys(t reflect.Type, add func(string), seen map[reflect.Type]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[t] {
		return
	}
	seen[t] = true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("toml"), ","); name != "" && name != "-" {
			add(name)
		}
		addTOMLKeys(f.Type, add, seen)
	}
}

// allKnown reports whether every word of s is caselint's.
func (v vocabulary) allKnown(s string) bool {
	ok := true
	forEachWord(s, func(w string) {
		if !v.keeps(w) {
			ok = false
		}
	})
	return ok
}

// keeps reports whether the word w may stand in a redacted report.
func (v vocabulary) keeps(w string) bool {
	if v[strings.ToLower(w)] {
		return true
	}
	rs := []rune(w)
	if len(rs) == 1 {
		return true // an initial, a list letter: no one is named by it
	}
	digits, hex := 0, true
	for _, c := range rs {
		switch {
		case '0' <= c && c <= '9':
			digits++
		case 'a' <= c && c <= 'f':
		default:
			hex = false
		}
	}
	// A number ("2026", "1st", "28th"), a commit hash, or an id of one or
	// two letters and a number ("A1", "O12": an action's, an outcome's).
	return digits == len(rs) || (hex && digits > 0 && len(rs) >= 7) ||
		(digits > 0 && digits == len(rs)-2 && ordinalSuffix[strings.ToLower(string(rs[digits:]))]) ||
		shortID.MatchString(w)
}

var shortID = regexp.MustCompile(`^[A-Za-z]{1,2}[0-9]{1,4}$`)

var ordinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// forEachWord calls f with each run of letters, digits and marks of s
// ("_" is part of a word: zofia_mood is one).
func forEachWord(s string, f func(string)) {
	start := -1
	for i, c := range s {
		if isWordRune(c) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			f(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// redactMsg is the redacted text of a message: m's format with its
// arguments redacted, or, when m has no format, text redacted whole. r
// may be nil: no names are known.
func (r *redactor) redactMsg(m schema.Msg, text string, words vocabulary) string {
	if m.Format == "" {
		return r.redactText(text, words)
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = r.redactArg(a, words)
	}
	// The names are replaced in the whole too: a name should never be in
	// a format, but if one is, it is not to come out.
	return r.text(fmt.Sprintf(m.Format, args...))
}

// redactArg is one argument of a message, redacted.
func (r *redactor) redactArg(a any, words vocabulary) any {
	switch v := a.(type) {
	case nil, bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64,
		schema.Date, time.Time, time.Duration, Severity:
		return a
	case schema.Msg:
		return r.redactMsg(v, "", words)
	case *schema.Msg:
		if v == nil {
			return a
		}
		return r.redactMsg(*v, "", words)
	case []string:
		out := make([]string, len(v))
		for i, s := range v {
			out[i] = r.redactText(s, words)
		}
		return out
	case string:
		return r.redactText(v, words)
	}
	switch reflect.ValueOf(a).Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		if _, ok := a.(fmt.Stringer); !ok {
			return a
		}
	}
	return r.redactText(fmt.Sprint(a), words)
}

// redactText is s with the names of the case's people replaced by their
// roles, and every other word that is not caselint's replaced by Redacted
// (a run of them, with only spaces and joiners between, by one).
func (r *redactor) redactText(s string, words vocabulary) string {
	// The labels the redactor writes are marked, so that a word in
	// brackets in the records ("[Zofia]") is not taken for one.
	s = strings.Map(func(c rune) rune {
		if c == labelOpen || c == labelClose {
			return -1
		}
		return c
	}, s)
	s = r.replace(s, true)
	var b strings.Builder
	rs := []rune(s)
	lastRedacted := -1 // b's length after the last Redacted written
	for i := 0; i < len(rs); {
		c := rs[i]
		if c == labelOpen {
			end := i + 1
			for end < len(rs) && rs[end] != labelClose {
				end++
			}
			b.WriteString(string(rs[i+1 : end]))
			i = end + 1
			lastRedacted = -1
			continue
		}
		if !isWordRune(c) {
			b.WriteRune(c)
			i++
			continue
		}
		j := i
		for j < len(rs) && isWordRune(rs[j]) {
			j++
		}
		w := string(rs[i:j])
		switch {
		case words.keeps(w):
			b.WriteString(w)
		default:
			if lastRedacted >= 0 && onlyJoiners(b.String()[lastRedacted:]) {
				out := b.String()[:lastRedacted]
				b.Reset()
				b.WriteString(out)
			} else {
				b.WriteString(Redacted)
			}
			lastRedacted = b.Len()
		}
		i = j
	}
	return b.String()
}

// labelOpen and labelClose mark a label the redactor wrote, inside
// redactText (private-use characters, taken out of the text first).
const (
	labelOpen  = '\uE000'
	labelClose = '\uE001'
)

func onlyJoiners(s string) bool {
	return s != "" && strings.TrimFunc(s, func(c rune) bool {
		return unicode.IsSpace(c) || c == '-' || c == '.' || c == '\'' || c == '’'
	}) == ""
}

// commonWords are words caselint's messages use besides those of the
// rules, the profile and the schema: the words of errors from the file
// system and the parsers, and of English.
const commonWords = `a an the and or but not no nor of in on at to for from by with without as is are was were be been being
has have had do does did done will would shall should can could may might must this that these those it its
there here what which who whom whose when where why how all any each every some one two three four five six
seven eight nine ten first second third last next previous before after since until within between over under
above below more most less least many much few other another same than then too very only also just yet still
again once day days week weeks month months year years working date time dates times today yesterday tomorrow
january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday am pm line lines column columns file files folder folders record records key
keys value values table tables item items list lists string strings number numbers integer boolean true false
array section sections heading headings name names named found expected missing unknown invalid empty required
optional allowed given says say said mean did you your our we they them their he she him her his hers i me my
read reading write writing written open opening opened close closed cannot could't isn't doesn't can't not
error errors warning warnings note notes notice notices skipped skip ignored ignore suppressed suppress
suppression reason reasons rule rules caselint toml frontmatter markdown body text character characters byte
bytes kilobytes megabytes limit limits over too large deep nested nesting directory permission denied such exist
exists link links symbolic followed regular device git repository repositories commit commits committed history
shallow clone fetch branch revision index staged tree work head object objects blob blobs config configuration
profile profiles person people role roles child children mother father parent parents carer carers foster
grandmother grandfather grandparent aunt uncle brother sister stepfather stepmother stepbrother stepsister cousin
partner friend neighbour social worker workers manager team lead independent conference chair chairs core group
groups member members health visitor visitors midwife nurse school teacher head designated safeguarding officer
police gp doctor paediatrician housing probation family support advocate interpreter education psychologist
therapist youth offending practitioner agency agencies services service children's plan plans visit visits
conference conferences review reviews minutes action actions owner owners outcome outcomes due case cases id
seen unseen alone bedroom wishes feelings did unclear already used needs own give put right add remove move
fix change changed changes more also again whole part parts place places quoted quote quotes syntax expected
lint uses use yet checks check hash hashes sha sha-256 sha256 extension extensions objectformat rev
submodule submodules inside run alternates worktree worktreeconfig format
end begins ends starting started start stop late early among correct spell spelt md txt suited suitable
recurs got unexpected eof instead value`
