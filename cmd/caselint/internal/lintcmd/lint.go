// Package lintcmd is `caselint lint`.
package lintcmd

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/lint/report"
	"github.com/caselint/caselint/lint/vcs"
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

Exit status: 0 clean, 1 findings at or above --fail-level, 2 usage,
configuration or I/O error.`,
		Example: `  caselint lint cases
  caselint lint --profile stoke-on-trent --as-of 2026-11-20 cases
  caselint lint --format sarif --output caselint.sarif cases`,
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
	f.StringVar(&opts.AsOf, "as-of", "", "evaluate overdue checks as of this date, YYYY-MM-DD (default today)")
	f.StringVar(&opts.Config, "config", "", "config file (default: the nearest .caselint.toml above the first path)")
	f.StringVar(&opts.Format, "format", "text", "output format: text, json, sarif, github")
	f.StringVarP(&opts.Output, "output", "o", "", "write the report to this file instead of standard output")
	f.StringVar(&opts.FailLevel, "fail-level", "warning", "exit 1 when a finding is at or above this severity: error, warning, note")
	f.BoolVar(&opts.NoColor, "no-color", false, "never colour the output (NO_COLOR in the environment does the same)")
	return cmd
}

// Run lints as opts say.
func Run(ctx context.Context, opts *Options) error {
	if ctx == nil {
		ctx = context.Background()
	}
	printer, err := report.ByName(opts.Format)
	if err != nil {
		return cmdutil.Usagef("--format: %v", err)
	}
	failLevel, err := lint.ParseSeverity(opts.FailLevel)
	if err != nil {
		return cmdutil.Usagef("--fail-level: %v", err)
	}
	asOf, err := asOfDate(opts)
	if err != nil {
		return err
	}
	wd, err := opts.Getwd()
	if err != nil {
		return err
	}
	root, rel, err := resolvePaths(wd, opts.Paths)
	if err != nil {
		return err
	}

	cfgPath := opts.Config
	if cfgPath == "" {
		first := filepath.Join(root, filepath.FromSlash(rel[0]))
		if st, err := os.Stat(first); err == nil && !st.IsDir() {
			first = filepath.Dir(first)
		}
		cfgPath = lint.FindConfig(first, "")
	}
	var cfg *lint.Config
	if cfgPath != "" {
		if cfg, err = lint.LoadConfig(cfgPath); err != nil {
			return err
		}
	}
	profile, err := cfg.ResolveProfile(opts.Profile)
	if err != nil {
		return err
	}
	cal := calendar.Default()
	if cfg != nil && len(cfg.Closures) > 0 {
		cal = cal.WithClosures(cfg.Closures, "local closure")
	}

	res, err := lint.Run(ctx, lint.Options{
		FS: os.DirFS(root), Paths: rel, Rules: opts.Rules, Profile: profile, AsOf: asOf, Calendar: cal,
	})
	if err != nil {
		return err
	}
	res.Root = root

	failed := false
	for _, f := range res.Findings {
		if f.Suppression == nil && f.Severity >= failLevel {
			failed = true
		}
	}
	exit := cmdutil.ExitOK
	if failed {
		exit = cmdutil.ExitFindings
	}
	toStdout := opts.Output == "" || opts.Output == "-"
	ropts := report.Options{
		Rules:       opts.Rules,
		Color:       toStdout && opts.Format == "text" && !opts.NoColor && opts.IO.ColorEnabled(),
		ToolVersion: opts.Version,
		Invocation:  report.Invocation{Arguments: opts.Args, ExitCode: int(exit), Successful: true},
	}
	var buf bytes.Buffer
	if err := printer(&buf, res, ropts); err != nil {
		return err
	}
	if toStdout {
		if _, err := io.Copy(opts.IO.Out, &buf); err != nil {
			return err
		}
	} else if err := writeFileAtomic(opts.Output, buf.Bytes()); err != nil {
		return err
	}
	if !(toStdout && opts.Format == "text") {
		for _, n := range res.Notifications {
			where := "caselint"
			if n.Path != "" {
				where = n.Path
			}
			fmt.Fprintf(opts.IO.ErrOut, "%s: notice: %s\n", where, n.Message)
		}
	}
	if failed {
		return cmdutil.ErrFindings
	}
	return nil
}

func asOfDate(opts *Options) (schema.Date, error) {
	if opts.AsOf == "" {
		return schema.DateOf(opts.Now()), nil
	}
	d, err := schema.ParseDate(opts.AsOf)
	if err != nil {
		return schema.Date{}, cmdutil.Usagef("--as-of: %v", err)
	}
	return d, nil
}

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

// writeFileAtomic writes data to a temporary file beside name and renames
// it into place, so a reader never sees half a report.
func writeFileAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, ".caselint-*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
