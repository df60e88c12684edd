package lint

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// BaselineFileName is the baseline's file at the root the report's paths
// are relative to (the repository's work tree), where caselint baseline
// writes it and caselint lint reads it, from the tree linted.
const BaselineFileName = ".caselint-baseline"

// Baseline is the findings a team has accepted for now, so that caselint
// lint reports only the others: those that were there when caselint was
// adopted, each named by its fingerprint (the rule, the file and the text
// of its line, hashed: fingerprint.go), its rule and its file. It holds no
// message, so nothing the records say.
type Baseline struct {
	Name    string // the file, for messages
	Entries []BaselineEntry
}

// BaselineEntry is one finding of a baseline.
type BaselineEntry struct {
	Fingerprint string
	RuleID      string
	Path        string // slash path relative to the root
	Line        int    // the entry's line in the baseline file, 0 for a new one
}

// NewBaseline is the baseline of the findings fs, in baseline order: those
// a caselint:ignore covers are left out (they are reviewed already), and so
// are those about an obligation still open on the day linted to
// (Finding.IsOpen: a child unseen now, a meeting overdue now), which a
// baseline never hides: a baseline is for what is past.
func NewBaseline(fs []Finding) *Baseline {
	b := &Baseline{}
	for _, f := range fs {
		if f.Suppression == nil && f.Fingerprint != "" && !f.open {
			b.Entries = append(b.Entries, BaselineEntry{Fingerprint: f.Fingerprint, RuleID: f.RuleID, Path: f.Path})
		}
	}
	b.sort()
	return b
}

// sort puts the entries in the file's order: by path, rule and
// fingerprint, so a change to the baseline reads file by file.
func (b *Baseline) sort() {
	slices.SortFunc(b.Entries, func(x, y BaselineEntry) int {
		if c := strings.Compare(x.Path, y.Path); c != 0 {
			return c
		}
		if c := strings.Compare(x.RuleID, y.RuleID); c != 0 {
			return c
		}
		return strings.Compare(x.Fingerprint, y.Fingerprint)
	})
}

// Merge is b with the entries of other in place of those of b that
// inScope holds: a baseline made of part of the tree (caselint baseline
// cases/A) replaces that part and keeps the rest.
func (b *Baseline) Merge(other *Baseline, inScope func(string) bool) *Baseline {
	out := &Baseline{Name: b.Name}
	for _, e := range b.Entries {
		if !inScope(e.Path) {
			e.Line = 0
			out.Entries = append(out.Entries, e)
		}
	}
	for _, e := range other.Entries {
		e.Line = 0
		out.Entries = append(out.Entries, e)
	}
	out.sort()
	return out
}

// baselineHeader opens every baseline file: what it is and how to remake
// it.
const baselineHeader = `# caselint baseline: findings caselint lint does not report, because they
# were there when the team adopted caselint. One line a finding: its
# fingerprint (its rule, its file and the text of its line, hashed), its
# rule and its file. A finding put right matches no line: caselint lint
# then says so, and running caselint baseline again drops the line.
# Made and remade by: caselint baseline [PATH...]; review changes to it.
`

// Format is the baseline file: the header, then one line an entry, sorted.
// A path that is not plain printable text without surrounding spaces is
// written Go-quoted.
func (b *Baseline) Format() []byte {
	var buf bytes.Buffer
	buf.WriteString(baselineHeader)
	for _, e := range b.Entries {
		p := e.Path
		if needsQuote(p) {
			p = strconv.Quote(p)
		}
		fmt.Fprintf(&buf, "%s %s %s\n", e.Fingerprint, e.RuleID, p)
	}
	return buf.Bytes()
}

func needsQuote(p string) bool {
	if p == "" || strings.HasPrefix(p, `"`) || strings.TrimSpace(p) != p {
		return true
	}
	for _, r := range p {
		if !unicode.IsPrint(r) || r == unicode.ReplacementChar {
			return true
		}
	}
	return false
}

// BaselineError is a baseline file that cannot be read as one: the file,
// the line and what is wrong.
type BaselineError struct {
	Name string
	Line int
	Msg  string
}

func (e *BaselineError) Error() string {
	return fmt.Sprintf("%s:%d: %s (fix the line, or delete the file and run caselint baseline)", e.Name, e.Line, e.Msg)
}

// ParseBaseline reads the baseline file name with content data. Blank
// lines and lines beginning with # are skipped; every other line is
// FINGERPRINT RULE PATH. Windows line ends and a byte order mark are
// allowed (a checkout may add them). An error is a *BaselineError.
func ParseBaseline(name string, data []byte) (*Baseline, error) {
	b := &Baseline{Name: name}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		bad := func(format string, args ...any) error {
			return &BaselineError{Name: name, Line: n, Msg: fmt.Sprintf(format, args...)}
		}
		fp, rest, ok1 := strings.Cut(line, " ")
		rule, p, ok2 := strings.Cut(rest, " ")
		if !ok1 || !ok2 || p == "" {
			return nil, bad("want FINGERPRINT RULE PATH, separated by single spaces")
		}
		if !isFingerprint(fp) {
			return nil, bad("%s is not a fingerprint: 24 hexadecimal digits, as caselint baseline writes them", strconv.Quote(fp))
		}
		if !isRuleID(rule) {
			return nil, bad("%s is not a rule id: lower-case letters, digits and hyphens", strconv.Quote(rule))
		}
		if strings.HasPrefix(p, `"`) {
			u, err := strconv.Unquote(p)
			if err != nil {
				return nil, bad("the path %s is not a well-formed quoted string", p)
			}
			p = u
		}
		if !fs.ValidPath(p) || p == "." || path.Clean(p) != p {
			return nil, bad("the path %s is not a file below the root (a relative path with forward slashes)", strconv.Quote(p))
		}
		b.Entries = append(b.Entries, BaselineEntry{Fingerprint: fp, RuleID: rule, Path: p, Line: n})
	}
	return b, nil
}

// fingerprintLen is the number of hex digits of a fingerprint.
const fingerprintLen = 24

func isFingerprint(s string) bool {
	if len(s) != fingerprintLen {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func isRuleID(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// Hide returns the findings of fs the baseline does not list, in their
// order, how many it hid, and the entries in scope that no finding
// matched (stale: put right, or its line changed). Findings are matched by
// fingerprint, each entry once; a finding a caselint:ignore covers is
// never hidden and matches no entry (it is reviewed: its entry is stale),
// nor is a finding about an obligation still open (Finding.IsOpen: a
// child unseen now is reported however long it has been so).
// inScope says whether a path was linted: an entry of a file the run did
// not read is not stale.
func (b *Baseline) Hide(fs []Finding, inScope func(string) bool) (kept []Finding, hidden int, stale []BaselineEntry) {
	h := b.hider()
	kept = h.hide(slices.Clone(fs))
	return kept, h.hidden, h.stale(inScope)
}

// baselineHider is Hide taken a batch of findings at a time, in report
// order: each entry hides the first finding not yet hidden that has its
// fingerprint.
type baselineHider struct {
	b      *Baseline
	left   map[string]int // by fingerprint, the entries that hid nothing yet
	hidden int
}

func (b *Baseline) hider() *baselineHider {
	left := make(map[string]int, len(b.Entries))
	for _, e := range b.Entries {
		left[e.Fingerprint]++
	}
	return &baselineHider{b: b, left: left}
}

// hide returns the findings of batch no entry hides (batch changed in
// place).
func (h *baselineHider) hide(batch []Finding) []Finding {
	kept := batch[:0]
	for _, f := range batch {
		if f.Suppression == nil && !f.open && h.left[f.Fingerprint] > 0 {
			h.left[f.Fingerprint]--
			h.hidden++
			continue
		}
		kept = append(kept, f)
	}
	return kept
}

// stale returns, once every finding has been through hide, the entries in
// scope that hid none.
func (h *baselineHider) stale(inScope func(string) bool) []BaselineEntry {
	var stale []BaselineEntry
	for _, e := range h.b.Entries {
		if h.left[e.Fingerprint] > 0 && inScope(e.Path) {
			h.left[e.Fingerprint]--
			stale = append(stale, e)
		}
	}
	return stale
}

// LintedScope says whether a slash path is among what Run lints of paths
// in fsys: at or below one of them, or in the case one of them is inside
// (a path inside a case brings in the whole case, as discover does), and,
// when touched is not nil (Options.Touched), in a case (or a file of no
// case) it says is linted. A file deleted since is in scope when its
// folder is. No paths means ".".
func LintedScope(fsys fs.FS, paths []string, touched func(unit string) bool) func(string) bool {
	in := pathsScope(fsys, paths)
	if touched == nil {
		return in
	}
	return func(p string) bool {
		if !in(p) {
			return false
		}
		for d := path.Dir(p); ; d = path.Dir(d) {
			if st, err := fs.Stat(fsys, path.Join(d, "case.md")); err == nil && st.Mode().IsRegular() {
				return touched(d)
			}
			if d == "." || d == "/" {
				return touched(p) // a file of no case
			}
		}
	}
}

// pathsScope is LintedScope without touched.
func pathsScope(fsys fs.FS, paths []string) func(string) bool {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var dirs []string
	for _, p := range paths {
		p = path.Clean(p)
		dirs = append(dirs, p)
		for d := p; d != "."; {
			d = path.Dir(d)
			if st, err := fs.Stat(fsys, path.Join(d, "case.md")); err == nil && st.Mode().IsRegular() {
				dirs = append(dirs, d)
				break
			}
		}
	}
	return func(p string) bool {
		for _, d := range dirs {
			if d == "." || p == d || strings.HasPrefix(p, d+"/") {
				return true
			}
		}
		return false
	}
}
