package report

import (
	"io"
	"strconv"

	"github.com/caselint/caselint/lint"
)

// NewJUnit prints JUnit XML, the test report Jenkins (junit), Azure
// DevOps (PublishTestResults, JUnit) and GitLab (reports:junit)
// read:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<testsuites name="caselint">
//	  <testsuite name="cases/smith/plan.md" tests="2" failures="2" errors="0" skipped="0">
//	    <testcase name="missing-lead-worker at 12:5" classname="cases/smith/plan.md" file="cases/smith/plan.md" line="12">
//	      <failure message="no lead worker is named" type="error">cases/smith/plan.md:12:5: error: no lead worker is named [missing-lead-worker]</failure>
//	    </testcase>
//	  </testsuite>
//	  <testsuite name="caselint" tests="1" failures="0" errors="0" skipped="0">
//	    <testcase name="lint" classname="caselint"/>
//	    <system-out>3 errors, 1 warning, 0 notes in 2 cases (14 records)</system-out>
//	  </testsuite>
//	</testsuites>
//
// One testsuite per file with findings, one failing testcase per finding
// (the failure's type is its severity), in the order the findings arrive;
// then a last testsuite, "caselint", whose one testcase passes and says
// what was linted (the text format's summary) and, in system-err, the
// notifications, so that a clean run is a passing test, not an empty
// report. Suppressed findings are left out (counted in the summary). The
// printer holds one file's findings at a time, to write its counts first.
func NewJUnit(w io.Writer, opts Options) Printer {
	return &junitPrinter{ew: &errWriter{w: w}}
}

type junitPrinter struct {
	ew   *errWriter
	c    Tally
	path string
	file []lint.Finding // the findings of path, not yet written
}

func (p *junitPrinter) Begin() error {
	p.ew.write(xmlHeader + `<testsuites name="caselint">` + "\n")
	return p.ew.err
}

func (p *junitPrinter) Finding(f *lint.Finding) error {
	p.c.Add(f)
	if f.Suppression != nil {
		return nil
	}
	if len(p.file) > 0 && f.Path != p.path {
		p.flush()
	}
	p.path = f.Path
	p.file = append(p.file, *f)
	return p.ew.err
}

// flush writes the testsuite of the file held.
func (p *junitPrinter) flush() {
	if len(p.file) == 0 {
		return
	}
	n := strconv.Itoa(len(p.file))
	path := xmlText(p.path)
	p.ew.write(`  <testsuite name="` + path + `" tests="` + n + `" failures="` + n + `" errors="0" skipped="0">` + "\n")
	pal := newPalette(false)
	for i := range p.file {
		f := &p.file[i]
		name := f.RuleID
		if f.Pos.Line > 0 {
			name += " at " + strconv.Itoa(f.Pos.Line) + ":" + strconv.Itoa(max(f.Pos.Col, 1))
		}
		p.ew.write(`    <testcase name="` + xmlText(name) + `" classname="` + path + `" file="` + path + `"`)
		if f.Pos.Line > 0 {
			p.ew.write(` line="` + strconv.Itoa(f.Pos.Line) + `"`)
		}
		line := textLine(pal, f)
		p.ew.write(">\n      <failure message=\"" + xmlText(f.Message) + `" type="` + f.Severity.String() + `">` +
			xmlText(line[:len(line)-1]) + "</failure>\n    </testcase>\n")
	}
	p.ew.write("  </testsuite>\n")
	p.file = p.file[:0]
}

func (p *junitPrinter) End(t *Tail) error {
	p.flush()
	p.ew.write(`  <testsuite name="caselint" tests="1" failures="0" errors="0" skipped="0">` + "\n" +
		`    <testcase name="lint" classname="caselint"/>` + "\n" +
		"    <system-out>" + xmlText(summary(p.c, t)) + "</system-out>\n")
	if len(t.Notifications) > 0 {
		p.ew.write("    <system-err>")
		for _, n := range t.Notifications {
			where := "caselint"
			if n.Path != "" {
				where = n.Path
			}
			p.ew.write(xmlText(where+": notice: "+n.Message) + "\n")
		}
		p.ew.write("</system-err>\n")
	}
	p.ew.write("  </testsuite>\n</testsuites>\n")
	return p.ew.err
}
