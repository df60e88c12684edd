package schema

// Body is the Markdown body of a record, parsed once with goldmark (GFM
// tables on). Every offset is a byte offset into the Source.
type Body struct {
	Sections []*Section // every level-2 heading, in order
	Outcomes []Outcome  // plan only: the items of the Outcomes list
	Actions  *ActionTable
	Text     []TextRun // the body's prose, in order, for checks that read words
}

// Section is the text under one "## Heading", up to the next level-2 (or
// higher) heading.
type Section struct {
	Name          string // canonical name ("contingency"), "" when the heading is not one the kind defines
	Heading       string // the heading's text as written
	HeadingOffset int    // where the heading line starts (the "##")
	Start, End    int    // the section's content, after the heading line
	// Placeholder is set when the content is empty or only a placeholder
	// (TBC, TBA, N/A, none, -, to follow); comments do not count as content.
	Placeholder bool
	Content     string // the content as plain text, comments dropped, spaces collapsed
}

// Outcome is one item of the plan's Outcomes list: "O1: Jamie attends
// school every day" or "**O1** ...".
type Outcome struct {
	ID     string // "O1"; "" when the item does not open with an id
	Text   string
	Offset int // start of the list item's line
}

// ActionTable is the plan's table of actions, read by column name.
type ActionTable struct {
	Offset  int      // start of the header row
	Columns []string // canonical names of the header cells, in order ("id", "action", "owner", "due", "outcome"; "" for others)
	Rows    []Action
}

// HasColumn reports whether the table has the column of canonical name c.
func (t *ActionTable) HasColumn(c string) bool {
	for _, x := range t.Columns {
		if x == c {
			return true
		}
	}
	return false
}

// Action is one row of the action table.
type Action struct {
	Offset  int // start of the row's line
	ID      string
	Action  Cell
	Owner   Cell
	Due     Cell
	Outcome Cell
}

// Cell is one table cell: its plain text and where that text starts.
type Cell struct {
	Text   string
	Offset int
}

// TextRun is a run of prose from the body and where it starts, so that a
// check can report the line and column of the words it reads.
type TextRun struct {
	Section string // canonical name of the enclosing section, "" if none
	Text    string
	Offset  int
}

// Section returns the first section of canonical name name, or nil.
func (b *Body) Section(name string) *Section {
	if b == nil {
		return nil
	}
	for _, s := range b.Sections {
		if s.Name == name {
			return s
		}
	}
	return nil
}
