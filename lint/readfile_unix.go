//go:build unix

package lint

import "syscall"

// openNoFollow: opening a path never follows a link at its end, nor waits
// for a FIFO's writer.
const openNoFollow = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
