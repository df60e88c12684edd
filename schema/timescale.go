package schema

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// TimescaleKind is what an action's timescale, as written, turns out to be.
type TimescaleKind uint8

// The kinds of Timescale. Date, Frequency, Immediately, Within and Event are
// specified timescales (Stoke C06 §01 "within what specified timescales");
// the others are not.
const (
	TimescaleEmpty        TimescaleKind = iota // nothing written, or no letter or digit ("-", "?")
	TimescaleDate                              // 2026-07-31, 31/07/2026, 31 July 2026, end of July 2026, w/c 3 August 2026
	TimescaleFrequency                         // daily, twice weekly, every 3 weeks, each school day, at each core group
	TimescaleImmediately                       // immediately, straight away, today
	TimescaleWithin                            // within 2 weeks, within 10 working days, 2 weeks
	TimescaleEvent                             // by the next core group, before the review conference
	TimescaleDone                              // done, completed: the action is recorded as complete
	TimescaleVague                             // ongoing, asap, TBC, as required (the caller's list)
	TimescaleUnrecognised                      // anything else, an impossible date included
)

var timescaleKindNames = [...]string{"empty", "date", "frequency", "immediately", "within", "event", "done", "vague", "unrecognised"}

func (k TimescaleKind) String() string {
	if int(k) < len(timescaleKindNames) {
		return timescaleKindNames[k]
	}
	return "?"
}

// Timescale is an action's timescale as people write it, read.
type Timescale struct {
	Kind TimescaleKind
	Text string // as written, spaces collapsed
	// Date is, for a date, the last day it allows: the day itself, the last
	// day of the month for "end of July 2026" or "July 2026", the Sunday of
	// the week for "w/c 3 August 2026". Its Year is 0 when none is written
	// ("31 July").
	Date Date
	// Every is, for a frequency that is a fixed period, that period
	// ("fortnightly" is 2 weeks); zero for "twice weekly", "at each core
	// group".
	Every Interval
	// Within is the period of "within 10 working days" (hours are counted
	// as whole days).
	Within Interval
	// Why says, for an unrecognised timescale that looked like a date, why
	// it is not one ("31/02/2026 is not a date: February 2026 has 28
	// days"); "" otherwise.
	Why string
}

// Specified reports whether the timescale is one the procedures accept: a
// date, a frequency, "immediately", a period or a scheduled meeting; or
// the action is recorded as done (a plan updated at a core group).
func (t Timescale) Specified() bool {
	switch t.Kind {
	case TimescaleDate, TimescaleFrequency, TimescaleImmediately, TimescaleWithin, TimescaleEvent, TimescaleDone:
		return true
	}
	return false
}

// maxTimescale bounds the text ParseTimescale reads: a due cell longer
// than this is prose, not a timescale.
const maxTimescale = 200

// ParseTimescale reads an action's timescale as practitioners write it
// (docs/format.md "Timescales"). vague lists the words that are not a
// specified timescale (the profile's vague_timescales, lower case): text
// that is one of them, or opens with one ("ongoing until ..."), is
// TimescaleVague. Dates are read day first, as in the UK (31/7/26 is 31
// July 2026).
//
// A timescale may be followed by more words after a joining word or
// punctuation ("weekly, until the review", "2026-07-31 at the latest",
// "within 2 weeks of the conference"); a trailing bracket is ignored, and
// when nothing else is a timescale a bracketed one is read ("ongoing
// (weekly)" is weekly).
func ParseTimescale(text string, vague []string) Timescale {
	return NewVagueTimescales(vague).Parse(text)
}

// VagueTimescales are a list of vague timescales (ParseTimescale's vague)
// split into words as a timescale is read, once for the many timescales
// of a run: ParseTimescale(text, vague) is NewVagueTimescales(vague).Parse(text).
type VagueTimescales struct {
	phrases [][]string // each phrase's words (timescaleTokens)
	joined  []string   // each phrase's words joined by a space
	words   []int      // the number of words of each joined phrase
}

// NewVagueTimescales splits the phrases of vague into words.
func NewVagueTimescales(vague []string) VagueTimescales {
	v := VagueTimescales{
		phrases: make([][]string, len(vague)),
		joined:  make([]string, len(vague)),
		words:   make([]int, len(vague)),
	}
	for i, phrase := range vague {
		v.phrases[i] = timescaleTokens(phrase)
		v.joined[i] = strings.Join(v.phrases[i], " ")
		v.words[i] = len(strings.Fields(v.joined[i]))
	}
	return v
}

// Parse is ParseTimescale with the vague timescales v.
func (vague VagueTimescales) Parse(text string) Timescale {
	t := Timescale{Text: collapse(text)}
	if !strings.ContainsFunc(t.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		t.Kind = TimescaleEmpty
		return t
	}
	if len(t.Text) > maxTimescale {
		t.Kind = TimescaleUnrecognised
		return t
	}
	toks := timescaleTokens(t.Text)
	if isVague(toks, vague, true) {
		t.Kind = TimescaleVague
		return t
	}
	if r, ok := readTimescale(toks); ok {
		r.Text = t.Text
		return r
	}
	if len(toks) > 0 && doneWords[toks[0]] && (len(toks) == 1 || isJoin(toks[1])) {
		t.Kind = TimescaleDone
		return t
	}
	why := firstWhy(toks)
	// A vague word with a timescale after it: "ongoing, weekly", "asap
	// and by 2026-03-01".
	if n := vaguePrefix(toks, vague); n > 0 {
		for n < len(toks) && isJoin(toks[n]) {
			n++
		}
		if r, ok := readTimescale(toks[n:]); ok {
			r.Text = t.Text
			return r
		}
		// "N/A - done": the timescale no longer applies because the
		// action is complete.
		if n < len(toks) && doneWords[toks[n]] && (n+1 == len(toks) || isJoin(toks[n+1])) {
			t.Kind = TimescaleDone
			return t
		}
	}
	// A bracketed timescale: "ongoing (weekly)", "as agreed (by 2026-03-01)".
	for i, tok := range toks {
		if tok != "(" {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j] != ")" {
			j++
		}
		if r, ok := readTimescale(toks[i+1 : j]); ok {
			r.Text = t.Text
			return r
		}
	}
	if isVague(toks, vague, false) {
		t.Kind = TimescaleVague
		return t
	}
	t.Kind = TimescaleUnrecognised
	t.Why = why
	return t
}

// timescaleTokens lower-cases text and splits it into words, with brackets
// and the punctuation that joins phrases (, ; : ( ) -) as tokens of their
// own. A hyphen inside a word is a space ("twice-weekly", "6-weekly",
// "mid-July"); between digits it is kept (2026-07-31). Emphasis marks and
// quotation marks are dropped, and a full stop ending a word.
func timescaleTokens(text string) []string {
	rs := []rune(strings.ToLower(text))
	var b strings.Builder
	for i, r := range rs {
		prev, next := rune(' '), rune(' ')
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case r == '*' || r == '_' || r == '`' || r == '"' || r == '“' || r == '”':
			b.WriteByte(' ')
		case r == '-' && unicode.IsDigit(prev) && unicode.IsDigit(next):
			b.WriteRune(r)
		case (r == '-' || r == '‐') && isAlnum(prev) && isAlnum(next):
			b.WriteByte(' ')
		case r == '-' || r == '–' || r == '—':
			b.WriteString(" - ")
		case r == '[' || r == '(':
			b.WriteString(" ( ")
		case r == ']' || r == ')':
			b.WriteString(" ) ")
		case r == '/' && i >= 2 && i+2 < len(rs) && unicode.IsLetter(rs[i-2]) && unicode.IsLetter(prev) && unicode.IsLetter(next) && unicode.IsLetter(rs[i+2]):
			b.WriteString(" / ") // "ongoing/weekly", not "n/a" or "w/c"
		case r == ',' || r == ';' || r == '&' || r == '+':
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
		case r == ':' && !(unicode.IsDigit(prev) && unicode.IsDigit(next)):
			b.WriteString(" : ")
		default:
			b.WriteRune(r)
		}
	}
	var out []string
	for _, f := range strings.Fields(b.String()) {
		if t := strings.TrimRight(f, ".!?"); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isVague reports whether toks are one of the vague phrases (whole), or,
// when whole is false, open with one followed by a joining word.
func isVague(toks []string, vague VagueTimescales, whole bool) bool {
	joined := strings.Join(toks, " ")
	for i, v := range vague.joined {
		if v == "" {
			continue
		}
		if joined == v {
			return true
		}
		if !whole && len(joined) > len(v) && joined[len(v)] == ' ' && strings.HasPrefix(joined, v) {
			n := vague.words[i]
			if n < len(toks) && isJoin(toks[n]) {
				return true
			}
		}
	}
	return false
}

// doneWords say that an action is complete.
var doneWords = map[string]bool{"done": true, "completed": true, "complete": true, "achieved": true, "met": true}

// vaguePrefix returns the number of tokens of the vague phrase toks open
// with, or 0.
func vaguePrefix(toks []string, vague VagueTimescales) int {
	best := 0
	for _, vt := range vague.phrases {
		if len(vt) > best && len(vt) < len(toks) && hasWords(toks, 0, vt...) {
			best = len(vt)
		}
	}
	return best
}

// joining words and marks after which more words may follow a timescale.
var joins = map[string]bool{
	",": true, ";": true, "(": true, ":": true, "-": true, "and": true, "or": true, "then": true,
	"from": true, "until": true, "till": true, "to": true, "starting": true, "commencing": true,
	"on": true, "at": true, "in": true, "during": true, "for": true, "after": true, "before": true,
	"with": true, "of": true, "following": true, "thereafter": true, "latest": true, "unless": true,
	"when": true, "while": true, "whilst": true, "if": true, "as": true, "by": true, "via": true,
	"&": true, "+": true, "/": true, "including": true, "ongoing": true, "throughout": true,
	"plus": true, "subject": true, "where": true, "once": true, "every": true, "each": true,
	"but": true,
}

func isJoin(tok string) bool { return joins[tok] }

// readTimescale reads a timescale at the start of toks, which must be
// followed by nothing or by a joining word.
func readTimescale(toks []string) (Timescale, bool) {
	t, _, ok := readTimescaleNext(toks)
	return t, ok
}

// readTimescaleNext is readTimescale, and the index of the token after the
// timescale.
func readTimescaleNext(toks []string) (Timescale, int, bool) {
	// Words before the timescale itself that do not change it.
	i := 0
	for i < len(toks) {
		switch {
		case hasWords(toks, i, "no", "later", "than"), hasWords(toks, i, "not", "later", "than"):
			i += 3
		case hasWords(toks, i, "on", "or", "before"):
			i += 3
		case hasWords(toks, i, "due", "date"), hasWords(toks, i, "target", "date"):
			i += 2
		case toks[i] == "due" || toks[i] == "by" || toks[i] == "before" || toks[i] == "deadline" ||
			toks[i] == "until" || toks[i] == "till" || toks[i] == "from" || toks[i] == "starting" ||
			toks[i] == "on" || toks[i] == "for" || toks[i] == ":" || toks[i] == "-" || toks[i] == "complete" ||
			toks[i] == "completed" || toks[i] == "done" || toks[i] == "and" || toks[i] == "then":
			i++
		default:
			goto read
		}
	}
read:
	if i >= len(toks) {
		return Timescale{}, 0, false
	}
	for _, read := range []func([]string, int) (Timescale, int, bool){readDate, readImmediately, readWithin, readFrequency, readEvent} {
		t, next, ok := read(toks, i)
		if !ok {
			continue
		}
		// What follows a timescale qualifies it ("weekly visits", "31 July
		// 2026 at the latest"), except after a bare period: "2 weeks" is
		// a timescale, "2 weeks respite" is not.
		bare := t.Kind == TimescaleWithin && toks[i] != "within" && toks[i] != "in" && toks[i] != "no"
		if next >= len(toks) || !bare || isJoin(toks[next]) {
			return t, next, true
		}
	}
	return Timescale{}, 0, false
}

// firstWhy returns why the first thing in toks that looks like a date is
// not one, or "".
func firstWhy(toks []string) string {
	for i := range toks {
		if t, _, ok := readDate(toks, i); !ok && t.Why != "" {
			return t.Why
		}
	}
	return ""
}

func hasWords(toks []string, i int, words ...string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for j, w := range words {
		if toks[i+j] != w {
			return false
		}
	}
	return true
}

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

var weekdayNames = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true, "wednesday": true, "wed": true,
	"thursday": true, "thu": true, "thur": true, "thurs": true, "friday": true, "fri": true,
	"saturday": true, "sat": true, "sunday": true, "sun": true,
}

// IsMonthName reports whether word, lower case, names a month, in full
// or short ("march", "sept").
func IsMonthName(word string) bool {
	_, ok := monthNames[word]
	return ok
}

// IsWeekdayName reports whether word, lower case, names a day of the
// week, in full or short, singular or plural ("monday", "thurs",
// "mondays").
func IsWeekdayName(word string) bool { return isWeekday(word) }

// isWeekday reports whether tok names a day of the week, singular or
// plural ("mondays").
func isWeekday(tok string) bool {
	return weekdayNames[tok] || len(tok) > 6 && weekdayNames[strings.TrimSuffix(tok, "s")]
}

// readDate reads a date at toks[i]: ISO, day-first numeric, in words, a
// month ("end of July 2026"), or a week ("w/c 3 August 2026"). A date
// that cannot exist gives ok=false with Why set.
func readDate(toks []string, i int) (Timescale, int, bool) {
	// The week commencing: its last day. The week ending: that day.
	for _, w := range [][]string{{"w/c"}, {"w/b"}, {"wc"}, {"wb"}, {"week", "commencing"}, {"week", "beginning"},
		{"week", "starting"}, {"wk", "beg"}, {"wk", "beginning"}, {"wk", "commencing"}, {"wk", "comm"},
		{"wk", "starting"}, {"commencing"}, {"wk", "of"},
		{"the", "week", "of"}, {"week", "of"}, {"w/e"}, {"we"}, {"week", "ending"}} {
		if hasWords(toks, i, w...) {
			t, next, ok := readDate(toks, i+len(w))
			if ok && w[0] != "w/e" && w[0] != "we" && w[len(w)-1] != "ending" {
				t.Date = t.Date.AddDays(6)
			}
			return t, next, ok
		}
	}
	if i < len(toks) && isWeekday(toks[i]) && i+1 < len(toks) {
		j := i + 1
		if toks[j] == "," {
			j++
		}
		if t, next, ok := readDate(toks, j); ok || t.Why != "" {
			return t, next, ok
		}
	}
	// "the 31st of July 2026", "31 July 2026", "31st July, 2026"
	j := i
	if j < len(toks) && toks[j] == "the" {
		j++
	}
	if j < len(toks) {
		tok := toks[j]
		if d, ok := ordinalDay(tok); ok {
			k := j + 1
			if k < len(toks) && toks[k] == "of" {
				k++
			}
			if k < len(toks) {
				if m, ok := monthNames[toks[k]]; ok {
					return dateWithYear(toks, k+1, d, m, tok+" "+toks[k])
				}
			}
		}
		if y, m, d, why, ok := numericDate(tok); ok || why != "" {
			if !ok {
				return Timescale{Kind: TimescaleUnrecognised, Why: why}, j + 1, false
			}
			return Timescale{Kind: TimescaleDate, Date: Date{y, m, d}}, j + 1, true
		}
		if m, ok := monthNames[tok]; ok && j+1 < len(toks) {
			// "July 31 2026", "July 31st, 2026", "July 2026"
			if d, ok := ordinalDay(toks[j+1]); ok && (j+2 >= len(toks) || !isYear(toks[j+1])) {
				return dateWithYear(toks, j+2, d, m, tok+" "+toks[j+1])
			}
			if y, ok := year(toks[j+1]); ok {
				return Timescale{Kind: TimescaleDate, Date: lastOfMonth(y, m)}, j + 2, true
			}
		}
		// A month alone, "by July": its last day, as "end of July" is.
		if m, ok := monthNames[tok]; ok && (j+1 >= len(toks) || isJoin(toks[j+1])) {
			return Timescale{Kind: TimescaleDate, Date: Date{0, m, daysIn(m, 2001)}}, j + 1, true
		}
	}
	// "end of July 2026", "mid-August 2026", "the end of July"
	for _, part := range []string{"end", "start", "beginning", "mid", "middle", "early", "late"} {
		if j < len(toks) && toks[j] == part {
			k := j + 1
			if k < len(toks) && toks[k] == "of" {
				k++
			}
			if k < len(toks) {
				if m, ok := monthNames[toks[k]]; ok {
					day := 0
					switch part {
					case "start", "beginning", "early":
						day = 7
					case "mid", "middle":
						day = 15
					}
					t := Timescale{Kind: TimescaleDate}
					next := k + 1
					if next < len(toks) && toks[next] == "," {
						next++
					}
					if next < len(toks) {
						if y, ok := year(toks[next]); ok {
							t.Date = lastOfMonth(y, m)
							if day > 0 {
								t.Date.Day = day
							}
							return t, next + 1, true
						}
					}
					t.Date = Date{0, m, max(day, daysIn(m, 2001))}
					return t, k + 1, true
				}
			}
		}
	}
	return Timescale{}, i, false
}

// dateWithYear completes a date of day d and month m (written as what) with
// the year at toks[k], if there is one.
func dateWithYear(toks []string, k, d int, m time.Month, what string) (Timescale, int, bool) {
	if k < len(toks) && toks[k] == "," {
		k++
	}
	y, hasYear := 0, false
	if k < len(toks) {
		y, hasYear = year(toks[k])
	}
	check := y
	if !hasYear {
		check = 2000 // a leap year: 29 February without a year may exist
		k = min(k, len(toks))
		if k > 0 && k <= len(toks) && toks[k-1] == "," {
			k--
		}
	}
	if d > daysIn(m, check) {
		return Timescale{Kind: TimescaleUnrecognised, Why: notADate(what, d, m, y, hasYear)}, k, false
	}
	if hasYear {
		return Timescale{Kind: TimescaleDate, Date: Date{y, m, d}}, k + 1, true
	}
	return Timescale{Kind: TimescaleDate, Date: Date{0, m, d}}, k, true
}

func notADate(what string, d int, m time.Month, y int, hasYear bool) string {
	if hasYear {
		return fmt.Sprintf("%s is not a date: %s %d has %d days", what, m, y, daysIn(m, y))
	}
	return fmt.Sprintf("%s is not a date: %s has %d days", what, m, daysIn(m, 2000))
}

// ordinalDay reads a day of the month: "31", "31st", "1st", "2nd", "3rd".
func ordinalDay(tok string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(tok, suf) && len(tok) > len(suf) {
			tok = strings.TrimSuffix(tok, suf)
			break
		}
	}
	if len(tok) == 0 || len(tok) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(tok)
	if err != nil || n < 1 || n > 31 {
		return 0, false
	}
	return n, true
}

func isYear(tok string) bool { _, ok := year(tok); return ok }

// year reads a four-digit year, or '26 for 2026.
func year(tok string) (int, bool) {
	tok = strings.TrimPrefix(strings.TrimPrefix(tok, "'"), "’")
	if len(tok) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(tok)
	if err != nil || n < 1900 || n > 2199 {
		return 0, false
	}
	return n, true
}

// daysIn returns the number of days in month m of year y.
func daysIn(m time.Month, y int) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func lastOfMonth(y int, m time.Month) Date { return Date{y, m, daysIn(m, y)} }

// numericDate reads 2026-07-31, 2026/07/31, and day first 31/07/2026,
// 31/7/26, 31.07.2026, 31-07-2026 and 31/07 (no year). why is set when tok
// has the shape of a date but is not one (31/02/2026).
func numericDate(tok string) (y int, m time.Month, d int, why string, ok bool) {
	sep := strings.IndexAny(tok, "/.-")
	if sep < 0 {
		return 0, 0, 0, "", false
	}
	parts := strings.FieldsFunc(tok, func(r rune) bool { return r == '/' || r == '.' || r == '-' })
	if len(parts) < 2 || len(parts) > 3 || strings.Count(tok, string(tok[sep])) != len(parts)-1 {
		return 0, 0, 0, "", false
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return 0, 0, 0, "", false
		}
		for _, c := range p {
			if c < '0' || c > '9' {
				return 0, 0, 0, "", false
			}
		}
		nums[i], _ = strconv.Atoi(p)
	}
	switch {
	case len(parts) == 3 && len(parts[0]) == 4 && tok[sep] != '.': // 2026-07-31
		y, m, d = nums[0], time.Month(nums[1]), nums[2]
	case len(parts) == 3 && len(parts[0]) <= 2 && len(parts[1]) <= 2 && (len(parts[2]) == 4 || len(parts[2]) == 2):
		y, m, d = nums[2], time.Month(nums[1]), nums[0]
		if len(parts[2]) == 2 {
			y += 2000
		}
	case len(parts) == 2 && tok[sep] == '/' && len(parts[0]) <= 2 && len(parts[1]) <= 2: // 31/07
		m, d = time.Month(nums[1]), nums[0]
	default:
		return 0, 0, 0, "", false
	}
	switch {
	case m < 1 || m > 12:
		return 0, 0, 0, fmt.Sprintf("%s is not a date: there is no month %d (dates are read day first, as 31/07/2026)", tok, int(m)), false
	case d < 1:
		return 0, 0, 0, fmt.Sprintf("%s is not a date: there is no day 0", tok), false
	case y == 0 && d > daysIn(m, 2000):
		return 0, 0, 0, fmt.Sprintf("%s is not a date: %s has %d days", tok, m, daysIn(m, 2000)), false
	case y != 0 && d > daysIn(m, y):
		return 0, 0, 0, fmt.Sprintf("%s is not a date: %s %d has %d days", tok, m, y, daysIn(m, y)), false
	case y != 0 && (y < 1900 || y > 2199):
		return 0, 0, 0, "", false
	}
	return y, m, d, "", true
}

// readImmediately reads "immediately", "straight away", "with immediate
// effect", "today", "now".
func readImmediately(toks []string, i int) (Timescale, int, bool) {
	for _, w := range [][]string{
		{"with", "immediate", "effect"}, {"immediately"}, {"immediate"}, {"immediate", "effect"},
		{"straight", "away"}, {"straightaway"}, {"forthwith"}, {"at", "once"}, {"today"},
		{"now"}, {"same", "day"}, {"the", "same", "day"}, {"within", "the", "day"},
	} {
		if hasWords(toks, i, w...) {
			return Timescale{Kind: TimescaleImmediately}, i + len(w), true
		}
	}
	return Timescale{}, i, false
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "fourteen": 14, "twenty-eight": 28,
}

// number reads a count: 2, "two", "a".
func number(tok string) (int, bool) {
	if n, ok := numberWords[tok]; ok {
		return n, true
	}
	// A range, "4-6": the longest it allows ("every 4-6 weeks" is at
	// least every 6 weeks).
	if lo, hi, ok := strings.Cut(tok, "-"); ok && len(lo) <= 2 && len(hi) <= 2 {
		a, errA := strconv.Atoi(lo)
		b, errB := strconv.Atoi(hi)
		if errA == nil && errB == nil && a > 0 && a < b {
			return b, true
		}
		return 0, false
	}
	if len(tok) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(tok)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// period reads a length of time at toks[i]: "2 weeks", "ten working days",
// "a fortnight", "48 hours", "one month".
func period(toks []string, i int) (Interval, int, bool) {
	if i >= len(toks) {
		return Interval{}, i, false
	}
	// The clinical shorthand: 2/52 is two weeks, 3/12 three months, 5/7
	// five days.
	if num, den, ok := strings.Cut(toks[i], "/"); ok {
		n, err := strconv.Atoi(num)
		if err == nil && n > 0 && n < 100 {
			switch den {
			case "52":
				return Interval{n, Weeks}, i + 1, true
			case "12":
				if i > 0 && (toks[i-1] == "within" || toks[i-1] == "in" || toks[i-1] == "every") {
					return Interval{n, Months}, i + 1, true
				}
			case "7":
				if i > 0 && (toks[i-1] == "within" || toks[i-1] == "in" || toks[i-1] == "every") {
					return Interval{n, Days}, i + 1, true
				}
			}
		}
	}
	n, ok := number(toks[i])
	if !ok {
		return Interval{}, i, false
	}
	j := i + 1
	if j < len(toks) && (toks[j] == "calendar" || toks[j] == "full") {
		j++
	}
	if j >= len(toks) {
		return Interval{}, i, false
	}
	unit := strings.TrimSuffix(toks[j], "s")
	switch unit {
	case "day":
		return Interval{n, Days}, j + 1, true
	case "working", "work", "business", "school":
		if j+1 < len(toks) && strings.TrimSuffix(toks[j+1], "s") == "day" {
			return Interval{n, WorkingDays}, j + 2, true
		}
	case "wk", "week":
		return Interval{n, Weeks}, j + 1, true
	case "fortnight":
		return Interval{2 * n, Weeks}, j + 1, true
	case "month", "mth":
		return Interval{n, Months}, j + 1, true
	case "hour", "hr":
		return Interval{(n + 23) / 24, Days}, j + 1, true
	}
	return Interval{}, i, false
}

// readWithin reads "within 2 weeks", "within ten working days", "within the
// next 2 weeks", "in 2 weeks", "2 weeks".
func readWithin(toks []string, i int) (Timescale, int, bool) {
	j := i
	switch {
	case hasWords(toks, j, "within", "the", "next"), hasWords(toks, j, "within", "the", "first"):
		j += 3
	case hasWords(toks, j, "no", "more", "than"):
		j += 3
	case hasWords(toks, j, "within"), hasWords(toks, j, "in"):
		j++
	}
	iv, next, ok := period(toks, j)
	if !ok {
		return Timescale{}, i, false
	}
	return Timescale{Kind: TimescaleWithin, Within: iv}, next, true
}

// frequency adverbs and the period each is, when it is a fixed one.
var frequencyWords = map[string]Interval{
	"daily": {1, Days}, "nightly": {1, Days}, "weekly": {1, Weeks}, "fortnightly": {2, Weeks},
	"monthly": {1, Months}, "termly": {}, "quarterly": {3, Months}, "yearly": {12, Months},
	"annually": {12, Months}, "biweekly": {}, "bimonthly": {}, "hourly": {}, "weekdays": {},
	"weekends": {}, "weeknights": {},
}

// occasions that recur, after "every", "each", "at each", "per".
var occasions = [][]string{
	{"school", "day"}, {"school", "morning"}, {"school", "week"}, {"nursery", "day"}, {"nursery", "session"},
	{"college", "day"}, {"working", "day"}, {"work", "day"},
	{"half", "term"}, {"core", "group", "meeting"}, {"core", "group"}, {"cg", "meeting"}, {"cgm"},
	{"review", "conference"}, {"review", "meeting"}, {"child", "protection", "conference"},
	{"cp", "conference"}, {"home", "visit"}, {"statutory", "visit"}, {"supervision", "session"},
	{"team", "meeting"}, {"school", "holiday"}, {"contact", "session"},
	{"day"}, {"night"}, {"morning"}, {"evening"}, {"afternoon"}, {"weekday"}, {"weekend"},
	{"week"}, {"fortnight"}, {"month"}, {"term"}, {"year"}, {"visit"}, {"contact"}, {"session"},
	{"appointment"}, {"meeting"}, {"review"}, {"conference"}, {"supervision"}, {"bedtime"},
	{"mealtime"}, {"holiday"}, {"other", "day"}, {"other", "week"},
}

// occasion reads a recurring occasion at toks[i] ("school day", "core
// group meetings", "monday"), plural or not.
func occasion(toks []string, i int) (Interval, int, bool) {
	if i < len(toks) && isWeekday(toks[i]) {
		j := i + 1
		for j+1 < len(toks) && (toks[j] == "and" || toks[j] == "," || toks[j] == "&") && isWeekday(toks[j+1]) {
			j += 2
		}
		return Interval{}, j, true
	}
	for _, o := range occasions {
		if i+len(o) > len(toks) {
			continue
		}
		match := true
		for k, w := range o {
			tok := toks[i+k]
			if k == len(o)-1 {
				tok = strings.TrimSuffix(tok, "s")
				if o[k] == "cgm" || o[k] == "bus" {
					tok = toks[i+k]
				}
			}
			if tok != w {
				match = false
				break
			}
		}
		if match {
			iv := Interval{}
			switch strings.Join(o, " ") {
			case "day":
				iv = Interval{1, Days}
			case "week":
				iv = Interval{1, Weeks}
			case "fortnight", "other week":
				iv = Interval{2, Weeks}
			case "month":
				iv = Interval{1, Months}
			case "year":
				iv = Interval{12, Months}
			}
			return iv, i + len(o), true
		}
	}
	return Interval{}, i, false
}

// eventWords are the last words of the occasions that are events, which
// a word or two may qualify ("antenatal appointment", "GP appointment",
// "health visitor visit", "supervised contact session"): each of them
// recurs as the event does, as "at each core group" does.
var eventWords = map[string]bool{
	"appointment": true, "visit": true, "session": true, "meeting": true, "contact": true,
	"review": true, "conference": true, "supervision": true, "clinic": true, "check": true,
}

// notQualifiers are words that do not qualify an event after "each" or
// "every": they count or hedge it ("every few visits", "each and every
// visit" reads without them, "every possible contact").
var notQualifiers = map[string]bool{
	"few": true, "couple": true, "several": true, "other": true, "alternate": true, "second": true,
	"third": true, "now": true, "so": true, "and": true, "or": true, "then": true, "possible": true,
	"available": true, "single": true, "time": true, "times": true, "of": true, "the": true, "a": true,
	"an": true, "but": true, "not": true, "if": true, "when": true, "as": true, "week": true, "weeks": true,
	"month": true, "months": true, "day": true, "days": true, "year": true, "years": true,
}

// qualifiedEvent reads, at toks[i] after "each" or "every", an event
// qualified by one or two words ("antenatal appointment", "GP
// appointment", "health visitor visit", plural or not), returning where
// it ends: a recurring event the plan's reader can tell, as "at each core
// group" is.
func qualifiedEvent(toks []string, i int) (int, bool) {
	for q := 1; q <= 2 && i+q < len(toks); q++ {
		w := toks[i+q-1]
		if notQualifiers[w] || !isLetters(w) {
			return i, false
		}
		if last := toks[i+q]; eventWords[strings.TrimSuffix(last, "s")] || eventWords[last] {
			return i + q + 1, true
		}
	}
	return i, false
}

// isLetters reports whether w is made only of ASCII letters, and is not
// empty.
func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}

// readFrequency reads a recurring frequency: "daily", "twice weekly",
// "3 times a week", "every three weeks", "each school day", "at each core
// group", "every visit", "on Mondays", "6-weekly".
func readFrequency(toks []string, i int) (Timescale, int, bool) {
	freq := func(iv Interval, next int) (Timescale, int, bool) {
		return Timescale{Kind: TimescaleFrequency, Every: iv}, next, true
	}
	if i >= len(toks) {
		return Timescale{}, i, false
	}
	tok := toks[i]
	if (tok == "a" || tok == "an") && i+1 < len(toks) { // "on a weekly basis"
		if iv, ok := frequencyWords[toks[i+1]]; ok {
			return freq(iv, i+2)
		}
	}
	if iv, ok := frequencyWords[tok]; ok {
		return freq(iv, i+1)
	}
	// "6 weekly", "two weekly", "half termly", "bi weekly", "3 monthly"
	if i+1 < len(toks) {
		if iv, ok := frequencyWords[toks[i+1]]; ok {
			if n, ok := number(tok); ok && tok != "a" && tok != "an" {
				if !iv.IsZero() {
					iv.N *= n
				}
				return freq(iv, i+2)
			}
			if tok == "half" || tok == "bi" || tok == "twice" || tok == "once" || tok == "thrice" || tok == "every" {
				if tok != "once" && tok != "every" {
					iv = Interval{}
				}
				return freq(iv, i+2)
			}
		}
	}
	// "once a week", "twice per month", "3 times a day", "three times weekly"
	j := i
	count := 0
	switch tok {
	case "once":
		count, j = 1, i+1
	case "twice":
		count, j = 2, i+1
	case "thrice":
		count, j = 3, i+1
	default:
		if n, ok := number(tok); ok && i+1 < len(toks) && (toks[i+1] == "times" || toks[i+1] == "x") {
			count, j = n, i+2
		} else if len(tok) > 1 && strings.HasSuffix(tok, "x") {
			if n, ok := number(strings.TrimSuffix(tok, "x")); ok { // "3x a week"
				count, j = n, i+1
			}
		}
	}
	if count > 0 {
		if j < len(toks) {
			if iv, ok := frequencyWords[toks[j]]; ok { // "twice weekly" read above; "3 times weekly"
				if count != 1 {
					iv = Interval{}
				}
				return freq(iv, j+1)
			}
		}
		if j < len(toks) && (toks[j] == "a" || toks[j] == "an" || toks[j] == "per" || toks[j] == "each" || toks[j] == "every" || toks[j] == "in" || toks[j] == "at" || toks[j] == "during") {
			k := j + 1
			if k < len(toks) && (toks[k] == "each" || toks[k] == "every" || toks[k] == "the") {
				k++
			}
			if iv, next, ok := occasion(toks, k); ok {
				if count != 1 {
					iv = Interval{}
				}
				return freq(iv, next)
			}
		}
		return Timescale{}, i, false // "twice", "3 times": a count with no period is not a frequency
	}
	// "at each core group", "after every visit", "during each contact"
	j = i
	if j < len(toks) && (toks[j] == "at" || toks[j] == "after" || toks[j] == "during" || toks[j] == "on" || toks[j] == "before" || toks[j] == "following" || toks[j] == "in") {
		j++
	}
	// "at core group meetings", "at visits": a plural occasion after "at".
	if j > i && j < len(toks) && (toks[i] == "at" || toks[i] == "during" || toks[i] == "after") {
		if iv, next, ok := occasion(toks, j); ok && strings.HasSuffix(toks[next-1], "s") && !isWeekday(toks[j]) {
			return freq(iv, next)
		}
	}
	if j < len(toks) && (toks[j] == "every" || toks[j] == "each" || toks[j] == "all" || toks[j] == "per") {
		k := j + 1
		if k < len(toks) && (toks[k] == "other" || toks[k] == "alternate" || toks[k] == "second") && k+1 < len(toks) {
			if iv, next, ok := occasion(toks, k+1); ok {
				if !iv.IsZero() {
					iv.N *= 2
				}
				return freq(iv, next)
			}
		}
		n := 1
		if k < len(toks) {
			if m, ok := number(toks[k]); ok && toks[k] != "a" && toks[k] != "an" {
				n, k = m, k+1
			} else if toks[k] == "third" {
				n, k = 3, k+1
			} else if toks[k] == "fourth" {
				n, k = 4, k+1
			} else if toks[k] == "six" {
				n, k = 6, k+1
			}
		}
		if iv, next, ok := occasion(toks, k); ok {
			if !iv.IsZero() {
				iv.N *= n
			}
			return freq(iv, next)
		}
		if n == 1 {
			if next, ok := qualifiedEvent(toks, k); ok { // "at each antenatal appointment"
				return freq(Interval{}, next)
			}
		}
		if iv, next, ok := period(toks, j+1); ok && strings.Contains(toks[j+1], "/") { // every 2/52
			return freq(iv, next)
		}
	}
	// "on Mondays", "Mondays and Thursdays", "weekly on Tuesdays"
	j = i
	if j < len(toks) && toks[j] == "on" {
		j++
	}
	// "Monday to Friday", "Mon-Fri"
	if j+2 < len(toks) && isWeekday(toks[j]) && (toks[j+1] == "to" || toks[j+1] == "-" || toks[j+1] == "till" || toks[j+1] == "until") && isWeekday(toks[j+2]) {
		return freq(Interval{1, Weeks}, j+3)
	}
	if j+1 < len(toks) && isWeekday(toks[j]) && isWeekday(toks[j+1]) { // "mon-fri" as written "mon fri"
		return freq(Interval{1, Weeks}, j+2)
	}
	if j < len(toks) && isWeekday(toks[j]) && (strings.HasSuffix(toks[j], "s") && !weekdayNames[toks[j]] || j > i) {
		_, next, _ := occasion(toks, j)
		return freq(Interval{1, Weeks}, next)
	}
	return Timescale{}, i, false
}

// readEvent reads a meeting the plan schedules: "by the next core group",
// "before the review conference", "at the first core group meeting".
func readEvent(toks []string, i int) (Timescale, int, bool) {
	j := i
	if j < len(toks) && (toks[j] == "at" || toks[j] == "before" || toks[j] == "for" || toks[j] == "by") {
		j++
	}
	if hasWords(toks, j, "prior", "to") {
		j += 2
	}
	switch {
	case j < len(toks) && toks[j] == "the":
		j++
	case j < len(toks) && (toks[j] == "next" || toks[j] == "first"): // "by next core group"
	case (j > i || i > 0 && (toks[i-1] == "before" || toks[i-1] == "by" || toks[i-1] == "to")) &&
		j < len(toks) && (toks[j] == "review" || toks[j] == "rcpc"): // "prior to review conference"
	default:
		return Timescale{}, i, false
	}
	if j < len(toks) && (toks[j] == "next" || toks[j] == "first" || toks[j] == "initial" || toks[j] == "second" || toks[j] == "1st" || toks[j] == "2nd") {
		j++
	}
	for _, o := range [][]string{
		{"core", "group", "meeting"}, {"core", "group"}, {"cgm"}, {"cg"}, {"review", "child", "protection", "conference"},
		{"review", "conference"}, {"rcpc"}, {"child", "protection", "review"}, {"review"}, {"conference"},
	} {
		if hasWords(toks, j, o...) {
			return Timescale{Kind: TimescaleEvent}, j + len(o), true
		}
	}
	return Timescale{}, i, false
}
