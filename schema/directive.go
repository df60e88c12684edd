package schema

// DirectiveKind says what a comment directive asks.
type DirectiveKind int

// The kinds of directive.
const (
	// Want marks a finding that a fixture or an exercise expects on this
	// line: <!-- want: rule-id --> or # want: rule-id.
	Want DirectiveKind = iota + 1
	// Ignore suppresses a reviewed finding:
	// <!-- caselint:ignore rule-id reason --> or # caselint:ignore rule-id reason.
	Ignore
)

// Directive is a want or caselint:ignore comment in a record.
type Directive struct {
	Kind   DirectiveKind
	Offset int // start of the comment ("<!--" or "#")
	End    int // end of the comment
	// Line is the 1-based line the comment stands on; Covers is the line it
	// applies to: the same line for a trailing comment, the next line for a
	// comment on a line of its own.
	Line, Covers int
	Rules        []string // rule ids named
	Reason       string   // Ignore: the reason text ("" when none was given)
}
