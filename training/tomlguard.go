package training

import "github.com/caselint/caselint/schema"

// guardTOML applies the guards of a record's frontmatter to a TOML file of
// an exercise (exercise.toml, history.toml, the state file) before it is
// decoded: a file nested thousands deep would take the TOML parser seconds
// and gigabytes. The error names the file, line and column.
func guardTOML(name string, data []byte) error {
	return schema.GuardTOML(name, "the file", data)
}
