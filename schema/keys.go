package schema

// Span is a byte range in a Source.
type Span struct{ Start, End int }

// KeyIndex records where each key, table header and value of a document's
// frontmatter stands, so that findings about a fact point at its line.
// BurntSushi/toml reports no positions for keys, so the index is built from
// the frontmatter text by a small scanner that follows table headers, arrays
// of tables and dotted keys.
//
// A key path names a key from the top: ("lead_worker"), ("cessation",
// "date"), ("people", "2", "name") for the third [[people]] table.
type KeyIndex struct {
	entries map[string]keyEntry
	typeKey Span
	front   Span
}

type keyEntry struct {
	key   Span   // the key text, or the whole [header] for a table
	value Span   // the value text (empty for a table)
	elems []Span // the elements of an array value
}

func keyOf(path []string) string {
	k := ""
	for i, p := range path {
		if i > 0 {
			k += "\x00"
		}
		k += p
	}
	return k
}

// Has reports whether the key path is written in the frontmatter.
func (k *KeyIndex) Has(path ...string) bool {
	if k == nil {
		return false
	}
	_, ok := k.entries[keyOf(path)]
	return ok
}

// Key returns where the key of path stands (for a table, its [header]).
func (k *KeyIndex) Key(path ...string) (Span, bool) {
	if k == nil {
		return Span{}, false
	}
	e, ok := k.entries[keyOf(path)]
	return e.key, ok
}

// Value returns where the value of path stands.
func (k *KeyIndex) Value(path ...string) (Span, bool) {
	if k == nil {
		return Span{}, false
	}
	e, ok := k.entries[keyOf(path)]
	if !ok || e.value == (Span{}) {
		return e.key, ok
	}
	return e.value, ok
}

// Elem returns where element i of the array value of path stands.
func (k *KeyIndex) Elem(i int, path ...string) (Span, bool) {
	if k == nil {
		return Span{}, false
	}
	e, ok := k.entries[keyOf(path)]
	if !ok {
		return Span{}, false
	}
	if i < 0 || i >= len(e.elems) {
		return e.value, true
	}
	return e.elems[i], true
}

// TypeKey returns where the type key stands (type = "plan").
func (k *KeyIndex) TypeKey() Span {
	if k == nil {
		return Span{}
	}
	return k.typeKey
}
