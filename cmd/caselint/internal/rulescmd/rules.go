// Package rulescmd is `caselint rules`.
package rulescmd

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/ruledoc"
	"github.com/spf13/cobra"
)

// Options are the inputs of caselint rules.
type Options struct {
	IO    *iostreams.IOStreams
	Rules []*lint.Rule
}

// NewCmdRules returns the rules command; runF, when not nil, runs instead.
func NewCmdRules(ios *iostreams.IOStreams, rules []*lint.Rule, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: ios, Rules: rules}
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its severity, profiles and citations",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
}

// Run prints the table of rules.
func Run(opts *Options) error {
	w := tabwriter.NewWriter(opts.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "RULE\tSEVERITY\tPROFILES\tENFORCES")
	for _, r := range opts.Rules {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, strings.Join(ruledoc.Profiles(r), ","), lint.JoinCitations(r.Cites))
	}
	return w.Flush()
}
