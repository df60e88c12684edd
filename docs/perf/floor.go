//go:build ignore

// The floor program: the libraries' floor (internal/libfloor) of a folder
// of records, as a program, to set beside the caselint binary on the same
// folder, in CPU time (user + system) as well as wall time:
//
//	go build -o /tmp/floor docs/perf/floor.go
//	/usr/bin/time -f '%U user %S sys %e wall %M KB' /tmp/floor DIR
//	/usr/bin/time -f '%U user %S sys %e wall %M KB' caselint lint --format json -o /dev/null DIR
//
// (GOMAXPROCS=1 for one core.) It walks DIR for Markdown files (hidden
// folders left out, as caselint leaves them), then reads, splits, decodes
// and parses each; nothing of caselint's own.
package main

import (
	"fmt"
	"os"

	"github.com/caselint/caselint/internal/libfloor"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor DIR")
		os.Exit(2)
	}
	files, size, err := libfloor.Files(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	read, err := libfloor.Read(files)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%d files, %d bytes (%d read)\n", len(files), size, read)
}
