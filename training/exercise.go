// Package training is caselint's training exercises: fictional case records
// with seeded problems, a brief for trainees and an answer key, which
// trainees review (spot mode) or put right (fix mode) and caselint marks.
//
// An exercise is a folder:
//
//	exercise.toml   title, level (1 easiest to 5), profile, as_of, summary, git
//	BRIEF.md        the trainee's brief: who the child is, what to review; no answers
//	case/           the case folder(s), whose want comments are the answer key
//	solution/       the same tree put right (shipped exercises must have one)
//	history.toml    when git = true: the dated commits that build the history
//	history/        earlier versions of records that history.toml commits
//	TRAINER.md      trainer notes: debrief points, common wrong fixes (TrainerFile)
//
// The key is the want comments of case/ (<!-- want: rule-id -->,
// # want: rule-id), the same comments fixture tests use, so an exercise is
// tested like a fixture and cannot drift from the rules. Start writes the
// case with the want comments stripped, so the key never reaches the
// trainee's folder; Check and Reveal read it again from the exercise.
//
// Shipped exercises are embedded in the binary (exercises/); a trainer's own
// is any folder in the same format (Folder).
package training

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/expect"
	"github.com/caselint/caselint/schema"
)

// The shipped exercises. all: keeps a case's .caselint.toml.
//
//go:embed all:exercises
var shipped embed.FS

// The files and folders of an exercise.
const (
	MetaFile     = "exercise.toml"
	BriefFile    = "BRIEF.md"
	CaseDir      = "case"
	SolutionDir  = "solution"
	HistoryFile  = "history.toml"
	HistoryDir   = "history"
	MinLevel     = 1
	MaxLevel     = 5
	configInCase = lint.ConfigFileName // a case/.caselint.toml is the exercise's config
)

// Meta is an exercise's exercise.toml.
type Meta struct {
	Title   string      `toml:"title"`
	Level   int         `toml:"level"`   // 1 (easiest) to 5
	Profile string      `toml:"profile"` // the profile it is marked under
	AsOf    schema.Date `toml:"as_of"`   // the date it is read as of
	Summary string      `toml:"summary"` // one line, for the list
	Git     bool        `toml:"git"`     // the case comes with a git history (history.toml)
	// HintLevel is how much check tells a trainee of what is left: none
	// (the default), record or rule (hints.go).
	HintLevel string `toml:"hints"`
}

// Exercise is one exercise, loaded and checked.
type Exercise struct {
	Name string // the folder's name
	Meta
	// From is the folder it was loaded from, absolute; "" for a shipped one.
	From string
	// Brief is BRIEF.md.
	Brief []byte
	// Files are the case's files as the trainee gets them, want comments
	// stripped, by slash path relative to case/ (which is the trainee's
	// folder).
	Files map[string][]byte
	// Key is the answer key: every want of case/, at its path and line in
	// the trainee's copy, sorted.
	Key []expect.Expectation
	// HasSolution says whether the exercise has a solution/ folder.
	HasSolution bool
	// Skipped says what of a trainer's case/ folder was left out, by slash
	// path relative to the exercise folder and why: symbolic links (never
	// followed) and files that are not regular (never read).
	Skipped []string

	fsys    fs.FS
	rules   []*lint.Rule
	config  *lint.Config // case/.caselint.toml, or nil
	base    string       // the shipped profile the exercise's profile is or extends
	history []commit     // git: the commits of history.toml

	// accept is key.toml: other right answers for key items (accept.go).
	accept map[expect.Expectation][]Alternative
}

// Rules returns the ids of the rules the exercise practises: the distinct
// rules of its key, sorted.
func (ex *Exercise) Rules() []string {
	seen := map[string]bool{}
	var out []string
	for _, k := range ex.Key {
		if !seen[k.Rule] {
			seen[k.Rule] = true
			out = append(out, k.Rule)
		}
	}
	sort.Strings(out)
	return out
}

// Rule returns the registered rule with id, or nil.
func (ex *Exercise) Rule(id string) *lint.Rule { return ruleByID(ex.rules, id) }

// Solution returns the exercise's solution/ tree as an fs.FS, or nil when it
// has none.
func (ex *Exercise) Solution() fs.FS {
	if !ex.HasSolution {
		return nil
	}
	sub, err := fs.Sub(ex.fsys, SolutionDir)
	if err != nil {
		return nil
	}
	return sub
}

func ruleByID(rules []*lint.Rule, id string) *lint.Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Catalogue is a set of exercises: the shipped ones, or a trainer's folder.
type Catalogue struct {
	fsys   fs.FS  // the folder holding the exercises, or the exercise itself
	dir    string // absolute folder, "" for the shipped ones
	single string // the name of the one exercise when fsys is an exercise
	// skipped: the links Names left out.
	skipped []string
	rules   []*lint.Rule
}

// Shipped returns the exercises built into caselint. rules is the registry
// (checks.All()): exercises are checked and marked with it.
func Shipped(rules []*lint.Rule) *Catalogue {
	sub, err := fs.Sub(shipped, "exercises")
	if err != nil {
		panic(err) // the embedded folder is always there
	}
	return &Catalogue{fsys: sub, rules: rules}
}

// Folder returns the exercises of a trainer's folder: either one exercise
// (it holds an exercise.toml) or a folder of exercise folders.
func Folder(dir string, rules []*lint.Rule) (*Catalogue, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, fmt.Errorf("--from %s: %w", dir, notExist(err))
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("--from %s: not a folder: give the exercise folder (the one holding %s) or a folder of them", dir, MetaFile)
	}
	// Nothing in the folder is reached through a symbolic link: a trainer's
	// BRIEF.md -> /etc/shadow must not be copied to a trainee.
	c := &Catalogue{fsys: noFollowFS{root: abs}, dir: abs, rules: rules}
	if _, err := os.Lstat(filepath.Join(abs, MetaFile)); err == nil {
		c.single = filepath.Base(abs) // a link there is refused when it is read
	}
	return c, nil
}

func notExist(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("no such folder")
	}
	return err
}

// Skipped says what Names left out of a trainer's folder of exercises, and
// why: the symbolic links in it, never followed.
func (c *Catalogue) Skipped() []string { return c.skipped }

// Single returns the name of the exercise when the catalogue is one
// exercise's folder, else "".
func (c *Catalogue) Single() string { return c.single }

// Names returns the names of the exercises, sorted.
func (c *Catalogue) Names() ([]string, error) {
	if c.single != "" {
		return []string{c.single}, nil
	}
	entries, err := fs.ReadDir(c.fsys, ".")
	if err != nil {
		return nil, err
	}
	var names []string
	c.skipped = nil
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 && c.dir != "" && !strings.HasPrefix(e.Name(), ".") {
			c.skipped = append(c.skipped, e.Name()+": symbolic link not followed")
			continue
		}
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if _, err := fs.Stat(c.fsys, path.Join(e.Name(), MetaFile)); err != nil {
			if c.dir == "" { // a shipped folder must be an exercise
				return nil, fmt.Errorf("exercises/%s: no %s", e.Name(), MetaFile)
			}
			continue // a trainer's folder may hold other things
		}
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}

// All loads every exercise, sorted by level and then name.
func (c *Catalogue) All() ([]*Exercise, error) {
	names, err := c.Names()
	if err != nil {
		return nil, err
	}
	var out []*Exercise
	var errs []error
	for _, n := range names {
		ex, err := c.Get(n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, ex)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Level != out[j].Level {
			return out[i].Level < out[j].Level
		}
		return out[i].Name < out[j].Name
	})
	return out, errors.Join(errs...)
}

// Get loads the exercise called name.
func (c *Catalogue) Get(name string) (*Exercise, error) {
	if c.single != "" {
		if name != c.single && name != "" {
			return nil, fmt.Errorf("no exercise %q: %s holds only the exercise %q", name, c.dir, c.single)
		}
		return load(c.fsys, c.single, c.dir, c.rules)
	}
	if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return nil, fmt.Errorf("no exercise %q", name)
	}
	if _, err := fs.Stat(c.fsys, path.Join(name, MetaFile)); err != nil {
		if errors.Is(err, lint.ErrSymlink) {
			return nil, fmt.Errorf("exercise %q in %s: %w", name, c.dir, err)
		}
		names, _ := c.Names()
		msg := fmt.Sprintf("no exercise %q", name)
		if s := schema.Suggest(name, names); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return nil, errors.New(msg + ": caselint exercise list shows them")
	}
	sub, err := fs.Sub(c.fsys, name)
	if err != nil {
		return nil, err
	}
	from := ""
	if c.dir != "" {
		from = filepath.Join(c.dir, name)
	}
	return load(sub, name, from, c.rules)
}

// Load loads the exercise in fsys (its folder), called name, with the rule
// registry rules. from is the folder on disk, "" for a shipped exercise.
func Load(fsys fs.FS, name, from string, rules []*lint.Rule) (*Exercise, error) {
	return load(fsys, name, from, rules)
}

var exerciseName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func load(fsys fs.FS, name, from string, rules []*lint.Rule) (*Exercise, error) {
	return loadAs(fsys, name, from, rules, false)
}

// loadAs is load; a draft (for validate) may have no want comments yet.
func loadAs(fsys fs.FS, name, from string, rules []*lint.Rule, draft bool) (*Exercise, error) {
	where := "exercise " + name
	if from != "" {
		where = from
	}
	fail := func(format string, args ...any) (*Exercise, error) {
		return nil, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...))
	}
	ex := &Exercise{Name: name, From: from, fsys: fsys, rules: rules, Files: map[string][]byte{}}
	if from == "" && !exerciseName.MatchString(name) {
		return fail("a shipped exercise's folder name is kebab-case")
	}

	data, err := fs.ReadFile(fsys, MetaFile)
	if err != nil {
		return fail("%v", err)
	}
	if err := guardTOML(MetaFile, data); err != nil {
		return fail("%v", err) // too big or too deep for the TOML parser
	}
	md, err := toml.Decode(string(data), &ex.Meta)
	if err != nil {
		return fail("%v", schema.TOMLFileError(MetaFile, err))
	}
	if u := md.Undecoded(); len(u) > 0 {
		known := []string{"title", "level", "profile", "as_of", "summary", "git", "hints"}
		msg := fmt.Sprintf("%s: unknown key %s", MetaFile, u[0])
		if s := schema.Suggest(u[0].String(), known); s != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", s)
		}
		return fail("%s", msg)
	}
	for _, k := range []string{"title", "level", "profile", "as_of", "summary"} {
		if !md.IsDefined(k) {
			return fail("%s: %s is required", MetaFile, k)
		}
	}
	switch {
	case strings.TrimSpace(ex.Title) == "":
		return fail("%s: title is empty", MetaFile)
	case strings.TrimSpace(ex.Summary) == "" || strings.Contains(ex.Summary, "\n"):
		return fail("%s: summary is one line, for the list", MetaFile)
	case ex.Level < MinLevel || ex.Level > MaxLevel:
		return fail("%s: level %d: levels run from %d (easiest) to %d", MetaFile, ex.Level, MinLevel, MaxLevel)
	case ex.AsOf.IsZero():
		return fail("%s: as_of is required: exercises never read the clock", MetaFile)
	}
	if err := checkHintLevel(ex.HintLevel); err != nil {
		return fail("%s: %v", MetaFile, err)
	}

	brief, err := fs.ReadFile(fsys, BriefFile)
	if errors.Is(err, lint.ErrSymlink) || errors.Is(err, lint.ErrNotRegular) {
		return fail("%v", err)
	}
	if err != nil || len(bytes.TrimSpace(brief)) == 0 {
		return fail("%s is missing or empty: trainees need a brief", BriefFile)
	}
	if bytes.Contains(brief, []byte("want:")) {
		return fail("%s holds a want comment: the brief must not give the answers", BriefFile)
	}
	ex.Brief = brief

	// The case, its config and its key.
	caseFS, err := fs.Sub(fsys, CaseDir)
	if err != nil {
		return fail("%v", err)
	}
	if _, err := fs.Stat(fsys, CaseDir); errors.Is(err, lint.ErrSymlink) {
		return fail("%v", err)
	}
	if st, err := fs.Stat(fsys, CaseDir); err != nil || !st.IsDir() {
		return fail("no %s/ folder: the case records go there", CaseDir)
	}
	cases := 0
	err = fs.WalkDir(caseFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		// A link is never followed, a FIFO or device never read: skipped,
		// and said (the exercise is verified without them).
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			ex.Skipped = append(ex.Skipped, CaseDir+"/"+p+": symbolic link not followed")
			return nil
		case !d.Type().IsRegular():
			ex.Skipped = append(ex.Skipped, CaseDir+"/"+p+": not a regular file, not read")
			return nil
		}
		data, err := fs.ReadFile(caseFS, p)
		if err != nil {
			return err
		}
		if path.Base(p) == "case.md" {
			cases++
		}
		if !strings.HasSuffix(p, ".md") {
			ex.Files[p] = data
			return nil
		}
		s, err := Strip(p, data)
		if err != nil {
			return fmt.Errorf("%s/%w", CaseDir, err)
		}
		ex.Files[p] = s.Data
		ex.Key = append(ex.Key, s.Key...)
		return nil
	})
	if err != nil {
		return fail("%v", err)
	}
	if cases == 0 {
		return fail("%s/ holds no case.md: put the case folder (or folders) there", CaseDir)
	}
	if len(ex.Key) == 0 && !draft {
		return fail("%s/ has no want comments: the key is the want comments of the records", CaseDir)
	}
	for _, k := range ex.Key {
		if ruleByID(rules, k.Rule) == nil {
			ids := make([]string, len(rules))
			for i, r := range rules {
				ids[i] = r.ID
			}
			msg := fmt.Sprintf("%s/%s:%d: want names rule %q, which caselint does not have", CaseDir, k.Path, k.Line, k.Rule)
			if s := schema.Suggest(k.Rule, ids); s != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", s)
			}
			return fail("%s", msg)
		}
	}
	sortKey(ex.Key)
	for _, k := range ex.Key {
		if namesPlace(ex.Brief, fmt.Sprintf("%s:%d", k.Path, k.Line)) {
			return fail("%s names %s:%d, where the key has a problem: choose another example", BriefFile, k.Path, k.Line)
		}
	}
	if data, ok := ex.Files[configInCase]; ok {
		cfg, err := lint.ParseConfig(path.Join(CaseDir, configInCase), data)
		if err != nil {
			return fail("%v", err)
		}
		ex.config = cfg
	}
	prof, err := ex.config.ResolveProfile(ex.Profile)
	if err != nil {
		return fail("%s: profile: %v", MetaFile, err)
	}
	ex.base = prof.Base
	if err := ex.readAccept(fsys); err != nil {
		return fail("%v", err)
	}

	if st, err := fs.Stat(fsys, SolutionDir); err == nil && st.IsDir() {
		ex.HasSolution = true
	}

	// The history.
	_, herr := fs.Stat(fsys, HistoryFile)
	switch {
	case errors.Is(herr, lint.ErrSymlink):
		return fail("%v", herr)
	case ex.Git && herr != nil:
		return fail("git = true needs a %s saying what to commit when", HistoryFile)
	case !ex.Git && herr == nil:
		return fail("%s is read only when %s says git = true", HistoryFile, MetaFile)
	case ex.Git:
		if ex.history, err = readHistory(fsys, ex.Files); err != nil {
			return fail("%v", err)
		}
	}
	return ex, nil
}

func sortKey(key []expect.Expectation) {
	sort.SliceStable(key, func(i, j int) bool {
		a, b := key[i], key[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Rule < b.Rule
	})
}

// namesPlace reports whether text holds the place at ("plan.md:47") not
// followed by another digit.
func namesPlace(text []byte, at string) bool {
	for rest := text; ; {
		i := bytes.Index(rest, []byte(at))
		if i < 0 {
			return false
		}
		end := i + len(at)
		if end == len(rest) || rest[end] < '0' || rest[end] > '9' {
			return true
		}
		rest = rest[end:]
	}
}
