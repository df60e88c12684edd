package htmlreport_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report/htmlreport"
	"github.com/caselint/caselint/schema"
	"golang.org/x/net/html"
)

var samplesAsOf = schema.Date{Year: 2026, Month: 11, Day: 20}

// lintSamples lints the records under dir (the shipped samples by default)
// as caselint lint --format html does, with the samples' config (the
// history rules off: they need a repository).
func lintSamples(t testing.TB, dir string, redact bool) *lint.Result {
	t.Helper()
	prof, err := lint.ShippedProfile(lint.ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: os.DirFS(dir), Rules: checks.All(), Profile: prof,
		AsOf: samplesAsOf, Redact: redact, Chronologies: true})
	if err != nil {
		t.Fatal(err)
	}
	if redact {
		lint.RedactPaths(res)
	}
	return res
}

func samplesDir() string { return filepath.Join("..", "..", "testdata", "samples") }

func render(t testing.TB, res *lint.Result, opts htmlreport.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := htmlreport.Write(&buf, res, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// attrs returns the attributes of every element of the page for which
// keep says yes, in document order.
func elements(t testing.TB, page []byte, keep func(n *html.Node) bool) []map[string]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && keep(n) {
			m := map[string]string{}
			for _, a := range n.Attr {
				m[a.Key] = a.Val
			}
			out = append(out, m)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestSamplesTimeline: the samples' report has one visit marker per visit
// record, at its date, and one shaded gap per unseen-child and
// overdue-core-group finding, at the finding's dates.
func TestSamplesTimeline(t *testing.T) {
	res := lintSamples(t, samplesDir(), false)
	if len(res.Chronologies) != res.Cases || res.Cases < 7 {
		t.Fatalf("%d chronologies for %d cases", len(res.Chronologies), res.Cases)
	}
	page := render(t, res, htmlreport.Options{AsOf: samplesAsOf, Profile: lint.ProfileCombined})

	// The visit records, by date, from the files.
	var wantVisits []string
	err := filepath.WalkDir(samplesDir(), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && filepath.Base(filepath.Dir(p)) == "visits" && strings.HasSuffix(p, ".md") {
			wantVisits = append(wantVisits, strings.TrimSuffix(d.Name(), ".md")[:10])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var gotVisits []string
	for _, m := range elements(t, page, func(n *html.Node) bool { return n.Data == "g" && hasAttr(n, "data-kind") }) {
		if m["data-kind"] == "visit" {
			gotVisits = append(gotVisits, m["data-date"])
		}
	}
	sort.Strings(wantVisits)
	sort.Strings(gotVisits)
	if strings.Join(gotVisits, " ") != strings.Join(wantVisits, " ") {
		t.Errorf("visit markers at\n%v\nwant one per visit record:\n%v", gotVisits, wantVisits)
	}

	var want []string
	for _, f := range res.Findings {
		if f.RuleID != checks.UnseenChild.ID && f.RuleID != checks.OverdueCoreGroup.ID {
			continue
		}
		if f.Span == nil {
			t.Errorf("%s:%d: %s has no span", f.Path, f.Pos.Line, f.RuleID)
			continue
		}
		if f.Suppression == nil {
			want = append(want, f.RuleID+" "+f.Span.From.String()+" "+f.Span.Due.String()+" "+f.Span.To.String())
		}
	}
	if len(want) == 0 {
		t.Fatal("the samples have no unseen-child or overdue-core-group finding: the test tests nothing")
	}
	var got []string
	for _, m := range elements(t, page, func(n *html.Node) bool { return hasAttr(n, "data-rule") && n.Data == "g" }) {
		got = append(got, m["data-rule"]+" "+m["data-from"]+" "+m["data-due"]+" "+m["data-to"])
	}
	sort.Strings(want)
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("gaps drawn:\n%s\nwant one per finding:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// A gap runs from the day the last visit or meeting was to the day of
	// the next, or the as-of date: spot-check one the samples seed.
	if !bytes.Contains(page, []byte(`data-rule="unseen-child" data-from="2026-07-13" data-due="2026-07-27" data-to="2026-08-06"`)) {
		t.Error("the seeded gap of OXF-2026-0211 (13 July to 6 August 2026) is not drawn at its dates")
	}
}

// TestDeadlinesColumns: without an obligation model the two columns say
// "—"; with one they show what it gives.
func TestDeadlinesColumns(t *testing.T) {
	res := lintSamples(t, samplesDir(), false)
	page := render(t, res, htmlreport.Options{AsOf: samplesAsOf})
	if n := bytes.Count(page, []byte(`<span title="not computed">—</span>`)); n != 2*len(res.Chronologies) {
		t.Errorf("%d cells say not computed, want 2 per case (%d cases)", n, len(res.Chronologies))
	}
	page = render(t, res, htmlreport.Options{AsOf: samplesAsOf, Deadlines: func(i int, ch *lint.Chronology) (htmlreport.Deadline, bool) {
		return htmlreport.Deadline{Next: schema.Date{Year: 2026, Month: 12, Day: 1 + i}, What: "core group", Overdue: i}, true
	}})
	if bytes.Contains(page, []byte("not computed")) || !bytes.Contains(page, []byte("1 December 2026: core group")) {
		t.Error("the deadlines given are not shown")
	}
}

// TestRedactedHoldsNoName plants names wherever records can hold them
// (the case folder, a file name, a legal status, a suppression reason,
// the lead worker and the case id) and requires that the redacted page
// holds none of them, nor any name case.md gives.
func TestRedactedHoldsNoName(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(samplesDir())); err != nil {
		t.Fatal(err)
	}
	// The child's name as the case folder, and a visit named after the
	// people it saw.
	if err := os.Rename(filepath.Join(dir, "SOT-2026-0042"), filepath.Join(dir, "Zofia-Nowak")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "Zofia-Nowak", "visits", "2026-10-05.md"), filepath.Join(dir, "Zofia-Nowak", "visits", "Zofia with Marek.md")); err != nil {
		t.Fatal(err)
	}
	caseMD := filepath.Join(dir, "OXF-2026-0211", "case.md")
	data, err := os.ReadFile(caseMD)
	if err != nil {
		t.Fatal(err)
	}
	// A legal status written with names in it.
	data = bytes.Replace(data, []byte("\n[[people]]"), []byte("\n[[legal_status]]\nstatus = \"care order granted to Keith Reid for Mason\"\nfrom = 2026-08-01\n\n[[people]]"), 1)
	if err := os.WriteFile(caseMD, data, 0o600); err != nil {
		t.Fatal(err)
	}
	names := plantedNames(t, dir)
	names = append(names, "Zofia-Nowak", "Marek", "Keith Reid")

	res := lintSamples(t, dir, true)
	page := render(t, res, htmlreport.Options{AsOf: samplesAsOf, Redact: true})
	if !bytes.Contains(page, []byte(`id="redacted"`)) {
		t.Error("the page does not say it is redacted")
	}
	for _, name := range names {
		re := regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`)
		if loc := re.FindIndex(page); loc != nil {
			t.Errorf("redacted page holds %q: …%s…", name, page[max(0, loc[0]-80):min(len(page), loc[1]+80)])
		}
	}
	// The same records unredacted do show them: the test would catch a leak.
	plain := render(t, lintSamples(t, dir, false), htmlreport.Options{AsOf: samplesAsOf})
	for _, name := range []string{"Mason", "Zofia-Nowak", "Zofia with Marek", "OXF-2026-0211"} {
		if !bytes.Contains(plain, []byte(name)) {
			t.Errorf("unredacted page lacks %q: the names planted are not where the report shows things", name)
		}
	}
}

var nameLine = regexp.MustCompile(`(?m)^(?:name|lead_worker|id|manager|approved_by)\s*=\s*"([^"]+)"`)

// plantedNames returns every name and case id the records under dir give,
// and each word of those names of three letters or more.
func plantedNames(t *testing.T, dir string) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (path.Base(p) != "case.md" && path.Base(p) != "plan.md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range nameLine.FindAllSubmatch(data, -1) {
			name := string(m[1])
			for _, s := range append([]string{name}, strings.Fields(name)...) {
				if len(s) >= 3 && !seen[s] && s != "Dr" && s != "Mrs" {
					seen[s] = true
					out = append(out, s)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 20 {
		t.Fatalf("only %d names found in the samples: %v", len(out), out)
	}
	return out
}
