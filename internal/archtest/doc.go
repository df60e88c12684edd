// Package archtest holds the test that keeps caselint's layers apart: the
// engine (lint, schema, checks, and what they import from the module) never
// imports a feature package (training exercises, report printers, new
// records, git, the command); and no package but internal/vcs imports
// go-git. docs/architecture.md draws the layers.
package archtest
