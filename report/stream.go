package report

import (
	"bytes"
	"encoding/json"
	"io"
)

// jsonStream writes one JSON document piece by piece, as writeJSON would
// write it whole: indented two spaces, without escaping <, > and &, with a
// trailing newline. The streaming formats (JSON, SARIF, rdjson, Code
// Climate) open an object or an array, write each finding into it as it
// arrives, and close it: no format holds the findings.
type jsonStream struct {
	ew   *errWriter
	buf  bytes.Buffer
	encs map[string]*json.Encoder // by indent, each writing to buf
}

func newJSONStream(w io.Writer) *jsonStream { return &jsonStream{ew: &errWriter{w: w}} }

// value writes v, its lines after the first prefixed by indent.
func (s *jsonStream) value(v any, indent string) {
	if s.ew.err != nil {
		return
	}
	s.buf.Reset()
	enc, ok := s.encs[indent]
	if !ok {
		enc = json.NewEncoder(&s.buf)
		enc.SetIndent(indent, "  ")
		enc.SetEscapeHTML(false)
		if s.encs == nil {
			s.encs = map[string]*json.Encoder{}
		}
		s.encs[indent] = enc
	}
	if err := enc.Encode(v); err != nil {
		s.ew.err = err
		return
	}
	_, s.ew.err = s.ew.w.Write(bytes.TrimSuffix(s.buf.Bytes(), []byte("\n")))
}

// object opens an object whose closing brace stands at indent.
func (s *jsonStream) object(indent string) *jsonObject {
	s.ew.write("{")
	return &jsonObject{s: s, indent: indent}
}

// array opens an array whose closing bracket stands at indent.
func (s *jsonStream) array(indent string) *jsonArray {
	s.ew.write("[")
	return &jsonArray{s: s, indent: indent}
}

// jsonObject is an open object.
type jsonObject struct {
	s      *jsonStream
	indent string
	n      int
}

// key writes the next member's name.
func (o *jsonObject) key(name string) {
	if o.n > 0 {
		o.s.ew.write(",")
	}
	o.n++
	o.s.ew.write("\n" + o.indent + "  ")
	o.s.value(name, "")
	o.s.ew.write(": ")
}

// field writes the member name: v.
func (o *jsonObject) field(name string, v any) {
	o.key(name)
	o.s.value(v, o.indent+"  ")
}

// array opens the member name as an array.
func (o *jsonObject) array(name string) *jsonArray {
	o.key(name)
	return o.s.array(o.indent + "  ")
}

func (o *jsonObject) close() {
	if o.n > 0 {
		o.s.ew.write("\n" + o.indent)
	}
	o.s.ew.write("}")
}

// jsonArray is an open array.
type jsonArray struct {
	s      *jsonStream
	indent string
	n      int
}

func (a *jsonArray) next() {
	if a.n > 0 {
		a.s.ew.write(",")
	}
	a.n++
	a.s.ew.write("\n" + a.indent + "  ")
}

// add writes v as the next element.
func (a *jsonArray) add(v any) {
	a.next()
	a.s.value(v, a.indent+"  ")
}

// object opens the next element as an object.
func (a *jsonArray) object() *jsonObject {
	a.next()
	return a.s.object(a.indent + "  ")
}

func (a *jsonArray) close() {
	if a.n > 0 {
		a.s.ew.write("\n" + a.indent)
	}
	a.s.ew.write("]")
}
