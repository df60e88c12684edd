package report

import (
	"io"
	"strconv"

	"github.com/caselint/caselint/lint"
)

// NewCheckstyle prints checkstyle XML, which Jenkins (warnings-ng), many
// review tools and reviewdog (-f=checkstyle) read:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<checkstyle version="4.3">
//	  <file name="cases/smith/plan.md">
//	    <error line="12" column="5" severity="error" message="..." source="caselint.missing-lead-worker"/>
//	  </file>
//	</checkstyle>
//
// One file element per file with findings, in the order the findings
// arrive (sorted by path, so each file comes once). Severities are error,
// warning and info; columns count characters. Suppressed findings are left
// out: checkstyle cannot mark a finding as reviewed.
func NewCheckstyle(w io.Writer, opts Options) Printer {
	return &checkstylePrinter{ew: &errWriter{w: w}}
}

type checkstylePrinter struct {
	ew   *errWriter
	path string
	open bool
}

func (p *checkstylePrinter) Begin() error {
	p.ew.write(xmlHeader + `<checkstyle version="4.3">` + "\n")
	return p.ew.err
}

func (p *checkstylePrinter) Finding(f *lint.Finding) error {
	if f.Suppression != nil {
		return nil
	}
	if !p.open || f.Path != p.path {
		p.closeFile()
		p.ew.write(`  <file name="` + xmlText(f.Path) + `">` + "\n")
		p.path, p.open = f.Path, true
	}
	p.ew.write(`    <error line="` + strconv.Itoa(max(f.Pos.Line, 0)) + `"`)
	if f.Pos.Col > 0 {
		p.ew.write(` column="` + strconv.Itoa(f.Pos.Col) + `"`)
	}
	p.ew.write(` severity="` + checkstyleSeverity(f.Severity) + `" message="` + xmlText(f.Message) +
		`" source="caselint.` + xmlText(f.RuleID) + `"/>` + "\n")
	return p.ew.err
}

func (p *checkstylePrinter) closeFile() {
	if p.open {
		p.ew.write("  </file>\n")
		p.open = false
	}
}

func (p *checkstylePrinter) End(*Tail) error {
	p.closeFile()
	p.ew.write("</checkstyle>\n")
	return p.ew.err
}

func checkstyleSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "info"
}
