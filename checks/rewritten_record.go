package checks

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// RewrittenRecord: the facts of a visit or core group record were changed
// long after it was first committed.
var RewrittenRecord = &lint.Rule{
	ID:       "rewritten-record",
	Title:    "The facts of a visit or core group record were changed after the recording limit",
	Severity: lint.Warning,
	Family:   FamilyHistory,
	Needs:    []lint.Need{lint.NeedsHistory},
	Reads:    eventRecordKinds,
	Cites:    recordsAsEvidence,
	Text: `Visit and core group records are evidence: what they say was seen, who was
there and what was agreed must stay as it was recorded. A mistake found
later is put right by a dated correction in the record's body, which keeps
the original, not by changing the facts.

The rule reads the records' git history and fires when a commit changed the
facts (the frontmatter keys and values) of a visit or core group record more
than the profile's recording_limit (5 working days by default) after the
record was first committed: until then the record is still being written.
Changes to the narrative (the Markdown body), and to the frontmatter's
comments or layout, are not rewrites. Nor is writing in a later event
when it happens, where the record had none or a placeholder: a core
group's minutes_circulated (the minutes go out after the meeting, under
Oxfordshire as late as the next meeting) or a visit's escalated_to and
escalated (the discussion with the manager after a refusal); changing or
removing such a value once written is a rewrite. Commit dates are taken as dates in
London, and each commit's date is the earlier of its author and committer
dates, as for late-recording: a branch rebased after review keeps the
days its changes were made.

The finding points at the record's date line and names the commit that
changed the facts, its author and the keys it changed; SARIF carries the
commit in the result's properties. One finding is reported for each such
commit. A change made on a branch is the branch commit's: a merge is
reported only for facts it set to a value neither side had (a conflict
resolved by hand). A renamed record keeps its history. Commits after the
as-of date are left out.

Run as the pre-commit hook (caselint lint --staged), the rule judges the
staged change as the commit being made will make it, now: a change to the
facts of a record committed long ago is stopped before it is committed,
and the finding says the facts are being changed, naming no commit. A
change in the work tree not yet committed is not checked (the work tree is
not being committed).

The rule needs the repository's history: it is skipped, with a notice,
outside a repository and in a shallow clone.`,
	Bad: `# visits/2026-01-12.md, first committed on 2026-01-13; changed on 2026-03-02:
-seen_alone = false
+seen_alone = true`,
	Good: `# visits/2026-01-12.md, first committed on 2026-01-13; on 2026-03-02 the body gains:
## Correction, 2 March 2026 (Aisha Patel)
Jamie was seen alone in his bedroom for ten minutes; this was left out of the
original record.`,
	Since:    "0.1.0",
	Synonyms: []string{"record changed afterwards", "visit record altered", "record rewritten after the event", "facts changed later", "what was seen changed after"},
	Related:  []string{"late-recording", "recorded-before-event"},
	Run:      runRewrittenRecord,
}

func runRewrittenRecord(pass *lint.Pass) error {
	limit := pass.Profile.RecordingLimit
	if pass.History == nil || limit.IsZero() {
		return nil
	}
	for _, r := range historyRecords(pass.Case) {
		path := r.doc.Source.Path
		vs := pass.History.Versions(path)
		if len(vs) < 2 {
			continue
		}
		// Both days are the days recorded (recordedDate): a branch rebased
		// after review moves every committer date to the day of the
		// rebase, and a correction made in time would look late.
		firstDay := recordedDate(vs[0])
		open := pass.Calendar.Add(firstDay, limit) // the last day the record may still be written
		for i := 1; i < len(vs); i++ {
			v := vs[i]
			if v.Blob == vs[i-1].Blob && v.Parents == "" {
				continue
			}
			day := recordedDate(v)
			if afterAsOf(pass, day) {
				continue // not yet made, as of the as-of date
			}
			if !day.After(open) {
				continue
			}
			data, err := pass.History.Content(path, v)
			if err != nil && !errors.Is(err, lint.ErrTooLarge) {
				return err
			}
			cur := factsOf(path, data)
			changed, err := changedFacts(pass, r.doc.Kind, path, vs, i, cur)
			if err != nil {
				return err
			}
			if len(changed) == 0 {
				continue
			}
			changedWords := fmt.Sprintf("were changed on %s by %s (commit %s)", day.Long(), v.Author, shortHash(v.Commit))
			verb := historyWord(len(changed), "was", "were") + " changed"
			if v.Pending {
				changedWords = fmt.Sprintf("are being changed in the commit being made now, on %s", day.Long())
				verb = historyWord(len(changed), "is", "are") + " being changed"
			}
			pass.Report(lint.Diagnostic{
				Doc:        r.doc,
				Offset:     r.doc.At("date"),
				Attributed: &v,
				Message: fmt.Sprintf("the facts of this %s record %s, %d working days after it was first committed on %s: %s %s; a record is evidence, so keep the facts as first recorded and put a mistake right with a dated correction in the body (%s)",
					r.what, changedWords, pass.Calendar.WorkingDaysAfter(firstDay, day), firstDay.Long(),
					historyKeyList(changed), verb, cite(pass)),
			})
		}
	}
	return nil
}

// changedFacts returns the keys whose values version i of a record (whose
// facts are cur) made: changed from the version it changed (on every side,
// for a merge: a value a merge took from one side is that side's change,
// not the merge's), or, where the history does not say, from the version
// before.
//
// A key that records a later event (lint.LaterEventKey: the minutes
// circulated, a refusal escalated) written where the record had none, or
// had a placeholder, records that event when it happened, and changes
// nothing the record said: it is not a rewrite.
func changedFacts(pass *lint.Pass, kind schema.Kind, path string, vs []lint.Version, i int, cur facts) ([]string, error) {
	recorded := func(key string, before any, had bool) bool {
		return lint.LaterEventKey(kind, key) && (!had || unset(pass, before))
	}
	before := vs[i].ParentBlobs()
	if len(before) == 0 {
		before = []string{vs[i-1].Blob}
	}
	var changed []string
	for k, b := range before {
		data, err := pass.History.Content(path, lint.Version{Commit: vs[i].Commit, Blob: b})
		if err != nil {
			return nil, err
		}
		keys := cur.changedFrom(factsOf(path, data), recorded)
		if k > 0 {
			keys = intersect(changed, keys)
		}
		if changed = keys; len(changed) == 0 {
			break
		}
	}
	return changed, nil
}

// intersect returns the strings of sorted a that sorted b has too.
func intersect(a, b []string) []string {
	var out []string
	for _, s := range a {
		if j := sort.SearchStrings(b, s); j < len(b) && b[j] == s {
			out = append(out, s)
		}
	}
	return out
}

// facts are the frontmatter of one version of a record, as decoded TOML
// (generic), or as the typed record when the TOML does not decode on its
// own; nil when neither can be read.
type facts struct {
	generic map[string]any
	typed   map[string]any
}

func factsOf(path string, data []byte) facts {
	doc, ok := schema.Parse(path, data)
	if !ok {
		return facts{}
	}
	var f facts
	if doc.FrontStart <= doc.FrontEnd && doc.FrontEnd <= len(data) {
		m := map[string]any{}
		if _, err := toml.Decode(string(data[doc.FrontStart:doc.FrontEnd]), &m); err == nil {
			f.generic = m
		}
	}
	if doc.Record != nil {
		f.typed = recordFields(doc.Record)
	}
	return f
}

// unset reports whether a value a record held says nothing yet: none, a
// zero value of the typed record, or a placeholder ("TBC").
func unset(pass *lint.Pass, v any) bool {
	if v == nil {
		return true
	}
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s) == "" || pass.Profile.IsPlaceholder(s)
	}
	rv := reflect.ValueOf(v)
	return rv.IsZero()
}

// changedFrom returns the keys whose values differ between f and before,
// sorted; nil when the two cannot be compared (one of them unreadable).
// A key given a value where before had none (had false) or an unset one is
// left out when recorded(key, the value before, had) says it records a
// later event.
func (f facts) changedFrom(before facts, recorded func(key string, before any, had bool) bool) []string {
	a, b := before.generic, f.generic
	if a == nil || b == nil {
		a, b = before.typed, f.typed
	}
	if a == nil || b == nil {
		return nil
	}
	var keys []string
	for k, va := range a {
		vb, ok := b[k]
		switch {
		case !ok:
			keys = append(keys, k) // taken out
		case sameValue(va, vb):
		case recorded != nil && recorded(k, va, true):
		default:
			keys = append(keys, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok && (recorded == nil || !recorded(k, nil, false)) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// recordFields are a typed record's fields by their TOML key, its Doc left
// out.
func recordFields(rec schema.Record) map[string]any {
	rv := reflect.ValueOf(rec)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil
	}
	out := map[string]any{}
	rt := rv.Type()
	for i := 0; i < rt.NumField(); i++ {
		sf := rt.Field(i)
		key, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		if key == "" || key == "-" || !sf.IsExported() {
			continue
		}
		out[key] = rv.Field(i).Interface()
	}
	return out
}

// sameValue compares decoded TOML values: times by instant and zone name
// (each decode makes its own fixed zones), the rest deeply.
func sameValue(a, b any) bool {
	switch a := a.(type) {
	case time.Time:
		b, ok := b.(time.Time)
		return ok && a.Equal(b) && a.Location().String() == b.Location().String()
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, va := range a {
			vb, ok := b[k]
			if !ok || !sameValue(va, vb) {
				return false
			}
		}
		return true
	case []any:
		return sameElements(a, b)
	case []map[string]any:
		return sameElements(a, b)
	}
	return reflect.DeepEqual(a, b)
}

// sameElements reports whether b is a slice of the same type as a whose
// elements are sameValue with a's, in order (an array or an array of
// tables).
func sameElements[E any](a []E, b any) bool {
	bs, ok := b.([]E)
	return ok && slices.EqualFunc(a, bs, func(x, y E) bool { return sameValue(x, y) })
}

// historyKeyList names keys for a message: "seen_alone", "child_seen and
// seen_alone", "by, child_seen and seen_alone".
func historyKeyList(keys []string) string {
	switch len(keys) {
	case 0:
		return ""
	case 1:
		return keys[0]
	}
	return strings.Join(keys[:len(keys)-1], ", ") + " and " + keys[len(keys)-1]
}

// historyWord picks the word for n.
func historyWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
