package schema

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is the body parser: CommonMark with GFM tables, strikethrough and
// task lists (no linkify: a bare address is text like any other). goldmark's
// parser initialises itself once and is safe for concurrent use.
var markdown = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.TaskList,
	)).Parser()
})

// ParseBody parses the Markdown body of a record of kind k, which starts at
// byte offset start of src. Every offset in the result is a byte offset into
// src.Data. It never fails: whatever the input, it returns a Body (possibly
// empty).
//
//   - Sections: one per top-level level-2 heading, up to the next heading of
//     level 1 or 2; named by SectionNames(k).
//   - Outcomes (plans): the items of every list in the outcomes section
//     (not of a list inside an item), in order.
//   - Actions (plans): the tables in the actions section (and the rows
//     written after a table past a blank line: pipeRows), read by column
//     name, else its labelled items; nil when there are none.
//   - Text: the prose, in order. A run's Text is the source bytes it covers
//     (backslash escapes and entity references as written), so that
//     Offset+i is the offset of byte i of Text. Runs are split at markup
//     (emphasis, links, comments) and at block boundaries; adjacent pieces
//     separated only by white space (a soft line break) are one run, whose
//     Text then holds that line break as written. Level-1 and level-2
//     headings are structure, not prose, and are not in Text.
//
// A body that goldmark would take too long over (lists nested more than
// MaxNesting deep, paragraphs too dense with markup, tables too wide for
// their length: see bodyGuard) is not parsed, and the Body is empty.
func ParseBody(src *Source, k Kind, start int) *Body {
	body, _ := readBody(src, k, start, -1)
	return body
}

// readBody is ParseBody of the body from start to end (-1: the end of the
// file), and the problem that kept it from parsing the body, if any.
func readBody(src *Source, k Kind, start, end int) (*Body, *Problem) {
	body := &Body{}
	if src == nil {
		return body, nil
	}
	data := src.Data
	start = max(0, min(start, len(data)))
	if end < 0 || end > len(data) {
		end = len(data)
	}
	end = max(end, start)
	if bytes.HasPrefix(data[start:end], []byte("\uFEFF")) {
		start += 3
	}
	p := &bodyParser{src: src, kind: k, base: start, body: body}
	p.in = normaliseCR(data[start:end])
	if off, why := bodyGuard(p.in); why != "" {
		return body, &Problem{Offset: p.off(off), Message: why}
	}
	doc := markdown().Parse(text.NewReader(p.in))
	p.sections(doc)
	if k == KindPlan {
		for _, s := range p.sectionsNamed("outcomes") {
			p.outcomes(s)
		}
		if secs := p.sectionsNamed("actions"); len(secs) > 0 {
			p.actions(secs)
		} else if secs := p.outcomesAndActions(); len(secs) > 0 {
			// "## Outcomes and actions": its actions are checked too.
			p.actions(secs)
		}
	}
	// The prose is read when it is first asked for (Body.Text): rules read
	// only visits'. The parser is kept for that, without its buffers.
	p.scratch, p.collapsed, p.heads = nil, nil, nil
	body.text.parser = p
	return body, nil
}

// normaliseCR returns b with every lone "\r" turned into "\n" (a copy, only
// when there is one). goldmark ends lines only at "\n"; Source and the
// editors people use also end them at a lone "\r". The replacement keeps
// every byte where it was, so offsets are unchanged.
func normaliseCR(b []byte) []byte {
	i := bytes.IndexByte(b, '\r')
	for i >= 0 && i+1 < len(b) && b[i+1] == '\n' {
		j := bytes.IndexByte(b[i+2:], '\r')
		if j < 0 {
			return b
		}
		i += 2 + j
	}
	if i < 0 {
		return b
	}
	c := append([]byte(nil), b...)
	for ; i < len(c); i++ {
		if c[i] == '\r' && (i+1 == len(c) || c[i+1] != '\n') {
			c[i] = '\n'
		}
	}
	return c
}

type bodyParser struct {
	src  *Source
	kind Kind
	in   []byte // what goldmark parsed: src.Data[base:], lone CRs normalised
	base int    // offset of in[0] in src.Data
	body *Body

	// heads are the level-2 headings of the document as read before the
	// sections are split (plans and visits), in order; next is the first
	// not yet asked for again (heading).
	heads []headingRead
	next  int

	// scratch is where plain text is gathered before it is kept as a
	// string (plainText).
	scratch []byte
	// collapsed is where collapseBytes collapses it.
	collapsed []byte
	// topBlocks is the number of the document's top-level blocks.
	topBlocks int

	// prose is the blocks whose text runs Body.Text reads, and the
	// section each is in, in order; renamed is set when nearSections
	// named a section after the blocks were listed.
	prose   []proseBlock
	renamed bool

	// sectionPool is where the body's sections are made: room for one a
	// level-2 heading, made at once.
	sectionPool []Section

	// bodyText is src.Data[base:] as a string, made the first time a run
	// of text asks for it: the runs are slices of it, one allocation a
	// body rather than one a run.
	bodyText string
	bodyRead bool
}

// source returns src.Data[from:to] (offsets into src.Data, in the body)
// as a string.
func (p *bodyParser) source(from, to int) string {
	if !p.bodyRead {
		p.bodyText, p.bodyRead = string(p.src.Data[p.base:]), true
	}
	return p.bodyText[from-p.base : to-p.base]
}

// headingRead is a heading's text and the section it names.
type headingRead struct {
	node       *ast.Heading
	text, name string
}

// readHeading reads level-2 heading h, once: its text and canonical
// section are kept for when the sections are split (heading).
func (p *bodyParser) readHeading(h *ast.Heading) (text, name string) {
	text = p.plainText(h)
	name = p.level2Section(text)
	p.heads = append(p.heads, headingRead{h, text, name})
	return text, name
}

// heading returns the text of heading h and the section it names, as
// readHeading read them when it did. Headings are asked for in the order
// they were read, so the search only moves forward.
func (p *bodyParser) heading(h *ast.Heading) (text, name string) {
	for p.next < len(p.heads) {
		r := p.heads[p.next]
		p.next++
		if r.node == h {
			return r.text, r.name
		}
	}
	text = p.plainText(h)
	return text, p.level2Section(text)
}

// level2Section returns the section a "##" heading names: a plan's is
// read by PlanHeadingSection, which also knows a contingency plan headed
// as a question ("What will happen if things do not improve").
func (p *bodyParser) level2Section(text string) string {
	if p.kind == KindPlan {
		return PlanHeadingSection(text)
	}
	return CanonicalSection(p.kind, text)
}

// off converts an offset into p.in to an offset into src.Data.
func (p *bodyParser) off(i int) int {
	return max(p.base, min(p.base+i, len(p.src.Data)))
}

// lineStart returns the start of the line holding p.in offset i, as an
// offset into src.Data (never before the body).
func (p *bodyParser) lineStart(i int) int {
	return max(p.base, p.src.LineStart(p.src.LineOf(p.off(i))))
}

// sections splits the document's top-level blocks at level-1 and level-2
// headings, and collects the text runs.
func (p *bodyParser) sections(doc ast.Node) {
	p.topBlocks = doc.ChildCount()
	headings := 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
			headings++
		}
	}
	p.sectionPool = make([]Section, 0, headings)
	p.prose = make([]proseBlock, 0, p.topBlocks)
	var cur *Section
	// A plan's section written with the wrong mark ("# Concerns",
	// "### Concerns", a line "**Concerns**") is read as the section, when
	// no "##" heading of the plan is (or is close to) it.
	var have map[string]bool
	if p.kind == KindPlan {
		have = map[string]bool{}
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
				heading, name := p.readHeading(h)
				if name == "" {
					name, _ = NearSection(p.kind, heading)
				}
				have[name] = true
			}
		}
	}
	// A visit's sections, and a core group's minutes', are often written
	// as bold labels at the start of a paragraph ("**Observations:** Home
	// tidy.", "**Decisions:** Plan unchanged."), or as a bold line or a
	// heading of another level: each opens the section it names, when no
	// "##" heading of the record is that section. So are a plan's
	// ("**Contingency plan:** If ..."), read as its wrong marks are: the
	// section, with the "##" heading to write (Suggest).
	labelled := p.kind == KindPlan
	if p.kind == KindVisit || p.kind == KindCoreGroup {
		have = map[string]bool{}
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			if h, ok := n.(*ast.Heading); ok && h.Level == 2 {
				_, name := p.readHeading(h)
				have[name] = true
			}
		}
		labelled = true
	}
	// open ends the current section where s's heading starts and makes s
	// the current one.
	open := func(s *Section) {
		if cur != nil {
			cur.End = max(cur.Start, s.HeadingOffset)
		}
		cur = s
		p.body.Sections = append(p.body.Sections, s)
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if labelled {
			if name, label := p.leadingLabel(n); name != "" && !have[name] {
				have[name] = true
				hoff := p.lineStart(nodePos(n))
				s := p.newSection()
				*s = Section{
					Name:          name,
					Heading:       label,
					HeadingOffset: hoff,
					Start:         hoff,
					End:           len(p.src.Data),
					Level:         0,
					text:          sectionText{in: p.in, label: label},
				}
				if p.kind == KindPlan {
					s.Suggest = acceptedHeading(sectionDefs[p.kind], name, normHeading(label))
				}
				open(s)
				cur.text.blocks = append(cur.text.blocks, n)
				p.prose = append(p.prose, proseBlock{n, name})
				continue
			}
		}
		if have != nil {
			if name, text, level := p.pseudoHeading(n); name != "" && !have[name] {
				have[name] = true
				s := p.newSection()
				*s = Section{
					Name:          name,
					Heading:       text,
					HeadingOffset: p.lineStart(nodePos(n)),
					Start:         p.blockEnd(n),
					End:           len(p.src.Data),
					Suggest:       acceptedHeading(sectionDefs[p.kind], name, normHeading(text)),
					Level:         level,
					text:          sectionText{in: p.in},
				}
				open(s)
				continue
			}
		}
		if h, ok := n.(*ast.Heading); ok && h.Level <= 2 {
			hoff := p.lineStart(nodePos(h))
			if cur != nil {
				cur.End = max(cur.Start, hoff)
			}
			cur = nil
			if h.Level == 2 {
				heading, name := p.heading(h)
				cur = p.newSection()
				*cur = Section{
					Name:          name,
					Heading:       heading,
					HeadingOffset: hoff,
					Start:         p.headingEnd(h),
					End:           len(p.src.Data),
					Level:         2,
					text:          sectionText{in: p.in},
				}
				p.body.Sections = append(p.body.Sections, cur)
			}
			continue
		}
		if cur != nil {
			cur.text.blocks = append(cur.text.blocks, n)
			cur.text.structured = cur.text.structured || isStructure(n)
		}
		name := ""
		if cur != nil {
			name = cur.Name
		}
		p.prose = append(p.prose, proseBlock{n, name})
	}
	if p.kind == KindPlan {
		p.nearSections()
	}
}

// newSection returns a new, empty section: the next of p.sectionPool
// while there is room (a section read from a bold line or a heading of
// another level has none made for it).
func (p *bodyParser) newSection() *Section {
	if n := len(p.sectionPool); n < cap(p.sectionPool) {
		p.sectionPool = p.sectionPool[:n+1]
		return &p.sectionPool[n]
	}
	return &Section{}
}

// proseBlock is a top-level block of the body and the canonical name of
// the section it is in ("" if none).
type proseBlock struct {
	node    ast.Node
	section string
}

// bodyText is the body's prose (Body.Text), read once, when first asked
// for.
type bodyText struct {
	once   sync.Once
	runs   []TextRun
	parser *bodyParser // what reads them; nil once read, or for a body not parsed
}

// readText reads the text runs of the prose blocks into Body.Text.
func (p *bodyParser) readText() {
	for _, b := range p.prose {
		p.runs(b.node, b.section)
	}
	if p.renamed {
		p.renameRuns()
	}
}

// sectionText is what a section's content is read from when a rule first
// asks for it (Section.Content), and what was read: most sections are
// never asked, and their text is never gathered.
type sectionText struct {
	in     []byte     // what goldmark parsed (bodyParser.in)
	blocks []ast.Node // the section's top-level blocks
	label  string     // the bold label that opens the section, if one does
	// structured is set when a block is a sub-heading or a table
	// (isStructure): what the section has written is then not all its
	// content (Section.Written).
	structured bool

	contentOnce     sync.Once
	content         string
	contentKnown    atomic.Bool  // content has been read
	longOver        atomic.Int64 // the largest limit readShort found the content longer than, 0 if none
	placeholderOnce sync.Once
	placeholder     bool

	// The answers of PlaceholderIn for the last two word lists asked
	// about, the newer first, keyed by each list's identity (see
	// PlaceholderIn).
	placeholderInMu sync.Mutex
	placeholderIn   [2]placeholderAnswer
}

// placeholderAnswer is a kept answer of Section.PlaceholderIn: whether
// the content is a placeholder by the word list words (nil: no answer
// kept).
type placeholderAnswer struct {
	words  *WordList
	answer bool
}

// read returns the section's content: the plain text of its blocks,
// collapsed, without the label that opens it.
func (t *sectionText) read() string {
	return t.readBlocks(false)
}

// readBlocks is read, of the blocks that are not structure (isStructure)
// only with prose set: what the section has written besides its
// sub-headings and tables.
func (t *sectionText) readBlocks(prose bool) string {
	// Most sections are short: their text is gathered on the stack.
	var buf [1024]byte
	b := buf[:0]
	for _, n := range t.blocks {
		if prose && t.structured && isStructure(n) {
			continue
		}
		b = appendWritten(b, t.in, n, math.MaxInt)
		b = append(b, ' ')
	}
	return t.contentOf(b)
}

// isStructure reports whether block n of a section is a sub-heading
// ("### If Ella is not safe at home") or a table: neither is itself what
// the section says. A sub-heading names what is to be written under it,
// and a table's header row is the template's; its other rows are read
// cell by cell (sectionText.cells).
func isStructure(n ast.Node) bool {
	switch n.(type) {
	case *ast.Heading, *extast.Table:
		return true
	}
	return false
}

// eachCell calls f with each cell of the tables among blocks, less their
// header rows, until f returns false; it returns whether f never did.
func eachCell(blocks []ast.Node, f func(c ast.Node) bool) bool {
	for _, n := range blocks {
		if _, ok := n.(*extast.Table); !ok {
			continue
		}
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			if _, ok := row.(*extast.TableRow); !ok {
				continue // the header row
			}
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				if !f(c) {
					return false
				}
			}
		}
	}
	return true
}

// cells returns the plain text of every cell of the section's tables less
// their header rows, collapsed.
func (t *sectionText) cells() []string {
	var out []string
	eachCell(t.blocks, func(c ast.Node) bool {
		out = append(out, string(collapseInPlace(appendWritten(nil, t.in, c, math.MaxInt))))
		return true
	})
	return out
}

// cellsPlaceholder reports whether every cell of the section's tables,
// less their header rows, is empty or a placeholder by words (Has),
// reading each no further than needed, on the stack.
func (t *sectionText) cellsPlaceholder(words *WordList) bool {
	upTo := 2*words.limit + 32
	return eachCell(t.blocks, func(c ast.Node) bool {
		var buf [512]byte
		b := appendWritten(buf[:0], t.in, c, upTo)
		whole := len(b) < upTo
		text := collapseInPlace(b)
		if asciiAlnumOver(text, words.limit) || nonSpaceOver(trimNotAlnum(text), words.limit) {
			return false // longer than any placeholder, as the whole cell is
		}
		if !whole { // punctuation beyond the bytes read: read it all
			text = collapseInPlace(appendWritten(nil, t.in, c, math.MaxInt))
		}
		return hasWord(words, text)
	})
}

// contentOf returns the content read into b (the plain text of the
// section's blocks, or of the first of them), collapsed in place, without
// the label that opens it.
func (t *sectionText) contentOf(b []byte) string {
	return string(t.withoutLabel(collapseInPlace(b)))
}

// withoutLabel returns collapsed text without the label that opens it.
func (t *sectionText) withoutLabel(content []byte) []byte {
	if t.label != "" {
		// The label is the heading, not the content.
		if len(content) >= len(t.label) && string(content[:len(t.label)]) == t.label {
			content = content[len(t.label):]
		}
		content = bytes.TrimSpace(content)
		content = bytes.TrimSpace(bytes.TrimLeft(content, ":-\u2013 "))
	}
	return content
}

// readShort returns the content, or long when the content, trimmed of
// what is neither a letter nor a digit at either end, has more than limit
// bytes that are not white space: that is told from the first few times
// limit bytes of its plain text, and the rest is not read.
//
// The plain text read so far is a prefix of the whole, so the content
// made from it is a prefix of the content (or empty), and what that
// prefix holds between its first and last letter or digit lies between
// the content's: when it is over limit, so is the content.
func (t *sectionText) readShort(limit int) (content string, long bool) {
	if int64(limit) <= t.longOver.Load() {
		return "", true // longer than a larger limit already
	}
	upTo := 2*limit + len(t.label) + 32 // plain text to read before testing
	var buf [1024]byte
	b := buf[:0]
	for _, n := range t.blocks {
		if t.structured && isStructure(n) {
			continue // not what it has written (Section.Written)
		}
		b = appendWritten(b, t.in, n, upTo)
		if len(b) >= upTo {
			break
		}
		b = append(b, ' ')
	}
	whole := len(b) < upTo // nothing was cut short: b is what read reads
	// Told on the bytes, and a short section too long to be a
	// placeholder (most visit sections are) not made a string. First by
	// its letters and digits, which the content keeps all of but the
	// label's (collapsing and trimming take away only what is neither),
	// so that most sections are not collapsed either.
	if asciiAlnumOver(b, limit+len(t.label)) {
		return "", t.toldLong(limit)
	}
	collapsed := collapseInPlace(b)
	if (whole || len(collapsed) >= len(t.label)) && // whether the label opens the content is known
		nonSpaceOver(bytes.TrimFunc(t.withoutLabel(collapsed), notAlnum), limit) {
		return "", t.toldLong(limit)
	}
	if whole {
		return string(t.withoutLabel(collapsed)), false
	}
	return t.readBlocks(true), false
}

// toldLong keeps that the content is longer than limit (longOver), and
// returns true.
func (t *sectionText) toldLong(limit int) bool {
	for {
		old := t.longOver.Load()
		if old >= int64(limit) || t.longOver.CompareAndSwap(old, int64(limit)) {
			return true
		}
	}
}

// asciiAlnumOver reports whether more than limit bytes of b are ASCII
// letters or digits, reading no further than it must.
func asciiAlnumOver(b []byte, limit int) bool {
	if len(b) <= limit {
		return false
	}
	n := 0
	for _, c := range b {
		if 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' {
			if n++; n > limit {
				return true
			}
		}
	}
	return false
}

// leadingLabel returns the section that paragraph n opens with a bold
// label followed by its text ("**Observations:** Home tidy.",
// "**Wishes and feelings** - Jamie said ...", "**Contingency plan:** If
// ..."), and the label as written (without the colon). A plan's paragraph
// that is only the label is pseudoHeading's (a visit's is read here).
//
// In a visit, a plain label, not bold, opens the section too when it is
// an accepted heading followed by a colon at the start of the paragraph's
// first line ("Wishes and feelings: Jamie said ...", or "Wishes and
// feelings:" on a line of its own with the text on the lines below): a
// colon after the heading's exact words is how a form's label is typed
// without bold.
func (p *bodyParser) leadingLabel(n ast.Node) (name, label string) {
	para, ok := n.(*ast.Paragraph)
	if !ok {
		return "", ""
	}
	e, ok := para.FirstChild().(*ast.Emphasis)
	if !ok || e.Level != 2 {
		return p.plainLabel(para)
	}
	if p.kind == KindPlan && p.onlyBold(para) {
		return "", ""
	}
	label = p.plainText(e)
	if len(label) > 60 {
		return "", ""
	}
	// A plan's label is set off from its text by a colon or a dash: "**Concerns** about dad" is prose.
	if p.kind == KindPlan && !strings.HasSuffix(label, ":") && !opensWithSeparator(p.in, e.NextSibling()) {
		return "", ""
	}
	name = CanonicalSection(p.kind, label)
	if name == "" {
		return "", ""
	}
	return name, strings.TrimSpace(strings.TrimRight(label, ": "))
}

// plainLabel returns the visit or core group section that paragraph para
// opens with a plain label, an accepted heading and a colon at the start of its first
// line, and the label as written (leadingLabel).
func (p *bodyParser) plainLabel(para *ast.Paragraph) (name, label string) {
	if p.kind != KindVisit && p.kind != KindCoreGroup && p.kind != KindPlan {
		return "", ""
	}
	if _, ok := para.FirstChild().(*ast.Text); !ok || para.Lines().Len() == 0 {
		return "", ""
	}
	seg := para.Lines().At(0)
	line := seg.Value(p.in)
	i := bytes.IndexByte(line, ':')
	if i <= 0 || i > 60 {
		return "", ""
	}
	label = strings.TrimSpace(string(line[:i]))
	name = CanonicalSection(p.kind, label)
	// A plan's labels are bold (leadingLabel), but for the contingency
	// plan, which is often written as a paragraph "Contingency: if ..."
	// at the end of another section: read as the section, with the "##"
	// heading to write, never as a plan without one. Other plain labels
	// ("Outcomes: O1" in a listed action) stay the text they are in.
	if p.kind == KindPlan && name != "contingency" {
		return "", ""
	}
	if name == "" {
		return "", ""
	}
	return name, label
}

// pseudoHeading returns the section that block n opens when it is an
// accepted heading of another level than 2, or a paragraph that is only
// bold text ("**Concerns**", "**Concerns:**"): its name, text and level
// (0 for a bold line).
func (p *bodyParser) pseudoHeading(n ast.Node) (name, text string, level int) {
	switch n := n.(type) {
	case *ast.Heading:
		if n.Level == 2 {
			return "", "", 0
		}
		text, level = p.plainText(n), n.Level
	case *ast.Paragraph:
		c := n.FirstChild()
		if c == nil {
			return "", "", 0
		}
		e, ok := c.(*ast.Emphasis)
		if !ok || e.Level != 2 || !p.onlyBold(n) {
			return "", "", 0
		}
		text = p.plainText(n)
	default:
		return "", "", 0
	}
	if len(text) > 60 {
		return "", "", 0
	}
	return CanonicalSection(p.kind, text), text, level
}

// opensWithSeparator reports whether inline n, the one after a bold
// label, is text opening with a colon or a dash ("**Review**: monthly",
// "**Review** - monthly").
func opensWithSeparator(in []byte, n ast.Node) bool {
	t, ok := n.(*ast.Text)
	if !ok {
		return false
	}
	v := strings.TrimLeft(string(t.Segment.Value(in)), " \t")
	for _, sep := range []string{":", "-", "\u2013", "\u2014"} {
		if strings.HasPrefix(v, sep) {
			return true
		}
	}
	return false
}

// onlyBold reports whether paragraph para, which opens with bold text,
// holds nothing after it but a colon, white space and comments: a bold
// line, not a label opening text.
func (p *bodyParser) onlyBold(para *ast.Paragraph) bool {
	for rest := para.FirstChild().NextSibling(); rest != nil; rest = rest.NextSibling() {
		switch r := rest.(type) {
		case *ast.RawHTML: // a comment after it
		case *ast.Text:
			if strings.Trim(string(r.Segment.Value(p.in)), " \t:") != "" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// blockEnd returns the offset in src.Data of the line after block n.
func (p *bodyParser) blockEnd(n ast.Node) int {
	if h, ok := n.(*ast.Heading); ok {
		return p.headingEnd(h)
	}
	if ls := n.Lines(); ls != nil && ls.Len() > 0 {
		last := ls.At(ls.Len() - 1)
		return p.src.LineStart(p.src.LineOf(p.off(max(last.Start, last.Stop-1))) + 1)
	}
	return p.src.LineStart(p.src.LineOf(p.off(nodePos(n))) + 1)
}

// nearSections reads a heading that is close to an accepted one ("1.
// Concerns", "Contingency Plans") as that section, when the record has no
// section of that name already: the first such heading only.
func (p *bodyParser) nearSections() {
	accepted, near := map[string]bool{}, map[string]bool{}
	for _, s := range p.body.Sections {
		if s.Name != "" {
			accepted[s.Name] = true
		}
	}
	changed := false
	for _, s := range p.body.Sections {
		if s.Name != "" {
			continue
		}
		// Without an accepted heading, actions and outcomes under more
		// than one near one ("Actions for Sam", "Actions for
		// professionals") are all read: none of them is left unchecked.
		n, sug := NearSection(p.kind, s.Heading)
		if n == "" || accepted[n] || near[n] && n != "actions" && n != "outcomes" {
			continue
		}
		s.Name, s.Suggest = n, sug
		near[n] = true
		changed = true
	}
	p.renamed = changed
}

// renameRuns puts the text runs of no section that stand in a section
// nearSections named into it.
func (p *bodyParser) renameRuns() {
	for i := range p.body.text.runs {
		r := &p.body.text.runs[i]
		if r.Section != "" {
			continue
		}
		for _, s := range p.body.Sections {
			if s.Suggest != "" && r.Offset >= s.Start && r.Offset < s.End {
				r.Section = s.Name
			}
		}
	}
}

// headingEnd returns the offset in src.Data of the line after heading h
// (after the underline of a setext heading).
func (p *bodyParser) headingEnd(h *ast.Heading) int {
	pos := nodePos(h)
	line := p.src.LineOf(p.off(pos))
	if !isATX(p.in, pos) {
		if ls := h.Lines(); ls.Len() > 0 {
			line = p.src.LineOf(p.off(ls.At(ls.Len() - 1).Start))
		}
		line++ // the underline
	}
	return p.src.LineStart(line + 1)
}

// isATX reports whether the heading at in[pos:] is an ATX heading ("## X")
// rather than a setext one.
func isATX(in []byte, pos int) bool {
	if pos < 0 || pos >= len(in) {
		return false
	}
	i := pos
	for i < len(in) && (in[i] == ' ' || in[i] == '\t') {
		i++
	}
	n := 0
	for i < len(in) && in[i] == '#' {
		i++
		n++
	}
	return n >= 1 && n <= 6 && (i == len(in) || in[i] == ' ' || in[i] == '\t' || in[i] == '\n' || in[i] == '\r')
}

// nodePos returns where node n starts in p.in: its position, or that of its
// first line or first positioned descendant; 0 when nothing is known.
func nodePos(n ast.Node) int {
	if n == nil {
		return 0
	}
	if pos := n.Pos(); pos >= 0 {
		return pos
	}
	if n.Type() == ast.TypeBlock {
		if ls := n.Lines(); ls != nil && ls.Len() > 0 {
			return ls.At(0).Start
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if pos := nodePos(c); pos > 0 {
			return pos
		}
	}
	return 0
}

// sectionsNamed returns every section of canonical name name: the
// accepted one and those read as it ("Actions for Sam").
func (p *bodyParser) sectionsNamed(name string) []*Section {
	var out []*Section
	for _, s := range p.body.Sections {
		if s.Name == name {
			out = append(out, s)
		}
	}
	return out
}

// outcomesAndActions returns the outcomes sections whose heading names
// actions too ("Outcomes and actions", "Outcomes, actions and
// timescales"), as a template with one section for both writes it: in a
// plan with no actions section, the actions written there are the plan's.
func (p *bodyParser) outcomesAndActions() []*Section {
	var out []*Section
	for _, s := range p.sectionsNamed("outcomes") {
		for _, w := range strings.FieldsFunc(strings.ToLower(s.Heading), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if w == "action" || w == "actions" {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// outcomes reads the items of every list of the outcomes section, in
// order (a list inside an item is part of that outcome): outcomes added
// later in a list of their own, listed under sub-headings ("### For
// Ella", "### For Gina"), or with another bullet partway through are all
// the plan's.
func (p *bodyParser) outcomes(s *Section) {
	lists := p.lists(s)
	if len(lists) == 0 {
		p.outcomeLines(s)
		return
	}
	var marked []markedOutcome
	firsts := make([]int, len(lists)) // where each list's items start in Body.Outcomes
	for i, list := range lists {
		firsts[i] = len(p.body.Outcomes)
		for it := list.FirstChild(); it != nil; it = it.NextSibling() {
			if it.Kind() != ast.KindListItem {
				continue
			}
			text := p.plainText(it)
			id, rest := splitOutcomeID(text)
			if id == "" {
				if m, r := splitOutcomeMarker(text); m != "" {
					marked = append(marked, markedOutcome{len(p.body.Outcomes), m, r, false})
				}
			}
			p.body.Outcomes = append(p.body.Outcomes, Outcome{ID: id, Text: rest, Offset: p.lineStart(nodePos(it))})
		}
	}
	p.markOutcomes(marked) // drops no list item: firsts still hold
	for i, list := range lists {
		end := len(p.body.Outcomes)
		if i+1 < len(lists) {
			end = firsts[i+1]
		}
		p.numberOutcomes(list, firsts[i], end)
	}
}

// numberOutcomes gives the items of list, Body.Outcomes[first:end],
// their numbers as ids when it is a numbered list whose items carry none
// (no id, and no mark taken): "1. Jamie attends school" is O1, as the
// actions' "Outcome 1" and the conference's O1 name it. A list that
// numbers again from a number an earlier outcome has ("1." under "###
// For Gina" after "1." and "2." under "### For Ella") continues the
// numbering after the highest: two outcomes of one plan are never one id.
func (p *bodyParser) numberOutcomes(list ast.Node, first, end int) {
	l, ok := list.(*ast.List)
	if !ok || !l.IsOrdered() {
		return
	}
	items := p.body.Outcomes[first:end]
	for _, o := range items {
		if o.ID != "" {
			return
		}
	}
	start, highest := l.Start, 0
	for _, o := range p.body.Outcomes[:first] {
		if n, err := strconv.Atoi(strings.TrimPrefix(o.ID, "O")); err == nil && strings.HasPrefix(o.ID, "O") {
			highest = max(highest, n)
		}
	}
	if start <= highest {
		start = highest + 1
	}
	for i := range items {
		items[i].ID = "O" + strconv.Itoa(start+i)
	}
}

// lists returns the lists of section s, in order: those among its blocks
// and their descendants, but not a list inside another's item.
func (p *bodyParser) lists(s *Section) []ast.Node {
	var out []ast.Node
	for _, b := range s.text.blocks {
		_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			if n.Kind() == ast.KindList {
				out = append(out, n)
				return ast.WalkSkipChildren, nil
			}
			if n.Type() == ast.TypeInline {
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
	}
	return out
}

// outcomeLines reads outcomes written without a list: lines of paragraphs
// or ### headings that open with an outcome id ("O1: ..."), or table rows
// whose first cell is one. Lines that open with no id are not outcomes
// here (they are prose around them).
func (p *bodyParser) outcomeLines(s *Section) {
	var marked []markedOutcome
	defer func() { p.markOutcomes(marked) }()
	table := false // a table was read
	for _, b := range s.text.blocks {
		switch b.Kind() {
		case ast.KindParagraph, ast.KindHeading:
			var v vtext
			v.addBlock(p, b)
			v.blankComments()
			for start := 0; start < len(v.b); {
				end := bytes.IndexByte(v.b[start:], '\n')
				if end < 0 {
					end = len(v.b)
				} else {
					end += start
				}
				line := strings.TrimLeft(string(v.b[start:end]), " \t*_#")
				line = strings.NewReplacer("**", "", "__", "").Replace(line)
				line = collapse(line)
				id, rest := splitOutcomeID(line)
				if id == "" {
					// "a. ...", "(i) ...", "(1) ...": a lettered or
					// numbered line, when the lines so marked start
					// the sequence (markOutcomes).
					var m string
					if m, rest = splitOutcomeMarker(line); m != "" && start < len(v.off) {
						marked = append(marked, markedOutcome{len(p.body.Outcomes), m, rest, true})
						p.body.Outcomes = append(p.body.Outcomes, Outcome{Text: line, Offset: p.src.LineStart(p.src.LineOf(v.off[start]))})
					}
				} else if start < len(v.off) {
					p.body.Outcomes = append(p.body.Outcomes, Outcome{ID: id, Text: rest, Offset: p.src.LineStart(p.src.LineOf(v.off[start]))})
				}
				start = end + 1
			}
		case extast.KindTable:
			table = true
			for r := b.FirstChild(); r != nil; r = r.NextSibling() {
				if r.Kind() != extast.KindTableRow || r.FirstChild() == nil {
					continue
				}
				second := func() string {
					if c := r.FirstChild().NextSibling(); c != nil {
						return p.plainText(c)
					}
					return ""
				}
				marked = p.outcomeRow(marked, p.plainText(r.FirstChild()), second, p.lineStart(nodePos(r)))
			}
		}
		// Rows written after the table past a blank line are more of its
		// rows (pipeRows).
		if b.Kind() == ast.KindParagraph && table {
			for _, r := range p.pipeRows(b) {
				if len(r.cells) == 0 {
					continue
				}
				second := func() string {
					if len(r.cells) > 1 {
						return r.cells[1].Text
					}
					return ""
				}
				marked = p.outcomeRow(marked, r.cells[0].Text, second, r.offset)
			}
		}
	}
}

// outcomeRow reads a row of an Outcomes table, whose first cell is first
// and whose line starts at offset, as an outcome when that cell opens
// with an id, a number or a mark; second is the text of its second cell,
// the outcome's when the first holds only the id. It returns marked with
// the row's mark added, if it has one.
func (p *bodyParser) outcomeRow(marked []markedOutcome, first string, second func() string, offset int) []markedOutcome {
	// A numbered row, "| 1 | Jamie attends school |", is O1.
	if n := strings.TrimRight(first, ".)"); n != "" && len(n) <= 3 && strings.Trim(n, "0123456789") == "" && n[0] != '0' {
		first = "O" + n
	}
	id, rest := splitOutcomeID(first)
	// A lettered row, "| (a) | Jamie attends school |".
	mark := ""
	if t := strings.ToLower(strings.Trim(first, "(). ")); id == "" && (len(t) == 1 && isASCIILetter(t[0]) || isRoman(t)) {
		mark, rest = t, ""
	}
	if id == "" && mark == "" {
		return marked
	}
	if rest == "" {
		rest = second()
	}
	if mark != "" {
		marked = append(marked, markedOutcome{len(p.body.Outcomes), mark, rest, true})
	}
	p.body.Outcomes = append(p.body.Outcomes, Outcome{ID: id, Text: rest, Offset: offset})
	return marked
}

// markedOutcome is an outcome read with a lettered or numbered mark
// (splitOutcomeMarker): its index in Body.Outcomes, the id the mark gives
// and the text after it.
type markedOutcome struct {
	i        int
	id, rest string
	line     bool // read from a line of a paragraph, not a list item
}

// markOutcomes gives the outcomes of one list (or of one section's
// lines) the ids of their marks, when the first letter or roman mark is
// "a" or "i" (a list of outcomes starts there: a line "J. Smith will ..."
// is not one). Numbered marks ("(1)") always count. An outcome whose mark
// is not taken keeps the text as written; one read from a line of a
// paragraph, which is an outcome only by its mark, is dropped.
func (p *bodyParser) markOutcomes(marked []markedOutcome) {
	letters := true
	for _, m := range marked {
		if isOutcomeMark(m.id) {
			letters = firstMark(m.id)
			break
		}
	}
	drop := map[int]bool{}
	for _, m := range marked {
		o := &p.body.Outcomes[m.i]
		if isOutcomeMark(m.id) && !letters {
			if m.line {
				drop[m.i] = true
			}
			continue // a list item keeps its text as written, and no id
		}
		o.ID, o.Text = m.id, m.rest
	}
	if len(drop) == 0 {
		return
	}
	kept := p.body.Outcomes[:0]
	for i, o := range p.body.Outcomes {
		if !drop[i] {
			kept = append(kept, o)
		}
	}
	p.body.Outcomes = kept
}

// splitOutcomeID splits an outcome id ("O1", "o2") off the start of the
// text of a list item: "O1: text", "O1 - text", "O1. text", "O1 text" (as
// left by "**O1** text"). The id is upper-cased; "" when there is none.
func splitOutcomeID(s string) (id, rest string) {
	// "Outcome 1: text" is O1.
	if len(s) > 8 && strings.EqualFold(s[:7], "outcome") && (s[7] == ' ' || s[7] >= '0' && s[7] <= '9') {
		if t := strings.TrimLeft(s[7:], " "); t != "" && t[0] >= '0' && t[0] <= '9' {
			s = "O" + t
		}
	}
	if len(s) < 2 || (s[0] != 'O' && s[0] != 'o') || s[1] < '0' || s[1] > '9' {
		return "", s
	}
	i := 1
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i < len(s) {
		r, _ := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' {
			return "", s // "O1a", "O2x": not an id
		}
	}
	id = "O" + s[1:i]
	rest = strings.TrimSpace(s[i:])
	for _, sep := range []string{":", "-", "–", "—", ".", ")"} {
		if strings.HasPrefix(rest, sep) {
			rest = strings.TrimSpace(rest[len(sep):])
			break
		}
	}
	return id, rest
}

// actions reads the actions section: the rows of its tables, else its
// labelled items (actions.go).
func (p *bodyParser) actions(secs []*Section) {
	var tables []ast.Node
	var blocks []ast.Node
	// group is the outcome each table is written under ("### O1: Mia is
	// supervised at home"), "" for none.
	group := map[ast.Node]string{}
	// more is the rows written after each table, past a blank line
	// (pipeRows): more of its rows.
	more := map[ast.Node][]moreRows{}
	for _, s := range secs {
		blocks = append(blocks, s.text.blocks...)
		var g outcomeGroup
		var last ast.Node // the section's last table among its blocks
		for _, b := range s.text.blocks {
			if g.read(p, b) {
				continue
			}
			cur := g.id
			switch b.Kind() {
			case extast.KindTable:
				last = b
			case ast.KindParagraph:
				if last != nil {
					if rows := p.pipeRows(b); rows != nil {
						more[last] = append(more[last], moreRows{rows, cur})
						continue
					}
				}
			}
			_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				if n.Kind() == extast.KindTable {
					tables = append(tables, n)
					group[n] = cur
					return ast.WalkSkipChildren, nil
				}
				if n.Type() == ast.TypeInline {
					return ast.WalkSkipChildren, nil
				}
				return ast.WalkContinue, nil
			})
		}
	}
	// Beside a table of actions, a table with no Owner, Due or Outcome
	// column (exact or close) is something else: a RAG key, a list of
	// contacts.
	var actionTables []ast.Node
	for _, t := range tables {
		if p.hasActionColumn(t) {
			actionTables = append(actionTables, t)
		}
	}
	if len(actionTables) > 0 {
		tables = actionTables
	}
	if len(tables) == 0 {
		p.body.Actions = p.actionItems(blocks, false)
		return
	}
	tbl := &ActionTable{Offset: p.lineStart(nodePos(tables[0]))}
	for _, t := range tables {
		p.actionTable(tbl, t, group[t], more[t])
	}
	// Actions listed beside the tables (under another heading) are read
	// too; only lists with labelled items, not paragraphs, which beside a
	// table are notes.
	if items := p.actionItems(blocks, true); items != nil {
		tbl.Rows = append(tbl.Rows, items.Rows...)
		tbl.NearMisses = append(tbl.NearMisses, items.NearMisses...)
	}
	p.body.Actions = tbl
}

// hasActionColumn reports whether table t has an Owner, Due or Outcome
// column, or a header close to one.
func (p *bodyParser) hasActionColumn(t ast.Node) bool {
	for _, written := range p.headerCells(t) {
		name := ActionColumn(written)
		if name == "" {
			name, _ = NearActionColumn(written)
		}
		if name == "owner" || name == "due" || name == "outcome" {
			return true
		}
	}
	return false
}

// outcomeGroup is the outcome the actions being read are written under:
// "### O1: Mia is supervised at home", "**Outcome 2 - school**", "###
// (a) Mia is safe". The actions under such a sub-heading serve its
// outcome, up to the next sub-heading of the same level or higher.
type outcomeGroup struct {
	id    string // "" when the actions are under no outcome
	level int    // the sub-heading's level; 7 for a bold line
}

// read reads block b of the actions section: when it is a sub-heading
// that opens with an outcome, it opens that outcome's group and read
// returns true. A sub-heading that names no outcome ("### Other
// actions") at the group's level or higher ends the group, and read
// returns false: it may be an action of its own ("### A1 ...").
func (g *outcomeGroup) read(p *bodyParser, b ast.Node) bool {
	level := 0
	switch n := b.(type) {
	case *ast.Heading:
		if n.Level < 3 {
			return false
		}
		level = n.Level
	case *ast.Paragraph:
		e, isBold := n.FirstChild().(*ast.Emphasis)
		if !isBold || e.Level != 2 {
			return false
		}
		for rest := e.NextSibling(); rest != nil; rest = rest.NextSibling() {
			switch r := rest.(type) {
			case *ast.RawHTML:
			case *ast.Text:
				if strings.Trim(string(r.Segment.Value(p.in)), " \t:") != "" {
					return false
				}
			default:
				return false
			}
		}
		level = 7
	default:
		return false
	}
	text := collapse(strings.TrimLeft(p.plainText(b), " \t*_#"))
	id, _ := splitOutcomeID(text)
	if id == "" {
		id, _ = splitOutcomeMarker(text)
	}
	if id != "" {
		g.id, g.level = id, level
		return true
	}
	if g.id != "" && level <= g.level {
		*g = outcomeGroup{}
	}
	return false
}

// moreRows are rows written after a table past a blank line (pipeRows),
// and the outcome they are written under (outcomeGroup).
type moreRows struct {
	rows  []pipeRow
	group string
}

// actionTable reads the rows of one table of the actions section into
// tbl, and then the rows written after it past a blank line (more),
// by the table's columns. group is the outcome the table is written under
// (outcomeHeading), which a row serves when its Outcome cell is missing
// or blank.
func (p *bodyParser) actionTable(tbl *ActionTable, t ast.Node, group string, more []moreRows) {
	first := len(tbl.Columns) == 0
	header := p.lineStart(nodePos(t))
	heads := p.headerCells(t)
	col := map[string]int{}
	var cols []string
	var near []NearMiss
	for _, written := range heads {
		name := ActionColumn(written)
		if _, dup := col[name]; dup || name == "" {
			name = "" // a second "Owner" column is not read
		} else {
			col[name] = len(cols)
		}
		cols = append(cols, name)
		if name == "" {
			if n, sug := NearActionColumn(written); n != "" {
				near = append(near, NearMiss{Offset: header, Written: written, Name: n, Suggest: sug})
			}
		}
	}
	// One column for both who and when ("Who and when", "Who / by
	// when"), in a table with neither, is read as both: each cell
	// split into its owner and its timescale (splitOwnerDue).
	merged := false
	if _, ok := col["owner"]; !ok {
		if _, ok := col["due"]; !ok {
			for i, written := range heads {
				if cols[i] == "" && IsOwnerDueHeader(written) {
					cols[i], col["owner"], col["due"], merged = "owner", i, i, true
					kept := near[:0]
					for _, nm := range near {
						if nm.Written != written {
							kept = append(kept, nm)
						}
					}
					near = kept
					break
				}
			}
		}
	}
	// A header close to a column the table lacks is read as it.
	for _, nm := range near {
		if _, ok := col[nm.Name]; ok {
			continue
		}
		for i, c := range cols {
			if c == "" && heads[i] == nm.Written {
				cols[i] = nm.Name
				col[nm.Name] = i
				tbl.NearMisses = append(tbl.NearMisses, nm)
				break
			}
		}
	}
	if first {
		tbl.Columns = append([]string(nil), cols...)
	} else {
		for _, c := range cols {
			if c != "" && !tbl.HasColumn(c) {
				tbl.Columns = append(tbl.Columns, c)
			}
		}
	}
	if merged && !tbl.HasColumn("due") {
		tbl.Columns = append(tbl.Columns, "due")
	}
	if group != "" && !tbl.HasColumn("outcome") {
		tbl.Columns = append(tbl.Columns, "outcome")
	}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if r.Kind() != extast.KindTableRow {
			continue
		}
		offset := p.lineStart(nodePos(r))
		var cells []Cell
		struckOut := false
		for c := r.FirstChild(); c != nil && len(cells) < len(cols); c = c.NextSibling() {
			cl := p.cell(c, offset)
			cl.Line = offset
			if i, ok := col["action"]; ok && i == len(cells) && cl.Text == "" && hasStrikethrough(c) {
				struckOut = true
			}
			cells = append(cells, cl)
		}
		if struckOut {
			continue // an action struck out of the plan ("~~Attend the programme~~") is none of it
		}
		p.actionRow(tbl, col, cells, offset, group)
	}
	for _, m := range more {
		for _, r := range m.rows {
			p.actionRow(tbl, col, r.cells[:min(len(r.cells), len(cols))], r.offset, m.group)
		}
	}
}

// actionRow adds to tbl the action of a row whose line starts at offset,
// its cells read by the columns col; group as actionTable's.
func (p *bodyParser) actionRow(tbl *ActionTable, col map[string]int, cells []Cell, offset int, group string) {
	a := Action{Offset: offset}
	get := func(name string) Cell {
		if i, ok := col[name]; ok && i < len(cells) {
			return cells[i]
		}
		return Cell{Offset: a.Offset, Line: a.Offset}
	}
	blank := true
	for _, cl := range cells {
		blank = blank && strings.TrimSpace(cl.Text) == ""
	}
	if blank {
		return // a template's empty row is no action
	}
	a.ID = get("id").Text
	a.Action, a.Owner, a.Due, a.Outcome = get("action"), get("owner"), get("due"), get("outcome")
	if i, ok := col["owner"]; ok && col["due"] == i {
		a.Owner, a.Due = splitOwnerDue(a.Owner)
	}
	if group != "" && strings.TrimSpace(a.Outcome.Text) == "" {
		a.Outcome.Text = group
	}
	tbl.Rows = append(tbl.Rows, a)
}

// headerCells returns the text of each cell of table t's header row, as
// written (collapsed), in order.
func (p *bodyParser) headerCells(t ast.Node) []string {
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if r.Kind() != extast.KindTableHeader {
			continue
		}
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, p.plainText(c))
		}
		return cells
	}
	return nil
}

// cell returns the plain text of a table cell and where it starts: the first
// byte of its text, else the cell's place in the row, else rowStart.
func (p *bodyParser) cell(c ast.Node, rowStart int) Cell {
	cl := Cell{Text: p.writtenText(c), Offset: rowStart}
	if ls := c.Lines(); ls.Len() > 0 {
		cl.Offset = p.off(ls.At(0).Start)
	}
	if cl.Text == "" {
		return cl
	}
	_ = ast.Walk(c, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			v := n.Segment.Value(p.in)
			if i := bytes.IndexFunc(v, func(r rune) bool { return !unicode.IsSpace(r) }); i >= 0 {
				cl.Offset = p.off(n.Segment.Start + i)
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return cl
}

// plainText returns the plain text of node n, collapsed (collapse): the
// text of its inline nodes (escapes and entities resolved), HTML and
// comments dropped. It is made with one allocation, or none when it is
// the source as written (sourceText).
func (p *bodyParser) plainText(n ast.Node) string {
	if text, ok := p.sourceText(n); ok {
		return text
	}
	p.scratch = appendPlain(p.scratch[:0], p.in, n)
	var text string
	text, p.collapsed = collapseBytes(p.collapsed, p.scratch)
	return text
}

// writtenText is plainText without the struck-out text (appendWritten).
func (p *bodyParser) writtenText(n ast.Node) string {
	if text, ok := p.sourceText(n); ok {
		return text
	}
	p.scratch = appendWritten(p.scratch[:0], p.in, n, math.MaxInt)
	var text string
	text, p.collapsed = collapseBytes(p.collapsed, p.scratch)
	return text
}

// sourceText returns plainText(n) as a slice of the body's source, when n
// holds only one piece of text that is already plain and collapsed, as
// most headings and table cells do ("Wishes and feelings", "Sam Doe"):
// no escape or entity to resolve, no white space but single spaces
// between words (so no line break, and no lone CR that p.in would hold
// as a newline), nothing around it. ok is false otherwise.
func (p *bodyParser) sourceText(n ast.Node) (text string, ok bool) {
	switch n.(type) {
	case *ast.HTMLBlock, *ast.RawHTML, *ast.Text, *ast.String, *ast.AutoLink, *ast.CodeBlock, *ast.FencedCodeBlock:
		return "", false // read on their own by appendPlain
	}
	t, ok := n.FirstChild().(*ast.Text)
	if !ok || t.NextSibling() != nil || t.SoftLineBreak() || t.HardLineBreak() {
		return "", false
	}
	seg := t.Segment
	if seg.Padding != 0 || seg.Start < 0 || seg.Start >= seg.Stop || seg.Stop > len(p.in) {
		return "", false
	}
	v := p.in[seg.Start:seg.Stop]
	if !t.IsRaw() && bytes.ContainsAny(v, "\\&") || !isCollapsed(v) {
		return "", false
	}
	return p.source(p.off(seg.Start), p.off(seg.Stop)), true
}

// appendPlain appends the plain text of node n (of the document parsed
// from in) to b, not collapsed: the text of its inline nodes (escapes and
// entities resolved), a space after each block and line break, HTML and
// comments dropped.
func appendPlain(b, in []byte, n ast.Node) []byte {
	return appendPlainUpTo(b, in, n, math.MaxInt)
}

// appendPlainUpTo is appendPlain that stops, at the end of a node, once b
// holds upTo bytes or more: what it appends is then a prefix of what
// appendPlain would.
func appendPlainUpTo(b, in []byte, n ast.Node, upTo int) []byte {
	return appendText(b, in, n, upTo, true)
}

// appendWritten is appendPlainUpTo without the text struck out
// ("~~Sam Doe~~ Pat Doe", "~~2026-07-03~~"): what a plan updated at a
// review no longer says. A section's content and an action's cells are
// read so; headings and outcomes keep what is struck (an outcome struck
// through as achieved is still the plan's, by its id).
func appendWritten(b, in []byte, n ast.Node, upTo int) []byte {
	return appendText(b, in, n, upTo, false)
}

// appendText is appendPlainUpTo, with the struck-out text when struck is
// set.
func appendText(b, in []byte, n ast.Node, upTo int, struck bool) []byte {
	switch n := n.(type) {
	case *ast.HTMLBlock, *ast.RawHTML:
		return b
	case *ast.Text:
		v := n.Segment.Value(in)
		if !n.IsRaw() {
			v = unescape(v)
		}
		b = append(b, v...)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b = append(b, ' ')
		}
		return b
	case *ast.String:
		return append(b, n.Value...)
	case *extast.Strikethrough:
		if !struck {
			return b
		}
	case *ast.AutoLink:
		return append(b, n.Label(in)...)
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		ls := n.Lines()
		for i := 0; i < ls.Len(); i++ {
			seg := ls.At(i)
			b = append(b, seg.Value(in)...)
			b = append(b, ' ')
		}
		return b
	}
	for c := n.FirstChild(); c != nil && len(b) < upTo; c = c.NextSibling() {
		b = appendText(b, in, c, upTo, struck)
		if c.Type() == ast.TypeBlock {
			b = append(b, ' ')
		}
	}
	return b
}

// hasStrikethrough reports whether n holds struck-out text.
func hasStrikethrough(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*extast.Strikethrough); ok || hasStrikethrough(c) {
			return true
		}
	}
	return false
}

// unescape resolves backslash escapes and entity references as a renderer
// would.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveNumericReferences(v)
		v = util.ResolveEntityNames(v)
	}
	return v
}

// collapse trims s and collapses its runs of white space (as
// strings.Fields has it) to one space. Text already collapsed, as most is,
// is returned as it is.
func collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	var buf [128]byte // short text is collapsed on the stack
	return string(appendCollapsed(buf[:0], s))
}

// collapseBytes is collapse of b as a string, made in buf (which it
// returns, for the next call): one allocation, the string's.
func collapseBytes(buf, b []byte) (string, []byte) {
	// Collapsed whether it needs it or not: the text is copied once either
	// way, and a second pass to tell would cost more than the copy.
	buf = collapseInPlace(append(buf[:0], b...))
	return string(buf), buf
}

// collapseInPlace collapses b (as collapse) where it is, and returns the
// collapsed text, a prefix of b: byte by byte, twice as fast on prose as
// appendCollapsed, which copies field by field.
func collapseInPlace(b []byte) []byte {
	w := 0         // where the next byte kept is written (never past i)
	space := false // white space read after what was kept
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				space = w > 0
				i++
				continue
			}
			if space {
				b[w] = ' '
				w++
				space = false
			}
			b[w] = c
			w++
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if unicode.IsSpace(r) {
			space = w > 0
			i += n
			continue
		}
		if space {
			b[w] = ' '
			w++
			space = false
		}
		w += copy(b[w:], b[i:i+n])
		i += n
	}
	return b[:w]
}

// appendCollapsed appends collapse(s) to dst: the runs of s that are not
// white space (asciiSpace, and unicode.IsSpace beyond ASCII), joined by
// single spaces. dst may be s[:0]: s is collapsed in place (what is
// written never overtakes what is read).
func appendCollapsed[T string | []byte](dst []byte, s T) []byte {
	start := len(dst)
	field := -1 // start of the field being read
	for i := 0; i < len(s); {
		c, n := s[i], 1
		space := false
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, n = decodeRune(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && field >= 0:
			if len(dst) > start {
				dst = append(dst, ' ')
			}
			dst = append(dst, s[field:i]...)
			field = -1
		case !space && field < 0:
			field = i
		}
		i += n
	}
	if field >= 0 {
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = append(dst, s[field:]...)
	}
	return dst
}

// decodeRune is utf8.DecodeRuneInString of s: only its first UTF-8
// sequence is read (as a string on the stack when s is bytes).
func decodeRune[T string | []byte](s T) (rune, int) {
	return utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isCollapsed reports whether collapse(s) == s: no white space but single
// spaces between words.
func isCollapsed[T string | []byte](s T) bool {
	prevSpace := true // at the start, a space is not allowed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				if c != ' ' || prevSpace {
					return false
				}
				prevSpace = true
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		r, n := decodeRune(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += n
	}
	return len(s) == 0 || !prevSpace
}

// runs appends the prose of block n (and of the blocks inside it) to
// Body.Text, as part of section name.
func (p *bodyParser) runs(n ast.Node, section string) {
	switch n.(type) {
	case *ast.HTMLBlock, *ast.CodeBlock, *ast.FencedCodeBlock:
		return
	}
	if h, ok := n.(*ast.Heading); ok && h.Level <= 2 {
		return
	}
	// A block holds either blocks or inlines.
	if c := n.FirstChild(); c != nil && c.Type() != ast.TypeInline {
		for ; c != nil; c = c.NextSibling() {
			p.runs(c, section)
		}
		return
	}
	// The run being built, in p.in; extended while the pieces of text are
	// separated only by white space.
	start, stop, open := 0, 0, false
	flush := func() {
		if open {
			p.addRun(TextRun{
				Section: section,
				Text:    p.source(p.off(start), p.off(stop)),
				Offset:  p.off(start),
			})
		}
		open = false
	}
	blockPos := nodePos(n)
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.RawHTML:
			flush()
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := c.Segment
			if seg.Start < 0 || seg.Stop > len(p.in) || seg.Start >= seg.Stop {
				return ast.WalkContinue, nil
			}
			if open && seg.Start >= stop && onlySpace(p.in[stop:seg.Start]) {
				stop = seg.Stop
				return ast.WalkContinue, nil
			}
			flush()
			start, stop, open = seg.Start, seg.Stop, true
		case *ast.String:
			at := blockPos
			if open {
				at = stop
			}
			flush()
			if len(c.Value) > 0 {
				p.addRun(TextRun{Section: section, Text: string(c.Value), Offset: p.off(at)})
			}
		}
		return ast.WalkContinue, nil
	})
	flush()
}

// addRun appends r to Body.Text, which is made, at the first run, with
// room for a run for each top-level block of the body.
func (p *bodyParser) addRun(r TextRun) {
	if p.body.text.runs == nil {
		p.body.text.runs = make([]TextRun, 0, max(1, p.topBlocks))
	}
	p.body.text.runs = append(p.body.text.runs, r)
}

func onlySpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// splitOutcomeMarker splits the mark of a lettered or numbered item written
// without a list (or inside one) off the start of s: "a. text", "a) text",
// "(a) text", "(iv) text", "B. text", "(2) text", "2) text". A letter or a
// roman numeral is the outcome's id, lower case as practitioners refer to
// it ("a", "iv"); a number n is On, as a numbered list's. The mark must be
// followed by a space and text, so "i.e." and "e.g." are not marks. id is
// "" when s opens with no such mark.
func splitOutcomeMarker(s string) (id, rest string) {
	i, closing := 0, byte(0)
	if strings.HasPrefix(s, "(") {
		i, closing = 1, ')'
	}
	j := i
	for j < len(s) && j-i < 5 && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j == i || j >= len(s) {
		return "", s
	}
	mark := strings.ToLower(s[i:j])
	switch {
	case closing != 0 && s[j] == closing:
	case closing == 0 && (s[j] == '.' || s[j] == ')'):
	default:
		return "", s
	}
	rest = s[j+1:]
	if rest == "" || rest[0] != ' ' || strings.TrimSpace(rest) == "" {
		return "", s
	}
	rest = strings.TrimSpace(rest)
	switch {
	case strings.Trim(mark, "0123456789") == "":
		if mark[0] == '0' || len(mark) > 3 {
			return "", s
		}
		return "O" + mark, rest
	case len(mark) == 1 || isRoman(mark):
		return mark, rest
	}
	return "", s
}

// isRoman reports whether s (lower case) is a roman numeral from i to
// xxxix.
func isRoman(s string) bool {
	t := strings.TrimLeft(s, "x")
	if len(s)-len(t) > 3 {
		return false
	}
	switch t {
	case "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix":
		return s != ""
	}
	return false
}

// isOutcomeMark reports whether id is an outcome id taken from a letter or
// roman numeral mark ("a", "iv"), not an O-number.
func isOutcomeMark(id string) bool {
	return id != "" && !(len(id) > 1 && (id[0] == 'O' || id[0] == 'o') && strings.Trim(id[1:], "0123456789") == "")
}

// firstMark reports whether a lettered or roman list may start with mark:
// "a" or "i". A line opening "J. Smith will ..." is not the first item of
// a lettered list of outcomes.
func firstMark(mark string) bool { return mark == "a" || mark == "i" }
