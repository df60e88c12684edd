package training

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/expect"
	"github.com/caselint/caselint/schema"
)

// KeyFile is the optional file, beside exercise.toml, of accepted
// alternative answers for the key's items:
//
//	[[accept]]
//	item = "plan.md:47 unnamed-action-owner"  # the key item, as reveal prints it
//	rule = "missing-action-timescale"         # another rule that is also right (default: the item's)
//	at = "plan.md:48"                         # another place that is also right: path:line, or a
//	                                          # path alone for anywhere in that record (default: the item's)
//	note = "why it is also right"             # optional, for the trainer
//
// Places are those of the trainee's copy (want comments taken out), as
// caselint exercise reveal prints them. Spot marking credits an answer that
// matches an alternative as it credits the item; fix marking counts a
// finding that matches an alternative as the item still there, not as a
// new problem.
const KeyFile = "key.toml"

// Alternative is another right answer for a key item.
type Alternative struct {
	Rule string // the rule; "" is the item's
	Path string // the record; "" is the item's
	Line int    // the line; 0 is anywhere in Path (or, with Path "", the item's line)
	Note string // why it is also right, for the trainer
}

// KeyItem is an item of the key and the answers also accepted for it.
type KeyItem struct {
	expect.Expectation
	Accept []Alternative
}

// Matches reports whether an answer or a finding of rule at path:line is
// this item: its own rule and place, or one of its accepted alternatives.
func (k KeyItem) Matches(rule, path string, line int) bool {
	if rule == k.Rule && path == k.Path && line == k.Line {
		return true
	}
	return k.MatchesAlternative(rule, path, line)
}

// MatchesAlternative reports whether rule at path:line is one of the
// item's accepted alternatives (not the item itself).
func (k KeyItem) MatchesAlternative(rule, path string, line int) bool {
	for _, a := range k.Accept {
		r, p, l := k.resolve(a)
		if rule == r && path == p && (l == 0 || line == l) {
			return true
		}
	}
	return false
}

// resolve fills an alternative's defaults from the item.
func (k KeyItem) resolve(a Alternative) (rule, path string, line int) {
	rule, path, line = a.Rule, a.Path, a.Line
	if rule == "" {
		rule = k.Rule
	}
	if path == "" {
		path, line = k.Path, k.Line
	}
	return rule, path, line
}

// KeyItems returns the key, each item with its accepted alternatives, in
// the key's order.
func (ex *Exercise) KeyItems() []KeyItem {
	out := make([]KeyItem, len(ex.Key))
	for i, k := range ex.Key {
		out[i] = KeyItem{Expectation: k, Accept: ex.accept[k]}
	}
	return out
}

// KeyItemFor returns the key item of rule at path:line with its accepted
// alternatives (none when it is not in the key).
func (ex *Exercise) KeyItemFor(rule, path string, line int) KeyItem {
	e := expect.Expectation{Path: path, Line: line, Rule: rule}
	return KeyItem{Expectation: e, Accept: ex.accept[e]}
}

// pairAlternatives, in fix marking, pairs each item that no finding of its
// own rule was paired with to an unpaired finding that matches one of its
// accepted alternatives, the alternative's line followed through the
// trainee's edits: the problem is still there, reported another way, and
// is not new.
func (ex *Exercise) pairAlternatives(dir string, items []Item, findings []lint.Finding, paired []bool, now []int) {
	maps := map[string]*struct {
		m  lineMap
		ok bool
	}{}
	mapFor := func(p string) (lineMap, bool) {
		if e, ok := maps[p]; ok {
			return e.m, e.ok
		}
		e := &struct {
			m  lineMap
			ok bool
		}{}
		maps[p] = e
		old, had := ex.Files[p]
		cur, err := lint.ReadRegular(filepath.Join(dir, filepath.FromSlash(p)), 0)
		if had && err == nil {
			e.m, e.ok = mapLines(old, cur), true
		}
		return e.m, e.ok
	}
	for i, it := range items {
		if now[i] >= 0 {
			continue
		}
		k := ex.KeyItemFor(it.Rule, it.Path, it.Line)
		for _, a := range k.Accept {
			rule, p, l := k.resolve(a)
			m, ok := mapFor(p)
			if !ok {
				continue // the record is gone or unreadable: nothing of it is there
			}
			lo, hi := 1, m.m
			if l > 0 {
				if to := m.to(l); to > 0 {
					lo, hi = to, to
				} else {
					lo, hi = m.hunk(l)
				}
			}
			for fi, f := range findings {
				if !paired[fi] && f.RuleID == rule && f.Path == p && f.Pos.Line >= lo && f.Pos.Line <= hi {
					paired[fi], now[i] = true, fi
					break
				}
			}
			if now[i] >= 0 {
				break
			}
		}
	}
}

// writeAlternatives writes, for the key report, the answers also accepted
// for it.
func (ex *Exercise) writeAlternatives(b *strings.Builder, it Item, indent string) {
	k := ex.KeyItemFor(it.Rule, it.Path, it.Line)
	for _, a := range k.Accept {
		rule, p, l := k.resolve(a)
		at := p
		if l > 0 {
			at = fmt.Sprintf("%s:%d", p, l)
		} else {
			at += " (any line)"
		}
		line := fmt.Sprintf("Also accepted: %s %s", at, rule)
		if a.Note != "" {
			line += ": " + a.Note
		}
		writeWrapped(b, pr(line), indent, "  ")
	}
}

// readAccept reads the exercise's KeyFile, if it has one, into ex.accept.
// It must come after the key and the case's files are read.
func (ex *Exercise) readAccept(fsys fs.FS) error {
	data, err := fs.ReadFile(fsys, KeyFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := guardTOML(KeyFile, data); err != nil {
		return err
	}
	var f struct {
		Accept []struct {
			Item string `toml:"item"`
			Rule string `toml:"rule"`
			At   string `toml:"at"`
			Note string `toml:"note"`
		} `toml:"accept"`
	}
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return schema.TOMLFileError(KeyFile, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return fmt.Errorf("%s: unknown key %s: each [[accept]] has item, rule and/or at, and note", KeyFile, u[0])
	}
	tables := tableLines(data, "[[accept]]")
	ids := make([]string, len(ex.rules))
	for i, r := range ex.rules {
		ids[i] = r.ID
	}
	ex.accept = map[expect.Expectation][]Alternative{}
	for n, a := range f.Accept {
		where := fmt.Sprintf("%s: accept %d", KeyFile, n+1)
		if n < len(tables) {
			where = fmt.Sprintf("%s:%d", KeyFile, tables[n])
		}
		item, err := ex.keyItemNamed(a.Item)
		if err != nil {
			return fmt.Errorf("%s: item = %q: %w", where, a.Item, err)
		}
		alt := Alternative{Rule: strings.TrimSpace(a.Rule), Note: strings.TrimSpace(a.Note)}
		if alt.Rule == "" && strings.TrimSpace(a.At) == "" {
			return fmt.Errorf("%s: give the other rule (rule = ...), the other place (at = ...), or both", where)
		}
		if alt.Rule != "" && ruleByID(ex.rules, alt.Rule) == nil {
			msg := fmt.Sprintf("%s: rule = %q: caselint has no such rule", where, alt.Rule)
			if s := schema.Suggest(alt.Rule, ids); s != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", s)
			}
			return errors.New(msg)
		}
		if at := strings.TrimSpace(a.At); at != "" {
			p, l, err := ex.placeIn(at)
			if err != nil {
				return fmt.Errorf("%s: at = %q: %w", where, a.At, err)
			}
			alt.Path, alt.Line = p, l
		}
		ex.accept[item] = append(ex.accept[item], alt)
	}
	return nil
}

// keyItemNamed finds the key item "path:line rule", or "path:line" when
// only one item stands there.
func (ex *Exercise) keyItemNamed(s string) (expect.Expectation, error) {
	s = strings.TrimSpace(s)
	at, rule, _ := strings.Cut(s, " ")
	rule = strings.TrimSpace(rule)
	p, l, err := ex.placeIn(at)
	if err != nil || l == 0 {
		return expect.Expectation{}, errors.New(`write the key item as reveal prints it: "plan.md:47 unnamed-action-owner"`)
	}
	var there []expect.Expectation
	for _, k := range ex.Key {
		if k.Path == p && k.Line == l && (rule == "" || k.Rule == rule) {
			there = append(there, k)
		}
	}
	switch {
	case len(there) == 1:
		return there[0], nil
	case len(there) > 1:
		return expect.Expectation{}, fmt.Errorf("the key has %d items at %s: add the rule", len(there), at)
	}
	var inFile []string
	for _, k := range ex.Key {
		if k.Path == p {
			inFile = append(inFile, fmt.Sprintf("%s:%d %s", k.Path, k.Line, k.Rule))
		}
	}
	msg := "not in the key (places are the trainee's copy's, as caselint exercise reveal prints them)"
	if len(inFile) > 0 {
		msg += "; the key has " + strings.Join(inFile, ", ")
	}
	return expect.Expectation{}, errors.New(msg)
}

// placeIn reads "path:line" or "path" as a place in the trainee's copy;
// line is 0 for a path alone.
func (ex *Exercise) placeIn(at string) (string, int, error) {
	at = strings.TrimSpace(at)
	p, line := at, 0
	if k := strings.LastIndexByte(at, ':'); k > 0 {
		n, err := strconv.Atoi(strings.TrimSpace(at[k+1:]))
		if err != nil || n < 1 {
			return "", 0, errors.New("the line after the colon must be a number from 1")
		}
		p, line = at[:k], n
	}
	p = path.Clean(strings.TrimPrefix(filepath.ToSlash(strings.TrimSpace(p)), "./"))
	data, ok := ex.Files[p]
	if !ok {
		return "", 0, fmt.Errorf("the case has no record %s", p)
	}
	if n := len(lines(data)); line > n {
		return "", 0, fmt.Errorf("%s has %d lines in the trainee's copy", p, n)
	}
	return p, line, nil
}

// tableLines returns the line of each occurrence of header standing alone
// on its line.
func tableLines(data []byte, header string) []int {
	var out []int
	for i, l := range bytes.Split(data, []byte("\n")) {
		if string(bytes.TrimSpace(l)) == header {
			out = append(out, i+1)
		}
	}
	return out
}
