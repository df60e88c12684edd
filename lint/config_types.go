package lint

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/schema"
)

// What a config's keys hold, from the Go type each decodes into: a wrong
// type is an error at the key, saying what is allowed, never the TOML
// decoder's own words ("destination has type slice"). Types that read
// themselves (a date, an interval) say what they take themselves.

// tomlUnmarshaler is a type that decodes its own TOML value.
var tomlUnmarshaler = reflect.TypeFor[toml.Unmarshaler]()

// allowed is the TOML type (as toml.MetaData.Type names it) a Go type
// takes, and how a config writes it; "" for a type that decodes itself.
func allowed(t reflect.Type) (tomlType, how string) {
	if reflect.PointerTo(t).Implements(tomlUnmarshaler) || t.Implements(tomlUnmarshaler) {
		return "", ""
	}
	switch t.Kind() {
	case reflect.Pointer:
		return allowed(t.Elem())
	case reflect.String:
		return "String", "a string in quotes"
	case reflect.Bool:
		return "Bool", "true or false"
	case reflect.Int, reflect.Int64:
		return "Integer", "a whole number, such as 2"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "Array", `a list of strings, such as ["TBC", "N/A"]`
		}
		return "Array", "a list, such as [2026-12-24, 2026-12-29]"
	case reflect.Map, reflect.Struct:
		return "Hash", "a table, such as [" + "NAME] with its keys below it"
	}
	return "", ""
}

// stringExamples are examples of the config's string keys, by key.
var stringExamples = map[string]string{
	"profile": `"combined"`, "extends": `"combined"`, "title": `"Our own"`, "max_file_size": `"2 MB"`,
}

// tomlTypeWords says what a TOML value of type typ is, for messages.
var tomlTypeWords = map[string]string{
	"Integer": "a number", "Float": "a number", "String": "a string", "Bool": "true or false",
	"Datetime": "a date", "Array": "a list", "Hash": "a table", "ArrayHash": "a list of tables",
}

// fieldOf returns the type the key part name decodes into within t (a
// struct, by toml tag, or a map, by its values).
func fieldOf(t reflect.Type, name string) (reflect.Type, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Map:
		return t.Elem(), true
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if tag, _, _ := strings.Cut(f.Tag.Get("toml"), ","); tag == name {
				return f.Type, true
			}
		}
	}
	return nil, false
}

// checkTypes fails at the first key of md whose value is of a type its
// field does not take (unknown keys are for the caller), at the key's
// line and column in src.
func checkTypes(src *schema.Source, md toml.MetaData) error {
	for _, key := range md.Keys() {
		t := reflect.TypeFor[Config]()
		ok := true
		for _, part := range key {
			if t, ok = fieldOf(t, part); !ok {
				break
			}
		}
		if !ok {
			continue
		}
		want, how := allowed(t)
		got := md.Type(key...)
		if want == "" || got == want {
			continue
		}
		if ex, ok := stringExamples[key[len(key)-1]]; ok && want == "String" {
			how += ", such as " + ex
		} else if len(key) > 1 && key[len(key)-2] == "rules" && want == "String" {
			how += ": " + ruleSettingWords
		}
		line, col := findKey(src, key)
		return fmt.Errorf("%s:%d:%d: %s is %s; it must be %s", src.Path, line, col, key, tomlTypeWords[got], how)
	}
	return nil
}

// findKey returns the line and column where the last part of key is
// written under its table (findKeyLine), or 1, 1.
func findKey(src *schema.Source, key toml.Key) (line, col int) {
	line = findKeyLine(src, key)
	last := key[len(key)-1]
	text := string(src.Line(line))
	if i := strings.Index(text, last); i >= 0 {
		return line, i + 1
	}
	return line, 1
}
