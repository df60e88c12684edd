package lint

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/schema"
)

// Options says what to lint and how.
type Options struct {
	// FS holds the records: the work tree (os.DirFS of the root), or a git
	// index or commit. Paths in reports are FS paths.
	FS fs.FS
	// Paths are slash paths in FS to lint; nil means ".".
	Paths []string
	// Rules are all the rules known, in registry order; the profile decides
	// which run.
	Rules    []*Rule
	Profile  *Profile
	AsOf     schema.Date
	Calendar *calendar.Calendar
	// Workers is how many cases are linted at once; 0 means GOMAXPROCS.
	Workers int
	// History is the records' git history, or nil. When it is nil, the
	// rules of the history family are skipped.
	History History
	// HistoryNote says why History is nil ("this is a shallow clone: ...",
	// "not a git repository"). When it is set and history rules are
	// skipped, the result carries one notification saying so.
	HistoryNote string
	// HistoryUnread says that History is nil because the repository's
	// history could not be read (an object missing or damaged), not by
	// design (outside git, a shallow clone): the notification that the
	// history rules were skipped is then an error that makes the run
	// incomplete (NoticeHistoryUnread), never a clean result.
	HistoryUnread bool
	// MaxFileSize is the largest record read, in bytes; 0 means 8 MiB. A
	// larger file is an invalid-record finding, not read.
	MaxFileSize int64
	// Redact replaces the names of the child and of the people around them
	// with their roles, and every other word a message quotes from the
	// records that is not caselint's with Redacted, in every finding and
	// notification, and withholds suppression reasons (see redact.go and
	// redact_msg.go). Paths are redacted by RedactPaths, once the findings
	// are final; fingerprints are left as they are.
	Redact bool
	// FingerprintPath, when set, gives the path a file's findings are
	// fingerprinted under instead of its own: --new-from-rev lints an
	// older commit with the paths its files have now, so that renamed
	// files' findings are not new.
	FingerprintPath func(path string) string
	// Chronologies fills Result.Chronologies: each case's events, for a
	// report that draws its timeline (chronology.go).
	Chronologies bool
	// Obligations fills Result.Obligations: each case's open obligations,
	// for caselint due and the reports that show what is due
	// (obligation.go).
	Obligations bool
	// SettingsFor, when set, gives the settings of the case in folder dir
	// (for a file of no case, its folder): those of the config that
	// applies to it, since each folder may have its own (nearer wins). It
	// returns the same *Settings for the folders under one config, and is
	// called from several goroutines at once. Unset, every case is linted
	// with Profile, AsOf, Calendar and MaxFileSize.
	SettingsFor func(dir string) (*Settings, error)
	// Touched, when set, says which cases under Paths are linted: the case
	// in folder unit, or the file of no case at path unit, for which it
	// returns true. Of the others only the case id is read, where it could
	// be a linted case's (a case id used twice is a finding of whichever
	// case comes second, linted or not), and they are not counted in the
	// Result but in Result.Untouched; a case id two cases not linted share
	// is not reported. --new-from-rev lints only the cases its change
	// touched: the others have the same findings at both ends.
	Touched func(unit string) bool
	// Changed, when set, says which cases (and files of no case) a change
	// under review changed, as Touched does: --new-from-rev sets it to the
	// cases its change touched, whether or not it lints only those. A case
	// id two cases use is then a finding of the one the change touched
	// when the other was not: the case that came with the change (a
	// folder copied from another, say) is the one to give a new id, and
	// the finding stands on what the change touched, where a review of it
	// looks. Unset, it is a finding of whichever case comes second.
	// Either way it is the same at both ends of the comparison.
	Changed func(unit string) bool
	// Untouched, when set beside Touched, carries the cases not linted
	// between this run and another over the same cases (see
	// UntouchedCases): --new-from-rev's two ends share one.
	Untouched *UntouchedCases
}

// Settings are how the cases under one config are linted.
type Settings struct {
	Profile     *Profile
	AsOf        schema.Date
	Calendar    *calendar.Calendar
	MaxFileSize int64
}

// DefaultMaxFileSize is the largest record read when Options says nothing.
const DefaultMaxFileSize = 8 << 20

// Run lints the records of opts.FS under opts.Paths. Its error is for when
// caselint could not do its job at all (no such path, a broken profile);
// a file that cannot be read is a Notification and the rest is linted.
// The Result holds every finding; Stream hands them over as they are
// final instead.
func Run(ctx context.Context, opts Options) (*Result, error) {
	var all []Finding
	res, err := Stream(ctx, opts, func(batch []Finding) error {
		all = append(all, batch...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Findings = all
	return res, nil
}

// Stream lints as Run does, but hands each batch of findings to each as
// soon as it is final, in report order: the batches, one after the other,
// are Run's Findings. each is called from one goroutine at a time; the
// batch is its to keep. The Result Stream returns has everything of Run's
// but the findings. An error from each stops the run and is returned.
//
// The findings are final batch by batch when the walk meets the cases in
// report order (walksInOrder: one folder to lint, no case above it, not
// Options.Touched): a batch is then the cases of one folder handed to a
// worker, passed on once every batch before it is. Otherwise every case
// is held to the end and the findings come in one batch.
func Stream(ctx context.Context, opts Options, each func(batch []Finding) error) (*Result, error) {
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	e, err := newEngine(opts)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Discovery streams the cases to the workers as it finds them, so
	// linting begins while the walk goes on; each job is numbered in the
	// order the walk emits it, and the results are put back in that order
	// before they are joined, so that the report, and which case a
	// duplicate case id is blamed on, never depend on the timing.
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		seq int
		cf  caseFiles
	}
	jobs := make(chan job, 256)
	done := make(chan jobResult, 2*workers)
	var (
		mu     sync.Mutex
		runErr error // a lane's settings that could not be had, or each's error
	)
	fail := func(err error) {
		mu.Lock()
		runErr = cmp.Or(runErr, err)
		mu.Unlock()
		cancel()
	}
	lintOne := func(cf caseFiles) (orderedResult, bool) {
		lane, err := e.lane(cf)
		if err != nil {
			fail(err)
			return orderedResult{}, false
		}
		if opts.Touched == nil || opts.Touched(caseOrder(cf).name) {
			return orderedResult{caseResult: lane.lintCase(cf), order: caseOrder(cf), eng: lane}, true
		}
		return orderedResult{caseResult: lane.caseIDOnly(cf), order: caseOrder(cf), eng: lane}, true
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := jobResult{seq: j.seq}
				if ctx.Err() == nil {
					if !j.cf.unlisted {
						if o, ok := lintOne(j.cf); ok {
							r.outs = append(r.outs, o)
						}
					} else if outs, ok := e.untouchedKept(j.cf.Dir, fail); ok {
						// A case folder another run met, with nothing in
						// it touched: its cases as that run found them.
						r.outs = outs
					} else {
						// A case folder the walk found: list it here, in
						// parallel with the other workers, and lint what
						// it holds.
						var met []caseFiles
						r.notes, _ = j.cf.expand(opts.FS, func(cf caseFiles) error {
							if o, ok := lintOne(cf); ok {
								r.outs = append(r.outs, o)
								met = append(met, cf)
							}
							return nil
						})
						if ctx.Err() == nil {
							e.keepUntouched(j.cf.Dir, r.notes, r.outs, met)
						}
					}
				}
				done <- r
			}
		}()
	}

	// The joiner: one goroutine that puts the jobs back in order and
	// passes each batch on (or, not in order, holds them all).
	w := &runWork{res: &Result{}, each: each, seenID: map[string]string{}}
	// Which case of two keeps an id (Changed) is known only once both are
	// in: those runs are held whole.
	inOrder := opts.Touched == nil && opts.Changed == nil && walksInOrder(opts.FS, paths)
	joined := make(chan struct{})
	go func() {
		defer close(joined)
		held := map[int]jobResult{}
		next := 0
		var all []orderedResult
		var stopped bool // each has failed: nothing more goes to it
		for r := range done {
			if stopped {
				continue // the workers are let finish what they hold
			}
			if !inOrder {
				all = append(all, r.outs...)
				w.res.Notifications = append(w.res.Notifications, r.notes...)
				continue
			}
			held[r.seq] = r
			for {
				r, ok := held[next]
				if !ok {
					break
				}
				delete(held, next)
				next++
				w.res.Notifications = append(w.res.Notifications, r.notes...)
				if err := w.batch(e, r.outs); err != nil {
					fail(err)
					stopped = true
					break
				}
			}
		}
		if !inOrder && !stopped {
			if err := w.batch(e, all); err != nil {
				fail(err)
			}
		}
	}()

	seq := 0
	notes, err := discoverShared(opts.FS, paths, true, e.untouchedHeld, func(cf caseFiles) error {
		select {
		case jobs <- job{seq: seq, cf: cf}:
			seq++
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(jobs)
	wg.Wait()
	close(done)
	<-joined
	if runErr != nil {
		return nil, runErr
	}
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	w.res.Notifications = append(append(notes, w.res.Notifications...), e.historyNotes()...)
	w.end(e)
	return w.res, nil
}

// jobResult is what a worker made of one job: the results of the cases
// (and files of no case) in it, and the notices of listing its folder.
type jobResult struct {
	seq   int
	outs  []orderedResult
	notes []Notification
}

// HistorySkipped begins the notification that says the history rules were
// skipped, and why (Options.HistoryNote).
const HistorySkipped = "history rules skipped"

// withoutHistoryRules drops the rules that need history (NeedsHistory) from enabled, and from
// severity (so a caselint:ignore of one is not reported as unused: the same
// record may be linted where the history is at hand), and returns their ids.
func withoutHistoryRules(enabled []*Rule, severity map[string]Severity) ([]*Rule, []string) {
	var kept []*Rule
	var skipped []string
	for _, r := range enabled {
		if r.Has(NeedsHistory) && r.Run != nil {
			skipped = append(skipped, r.ID)
			delete(severity, r.ID)
			continue
		}
		kept = append(kept, r)
	}
	return kept, skipped
}

// newEngine returns the engine of a run (or, from lane, of the cases
// under one config): opts with the rules the profile enables.
func newEngine(opts Options) (*engine, error) {
	if opts.Profile == nil {
		return nil, fmt.Errorf("no profile")
	}
	if opts.Calendar == nil {
		opts.Calendar = calendar.Default()
	}
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	enabled, severity, err := opts.Profile.Enabled(opts.Rules)
	if err != nil {
		return nil, err
	}
	e := &engine{opts: opts, severity: severity, lanes: map[*Settings]*engine{}}
	e.enabled = enabled
	if opts.History == nil {
		e.enabled, e.skipped = withoutHistoryRules(enabled, severity)
	}
	for _, r := range e.enabled {
		switch r.ID {
		case UnusedSuppressionID:
			e.reportUnused = true
		case UnexplainedSuppressionID:
			e.reportUnexplained = true
		}
	}
	return e, nil
}

// lane returns the engine for the case cf: the run's own, or, under
// Options.SettingsFor, the one of the settings of its folder, made the
// first time they are met.
func (e *engine) lane(cf caseFiles) (*engine, error) {
	if e.opts.SettingsFor == nil {
		return e, nil
	}
	dir := cf.Dir
	if dir == "" {
		dir = path.Dir(cf.Files[0])
	}
	s, err := e.opts.SettingsFor(dir)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if l, ok := e.lanes[s]; ok {
		return l, nil
	}
	opts := e.opts
	opts.SettingsFor = nil
	opts.Profile, opts.AsOf, opts.Calendar, opts.MaxFileSize = s.Profile, s.AsOf, s.Calendar, s.MaxFileSize
	l, err := newEngine(opts)
	if err != nil {
		return nil, err
	}
	e.lanes[s] = l
	return l, nil
}

// historyNotes says, when the history is missing and its HistoryNote says
// why, which history rules were skipped: in every lane used, or the run's
// own.
func (e *engine) historyNotes() []Notification {
	if e.opts.HistoryNote == "" {
		return nil
	}
	skipped := e.skipped
	if e.opts.SettingsFor != nil {
		seen := map[string]bool{}
		skipped = nil
		for _, l := range e.lanes {
			for _, id := range l.skipped {
				if !seen[id] {
					seen[id] = true
					skipped = append(skipped, id)
				}
			}
		}
		sort.Strings(skipped)
	}
	if len(skipped) == 0 {
		return nil
	}
	m := schema.Msgf(HistorySkipped+": %s (%s)", e.opts.HistoryNote, strings.Join(skipped, ", "))
	if e.opts.HistoryUnread {
		return []Notification{{Kind: NoticeHistoryUnread, Level: Error, Message: m.String(), msg: m}}
	}
	return []Notification{{Kind: NoticeHistorySkipped, Level: Note, Message: m.String(), msg: m}}
}

type engine struct {
	opts              Options
	enabled           []*Rule
	severity          map[string]Severity
	skipped           []string // the history rules left out, no history being at hand
	reportUnused      bool
	reportUnexplained bool

	// lanes are the engines of the cases' settings (Options.SettingsFor).
	mu    sync.Mutex
	lanes map[*Settings]*engine

	// words is caselint's vocabulary, for --redact (redact_msg.go).
	wordsOnce sync.Once
	words     vocabulary

	// ruleIDs are the ids of the rules in opts.Rules (isRule).
	ruleIDsOnce sync.Once
	ruleIDs     map[string]bool

	// roles are the roles of case.md's people read so far (Case.readRoles).
	roles roleMemo
}

// orderedResult is a case's result with its place in the order of cases.
type orderedResult struct {
	caseResult
	order caseKey
	eng   *engine // the lane that linted the case
}

// caseKey is a case's place in a report: where its paths begin. The
// cases and the files of no case are in the order of their paths, a case
// folder's as if its name ended in a slash (as git orders a tree), so that
// the order of the cases is that of their findings in the report: the
// findings of a case folder's files come before those of a file beside it
// whose name only begins with the folder's ("a/x.md" before "a-b.md" and
// "a.md").
type caseKey struct {
	loose bool   // a file of no case
	name  string // the case's folder, or the file's path
}

func caseOrder(cf caseFiles) caseKey {
	if cf.Dir == "" {
		return caseKey{loose: true, name: cf.Files[0]}
	}
	return caseKey{name: cf.Dir}
}

// compare orders k and l: by path, a folder's name with a slash after it.
func (k caseKey) compare(l caseKey) int {
	a, aDir := k.treeName()
	b, bDir := l.treeName()
	return TreeOrder(a, aDir, b, bDir)
}

// treeName is the path the case's place is that of, and whether it is a
// folder's.
func (k caseKey) treeName() (string, bool) {
	switch {
	case k.loose:
		return k.name, false
	case k.name == ".":
		return "", false // a case at the root holds every path
	}
	return k.name, true
}

type caseResult struct {
	findings  []Finding
	notes     []Notification
	records   int
	isCase    bool
	untouched bool   // not linted (Options.Touched)
	caseMD    []byte // of a case not linted, its case.md unparsed
	caseID    string
	caseIDPos place
	chrono    *Chronology      // under Options.Chronologies
	due       *CaseObligations // under Options.Obligations
}

// place is a finding's position, already converted, in a file.
type place struct {
	path string
	pos  schema.Position
	line string // the text of the line, for the fingerprint
}

func (e *engine) finding(rule string, at place, msg string) Finding {
	return Finding{RuleID: rule, Severity: e.severity[rule], Path: at.path, Pos: at.pos, Message: msg,
		Fingerprint: fingerprint(rule, e.fpPath(at.path), at.line, 0)}
}

// fpPath is the path findings in the file at p are fingerprinted under.
func (e *engine) fpPath(p string) string {
	if e.opts.FingerprintPath != nil {
		return e.opts.FingerprintPath(p)
	}
	return p
}

// lintCase reads the files of one case, builds the Case, runs every enabled
// rule on it and turns what they report into findings. Nothing of the case
// is kept once it returns but the findings.
func (e *engine) lintCase(g caseFiles) (out caseResult) {
	out.isCase = g.Dir != ""
	docs := loadDocs(e.opts.FS, g.Files, e.opts.MaxFileSize, g.Dir != "", func(f skippedFile) {
		if f.note != nil {
			out.notes = append(out.notes, *f.note)
			return
		}
		out.findings = append(out.findings, e.finding(InvalidRecordID, place{path: f.name, pos: schema.Position{Line: 1, Col: 1, Col16: 1}},
			fmt.Sprintf("file of %d bytes is over the limit of %d bytes and was not read; a case record is rarely over a few hundred kilobytes (raise max_file_size in %s if this one must be read)", f.size, e.opts.MaxFileSize, ConfigFileName)))
	})
	out.records = len(docs)
	c := assemble(g.Dir, docs, e.opts.Profile)
	c.ReadOn(e.opts.AsOf)
	c.readRoles(&e.roles)
	out.caseID, out.caseIDPos = caseIDOf(c)

	var diags diagCounter // at most maxDiagsPerFile of a rule in a file (place.go)
	for _, r := range e.enabled {
		if r.Run == nil || (!out.isCase && r.ID != InvalidRecordID) {
			continue
		}
		pass := &Pass{Rule: r, Case: c, Profile: e.opts.Profile, AsOf: e.opts.AsOf, Calendar: e.opts.Calendar, History: e.opts.History}
		pass.report = func(d Diagnostic) { diags.add(ruleDiag{rule: r.ID, Diagnostic: d}) }
		if err := runRule(r, pass); err != nil {
			out.notes = append(out.notes, Notification{Kind: NoticeRuleFailed, Level: Error, Path: caseNotePath(g), Message: err.Error()})
		}
	}
	for _, d := range docs {
		if d.MoreProblems > 0 { // past schema.MaxProblems: counted, not listed
			diags.more(InvalidRecordID, d, d.MoreProblems)
		}
	}
	out.findings, out.notes = e.process(c, docs, diags.diags, diags.dropped, out.findings, out.notes)
	if !e.opts.Redact {
		// Only redaction reads a message's parts again. Without it, they
		// are let go of here, so that a finding held to the end of the run
		// does not keep alive the texts of the case it quoted.
		for i := range out.findings {
			out.findings[i].msg = schema.Msg{}
		}
		for i := range out.notes {
			out.notes[i].msg = schema.Msg{}
		}
	}
	if e.opts.Chronologies && out.isCase {
		out.chrono = e.chronology(c)
	}
	if e.opts.Obligations && out.isCase {
		co, err := e.caseObligations(g.Dir, c)
		if err != nil {
			out.notes = append(out.notes, Notification{Kind: NoticeRuleFailed, Level: Error, Path: caseNotePath(g), Message: err.Error()})
		} else {
			out.due = &co
		}
	}
	return out
}

// untouchedHeld reports whether untouchedKept gives the cases of folder
// dir, which the walk then hands over without a look inside: a folder
// another run met whole, of which this run touches no case, holds the
// same files here (UntouchedCases).
func (e *engine) untouchedHeld(dir string) bool {
	if e.opts.Untouched == nil || e.opts.Touched == nil {
		return false
	}
	cs, ok := e.opts.Untouched.get(dir)
	if !ok {
		return false
	}
	for _, c := range cs {
		if e.opts.Touched(caseOrder(c.files).name) {
			return false
		}
	}
	return true
}

// untouchedKept returns, of case folder dir when Options.Untouched holds
// it, the results of its cases, none of them touched, as caseIDOnly would
// give them here (the case.md another run read); false when it must be
// listed and read here.
func (e *engine) untouchedKept(dir string, fail func(error)) ([]orderedResult, bool) {
	if !e.untouchedHeld(dir) {
		return nil, false
	}
	cs, _ := e.opts.Untouched.get(dir)
	outs := make([]orderedResult, 0, len(cs))
	for _, c := range cs {
		lane, err := e.lane(c.files)
		if err != nil {
			fail(err)
			return outs, true
		}
		outs = append(outs, orderedResult{caseResult: caseResult{untouched: true, caseMD: c.caseMD}, order: caseOrder(c.files), eng: lane})
	}
	return outs, true
}

// keepUntouched keeps in Options.Untouched the cases of case folder dir
// listed and read here (outs, of the cases met), when none of them was
// touched and each was read whole: no folder unreadable, no case.md it
// lists unread.
func (e *engine) keepUntouched(dir string, notes []Notification, outs []orderedResult, met []caseFiles) {
	if e.opts.Untouched == nil || e.opts.Touched == nil || len(notes) > 0 || len(outs) != len(met) {
		return
	}
	cs := make([]untouchedCase, 0, len(outs))
	for i, o := range outs {
		if !o.untouched || (o.caseMD == nil && slices.Contains(met[i].Files, path.Join(met[i].Dir, "case.md"))) {
			return
		}
		cs = append(cs, untouchedCase{files: met[i], caseMD: o.caseMD})
	}
	e.opts.Untouched.keep(dir, cs)
}

// caseIDOnly reads, of a case not linted (Options.Touched), its case.md,
// kept unparsed for duplicateIDStage (most are never parsed); of a file of
// no case, nothing.
func (e *engine) caseIDOnly(g caseFiles) (out caseResult) {
	out.untouched = true
	name := path.Join(g.Dir, "case.md")
	if g.Dir == "" || !slices.Contains(g.Files, name) {
		return out
	}
	if data, err := ReadRegularFile(e.opts.FS, name, e.opts.MaxFileSize); err == nil {
		out.caseMD = data
	}
	return out
}

// caseID parses the case.md of the case in folder dir for its id alone.
func (e *engine) caseID(dir string) (string, place) {
	docs := loadDocs(e.opts.FS, []string{path.Join(dir, "case.md")}, e.opts.MaxFileSize, true, func(skippedFile) {})
	return caseIDOf(assemble(dir, docs, e.opts.Profile))
}

// caseIDOf returns the id of case c and where its case.md gives it; ""
// when it gives none.
func caseIDOf(c *Case) (string, place) {
	if c.Record == nil || c.Record.ID == "" {
		return "", place{}
	}
	// A copy: the id is a piece of the case.md frontmatter, which it would
	// otherwise keep alive until the run ends.
	d := c.Record.Doc
	off := d.AtValue("id")
	return strings.Clone(c.Record.ID), place{path: d.Source.Path, pos: d.Source.Position(off), line: string(d.Source.Line(d.Source.LineOf(off)))}
}

func caseNotePath(g caseFiles) string {
	if g.Dir != "" {
		return path.Join(g.Dir, "case.md")
	}
	if len(g.Files) > 0 {
		return g.Files[0]
	}
	return ""
}

// runRule runs one rule, turning a panic in it into an error so that one
// broken rule never stops the others or loses the report.
func runRule(r *Rule, pass *Pass) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("rule %s failed on this case and was skipped (a bug in caselint; please report it): %v\n%s", r.ID, p, debug.Stack())
		}
	}()
	if err := r.Run(pass); err != nil {
		return fmt.Errorf("rule %s could not check this case: %w", r.ID, err)
	}
	return nil
}

// notARecord says why a Markdown file without frontmatter was not linted
// when that is worth a notice (it is empty, or not text), and "" for one
// that is simply not a record (a README).
func notARecord(data []byte) string {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return "empty file: not a record, not linted"
	case schema.IsUTF16(data):
		return "saved as UTF-16, not UTF-8, and shows no record when read as UTF-16: not linted (if it holds a record, save it as UTF-8)"
	case bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data):
		return "not a text file (it holds bytes that are not UTF-8 text): not a record, not linted"
	}
	return ""
}

type ruleDiag struct {
	rule string
	Diagnostic
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Message < b.Message
	})
}

func sortNotifications(ns []Notification) {
	sort.SliceStable(ns, func(i, j int) bool {
		if ns[i].Path != ns[j].Path {
			return ns[i].Path < ns[j].Path
		}
		return ns[i].Message < ns[j].Message
	})
}
