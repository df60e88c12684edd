//go:build !unix

package synthtest

import "time"

func cpuTime() (time.Duration, bool) { return 0, false }
