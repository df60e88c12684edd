// Package iostreams holds the streams a command reads and writes, and
// decides once whether output is coloured. Commands write only through an
// IOStreams, so tests give them buffers.
package iostreams

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// ColorMode is the global --color flag: whether output is coloured.
type ColorMode string

// The colour modes.
const (
	// ColorAuto colours output to a terminal, unless NO_COLOR is set to a
	// non-empty value (https://no-color.org) or TERM is dumb.
	ColorAuto ColorMode = "auto"
	// ColorAlways colours output whatever it goes to (a CI log), and
	// whatever NO_COLOR says: a flag given on the command line overrides
	// the environment, as no-color.org asks.
	ColorAlways ColorMode = "always"
	// ColorNever never colours output.
	ColorNever ColorMode = "never"
)

// ParseColorMode reads the value of --color.
func ParseColorMode(s string) (ColorMode, error) {
	switch m := ColorMode(s); m {
	case ColorAuto, ColorAlways, ColorNever:
		return m, nil
	}
	return "", fmt.Errorf("%q is not a colour mode: auto, always or never", s)
}

// IOStreams are a command's standard streams and what is known of them.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// OutIsTerminal is whether Out is a terminal.
	OutIsTerminal bool
	// NoColor is set by NO_COLOR in the environment, when it is not empty
	// (no-color.org), or TERM=dumb.
	NoColor bool
	// Color is --color; "" is ColorAuto.
	Color ColorMode
	// Getenv reads the environment (os.Getenv for the real thing).
	Getenv func(string) string
}

// System returns the process's own streams.
func System() *IOStreams {
	term := isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd())
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutIsTerminal: term,
		NoColor:       noColor(os.Getenv),
		Getenv:        os.Getenv,
	}
}

// noColor reports whether the environment turns colour off: NO_COLOR
// with a value (an empty NO_COLOR does not, per no-color.org), or a dumb
// terminal.
func noColor(getenv func(string) string) bool {
	return getenv("NO_COLOR") != "" || getenv("TERM") == "dumb"
}

// Test returns streams backed by buffers: in, out, errOut.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: func(string) string { return "" }}, in, out, errOut
}

// ColorEnabled reports whether output to Out may be coloured: as --color
// says, and under auto on a terminal when the environment does not turn
// colour off.
func (s *IOStreams) ColorEnabled() bool {
	switch s.Color {
	case ColorAlways:
		return true
	case ColorNever:
		return false
	}
	return s.OutIsTerminal && !s.NoColor
}
