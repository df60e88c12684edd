//go:build ignore

// Pagefault prints what a first touch of fresh memory costs on this
// machine: it maps 64 MiB and writes one byte in each page. On ordinary
// hardware a page costs a fraction of a microsecond; on some virtual
// machines, far more, and then a short run (a pre-commit hook's) spends
// much of its time there. run.sh records it beside the timings.
//
//	go run docs/perf/pagefault.go
package main

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func main() {
	const size = 64 << 20
	page := os.Getpagesize()
	best := time.Duration(0)
	for range 3 {
		b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		start := time.Now()
		for i := 0; i < size; i += page {
			b[i] = 1
		}
		if d := time.Since(start); best == 0 || d < best {
			best = d
		}
		_ = syscall.Munmap(b)
	}
	fmt.Printf("%.2f\n", float64(best.Nanoseconds())/1e3/float64(size/page))
}
