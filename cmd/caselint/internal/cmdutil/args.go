package cmdutil

import "github.com/spf13/cobra"

// The positional-argument rules the commands share. Each says usage, a
// usage error (exit 2), when the arguments break it; cobra's own
// validators would say cobra's words and exit 1.

// ExactlyOneArg accepts one argument.
func ExactlyOneArg(usage string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != 1 {
			return Usagef("%s", usage)
		}
		return nil
	}
}

// AtLeastOneArg accepts one argument or more.
func AtLeastOneArg(usage string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) == 0 {
			return Usagef("%s", usage)
		}
		return nil
	}
}
