// Package root is caselint's top-level command.
package root

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/baselinecmd"
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
	"github.com/caselint/caselint/cmd/caselint/internal/versioncmd"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
	"github.com/spf13/cobra"
)

// Version is caselint's version as the source states it; a build from a
// release says its own (versioncmd.Read).
const Version = "0.1.0"

// NewCmdRoot returns the caselint command with its subcommands.
func NewCmdRoot(ios *iostreams.IOStreams, rules []*lint.Rule) *cobra.Command {
	build := versioncmd.Read(Version)
	var color string
	cmd := &cobra.Command{
		Use:   "caselint <command>",
		Short: "Lint child protection case records against the procedures",
		Long: `caselint reads child protection case records (Markdown with TOML
frontmatter, one folder per case) and checks them against the local
safeguarding procedures: who sees the child and how often, when the core
group meets, what the plan must contain, and how it may end.`,
		Version:       build.Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(*cobra.Command, []string) error {
			mode, err := iostreams.ParseColorMode(color)
			if err != nil {
				return cmdutil.Usagef("--color: %v", err)
			}
			ios.Color = mode
			return nil
		},
	}
	cmd.PersistentFlags().StringVar(&color, "color", string(iostreams.ColorAuto), "colour the output: auto (on a terminal, unless NO_COLOR is set to a value), always (a CI log), never")
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	cmd.SetIn(ios.In)
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &cmdutil.UsageError{Err: err} })
	cmd.AddCommand(
		lintcmd.NewCmdLint(ios, rules, build.Version, nil),
		baselinecmd.NewCmdBaseline(ios, rules, build.Version, nil),
		duecmd.NewCmdDue(ios, rules, nil),
		rulescmd.NewCmdRules(ios, rules, nil),
		explaincmd.NewCmdExplain(ios, rules, nil),
		newcmd.NewCmdNew(ios, nil),
		hookcmd.NewCmdHook(ios, nil),
		exercisecmd.NewCmdExercise(ios, rules),
		corpuscmd.NewCmdCorpus(ios, nil),
		versioncmd.NewCmdVersion(ios, build),
	)
	cmd.InitDefaultCompletionCmd()
	rejectUnknownCommands(cmd)
	return cmd
}

// rejectUnknownCommands makes each command that only groups others
// (hook, exercise) refuse an argument that names none of them, as a usage
// error: cobra would print the group's help and exit 0, so that a
// mistyped command (caselint hook uninstal) passed in a script or CI.
// Given no argument, a group prints its help.
func rejectUnknownCommands(cmd *cobra.Command) {
	for _, c := range cmd.Commands() {
		rejectUnknownCommands(c)
	}
	if !cmd.HasParent() || !cmd.HasSubCommands() || cmd.Runnable() {
		return // the root says so itself; a command that runs checks its own arguments
	}
	cmd.Args = cobra.ArbitraryArgs
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return c.Help()
		}
		msg := fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath())
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, " or ") + "?"
		}
		var names []string
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				names = append(names, sub.Name())
			}
		}
		return cmdutil.Usagef("%s (its commands: %s)", msg, strings.Join(names, ", "))
	}
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
