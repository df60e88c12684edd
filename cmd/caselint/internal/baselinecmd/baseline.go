// Package baselinecmd is `caselint baseline`: the baseline of a team that
// adopts caselint on records it already has.
package baselinecmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/lintcmd"
	"github.com/caselint/caselint/lint"
	"github.com/spf13/cobra"
)

// Options are the inputs of caselint baseline.
type Options struct {
	IO      *iostreams.IOStreams
	Rules   []*lint.Rule
	Version string

	Paths []string
	// Lint holds how the records are linted, as caselint lint's flags
	// say (lintcmd.AddRecordFlags): profile, as-of, config, no-cache.
	Lint lintcmd.Options
	// File is the baseline to write (--baseline), else
	// lint.BaselineFileName at the root.
	File string

	// Now and Getwd stand for the clock and the working directory.
	Now   func() time.Time
	Getwd func() (string, error)
}

// NewCmdBaseline returns the baseline command. runF, when not nil, runs
// instead of the real thing.
func NewCmdBaseline(ios *iostreams.IOStreams, rules []*lint.Rule, version string, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: ios, Rules: rules, Version: version, Now: time.Now, Getwd: os.Getwd}
	cmd := &cobra.Command{
		Use:   "baseline [PATH...]",
		Short: "Record the findings there are now, so that lint reports only new ones",
		Long: `Write the baseline: the findings caselint lint makes of the records under
each PATH (default: the current folder) now, one a line, each as its
fingerprint (its rule, its file and the text of its line, hashed), its rule
and its file, sorted, under a header saying what the file is. No message
and no name is written.

caselint lint then reports only the findings the baseline does not list,
and says how many it hid and which of its entries match no finding any
more (put right, or their line changed). Running caselint baseline again
drops those entries: review the change, and commit it. A baseline of some
paths replaces the entries of those paths and keeps the others'.

The baseline is .caselint-baseline at the root the report's paths are
relative to (the repository's work tree), which caselint lint reads from
the tree it lints (under --staged, the index: commit the baseline); or
--baseline FILE for both. It is written whole or not at all, never through
a symbolic link, never over a folder, a device or a Markdown file.

The records are linted as caselint lint lints the work tree, under the same
--profile, --as-of and config; findings a caselint:ignore covers are not
written (they are reviewed already), nor are findings about an obligation
still open on the day linted to (a child unseen now, a core group or review
conference overdue now): a baseline is for what is past, and lint reports
those until they are met; the command says how many it left out. See
docs/adopting.md.`,
		Example: `  caselint baseline
  caselint baseline cases/SOT-2026-0042
  caselint baseline --baseline ci/caselint-baseline cases`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if runF != nil {
				return runF(opts)
			}
			return Run(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	lintcmd.AddRecordFlags(f, &opts.Lint)
	f.StringVar(&opts.File, "baseline", "", "write the baseline to `FILE` (default: "+lint.BaselineFileName+" at the root)")
	return cmd
}

// Run lints the paths as caselint lint does, without a baseline, and
// writes the baseline of its findings, keeping the entries of the old
// baseline outside the paths.
func Run(ctx context.Context, opts *Options) error {
	var res *lint.Result
	collect := lint.Stage{Name: "collect", Apply: func(_ context.Context, r *lint.Result) error {
		res = r
		return nil
	}}
	// The lint command, its report thrown away: its notices (unreadable
	// files, history skipped) still go to stderr.
	lo := &lintcmd.Options{
		IO:      &iostreams.IOStreams{In: opts.IO.In, Out: io.Discard, ErrOut: opts.IO.ErrOut, Getenv: opts.IO.Getenv},
		Rules:   opts.Rules,
		Version: opts.Version,
		Paths:   opts.Paths, Profile: opts.Lint.Profile, AsOf: opts.Lint.AsOf, Config: opts.Lint.Config,
		Format: "json", FailLevel: "error", NoBaseline: true, NoCache: opts.Lint.NoCache,
		Stages: []lint.Stage{collect},
		Now:    opts.Now, Getwd: opts.Getwd,
	}
	if err := lintcmd.Run(ctx, lo); err != nil && !errors.Is(err, cmdutil.ErrFindings) {
		return err
	}
	if res == nil {
		return errors.New("nothing was linted") // not for the work tree
	}
	wd, err := opts.Getwd()
	if err != nil {
		return err
	}
	file, name := filepath.Join(res.Root, lint.BaselineFileName), lint.BaselineFileName
	if opts.File != "" {
		file, name = opts.File, opts.File
		if !filepath.IsAbs(file) {
			file = filepath.Join(wd, file)
		}
	}
	old, err := readOld(file, name)
	if err != nil {
		return err
	}
	paths, err := rootRelative(res.Root, wd, opts.Paths)
	if err != nil {
		return err
	}
	now := lint.NewBaseline(res.Findings)
	b := old.Merge(now, lint.LintedScope(os.DirFS(res.Root), paths, nil))
	if err := cmdutil.WriteReport("--baseline", file, b.Format()); err != nil {
		return err
	}
	added, dropped := diff(old, b)
	if _, err := fmt.Fprintf(opts.IO.Out, "caselint baseline: wrote %s: %d %s (%d added, %d dropped)\n",
		name, len(b.Entries), map[bool]string{true: "entry", false: "entries"}[len(b.Entries) == 1], added, dropped); err != nil {
		return err
	}
	// Findings about an obligation still open (a child unseen now) are
	// never baselined: lint reports them until they are met.
	open := 0
	for _, f := range res.Findings {
		if f.Suppression == nil && f.IsOpen() {
			open++
		}
	}
	if open > 0 {
		_, err = fmt.Fprintf(opts.IO.Out, "caselint baseline: %d open %s not baselined: %s still running (a child unseen, a meeting or conference overdue, on the day linted to), so caselint lint reports %s until %s met\n",
			open, map[bool]string{true: "finding", false: "findings"}[open == 1],
			map[bool]string{true: "it is", false: "they are"}[open == 1],
			map[bool]string{true: "it", false: "them"}[open == 1],
			map[bool]string{true: "it is", false: "they are"}[open == 1])
	}
	return err
}

// readOld reads the baseline there is, an empty one when there is none (or
// it is a device, such as /dev/stdout, which is written to but not read).
func readOld(file, name string) (*lint.Baseline, error) {
	data, err := lint.ReadRegular(file, 0)
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, lint.ErrNotRegular):
		return &lint.Baseline{Name: name}, nil
	case err != nil:
		return nil, fmt.Errorf("--baseline: %w", err)
	}
	return lint.ParseBaseline(name, data)
}

// rootRelative returns the paths, relative to wd, as slash paths relative
// to root, as the lint command resolved them.
func rootRelative(root, wd string, paths []string) ([]string, error) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	var out []string
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		if e, err := filepath.EvalSymlinks(p); err == nil {
			p = e
		}
		r, err := filepath.Rel(root, p)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s is outside %s", p, root)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out, nil
}

// diff counts the entries of b not in old, and of old not in b.
func diff(old, b *lint.Baseline) (added, dropped int) {
	n := map[string]int{}
	for _, e := range old.Entries {
		n[e.Fingerprint]++
	}
	for _, e := range b.Entries {
		n[e.Fingerprint]--
	}
	for _, c := range n {
		if c > 0 {
			dropped += c
		} else {
			added -= c
		}
	}
	return added, dropped
}
