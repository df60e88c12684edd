package schema

// The anchors below give the byte offset a finding should point at, as
// "Where a finding points" in the format docs says. Each falls back to the
// record's type line when the key is not written, so a finding always has a
// place.

// TypeLine returns the offset of the record's type key (type = "plan").
func (d *Document) TypeLine() int {
	if s := d.Keys.TypeKey(); s != (Span{}) {
		return s.Start
	}
	return d.FrontStart
}

// At returns the offset of the key of path, or of its table header.
func (d *Document) At(path ...string) int {
	if s, ok := d.Keys.Key(path...); ok {
		return s.Start
	}
	return d.TypeLine()
}

// AtValue returns the offset of the value of path.
func (d *Document) AtValue(path ...string) int {
	if s, ok := d.Keys.Value(path...); ok {
		return s.Start
	}
	return d.TypeLine()
}

// AtElem returns the offset of element i of the array value of path.
func (d *Document) AtElem(i int, path ...string) int {
	if s, ok := d.Keys.Elem(i, path...); ok {
		return s.Start
	}
	return d.At(path...)
}

// MaxProblems bounds the problems recorded on one document; those past it
// are counted in MoreProblems. A file with thousands of unknown keys is one
// broken file: the engine lists the first of them and says how many more.
const MaxProblems = 1000

// Problemf records a problem at offset off.
func (d *Document) Problemf(off int, format string, args ...any) {
	if len(d.Problems) >= MaxProblems {
		d.MoreProblems++
		return
	}
	d.Problems = append(d.Problems, Problem{Offset: off, Message: sprintf(format, args...), Msg: Msgf(format, args...)})
}
