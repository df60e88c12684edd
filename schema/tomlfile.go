package schema

import (
	"errors"
	"fmt"

	"github.com/BurntSushi/toml"
)

// tomlGuard is tomlGuardOf for the TOML text of a frontmatter.
func tomlGuard(text []byte, base int) (off int, why string) {
	return tomlGuardOf(text, base, "the frontmatter", "this record")
}

// MaxTOMLFile is the size of the largest TOML file caselint reads besides
// records (a .caselint.toml, an exercise.toml): the limit of a record's
// frontmatter, as the TOML parser costs the same on either.
const MaxTOMLFile = maxFrontmatter

// GuardTOML applies the guards of a record's frontmatter to a whole TOML
// file, before it is decoded: at most MaxTOMLFile bytes, and arrays, inline
// tables and dotted keys nested no deeper than in a frontmatter. It returns
// nil when the TOML parser may read data, or an error starting
// "name:line:col: " that says why not; what names the file in it ("the
// config"). The scan is linear in the size of data.
func GuardTOML(name, what string, data []byte) error {
	if len(data) > MaxTOMLFile {
		return fmt.Errorf("%s: %s is %d KB; caselint reads at most %d KB of it, so it did not read it", name, what, (len(data)+1023)>>10, MaxTOMLFile>>10)
	}
	off, why := tomlGuardOf(data, 0, what, "it")
	if why == "" {
		return nil
	}
	pos := NewSource(name, data).Position(off)
	return fmt.Errorf("%s:%d:%d: %s", name, pos.Line, pos.Col, why)
}

// TOMLFileError says err, from decoding the whole TOML file name (a
// .caselint.toml, an exercise's files) after GuardTOML, with where it is:
// "name:line:col: message" for a syntax error, else "name: err".
func TOMLFileError(name string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: %s", name, pe.Position.Line, pe.Position.Col, pe.Message)
	}
	return fmt.Errorf("%s: %w", name, err)
}
