// Command caselint lints child protection case records. See README.md.
package main

import (
	"os"

	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/root"
)

func main() { os.Exit(int(root.Main(os.Args[1:], iostreams.System()))) }
