// Command caselint lints child protection case records. See README.md.
package main

import (
	"os"

	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/root"
	"github.com/caselint/caselint/internal/gcbudget"
)

func main() {
	// A run is short and allocates far more than it keeps: see internal/gcbudget.
	gcbudget.Budget(gcbudget.Default)
	os.Exit(int(root.Main(os.Args[1:], iostreams.System())))
}
