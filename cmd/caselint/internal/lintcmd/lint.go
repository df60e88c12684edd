// Package lintcmd is `caselint lint`.
package lintcmd

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/report/htmlreport"
	"github.com/caselint/caselint/schema"
	"github.com/spf13/cobra"
)

// Options are the inputs of caselint lint.
type Options struct {
	IO      *iostreams.IOStreams
	Rules   []*lint.Rule
	Version string
	Args    []string // the command line, for SARIF's invocation

	Paths     []string
	Profile   string
	AsOf      string
	Config    string
	Format    string
	Output    string
	FailLevel string
	NoColor   bool
	// Category is SARIF's automationDetails.id; IncludeSuppressed keeps
	// suppressed findings in SARIF (report.Options).
	Category          string
	IncludeSuppressed bool
	// Redact replaces the names of the child and the people around them
	// with their roles in every format, for reports that leave the team.
	Redact bool

	// Staged lints the index (what git commit would commit), and only the
	// cases the staged change touches; Rev lints the commit REV. Neither:
	// the work tree. NewFromRev reports only the findings absent at REV.
	Staged bool
	Rev    string
	// PreCommit is the pre-commit framework's hook (precommit.go): the
	// index, the cases the staged change touches and the cases of Paths,
	// the files the framework passes.
	PreCommit  bool
	NewFromRev string
	// NoCache builds the history from every commit, neither reading nor
	// writing the history cache in the git folder.
	NoCache bool
	// Trainer lints a training exercise's folder, which is otherwise
	// declined: its findings are the answers (exercise.go).
	Trainer bool
	// Baseline is the baseline file (--baseline), else the one at the
	// root of the tree linted, if any (lint.BaselineFileName); its
	// findings are not reported. NoBaseline reports them.
	Baseline   string
	NoBaseline bool
	// Stages are stages a caller adds after the command's own, before the
	// fail level: caselint baseline collects the findings with one.
	Stages []lint.Stage

	// Now and Getwd stand for the clock and the working directory.
	Now   func() time.Time
	Getwd func() (string, error)
}

// NewCmdLint returns the lint command. runF, when not nil, runs instead of
// the real thing, so that tests can stop before running.
func NewCmdLint(ios *iostreams.IOStreams, rules []*lint.Rule, version string, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: ios, Rules: rules, Version: version, Now: time.Now, Getwd: os.Getwd}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Check case records against the procedures",
		Long: `Lint the case records under each PATH (default: the current folder).

Every folder holding a case.md is a case; a path inside a case lints the
whole case. Paths in the report are relative to the repository root (or the
working folder outside a repository).

Inside a git repository caselint reads the records as git holds them:

  (default)           the work tree, as the files are now
  --staged            the index, as git commit would commit them (honouring
                      GIT_INDEX_FILE): only the cases the staged change
                      touches are linted. For pre-commit hooks.
  --pre-commit        as --staged, and the cases of the PATHs too: for the
                      pre-commit framework, which passes every file under
                      pre-commit run --all-files (docs/pre-commit.md).
  --rev REV           the commit REV; --as-of defaults to its date (or the
                      config's as_of).
  --new-from-rev REV  report only the findings that are not at REV (matched
                      by rule, file and the text of the line, so findings
                      whose lines only moved are not new). For reviewing a
                      pull request: --new-from-rev origin/main.

The history rules (late-recording, recorded-before-event, rewritten-record)
read when each record was committed and changed; they are skipped, with a
notice, outside a repository and in a shallow clone. Commits after the
as-of date are left out. Each finding in SARIF carries the commit that last
changed its line.
What each commit changed is kept in the git folder (.git/caselint/history,
readable by you alone), so that a run reads only the commits made since
the last; --no-cache neither reads nor writes it.

Exit status: 0 clean, 1 findings at or above --fail-level, 2 usage,
configuration or I/O error (a --new-from-rev commit that is not in the
repository too: fetch more history; and a training exercise's folder, whose
findings are held back unless --trainer: use caselint exercise check).

--redact replaces the names of the child and of the people case.md lists
with their roles in every format, every other word a message quotes from
the records that is not caselint's with [redacted], folder and file names
caselint does not give with redacted-N, and withholds suppression
reasons: for reports that leave the team. No report holds an absolute
path. caselint makes no network
connection, and writes nothing but the --output file and that cache; see
docs/privacy.md.

The findings listed in the baseline (.caselint-baseline at the root, read
from the tree linted, or --baseline FILE; written by caselint baseline) are
not reported: a notice says how many were hidden and which entries match
no finding any more. --no-baseline reports every finding. See
docs/adopting.md.`,
		Example: `  caselint lint cases
  caselint lint --profile stoke-on-trent --as-of 2026-11-20 cases
  caselint lint --format sarif --output caselint.sarif cases
  caselint lint --staged
  caselint lint --rev v1.2 cases
  caselint lint --new-from-rev origin/main --format github cases
  caselint lint --redact --format sarif -o for-audit.sarif cases
  caselint lint --no-baseline cases`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Args = os.Args
			if runF != nil {
				return runF(opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Profile, "profile", "", "procedure profile: stoke-on-trent, oxfordshire, combined, or one the config defines (default from config, else combined)")
	f.StringVar(&opts.AsOf, "as-of", "", "evaluate overdue checks as of this date, YYYY-MM-DD (default the config's as_of, else today)")
	f.StringVar(&opts.Config, "config", "", "config file (default: the nearest .caselint.toml at or above the paths, inside the repository)")
	f.StringVar(&opts.Format, "format", "text", "output format: "+strings.Join(report.Formats, ", ")+", html (docs/formats.md, docs/report.md)")
	f.StringVar(&opts.Category, "category", "", "SARIF: the analysis' category (automationDetails.id), so that code scanning keeps runs over different folders or profiles apart")
	f.BoolVar(&opts.IncludeSuppressed, "include-suppressed", false, "SARIF: keep the suppressed findings, marked suppressed (left out by default: reviewdog and some viewers show them as live)")
	f.StringVarP(&opts.Output, "output", "o", "", "write the report to this file instead of standard output")
	f.StringVar(&opts.FailLevel, "fail-level", "warning", "exit 1 when a finding is at or above this severity: error, warning, note")
	f.BoolVar(&opts.NoColor, "no-color", false, "never colour the output (the same as --color never)")
	f.BoolVar(&opts.Redact, "redact", false, "replace the child's and every person's name with their role (\"[the child]\", \"[mother]\"), every other word quoted from the records with [redacted] and folder and file names with redacted-N, and withhold suppression reasons, for reports that leave the team (see docs/privacy.md)")
	f.BoolVar(&opts.Staged, "staged", false, "lint the records as staged in the git index, only the cases the staged change touches (for pre-commit hooks)")
	f.StringVar(&opts.Rev, "rev", "", "lint the records as committed at `REV` (a branch, tag or commit); --as-of defaults to its date")
	f.StringVar(&opts.NewFromRev, "new-from-rev", "", "report only findings that are not at `REV` (for reviewing a change: --new-from-rev origin/main)")
	f.BoolVar(&opts.NoCache, "no-cache", false, "build the history from every commit, neither reading nor writing the history cache in the git folder (.git/caselint/history)")
	f.BoolVar(&opts.Trainer, "trainer", false, "lint a training exercise's folder anyway (caselint exercise start made it): its findings are the exercise's answers, held back from trainees")
	f.StringVar(&opts.Baseline, "baseline", "", "hide the findings the baseline `FILE` lists (default: "+lint.BaselineFileName+" at the root of the tree linted, if there is one; caselint baseline writes it)")
	f.BoolVar(&opts.NoBaseline, "no-baseline", false, "report every finding, the baseline's too")
	f.BoolVar(&opts.PreCommit, "pre-commit", false, "as the hook of the pre-commit framework: lint, as staged, the cases the staged change touches (deletions included) and the cases of the files given (the framework passes every file under pre-commit run --all-files)")
	cmd.MarkFlagsMutuallyExclusive("staged", "rev")
	cmd.MarkFlagsMutuallyExclusive("pre-commit", "rev")
	cmd.MarkFlagsMutuallyExclusive("baseline", "no-baseline")
	return cmd
}

// Run lints as opts say. Neither its report, nor its notices, nor its
// error holds an absolute path (relativePaths).
func Run(ctx context.Context, opts *Options) error {
	var root string
	err := run(ctx, opts, &root)
	if err == nil || errors.Is(err, cmdutil.ErrFindings) {
		return err
	}
	wd, _ := opts.Getwd()
	if msg := relativePaths(err.Error(), root, wd); msg != err.Error() {
		return &pathsError{msg: msg, err: err}
	}
	return err
}

// pathsError is an error whose text has its absolute paths made relative;
// it unwraps to the error it stands for (a usage error stays one).
type pathsError struct {
	msg string
	err error
}

func (e *pathsError) Error() string { return e.msg }
func (e *pathsError) Unwrap() error { return e.err }

// relativePaths is s with no absolute path: relative to the root or the
// working folder (as given and with its links resolved), "~" for home, else
// withheld (report.RelativePaths).
func relativePaths(s, root, wd string) string {
	home, _ := os.UserHomeDir()
	dirs := []string{root, wd}
	if r, err := filepath.EvalSymlinks(wd); err == nil {
		dirs = append(dirs, r)
	}
	return report.RelativePaths(s, home, dirs...)
}

func run(ctx context.Context, opts *Options, rootOut *string) (err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	var printer report.NewPrinter
	if opts.Format != htmlreport.Format { // html: htmlPrinter, below
		if printer, err = report.ByName(opts.Format); err != nil {
			return cmdutil.Usagef("--format: %v", err)
		}
	}
	failLevel, err := lint.ParseSeverity(opts.FailLevel)
	if err != nil {
		return cmdutil.Usagef("--fail-level: %v", err)
	}
	if opts.Staged && opts.Rev != "" {
		return cmdutil.Usagef("--staged and --rev cannot be used together: --staged lints the index, --rev a commit")
	}
	wd, err := opts.Getwd()
	if err != nil {
		return err
	}
	open := openSource
	if opts.PreCommit {
		open = openPreCommit
	}
	src, err := open(wd, opts)
	if err != nil {
		return err
	}
	*rootOut = src.root
	if err := exerciseBefore(opts, src, wd); err != nil {
		return err // an exercise's answers are held back
	}
	asOf, err := asOfDate(opts, src)
	if err != nil {
		return err
	}

	cfg, cfgName, err := loadConfig(opts, src)
	if err != nil {
		return err
	}
	profile, err := cfg.ResolveProfile(opts.Profile)
	if err != nil {
		return err
	}
	if opts.AsOf == "" && cfg != nil && !cfg.AsOf.IsZero() {
		asOf = cfg.AsOf // the config's as_of: --as-of overrides it
	}
	cal := cfg.Calendar()

	if src.repo != nil && cfg != nil {
		// The size limit holds for every blob read from git too: records
		// under --rev and --staged, and older versions from the history.
		src.repo.SetMaxFileSize(cfg.MaxFileBytes)
	}
	var hist lint.History
	var historyNote string
	if !src.nothing {
		// The history is read from the revision linted (HEAD for the
		// work tree and the index), and from the one --new-from-rev
		// compares with: either may be on a branch HEAD does not reach.
		var also []string
		if opts.NewFromRev != "" && src.repo != nil {
			if h, _, err := src.repo.ResolveRevision(opts.NewFromRev); err == nil {
				also = append(also, h)
			} // else newFromRev says what is wrong
		}
		hist, historyNote = src.history(!opts.NoCache, also...)
	}
	if hist != nil {
		// The commits the revision linted reaches, not those only the
		// other revisions do.
		tip, when := src.revHash, src.revWhen
		if tip == "" {
			tip, _ = src.repo.Head()
		}
		if tip != "" {
			hist = src.historyAt(tip, src.fsys, when)
		}
	}
	vcsHist, _ := hist.(*vcs.History) // for the notices of versions over the size limit
	lopts := lint.Options{
		FS: src.fsys, Paths: src.paths, Rules: opts.Rules, Profile: profile, AsOf: asOf, Calendar: cal,
		History: hist, HistoryNote: historyNote, Redact: opts.Redact,
		Chronologies: opts.Format == htmlreport.Format,
	}
	if cfg != nil {
		lopts.MaxFileSize = cfg.MaxFileBytes // 0: the default
	}
	res := &lint.Result{} // nothing staged: nothing to say
	if opts.Format == htmlreport.Format {
		printer = htmlPrinter(opts, asOf, profile, &res)
	}
	if !src.nothing {
		if res, err = lint.Run(ctx, lopts); err != nil {
			return err
		}
		if err := exerciseAfter(opts, src, wd, res.Findings); err != nil {
			return err // an exercise below the paths
		}
	}
	res.Root = src.root
	var failed bool
	if err := lint.Pipeline(ctx, res, resultStages(opts, src, lopts, cfgName, wd, vcsHist, failLevel, &failed)...); err != nil {
		return err
	}

	exit := cmdutil.ExitOK
	if failed {
		exit = cmdutil.ExitFindings
	}
	toStdout := opts.Output == "" || opts.Output == "-"
	textOut := toStdout && opts.Format == "text"
	ropts := report.Options{
		Rules:       opts.Rules,
		Color:       textOut && !opts.NoColor && opts.IO.ColorEnabled(),
		ToolVersion: opts.Version,
		Invocation:  report.Invocation{Arguments: report.InvocationArguments(opts.Args, wd), ExitCode: int(exit), Successful: true},
		Provenance:  src.provenance(),
		Redact:      opts.Redact,
		Profile:     profile,

		Category:          opts.Category,
		IncludeSuppressed: opts.IncludeSuppressed,
	}
	// The notices go to stderr. A text report on stdout carries them
	// itself, except the one saying the history rules were skipped, which
	// goes to stderr alone: a hook or a CI log shows stderr even when
	// stdout is a report nobody reads.
	notices := res.Notifications
	if textOut {
		notices = nil
		shown := *res
		shown.Notifications = nil
		for _, n := range res.Notifications {
			if n.Kind == lint.NoticeHistorySkipped {
				notices = append(notices, n)
			} else {
				shown.Notifications = append(shown.Notifications, n)
			}
		}
		res = &shown
	}
	if toStdout {
		// Streamed: the printers write each finding as it comes.
		out := bufio.NewWriterSize(opts.IO.Out, 64<<10)
		if err := report.Print(printer, out, res, ropts); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
	} else {
		// The file is written whole (atomicfile): no reader sees half a
		// report.
		var buf bytes.Buffer
		if err := report.Print(printer, &buf, res, ropts); err != nil {
			return err
		}
		if err := cmdutil.WriteReport("--output", opts.Output, buf.Bytes()); err != nil {
			return err
		}
	}
	for _, n := range notices {
		where := "caselint"
		if n.Path != "" {
			where = n.Path
		}
		fmt.Fprintf(opts.IO.ErrOut, "%s: notice: %s\n", report.Printable(where), report.Printable(n.Message))
	}
	if failed {
		return cmdutil.ErrFindings
	}
	return nil
}

// newFromRev lints rev with the options of the run (its paths as far as
// they exist at rev, its config, its as-of date, the history as it stood
// at rev's commit) and returns the findings of now that it does not have.
func newFromRev(ctx context.Context, src *source, lopts lint.Options, rev string) (*lint.Result, error) {
	if src.repo == nil {
		return nil, cmdutil.Usagef("--new-from-rev needs a git repository, and %s is not in one", src.root)
	}
	hash, when, err := src.repo.ResolveRevision(rev)
	if err != nil {
		if shallow, _ := src.repo.Shallow(); shallow {
			return nil, fmt.Errorf("--new-from-rev: %w", err)
		}
		return nil, fmt.Errorf("--new-from-rev: %w; if it is on the remote, fetch more history (git fetch origin, or git fetch --unshallow; in CI, check out with fetch-depth: 0)", err)
	}
	old, err := src.repo.CommitFS(hash)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev: %w", err)
	}
	scope := src.paths
	if src.nothing {
		return nil, nil
	}
	if len(scope) == 0 {
		scope = []string{"."}
	}
	var paths []string
	seen := map[string]bool{}
	add := func(p string) {
		if q, ok := existingAncestor(old, p); ok && !seen[q] {
			seen[q] = true
			paths = append(paths, q)
		}
	}
	for _, p := range scope {
		add(p)
	}
	// A file renamed since into what is linted (git mv cases-x cases/y)
	// was elsewhere then: lint its old folder too, so that its findings
	// are matched, not all new.
	ren := src.renamesSince(hash)
	for was, now := range ren {
		for _, p := range scope {
			if p == "." || now == p || strings.HasPrefix(now, p+"/") {
				add(path.Dir(was))
				break
			}
		}
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		return nil, nil // none of it was there
	}
	lopts.FS, lopts.Paths, lopts.HistoryNote = old, paths, ""
	if lopts.History != nil {
		lopts.History = src.historyAt(hash, old, when)
	}
	lopts.FingerprintPath = fingerprintPath(ren)
	before, err := lint.Run(ctx, lopts)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev %s: %w", rev, err)
	}
	return before, nil
}

func asOfDate(opts *Options, src *source) (schema.Date, error) {
	if opts.AsOf == "" {
		if src.rev != "" {
			return schema.DateOf(src.revWhen.In(london)), nil
		}
		return schema.DateOf(opts.Now()), nil
	}
	d, err := schema.ParseDate(opts.AsOf)
	if err != nil {
		return schema.Date{}, cmdutil.Usagef("--as-of: %v", err)
	}
	return d, nil
}

// london is where the records are kept: a commit's date is its day there.
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// resolvePaths finds the root reports are relative to (the repository's
// work tree, else the working folder) and turns paths into slash paths
// below it.
func resolvePaths(wd string, paths []string) (root string, rel []string, err error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	abs := make([]string, len(paths))
	for i, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		abs[i] = filepath.Clean(p)
		if _, err := os.Stat(abs[i]); err != nil {
			return "", nil, fmt.Errorf("%s: no such file or folder", paths[i])
		}
	}
	// The repository's work tree; else the working folder when the paths are
	// below it; else the first path's folder.
	root = wd
	if r, ok := vcs.Root(abs[0]); ok {
		root = r
	} else if !within(wd, abs[0]) {
		root = abs[0]
		if st, err := os.Stat(root); err == nil && !st.IsDir() {
			root = filepath.Dir(root)
		}
	}
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	for i, a := range abs {
		if ea, err := filepath.EvalSymlinks(a); err == nil {
			a = ea
		}
		r, err := filepath.Rel(root, a)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return "", nil, cmdutil.Usagef("%s is outside %s: lint paths inside one repository or below the working folder", paths[i], root)
		}
		rel = append(rel, filepath.ToSlash(r))
	}
	return root, rel, nil
}

func within(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// tooLargeNotices says which older versions of records the history rules
// passed over because they are over the file size limit (issue 14): they
// were not read, so what changed in them was not checked.
// resultStages is the lint command's part of the results pipeline, run
// after lint.Run in this order: the config notice, notices' paths made
// relative, the baseline file's findings hidden, the baseline of
// --new-from-rev, the notices of versions over
// the size limit and of submodules, path redaction under --redact, and the
// fail level, which sets *failed.
func resultStages(opts *Options, src *source, lopts lint.Options, cfgName, wd string, vcsHist *vcs.History, failLevel lint.Severity, failed *bool) []lint.Stage {
	stages := []lint.Stage{
		{Name: "config-notice", Apply: func(_ context.Context, res *lint.Result) error {
			if cfgName != "" && !src.nothing {
				// The report says which config it was made under.
				res.Notifications = append([]lint.Notification{{Kind: lint.NoticeConfig, Level: lint.Note, Message: "config: " + cfgName}}, res.Notifications...)
			}
			return nil
		}},
		{Name: "relative-paths", Apply: func(_ context.Context, res *lint.Result) error {
			// Notices quote errors from go-git, the file system and the
			// config, which name files by absolute path: make them
			// relative.
			for i := range res.Notifications {
				n := &res.Notifications[i]
				n.Path = relativePaths(n.Path, src.root, wd)
				n.Message = relativePaths(n.Message, src.root, wd)
			}
			return nil
		}},
	}
	if !opts.NoBaseline {
		stages = append(stages, baselineStage(opts, src, wd))
	}
	if opts.NewFromRev != "" {
		stages = append(stages, lint.NewSinceStage(func(ctx context.Context) (*lint.Result, error) {
			return newFromRev(ctx, src, lopts, opts.NewFromRev)
		}))
	}
	stages = append(stages,
		lint.Stage{Name: "too-large", Apply: func(_ context.Context, res *lint.Result) error {
			if vcsHist != nil {
				res.Notifications = append(res.Notifications, tooLargeNotices(vcsHist)...)
			}
			return nil
		}},
		lint.Stage{Name: "submodules", Apply: func(_ context.Context, res *lint.Result) error {
			subs := src.submodules()
			if len(subs) == 0 {
				return nil
			}
			if src.rev != "" && res.Files == 0 {
				// Not a silent "0 cases": everything asked for is in submodules.
				return fmt.Errorf("--rev: no record linted: %s %s a git submodule, whose records are in its own repository, which --rev does not read: run caselint inside it (cd %s && caselint lint --rev REV, REV one of its commits)",
					strings.Join(subs, ", "), map[bool]string{true: "is", false: "are each"}[len(subs) == 1], subs[0])
			}
			res.Notifications = append(res.Notifications, src.submoduleNotices(subs)...)
			return nil
		}},
	)
	if opts.Redact {
		// Case folders and file names may name the child: replaced now
		// that --new-from-rev has matched findings by their paths.
		stages = append(stages, lint.RedactPathsStage())
	}
	stages = append(stages, opts.Stages...)
	return append(stages, lint.FailLevelStage(failLevel, failed))
}

func tooLargeNotices(h *vcs.History) []lint.Notification {
	var out []lint.Notification
	for _, t := range h.TooLarge() {
		out = append(out, lint.Notification{Kind: lint.NoticeTooLarge, Level: lint.Warning, Path: t.Path, Message: fmt.Sprintf(
			"an older version of this file (commit %s, %d bytes) is over the file size limit of %d bytes and was not read from the history: what changed to and from it was not checked (raise max_file_size in %s if it must be read)",
			t.Commit[:min(len(t.Commit), 12)], t.Size, h.MaxFileSize(), lint.ConfigFileName)})
	}
	return out
}
