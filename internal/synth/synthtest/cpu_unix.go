//go:build unix

package synthtest

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used: in user mode, and in
// the kernel on its behalf (system calls, page faults).
func cpuTime() (user, sys time.Duration, ok bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0, false
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano()), true
}
