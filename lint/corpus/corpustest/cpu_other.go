//go:build !unix

package corpustest

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
