package htmlreport_test

import (
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report/htmlreport"
)

// The browser test drives headless Chromium (chromedp) over the report of
// the shipped samples. Outside CI it skips, saying why, where Chromium or
// axe-core is missing; under CI=true it fails instead (.ci/run installs
// both: apt-get install chromium; npm ci in .ci/axe).

var update = flag.Bool("update", false, "rewrite docs/img/report.png, the screenshot of the samples' report")

// chromium returns the browser to drive, or skips (fails under CI).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CASELINT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "no Chromium found (apt-get install chromium, or set CASELINT_CHROMIUM)")
	return ""
}

// axeScript returns axe-core's axe.min.js, from CASELINT_AXE_JS or as .ci/run
// installs it (npm ci in .ci/axe), or skips (fails under CI).
func axeScript(t *testing.T) string {
	t.Helper()
	p := os.Getenv("CASELINT_AXE_JS")
	if p == "" {
		p = filepath.Join("..", "..", ".ci", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(p)
	if err != nil {
		missing(t, fmt.Sprintf("axe-core not found at %s (npm ci --prefix .ci/axe, or set CASELINT_AXE_JS): %v", p, err))
	}
	return string(data)
}

func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s: under CI the browser test must run", why)
	}
	t.Skipf("%s: the browser test is skipped (it fails under CI=true)", why)
}

// browserEvents are what the page did while it loaded: console messages at
// error level, uncaught exceptions and the requests it made.
type browserEvents struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func (b *browserEvents) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			b.errors = append(b.errors, "console."+string(ev.Type)+": "+strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		b.errors = append(b.errors, "exception: "+ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			b.errors = append(b.errors, "log: "+ev.Entry.Text)
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	}
}

func TestBrowserSamplesReport(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	exe := chromium(t)
	axe := axeScript(t)

	res := lintSamples(t, samplesDir(), false)
	page := render(t, res, htmlreport.Options{AsOf: samplesAsOf, Profile: lint.ProfileCombined, ToolVersion: "test"})
	file := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(file, page, 0o600); err != nil {
		t.Fatal(err)
	}
	pageURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(file)}).String()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()

	var ev browserEvents
	if err := chromedp.Listen(ctx, ev.listen); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 1600), chromedp.Navigate(pageURL)); err != nil {
		t.Fatal(err)
	}

	t.Run("loads from file with no error and no request", func(t *testing.T) {
		// The sorting script runs: its buttons are there (a CSP that
		// blocked it would say so in the log, and they would not be).
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#dashboard-table th button").length`))
		if err != nil || n != 10 {
			t.Errorf("%d sort buttons (%v), want 10: the page's script did not run", n, err)
		}
		ev.mu.Lock()
		defer ev.mu.Unlock()
		for _, e := range ev.errors {
			t.Errorf("the page logged an error: %s", e)
		}
		for _, r := range ev.requests {
			if r != pageURL {
				t.Errorf("the page requested %s", r)
			}
		}
	})

	t.Run("markers and gaps at their dates", func(t *testing.T) {
		var wantVisits, wantGaps []string
		for _, ch := range res.Chronologies {
			for _, e := range ch.Events {
				if e.Kind == lint.EventVisit {
					wantVisits = append(wantVisits, ch.Dir+" "+e.Date.String()+" "+string(e.Seeing))
				}
			}
		}
		for _, f := range res.Findings {
			if (f.RuleID == checks.UnseenChild.ID || f.RuleID == checks.OverdueCoreGroup.ID) && f.Suppression == nil {
				dir := strings.SplitN(f.Path, "/", 2)[0]
				wantGaps = append(wantGaps, fmt.Sprintf("%s %s %s %s %s", dir, f.RuleID, f.Span.From, f.Span.Due, f.Span.To))
			}
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("section.case")).flatMap(function (s) {
			var dir = s.querySelector(".meta .where").textContent;
			return Array.from(s.querySelectorAll("svg.timeline g.marker[data-kind=visit]")).map(function (g) {
				return dir + " " + g.dataset.date + " " + g.dataset.seeing;
			});
		})`))
		if err != nil {
			t.Fatal(err)
		}
		same(t, "visit markers", got, wantVisits)
		got, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("section.case")).flatMap(function (s) {
			var dir = s.querySelector(".meta .where").textContent;
			return Array.from(s.querySelectorAll("svg.timeline g.gap-group")).map(function (g) {
				return [dir, g.dataset.rule, g.dataset.from, g.dataset.due, g.dataset.to].join(" ");
			});
		})`))
		if err != nil {
			t.Fatal(err)
		}
		if len(wantGaps) == 0 {
			t.Fatal("no gap findings in the samples: nothing tested")
		}
		same(t, "shaded gaps", got, wantGaps)

		// Drawn where the dates are: each gap's shaded span starts at the
		// x of a visit or meeting of its from date, or of the plan's
		// start, and lies inside the timeline.
		bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("svg.timeline")).flatMap(function (svg) {
			var out = [];
			svg.querySelectorAll("g.gap-group").forEach(function (g) {
				var r = g.querySelector("rect").getBBox();
				var from = svg.querySelector('g.marker[data-date="' + g.dataset.from + '"] path');
				var x = from ? from.getBBox().x + from.getBBox().width / 2 : parseFloat(svg.querySelector("line.plan").getAttribute("x1"));
				if (Math.abs(r.x - x) > 1.5 || r.x + r.width > svg.viewBox.baseVal.width) {
					out.push(g.dataset.rule + " " + g.dataset.from + ": rect at " + r.x + ", from-marker at " + x);
				}
			});
			return out;
		})`))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range bad {
			t.Errorf("gap not drawn at its dates: %s", b)
		}
	})

	t.Run("sorting", func(t *testing.T) {
		first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
			var b = Array.from(document.querySelectorAll("#dashboard-table th button")).find(function (b) { return b.textContent === "Errors"; });
			b.click(); b.click();
			return document.querySelector("#dashboard-table tbody tr td:nth-child(8)").textContent + " " + b.parentNode.getAttribute("aria-sort");
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		most := 0
		for _, ch := range res.Chronologies {
			n := 0
			for _, f := range res.Findings {
				if strings.HasPrefix(f.Path, ch.Dir+"/") && f.Severity == lint.Error && f.Suppression == nil {
					n++
				}
			}
			most = max(most, n)
		}
		if want := strconv.Itoa(most) + " descending"; first != want {
			t.Errorf("sorted by errors, descending, the first row has %q, want %q", first, want)
		}
	})

	t.Run("fits A4 when printed", func(t *testing.T) {
		// A4 less the print stylesheet's 12 mm margins, in CSS pixels:
		// 186 mm at 96 to the inch.
		const a4Content = 702
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(a4Content, 1000)); err != nil {
			t.Fatal(err)
		}
		overflow, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(function () {
			var w = document.documentElement.clientWidth, out = [];
			if (document.documentElement.scrollWidth > w) out.push("page " + document.documentElement.scrollWidth + " > " + w);
			document.querySelectorAll("table, svg.timeline, h1, h2, p, li").forEach(function (e) {
				var r = e.getBoundingClientRect();
				if (r.right > w + 0.5) out.push(e.tagName + (e.id ? "#" + e.id : "") + " reaches " + r.right + " > " + w);
			});
			return out.slice(0, 10);
		})()`))
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range overflow {
			t.Errorf("printed on A4, wider than the page: %s", o)
		}
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatal(err)
		}
		boxes := mediaBox.FindAllSubmatch(pdf, -1)
		if len(boxes) == 0 {
			t.Fatal("the PDF has no page")
		}
		for _, b := range boxes {
			w, _ := strconv.ParseFloat(string(b[1]), 64)
			h, _ := strconv.ParseFloat(string(b[2]), 64)
			if w < 594 || w > 597 || h < 841 || h > 843 { // A4: 595.3 x 841.9 points
				t.Fatalf("a PDF page is %.1f x %.1f points, not A4", w, h)
			}
		}
		t.Logf("printed on %d A4 pages", len(boxes))
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{}); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 1600)); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("accessibility (axe-core)", func(t *testing.T) {
		// Runtime.evaluate is not bound by the page's CSP, which allows
		// its own script alone.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[*runtime.RemoteObject](axe)); err != nil {
			t.Fatal(err)
		}
		type node struct {
			Target         []string `json:"target"`
			FailureSummary string   `json:"failureSummary"`
		}
		type violation struct {
			ID     string `json:"id"`
			Impact string `json:"impact"`
			Help   string `json:"help"`
			Nodes  []node `json:"nodes"`
		}
		type results struct {
			Violations []violation `json:"violations"`
			Passes     []violation `json:"passes"`
		}
		r, err := chromedp.Run(ctx, chromedp.Evaluate[results](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}).then(function (r) { return {violations: r.violations, passes: r.passes}; })`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		var passed []string
		for _, p := range r.Passes {
			passed = append(passed, p.ID)
		}
		if !slices.Contains(passed, "color-contrast") || !slices.Contains(passed, "svg-img-alt") {
			t.Errorf("axe did not check contrast and the timelines' text alternatives: it passed only %v", passed)
		}
		for _, v := range r.Violations {
			where := ""
			if len(v.Nodes) > 0 {
				where = fmt.Sprintf(" (%d, first %v: %s)", len(v.Nodes), v.Nodes[0].Target, v.Nodes[0].FailureSummary)
			}
			if v.Impact == "serious" || v.Impact == "critical" {
				t.Errorf("axe: %s %s: %s%s", v.Impact, v.ID, v.Help, where)
			} else {
				t.Logf("axe: %s %s: %s%s", v.Impact, v.ID, v.Help, where)
			}
		}
	})

	if *update {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1100, 1500), chromedp.Navigate(pageURL)); err != nil {
			t.Fatal(err)
		}
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join("..", "..", "docs", "img", "report.png"), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var mediaBox = regexp.MustCompile(`/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]`)

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
