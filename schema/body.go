package schema

// Body is the Markdown body of a record, parsed once with goldmark (GFM
// tables on). Every offset is a byte offset into the Source.
type Body struct {
	Sections []*Section // every level-2 heading, in order
	Outcomes []Outcome  // plan only: the items of the Outcomes list
	Actions  *ActionTable

	text bodyText // the prose, read when first asked for (Text)
}

// Text returns the body's prose, in order, for checks that read words
// (ParseBody says how it is cut into runs). It is read from the parsed
// body the first time it is asked for (rules ask for visits' only), then
// kept; it is safe to call from several goroutines.
func (b *Body) Text() []TextRun {
	if b == nil {
		return nil
	}
	b.text.once.Do(func() {
		if p := b.text.parser; p != nil {
			p.readText()
			b.text.parser = nil
		}
	})
	return b.text.runs
}

// Section is the text under one "## Heading", up to the next level-2 (or
// higher) heading.
type Section struct {
	Name          string // canonical name ("contingency"), "" when the heading is not one the kind defines
	Heading       string // the heading's text as written
	HeadingOffset int    // where the heading line starts (the "##")
	Start, End    int    // the section's content, after the heading line
	// Suggest is set when the heading is not one of the accepted headings
	// but close to one ("1. Concerns", "Contingency Plans", "Risk"): the
	// section is read as the one it is close to (Name), and Suggest is the
	// accepted heading to write instead ("Concerns"). Plans only.
	Suggest string
	// Level is the heading's level: 2; 1 or 3 to 6 for an accepted heading
	// of the wrong level read as the section ("# Concerns"); 0 for a line
	// that is only bold text ("**Concerns**"). Suggest is set for those.
	Level int

	// text is what Content and Placeholder read, the first time either is
	// asked for.
	text sectionText
}

// Content returns the section's content as plain text, comments dropped,
// spaces collapsed. It is read from the parsed body the first time it is
// asked for (few sections are), then kept; it is safe to call from several
// goroutines.
func (s *Section) Content() string {
	s.text.contentOnce.Do(func() { s.text.content = s.text.read() })
	s.text.contentKnown.Store(true)
	return s.text.content
}

// Placeholder reports whether what the section has written (Written) is
// empty or only a placeholder (TBC, TBA, N/A, none, -, to follow), perhaps
// after the heading repeated (IsWrittenPlaceholder); comments do not count
// as content.
func (s *Section) Placeholder() bool {
	s.text.placeholderOnce.Do(func() { s.text.placeholder = s.isPlaceholder(defaultPlaceholderList) })
	return s.text.placeholder
}

// PlaceholderIn reports whether what the section has written is empty or
// only a placeholder by words: IsWrittenPlaceholder of s.Written(), the
// same answer, but read no further than needed (a section with more text
// than any of words could be is not read to its end, nor kept, and a
// table's cells are read until one is written). The answer is kept for
// the last two lists asked about, known by their identity. It is safe to
// call from several goroutines.
func (s *Section) PlaceholderIn(words *WordList) bool {
	t := &s.text
	t.placeholderInMu.Lock()
	defer t.placeholderInMu.Unlock()
	for _, a := range t.placeholderIn {
		if a.words != nil && a.words == words {
			return a.answer
		}
	}
	a := placeholderAnswer{words: words, answer: s.isPlaceholder(words)}
	// Two lists are asked of the same sections (placeholders, and the
	// answers that say it was not done): the older answer makes room.
	t.placeholderIn[1], t.placeholderIn[0] = t.placeholderIn[0], a
	return a.answer
}

// isPlaceholder is IsWrittenPlaceholder of s.Written(), without reading
// the content when the section has more text than it reads.
func (s *Section) isPlaceholder(words *WordList) bool {
	if s.text.structured {
		prose, long := s.text.readShort(words.limit + len(s.Heading) + leadInLimit)
		return !long && IsSectionPlaceholder(s.Heading, prose, words) && s.text.cellsPlaceholder(words)
	}
	if !s.text.contentKnown.Load() {
		content, long := s.text.readShort(words.limit + len(s.Heading) + leadInLimit)
		if long {
			return false
		}
		s.text.contentOnce.Do(func() { s.text.content = content }) // kept for Content
	}
	return IsSectionPlaceholder(s.Heading, s.Content(), words)
}

// Written returns what the section has written, as the placeholder tests
// read it (Placeholder, PlaceholderIn): prose, its content less its
// sub-headings and its tables ("### Who will act", a template's table
// whose header row names what to write), and cells, the text of each cell
// of its tables but their header rows. A section with neither is prose
// only, its Content. It is read afresh on every call.
func (s *Section) Written() (prose string, cells []string) {
	if !s.text.structured {
		return s.Content(), nil
	}
	return s.text.readBlocks(true), s.text.cells()
}

// Outcome is one item of the plan's Outcomes list: "O1: Jamie attends
// school every day" or "**O1** ...".
type Outcome struct {
	ID     string // "O1"; "" when the item does not open with an id
	Text   string
	Offset int // start of the list item's line
}

// ActionTable is the plan's actions: the rows of the tables of its Actions
// section, read by column name, or the items of a list (or the
// paragraphs, or the ### sub-headings) whose fields are labelled
// ("Owner: Sam Doe. Due: 2026-02-01.").
type ActionTable struct {
	Offset  int      // start of the header row (of the first table), or of the first labelled item
	Columns []string // canonical names of the header cells, in order ("id", "action", "owner", "due", "outcome"; "" for others); every name for a list
	Rows    []Action
	// List is set when the actions are labelled items, not table rows.
	List bool
	// NearMisses are the headers (or labels) read as the column they are
	// close to without being one of its accepted names ("Target date" is
	// read as Due), once each.
	NearMisses []NearMiss
}

// NearMiss is a column header or a field label that is close to an accepted
// one and is read as it.
type NearMiss struct {
	Offset  int    // start of the header row, or of the label
	Written string // as written: "Target date"
	Name    string // the canonical column it is read as: "due"
	Suggest string // the accepted header to write: "Due"
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

// Action is one row of the action table, or one labelled item.
type Action struct {
	Offset  int // start of the row's line, or of the item's first line
	ID      string
	Action  Cell
	Owner   Cell
	Due     Cell
	Outcome Cell
	// DueInWords is set when the action has no Due field and Due was read
	// from its own words ("... by 12 June 2026", "... - weekly") or from
	// its Owner field ("Lead: Claire Dunn, by 12 June").
	DueInWords bool
	// OwnerInWords are, for a list item with no Owner field, the phrases
	// of its words that may name its owner ("Claire Dunn will ...", "Mum
	// to ...", "- Claire Dunn -"), best first; lint.Case.ActionOwner reads
	// the owner from them. Nil when the action has an Owner field.
	OwnerInWords []Cell
}

// Cell is one table cell, or the value of one labelled field: its plain
// text and where that text starts.
type Cell struct {
	Text   string
	Offset int
	// Line is the start of the line the value stands on (the row, or the
	// field's own line in a list); the action's Offset when the field is
	// missing. A finding about the field points here.
	Line int
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
