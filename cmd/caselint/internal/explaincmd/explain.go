// Package explaincmd is `caselint explain`.
package explaincmd

import (
	"io"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/ruledoc"
	"github.com/caselint/caselint/schema"
	"github.com/spf13/cobra"
)

// Options are the inputs of caselint explain.
type Options struct {
	IO     *iostreams.IOStreams
	Rules  []*lint.Rule
	RuleID string
}

// NewCmdExplain returns the explain command; runF, when not nil, runs instead.
func NewCmdExplain(ios *iostreams.IOStreams, rules []*lint.Rule, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: ios, Rules: rules}
	return &cobra.Command{
		Use:     "explain RULE",
		Short:   "Explain a rule: what it checks, why, and the paragraphs it enforces",
		Example: "  caselint explain unseen-child",
		Args:    cmdutil.ExactlyOneArg("explain takes one rule id; caselint rules lists them"),
		RunE: func(_ *cobra.Command, args []string) error {
			opts.RuleID = args[0]
			if runF != nil {
				return runF(opts)
			}
			return Run(opts)
		},
	}
}

// Run prints the rule's help.
func Run(opts *Options) error {
	for _, r := range opts.Rules {
		if r.ID == opts.RuleID {
			_, err := io.WriteString(opts.IO.Out, ruledoc.Text(r))
			return err
		}
	}
	ids := make([]string, len(opts.Rules))
	for i, r := range opts.Rules {
		ids[i] = r.ID
	}
	if best := schema.Suggest(opts.RuleID, ids); best != "" {
		return cmdutil.Usagef("there is no rule %q; did you mean %s?", opts.RuleID, best)
	}
	return cmdutil.Usagef("there is no rule %q; caselint rules lists them", opts.RuleID)
}
