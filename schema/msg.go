package schema

import "strings"

// Msg is a message that keeps apart caselint's own words (Format, a
// constant) and what it quotes (Args: keys, values, names, headings, file
// names, errors). A report that must hold nothing from a record
// (caselint lint --redact) keeps Format and redacts Args; a Msg among the
// Args is redacted the same way, part by part. String is the message as
// written.
type Msg struct {
	Format string
	Args   []any
}

// Msgf is the Msg of format and args, as fmt.Sprintf takes them.
func Msgf(format string, args ...any) Msg { return Msg{Format: format, Args: args} }

// Add appends format and args to m.
func (m Msg) Add(format string, args ...any) Msg {
	return Msg{Format: m.Format + format, Args: append(append([]any(nil), m.Args...), args...)}
}

// fixed is s, caselint's own text, as a format: its "%" escaped.
func fixed(s string) string { return strings.ReplaceAll(s, "%", "%%") }

func (m Msg) String() string { return sprintf(m.Format, m.Args...) }
