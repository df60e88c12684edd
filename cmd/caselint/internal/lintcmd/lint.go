// Package lintcmd is `caselint lint`.
package lintcmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/internal/workspace"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/caselint/caselint/report/htmlreport"
	"github.com/caselint/caselint/schema"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Options are the inputs of caselint lint.
type Options struct {
	IO      *iostreams.IOStreams
	Rules   []*lint.Rule
	Version string
	Args    []string // the command line as cobra parsed it, for SARIF's invocation

	Paths     []string
	Profile   string
	AsOf      string
	Config    string
	Format    string
	Output    string
	FailLevel string
	NoColor   bool
	// Redact replaces the names of the child and the people around them
	// with their roles in every format, for reports that leave the team.
	Redact bool
	// Category is SARIF's automationDetails.id; IncludeSuppressed keeps
	// suppressed findings in SARIF (report.Options).
	Category          string
	IncludeSuppressed bool

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
	// Verbose says on stderr which config applied to which folder.
	Verbose bool
	// AllowEmpty accepts paths that hold no record: without it, exit 2.
	AllowEmpty bool
	// PathMode is what report paths are relative to: "root" (the
	// repository's work tree, the default) or "wd" (the working folder).
	PathMode string
	// StdinFilename, with the path "-", is the file standard input is
	// linted as, in its case (for editors): only its findings are reported.
	StdinFilename string
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

	// everyCase lints every case at both ends of --new-from-rev, not only
	// those the change touched: what the tests compare with
	// (export_test.go).
	everyCase bool
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
working folder outside a repository; --path-mode wd: to the working
folder). A path that holds no case record is an error (exit 2) unless
--allow-empty. An editor can send a record on standard input: the path -
with --stdin-filename PATH lints it as the record at PATH, in its case.

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
as-of date are left out. Under --staged they judge the staged records as
the commit being made, now, will make them (a visit staged before its
date, or late, a rewrite of old facts); the work tree's changes, not being
committed, are not judged. Each finding in SARIF carries the commit that
last changed its line.
What each commit changed is kept in the git folder (.git/caselint/history,
readable by you alone), so that a run reads only the commits made since
the last; --no-cache neither reads nor writes it.

Exit status: 0 clean, 1 findings at or above --fail-level, 2 usage,
configuration or I/O error (a --new-from-rev commit that is not in the
repository too: fetch more history; and a training exercise's folder, whose
findings are held back unless --trainer: use caselint exercise check). A
record or folder that could not be read, or a rule that could not check a
case, is exit 2 too, once the report of the rest is written: the result is
incomplete, never clean.

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
  caselint lint --no-baseline cases
  caselint lint --stdin-filename cases/T-1/plan.md - < plan.md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Args = commandLine(cmd, args)
			if runF != nil {
				return runF(opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	AddRecordFlags(f, opts)
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
	f.BoolVarP(&opts.Verbose, "verbose", "v", false, "say on stderr which config applied to which folder")
	f.StringVar(&opts.PathMode, "path-mode", "root", "report paths relative to the repository root (root) or to the working folder (wd, for tools run in a subfolder); SARIF's are always relative to the root (%SRCROOT%)")
	f.StringVar(&opts.StdinFilename, "stdin-filename", "", "with the path -, lint standard input as if it were the record at `PATH`, in its case, and report its findings only (for editors)")
	f.BoolVar(&opts.AllowEmpty, "allow-empty", false, "accept paths that hold no case record (exit 0), rather than exit 2")
	f.BoolVar(&opts.Trainer, "trainer", false, "lint a training exercise's folder anyway (caselint exercise start made it): its findings are the exercise's answers, held back from trainees")
	f.StringVar(&opts.Baseline, "baseline", "", "hide the findings the baseline `FILE` lists (default: "+lint.BaselineFileName+" at the root of the tree linted, if there is one; caselint baseline writes it)")
	f.BoolVar(&opts.NoBaseline, "no-baseline", false, "report every finding, the baseline's too")
	f.BoolVar(&opts.PreCommit, "pre-commit", false, "as the hook of the pre-commit framework: lint, as staged, the cases the staged change touches (deletions included) and the cases of the files given (the framework passes every file under pre-commit run --all-files)")
	cmd.MarkFlagsMutuallyExclusive("staged", "rev")
	cmd.MarkFlagsMutuallyExclusive("pre-commit", "rev")
	cmd.MarkFlagsMutuallyExclusive("baseline", "no-baseline")
	return cmd
}

// AddRecordFlags registers on f, into opts, the flags that say how the
// records are linted: --profile, --as-of, --config and --no-cache. caselint
// lint has them, and so does each command that lints as it does (caselint
// baseline), with the same names, defaults and meaning.
func AddRecordFlags(f *pflag.FlagSet, opts *Options) {
	f.StringVar(&opts.Profile, "profile", "", "procedure profile: stoke-on-trent, oxfordshire, combined, or one the config defines (default from config, else combined)")
	f.StringVar(&opts.AsOf, "as-of", "", "evaluate overdue checks as of this date, YYYY-MM-DD (default the config's as_of, else today)")
	f.StringVar(&opts.Config, "config", "", "config file for every folder (default: for each case, the nearest .caselint.toml at or above its folder, inside the repository)")
	f.BoolVar(&opts.NoCache, "no-cache", false, "build the history from every commit, neither reading nor writing the history cache in the git folder (.git/caselint/history)")
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

// commandLine is the command line as cobra parsed it: the command, the
// flags set (each --name=value, by name) and the paths.
func commandLine(cmd *cobra.Command, args []string) []string {
	out := strings.Fields(cmd.CommandPath())
	cmd.Flags().Visit(func(f *pflag.Flag) {
		out = append(out, "--"+f.Name+"="+f.Value.String())
	})
	return append(out, args...)
}

// run lints as opts say: the workspace to read (workspace.go), the engine
// over it, the results pipeline, then the report.
func run(ctx context.Context, opts *Options, rootOut *string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	var printer report.NewPrinter
	if opts.Format != htmlreport.Format { // html: htmlPrinter, below
		var err error
		if printer, err = report.ByName(opts.Format); err != nil {
			// The report package's formats, and this command's own html.
			return cmdutil.Usagef("--format: unknown output format %q: use %s or %s", opts.Format, strings.Join(report.Formats, ", "), htmlreport.Format)
		}
	}
	failLevel, err := lint.ParseSeverity(opts.FailLevel)
	if err != nil {
		return cmdutil.Usagef("--fail-level: %v", err)
	}
	if opts.PathMode != "" && opts.PathMode != pathModeRoot && opts.PathMode != pathModeWD {
		return cmdutil.Usagef("--path-mode: %q: use root (paths relative to the repository root) or wd (to the working folder)", opts.PathMode)
	}
	wd, err := opts.Getwd()
	if err != nil {
		return err
	}
	ws, err := openWorkspace(wd, opts)
	if err != nil {
		return err
	}
	*rootOut = ws.Root
	if !opts.Trainer {
		if err := cmdutil.ExerciseBefore("lint", ws, wd); err != nil {
			return err // an exercise's answers are held back
		}
	}
	lopts, cfgs, err := engineOptions(opts, ws)
	if err != nil {
		return err
	}
	var res *lint.Result // the run's, once it is over (the HTML page reads it)
	if opts.Format == htmlreport.Format {
		lopts.Chronologies, lopts.Obligations = true, true
		printer = htmlPrinter(opts, lopts.AsOf, lopts.Profile, &res)
	}
	var base *workspace.Base
	if opts.NewFromRev != "" && !ws.Nothing {
		// Only the cases the change touched can have new findings: lint
		// those alone, now and at the base.
		if base, err = ws.Base(opts.NewFromRev); err != nil {
			return usage(err)
		}
		if base != nil {
			// A case id the change gave a second case is that case's
			// finding, at both ends, however many cases are linted.
			lopts.Changed = base.Touched
		}
		if base != nil && opts.everyCase {
			base.Touched = nil
		}
		if base != nil {
			lopts.Touched = base.Touched
			if base.Touched != nil {
				// The cases the change did not touch are the same at
				// both ends: the base takes them from now's run.
				lopts.Untouched = &lint.UntouchedCases{}
			}
			if base.Now != nil {
				// Now's records as the comparison read them: the work
				// tree's folders it scanned are not listed again, nor
				// looked in for a config they do not hold.
				lopts.FS = base.Now
				cfgs.ReadFrom(base.Now)
			}
		}
	}
	var failed bool
	stages := resultStages(opts, ws, lopts, base, cfgs, wd, failLevel, &failed)
	// The run, handing the findings to the report as they are final: as
	// each case is done when the stages allow it (lint.Streams), else all
	// at once at the end.
	// done is what the command says once the run is over: the configs
	// used (--verbose), and an error when the paths held no record.
	done := func(res *lint.Result) error {
		if opts.Verbose {
			sayConfigs(opts.IO.ErrOut, cfgs)
		}
		if opts.StdinFilename != "" && res.Files == 0 && res.Cases == 0 {
			// The buffer is no record and is in no case: nothing was
			// linted, which must not pass as "no problems".
			return cmdutil.Usagef("--stdin-filename %s: no case record: standard input is not a record (no +++ frontmatter) and the path is in no case folder (none above it holds a case.md)", opts.StdinFilename)
		}
		// Under --staged and --pre-commit the paths linted are the staged
		// change's, not typed: a change to a README or a guide in no case
		// holds no record, and is nothing to lint, as a change to a .txt
		// file is (docs/pre-commit.md: a Markdown file in no case is
		// passed over), not a path mistyped. A record in no case is still
		// read, and reported.
		staged := opts.Staged || opts.PreCommit
		if res.Files == 0 && res.Cases == 0 && res.Untouched == 0 && !ws.Nothing && !staged && !opts.AllowEmpty && opts.StdinFilename == "" {
			return noRecords(opts.Paths)
		}
		return nil
	}
	lintRun := func(sink func([]lint.Finding) error) (*lint.Result, error) {
		var err error
		switch {
		case ws.Nothing: // nothing staged: nothing to say
			res = &lint.Result{}
		case lint.Streams(stages):
			res, err = lint.Stream(ctx, lopts, func(batch []lint.Finding) error {
				batch, err := lint.PipeBatch(batch, stages...)
				if err != nil {
					return err
				}
				return sink(batch)
			})
			if err != nil {
				return nil, err
			}
			res.Root = ws.Root
			if err := lint.PipeEnd(ctx, res, stages...); err != nil {
				return nil, err
			}
			return res, done(res)
		default:
			if res, err = lint.Run(ctx, lopts); err != nil {
				return nil, err
			}
		}
		// Held whole: the stages run on the whole result, and nothing is
		// printed unless the run is one to report.
		res.Root = ws.Root
		if err := lint.Pipeline(ctx, res, stages...); err != nil {
			return nil, err
		}
		if err := done(res); err != nil {
			return nil, err
		}
		return res, sink(res.Findings)
	}
	return writeReport(opts, ws, printer, lopts.Profile, wd, &failed, lintRun)
}

// noRecords is the error for paths that hold no record: a typo in CI
// must not pass as "no problems".
func noRecords(paths []string) error {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	return fmt.Errorf("%s: no case records here (no folder holding a case.md, no record): check the path, or pass --allow-empty to accept it", strings.Join(paths, ", "))
}

// engineOptions are the engine's options for the workspace: the configs
// of its folders, the settings of the first path's (for what is not
// linted case by case: the size of the blobs read from git), and the
// history.
func engineOptions(opts *Options, ws *workspace.Workspace) (lint.Options, *workspace.Configs, error) {
	cfgs, err := ws.Configs(opts.Config, func(cfg *lint.Config) (*lint.Settings, error) { return settings(opts, ws, cfg) })
	if err != nil {
		return lint.Options{}, nil, err
	}
	first := "."
	if len(ws.Scope) > 0 {
		first = ws.Scope[0]
	}
	cfg, set, err := cfgs.For(first)
	if err != nil {
		return lint.Options{}, nil, err
	}
	if ws.Repo() != nil && cfg != nil {
		// The size limit holds for every blob read from git too: records
		// under --rev and --staged, and older versions from the history.
		ws.Repo().SetMaxFileSize(cfg.MaxFileBytes)
	}
	lopts := lint.Options{
		FS: ws.FS, Paths: ws.Paths, Rules: opts.Rules, Redact: opts.Redact,
		Profile: set.Profile, AsOf: set.AsOf, Calendar: set.Calendar, MaxFileSize: set.MaxFileSize,
		SettingsFor: cfgs.SettingsFor,
	}
	if !ws.Nothing {
		var also []string
		if opts.NewFromRev != "" {
			also = append(also, opts.NewFromRev)
		}
		lopts.History, lopts.HistoryNote = ws.History(!opts.NoCache, also...)
		lopts.HistoryUnread = ws.HistoryUnread()
		// The commit being made, now, under --staged (the clock is read
		// only then).
		if ws.Staged() {
			if lopts.History, err = ws.WithPending(lopts.History, opts.Now()); err != nil {
				return lint.Options{}, nil, err
			}
		}
	}
	return lopts, cfgs, nil
}

// settings are how the cases under cfg (nil: none) are linted
// (workspace.Settings), with the command line's overrides.
func settings(opts *Options, ws *workspace.Workspace, cfg *lint.Config) (*lint.Settings, error) {
	o := workspace.Overrides{Rules: opts.Rules, Profile: opts.Profile, Today: func() schema.Date { return ws.Today(opts.Now()) }}
	if opts.AsOf != "" {
		d, err := schema.ParseDate(opts.AsOf)
		if err != nil {
			return nil, cmdutil.Usagef("--as-of: %v", err)
		}
		o.AsOf = d
	}
	return workspace.Settings(cfg, o)
}

// sayConfigs says which config applied to which folder (-v).
func sayConfigs(w io.Writer, cfgs *workspace.Configs) {
	for _, u := range cfgs.Used() {
		name := "no config"
		if u.Name != "" {
			name = "config " + report.Printable(u.Name)
		}
		for _, f := range u.Folders {
			fmt.Fprintf(w, "caselint: %s: %s\n", report.Printable(f), name)
		}
	}
}

// writeReport prints the report of res, and its notices to stderr.
// writeReport runs the lint (lintRun, which hands each batch of findings
// to its sink as it is final) and writes its report as the findings
// arrive: to standard output, or into the --output file, which takes the
// report's name only once it is whole. The exit status, in the report's
// tail, is known once the run is over (*failed).
func writeReport(opts *Options, ws *workspace.Workspace, printer report.NewPrinter, profile *lint.Profile, wd string, failed *bool,
	lintRun func(sink func([]lint.Finding) error) (*lint.Result, error)) error {
	toStdout := opts.Output == "" || opts.Output == "-"
	textOut := toStdout && opts.Format == "text"
	ropts := report.Options{
		Rules:       opts.Rules,
		Color:       textOut && !opts.NoColor && opts.IO.ColorEnabled(),
		ToolVersion: opts.Version,
		Invocation:  report.Invocation{Arguments: report.InvocationArguments(opts.Args, wd), Successful: true},
		Provenance:  provenance(ws),
		Redact:      opts.Redact,
		Profile:     profile,

		Category:          opts.Category,
		IncludeSuppressed: opts.IncludeSuppressed,
	}
	var (
		notices []lint.Notification // for stderr
		runErr  error               // the run's own, not the report's writing
		// incomplete says why the run is incomplete (lint.Incompleteness).
		incomplete string
	)
	write := func(w io.Writer) error {
		p := printer(w, ropts)
		begun := false
		begin := func() error { // once there is something to say
			if begun {
				return nil
			}
			begun = true
			return p.Begin()
		}
		res, err := lintRun(func(batch []lint.Finding) error {
			if len(batch) == 0 {
				return nil
			}
			if err := begin(); err != nil {
				return &printError{err}
			}
			for i := range batch {
				if err := p.Finding(&batch[i]); err != nil {
					return &printError{err}
				}
			}
			return nil
		})
		if pe := (*printError)(nil); errors.As(err, &pe) {
			return pe.err
		}
		if err != nil {
			runErr = err
			return err
		}
		if err := begin(); err != nil {
			return err
		}
		exit := cmdutil.ExitOK
		if *failed {
			exit = cmdutil.ExitFindings
		}
		// A record not read or a rule that failed: the report says what
		// was found in the rest, and the run is exit 2, never clean.
		incomplete = lint.Incompleteness(res.Notifications)
		if incomplete != "" {
			exit = cmdutil.ExitError
		}
		tail := &report.Tail{Files: res.Files, Cases: res.Cases, Baselined: res.Baselined, ExitCode: int(exit), Incomplete: incomplete}
		// The notices go to stderr. A text report on stdout carries them
		// itself, except the one saying the history rules were skipped,
		// which goes to stderr alone: a hook or a CI log shows stderr even
		// when stdout is a report nobody reads.
		if !textOut {
			tail.Notifications, notices = res.Notifications, res.Notifications
		} else {
			for _, n := range res.Notifications {
				if n.Kind == lint.NoticeHistorySkipped || n.Kind == lint.NoticeHistoryUnread {
					notices = append(notices, n)
				} else {
					tail.Notifications = append(tail.Notifications, n)
				}
			}
		}
		return p.End(tail)
	}
	if toStdout {
		// Streamed: the printers write each finding as it comes.
		out := bufio.NewWriterSize(opts.IO.Out, 64<<10)
		if err := write(out); err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
	} else {
		// Streamed into a temporary file that takes the report's name
		// only when it is whole (atomicfile): no reader sees half a
		// report, and none is held whole in memory.
		if err := cmdutil.WriteReportFrom("--output", opts.Output, write); err != nil {
			if runErr != nil {
				return runErr // caselint's error, not the file's
			}
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
	if incomplete != "" {
		return &IncompleteError{Why: incomplete}
	}
	if *failed {
		return cmdutil.ErrFindings
	}
	return nil
}

// IncompleteError is the error of a run that could not read every record
// or run every rule (lint.Incompleteness): exit 2, once the report of the
// rest is written.
type IncompleteError struct{ Why string }

func (e *IncompleteError) Error() string { return e.Why }

// printError is an error of the report's printer, apart from the run's.
type printError struct{ err error }

func (e *printError) Error() string { return e.err.Error() }
func (e *printError) Unwrap() error { return e.err }

// newFromRev lints base, the records at rev, with the options of the run
// (its paths as far as they exist at rev, the configs of now, the history
// as it stood at rev's commit, the cases the change touched): the base the
// findings of now are compared with.
func newFromRev(ctx context.Context, lopts lint.Options, base *workspace.Base, rev string) (*lint.Result, error) {
	if base == nil {
		return nil, nil // none of it was there, or nothing is to be linted
	}
	lopts.FS, lopts.Paths, lopts.History, lopts.HistoryNote, lopts.FingerprintPath, lopts.Touched = base.FS, base.Paths, base.History, "", base.FingerprintPath, base.Touched
	before, err := lint.Run(ctx, lopts)
	if err != nil {
		return nil, fmt.Errorf("--new-from-rev %s: %w", rev, err)
	}
	return before, nil
}

// resultStages is the lint command's part of the results pipeline, run
// after lint.Run in this order: the config notice, notices' paths made
// relative, the baseline of --new-from-rev, the notices of versions over
// the size limit and of submodules, path redaction under --redact, and the
// fail level, which sets *failed.
func resultStages(opts *Options, ws *workspace.Workspace, lopts lint.Options, base *workspace.Base, cfgs *workspace.Configs, wd string, failLevel lint.Severity, failed *bool) []lint.Stage {
	var stages []lint.Stage
	if !opts.Trainer && !ws.Nothing {
		check := cmdutil.ExerciseCheck("lint", ws, wd)
		stages = append(stages, lint.Stage{Name: "exercise", Findings: func(batch []lint.Finding) ([]lint.Finding, error) {
			// An exercise below the paths: its findings are its answers.
			paths := make([]string, len(batch))
			for i, f := range batch {
				paths[i] = f.Path
			}
			return batch, check(paths)
		}})
	}
	stages = append(stages, []lint.Stage{
		{Name: "config-notice", Apply: func(_ context.Context, res *lint.Result) error {
			// The report says which configs it was made under.
			if n, ok := cmdutil.ConfigNotice(cfgs, opts.AsOf != "", opts.Rules); ok && !ws.Nothing {
				res.Notifications = append([]lint.Notification{n}, res.Notifications...)
			}
			// And a history cache it did not use because of a link
			// (before relative-paths: the notice names the git folder).
			res.Notifications = append(res.Notifications, ws.CacheNotices()...)
			return nil
		}},
		{Name: "relative-paths", Apply: func(_ context.Context, res *lint.Result) error {
			// Notices quote errors from go-git, the file system and the
			// config, which name files by absolute path: make them
			// relative.
			for i := range res.Notifications {
				n := &res.Notifications[i]
				n.Path = relativePaths(n.Path, ws.Root, wd)
				n.Message = relativePaths(n.Message, ws.Root, wd)
			}
			return nil
		}},
	}...)
	if opts.StdinFilename != "" {
		stages = append(stages, lint.Stage{Name: "stdin-file", Findings: func(batch []lint.Finding) ([]lint.Finding, error) {
			// An editor shows the findings of the buffer it sent.
			kept := batch[:0]
			for _, f := range batch {
				if len(ws.Paths) == 1 && f.Path == ws.Paths[0] {
					kept = append(kept, f)
				}
			}
			return kept, nil
		}})
	}
	if !opts.NoBaseline {
		stages = append(stages, baselineStage(opts, ws, wd, lopts.Touched))
	}
	if opts.NewFromRev != "" {
		stages = append(stages, lint.NewSinceStage(func(ctx context.Context) (*lint.Result, error) {
			return newFromRev(ctx, lopts, base, opts.NewFromRev)
		}))
	}
	stages = append(stages,
		lint.Stage{Name: "too-large", Apply: func(_ context.Context, res *lint.Result) error {
			res.Notifications = append(res.Notifications, ws.TooLargeNotices()...)
			return nil
		}},
		lint.Stage{Name: "submodules", Apply: func(_ context.Context, res *lint.Result) error {
			subs := ws.Submodules()
			if len(subs) == 0 {
				return nil
			}
			if rev, _, _ := ws.Rev(); rev != "" && res.Files == 0 {
				// Not a silent "0 cases": everything asked for is in submodules.
				return fmt.Errorf("--rev: no record linted: %s %s a git submodule, whose records are in its own repository, which --rev does not read: run caselint inside it (cd %s && caselint lint --rev REV, REV one of its commits)",
					strings.Join(subs, ", "), map[bool]string{true: "is", false: "are each"}[len(subs) == 1], subs[0])
			}
			res.Notifications = append(res.Notifications, ws.SubmoduleNotices(subs)...)
			return nil
		}},
	)
	if opts.Redact {
		// Case folders and file names may name the child: replaced now
		// that --new-from-rev has matched findings by their paths.
		stages = append(stages, lint.RedactPathsStage())
	}
	if opts.PathMode == pathModeWD && opts.Format != "sarif" {
		// After new-since and redaction, which read the paths from the
		// root. Not in SARIF: its URIs are relative to %SRCROOT%, the
		// repository's root, where code scanning places them; one
		// relative to a subfolder (../cases/T-1/plan.md) it cannot place.
		rel, wdRoot := toWD(ws.Root, wd)
		stages = append(stages, lint.Stage{Name: "path-mode",
			Findings: func(batch []lint.Finding) ([]lint.Finding, error) {
				for i := range batch {
					batch[i].Path = rel(batch[i].Path)
				}
				return batch, nil
			},
			Apply: func(_ context.Context, res *lint.Result) error {
				for i := range res.Notifications {
					res.Notifications[i].Path = rel(res.Notifications[i].Path)
				}
				res.Root = wdRoot
				return nil
			}})
	}
	for _, s := range opts.Stages {
		s.Whole = true // a caller's stage may read every finding
		stages = append(stages, s)
	}
	return append(stages, lint.FailLevelStage(failLevel, failed))
}

// The --path-mode values.
const (
	pathModeRoot = "root"
	pathModeWD   = "wd"
)

// toWD returns the function that makes a slash path relative to root
// relative to the working folder wd instead (../ where it is outside it),
// and the folder it makes them relative to: wd, links resolved.
func toWD(root, wd string) (rel func(string) string, to string) {
	if r, err := filepath.EvalSymlinks(wd); err == nil {
		wd = r
	}
	return func(p string) string {
		if p == "" {
			return p
		}
		r, err := filepath.Rel(wd, filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}, wd
}
