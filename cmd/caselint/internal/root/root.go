// Package root is caselint's top-level command.
package root

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/corpuscmd"
	"github.com/caselint/caselint/cmd/caselint/internal/duecmd"
	"github.com/caselint/caselint/cmd/caselint/internal/exercisecmd"
	"github.com/caselint/caselint/cmd/caselint/internal/explaincmd"
	"github.com/caselint/caselint/cmd/caselint/internal/hookcmd"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/lintcmd"
	"github.com/caselint/caselint/cmd/caselint/internal/newcmd"
	"github.com/caselint/caselint/cmd/caselint/internal/rulescmd"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/spf13/cobra"
)

// Version is caselint's version.
const Version = "0.2.0"

// NewCmdRoot returns the caselint command with its subcommands.
func NewCmdRoot(ios *iostreams.IOStreams, rules []*lint.Rule) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "caselint <command>",
		Short: "Lint child protection case records against the procedures",
		Long: `caselint reads child protection case records (Markdown with TOML
frontmatter, one folder per case) and checks them against the local
safeguarding procedures: who sees the child and how often, when the core
group meets, what the plan must contain, and how it may end.`,
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	cmd.SetIn(ios.In)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &cmdutil.UsageError{Err: err} })
	cmd.AddCommand(
		lintcmd.NewCmdLint(ios, rules, Version, nil),
		duecmd.NewCmdDue(ios, rules, nil),
		rulescmd.NewCmdRules(ios, rules, nil),
		explaincmd.NewCmdExplain(ios, rules, nil),
		newcmd.NewCmdNew(ios, nil),
		hookcmd.NewCmdHook(ios, nil),
		exercisecmd.NewCmdExercise(ios, rules),
		corpuscmd.NewCmdCorpus(ios, nil),
	)
	return cmd
}

// Main runs caselint with args and returns its exit code.
func Main(args []string, ios *iostreams.IOStreams) cmdutil.ExitCode {
	cmd := NewCmdRoot(ios, checks.All())
	cmd.SetArgs(args)
	err := cmd.Execute()
	var usage *cmdutil.UsageError
	switch {
	case err == nil:
		return cmdutil.ExitOK
	case errors.Is(err, cmdutil.ErrFindings):
		return cmdutil.ExitFindings
	case errors.As(err, &usage):
		fmt.Fprintf(ios.ErrOut, "caselint: %s\nRun 'caselint --help' for usage.\n", printableLines(err.Error()))
		return cmdutil.ExitError
	default:
		fmt.Fprintf(ios.ErrOut, "caselint: %s\n", printableLines(err.Error()))
		return cmdutil.ExitError
	}
}

// printableLines is an error's text with each line made report.Printable:
// an error quoting a file name or a flag shows its escape sequences and
// bidirectional controls escaped, as lint's reports do; the line breaks
// caselint's own errors use are kept. Its absolute paths are made
// relative to the working folder or home, or withheld
// (report.RelativePaths): a CI log must not say whose machine it ran on.
func printableLines(s string) string {
	wd, _ := os.Getwd()
	home, _ := os.UserHomeDir()
	dirs := []string{wd}
	if r, err := filepath.EvalSymlinks(wd); err == nil {
		dirs = append(dirs, r)
	}
	s = report.RelativePaths(s, home, dirs...)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = report.Printable(l)
	}
	return strings.Join(lines, "\n")
}
