// Package iostreams holds the streams a command reads and writes, and
// decides once whether output is coloured. Commands write only through an
// IOStreams, so tests give them buffers.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// IOStreams are a command's standard streams and what is known of them.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// OutIsTerminal is whether Out is a terminal.
	OutIsTerminal bool
	// NoColor is set by NO_COLOR in the environment or TERM=dumb.
	NoColor bool
	// Getenv reads the environment (os.Getenv for the real thing).
	Getenv func(string) string
}

// System returns the process's own streams.
func System() *IOStreams {
	term := isatty.IsTerminal(os.Stdout.Fd()) || isatty.IsCygwinTerminal(os.Stdout.Fd())
	_, noColor := os.LookupEnv("NO_COLOR")
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutIsTerminal: term,
		NoColor:       noColor || os.Getenv("TERM") == "dumb",
		Getenv:        os.Getenv,
	}
}

// Test returns streams backed by buffers: in, out, errOut.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: func(string) string { return "" }}, in, out, errOut
}

// ColorEnabled reports whether output to Out may be coloured.
func (s *IOStreams) ColorEnabled() bool { return s.OutIsTerminal && !s.NoColor }
