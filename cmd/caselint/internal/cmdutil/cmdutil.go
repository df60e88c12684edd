// Package cmdutil holds what caselint's commands share: exit codes and the
// errors that choose them.
package cmdutil

import (
	"errors"
	"fmt"
)

// ExitCode is caselint's exit status.
type ExitCode int

// The exit codes.
const (
	ExitOK       ExitCode = 0 // clean: no finding at or above the failure level
	ExitFindings ExitCode = 1 // findings at or above the failure level
	ExitError    ExitCode = 2 // usage, configuration or I/O error
)

// ErrFindings is returned by a command that ran well and found problems at
// or above the failure level; it prints nothing more.
var ErrFindings = errors.New("findings at or above the failure level")

// UsageError is a mistake in how caselint was called.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}
