//go:build ignore

// Summarize prints the table of docs/performance.md from what run.sh left
// in its work folder: the benchmark outputs (bench-*.txt), of which it takes
// the fastest repetition, and times.txt (wall times, peak memory, counts).
//
//	go run docs/perf/summarize.go WORK
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// result is the fastest repetition of one benchmark.
type result struct {
	ns, cpuMS, bytes, allocs float64
	metrics                  map[string]float64
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run docs/perf/summarize.go WORK")
		os.Exit(2)
	}
	work := os.Args[1]
	files, _ := filepath.Glob(filepath.Join(work, "bench-*.txt"))
	benches := map[string]map[string]result{} // file, benchmark name
	for _, f := range files {
		benches[strings.TrimSuffix(filepath.Base(f), ".txt")] = readBench(f)
	}
	times := readTimes(filepath.Join(work, "times.txt"))

	get := func(file, name string) (result, bool) {
		r, ok := benches[file][name]
		return r, ok
	}
	sec := func(ns float64) string { return fmt.Sprintf("%.2f s", ns/1e9) }
	ms := func(ns float64) string { return fmt.Sprintf("%.0f ms", ns/1e6) }
	mb := func(b float64) string { return fmt.Sprintf("%.0f MB", b/1e6) }
	verdict := func(ok bool) string {
		if ok {
			return "met"
		}
		return "**missed**"
	}

	fmt.Printf("Measured %s; %s; load average at the end %s.\n", times["machine"], corpusLine(times), times["load"])
	if pf, ok := times["pagefault"]; ok {
		fmt.Printf("A first touch of fresh memory costs %s µs a page here (docs/perf/pagefault.go).\n", pf)
	}
	if n := times["busy"]; n != "" {
		fmt.Printf("%s of the timings had to start while other work kept the machine's CPUs busy (see times.txt).\n", n)
	}
	fmt.Println()
	fmt.Println("| measure | result | target | |")
	fmt.Println("|---|---|---|---|")
	floor1, ok1 := get("bench-lint", "BenchmarkLibFloor")
	floor2, ok2 := get("bench-lint", "BenchmarkLibFloor-2")
	lint1, ok3 := get("bench-lint", "BenchmarkLint")
	lint2, ok4 := get("bench-lint", "BenchmarkLint-2")
	row := func(what string, r1, r2 result) {
		fmt.Printf("| %s | CPU %s on 1 core, %s on 2; wall %s, %s; %.1f bytes allocated a byte read | | |\n",
			what, sec(r1.cpuMS*1e6), sec(r2.cpuMS*1e6), sec(r1.ns), sec(r2.ns), r1.metrics["alloc/read"])
	}
	if ok1 && ok2 {
		row("libraries' floor (BenchmarkLibFloor: read, split, BurntSushi/toml into a map, goldmark of every body)", floor1, floor2)
	}
	if p1, ok := get("bench-parse", "BenchmarkCaselintParse"); ok {
		if p2, ok := get("bench-parse", "BenchmarkCaselintParse-2"); ok {
			row("caselint's parse (BenchmarkCaselintParse)", p1, p2)
		}
	}
	if ok3 && ok4 {
		row("whole lint, every rule (BenchmarkLint, no history)", lint1, lint2)
	}
	if ok1 && ok2 && ok3 && ok4 {
		rc := lint1.cpuMS / floor1.cpuMS
		fmt.Printf("| whole lint ÷ libraries' floor, CPU time | %.2f on 1 core, %.2f on 2 (wall: %.2f, %.2f) | ≤ 1.3 on 1 core | %s |\n",
			rc, lint2.cpuMS/floor2.cpuMS, lint1.ns/floor1.ns, lint2.ns/floor2.ns, verdict(rc <= 1.3))
		a := lint1.metrics["alloc/read"]
		fmt.Printf("| bytes allocated a byte read, whole lint | %.1f (the floor: %.1f) | ≤ 10 | %s |\n", a, floor1.metrics["alloc/read"], verdict(a <= 10))
		sp := lint1.ns / lint2.ns
		fmt.Printf("| speed-up from 1 to 2 cores (wall) | %.2f (the floor: %.2f) | ≥ 1.85 | %s |\n", sp, floor1.ns/floor2.ns, verdict(sp >= 1.85))
	}
	if nr, ok := get("bench-lint", "BenchmarkLintNoRules-2"); ok {
		fmt.Printf("| lint with no rule (find, read, parse, assemble, sort) | %s on 2 cores | | |\n", sec(nr.ns))
		var names []string
		for name := range benches["bench-family"] {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			r := benches["bench-family"][name]
			fam := strings.TrimSuffix(strings.TrimPrefix(name, "BenchmarkLintFamily/"), "-2")
			base := nr.ns
			note := ""
			if fam == "history" {
				note = " (on the repository; history built once beforehand)"
			}
			fmt.Printf("| rule family %s | %s on 2 cores, %+.0f ms over no rule%s | | |\n", strings.ReplaceAll(fam, "_", " "), sec(r.ns), (r.ns-base)/1e6, note)
		}
	}
	if h, ok := get("bench-history", "BenchmarkHistoryIndex-2"); ok {
		fmt.Printf("| history index (%s commits) | %s (CPU %s); %s allocated | | |\n", times["commits r3000"], ms(h.ns), ms(h.cpuMS*1e6), mb(h.bytes))
	}
	if h, ok := get("bench-history", "BenchmarkHistoryCached-2"); ok {
		fmt.Printf("| history index from its cache (`.git/caselint/history`, %s commits) | %s (CPU %s); %s allocated | | |\n", times["commits r3000"], ms(h.ns), ms(h.cpuMS*1e6), mb(h.bytes))
	}
	for _, sub := range []string{"readIndex", "Changed", "FS"} {
		if h, ok := get("bench-index", "BenchmarkStagedIndex/"+sub+"-2"); ok {
			fmt.Printf("| the repository's index (%s files): %s | %.1f ms; %s allocated | | |\n", times["files c3000"], sub, h.ns/1e6, mb(h.bytes))
		}
	}
	for _, sub := range []string{"cached", "cold", "no-cache"} {
		if h, ok := get("bench-staged", "BenchmarkStaged/"+sub+"-2"); ok {
			fmt.Printf("| whole `--staged` run in the test binary, 5 visits staged, history %s | %s (CPU %s); %s allocated | | |\n", sub, ms(h.ns), ms(h.cpuMS*1e6), mb(h.bytes))
		}
	}
	nfr, okN := get("bench-staged", "BenchmarkNewFromRevLast/new-from-rev-2")
	chg, okC := get("bench-staged", "BenchmarkNewFromRevLast/changed-2")
	if okN && okC {
		fmt.Printf("| `--new-from-rev HEAD~1` in the test binary | %s (CPU %s); %s allocated | | |\n", ms(nfr.ns), ms(nfr.cpuMS*1e6), mb(nfr.bytes))
		fmt.Printf("| plain lint of the %.0f cases HEAD~1 touched | %s (CPU %s); %s allocated | | |\n", chg.metrics["cases"], ms(chg.ns), ms(chg.cpuMS*1e6), mb(chg.bytes))
		fmt.Printf("| `--new-from-rev HEAD~1` ÷ the plain lint of the changed cases, CPU | %.1f× | ≤ 1.5× | %s |\n", nfr.cpuMS/chg.cpuMS, map[bool]string{true: "met", false: "**missed**"}[nfr.cpuMS <= 1.5*chg.cpuMS])
	}
	rnfr, okN := get("bench-staged", "BenchmarkNewFromRevLast/rev-new-from-rev-2")
	rchg, okC := get("bench-staged", "BenchmarkNewFromRevLast/rev-changed-2")
	if okN && okC {
		fmt.Printf("| `--rev HEAD --new-from-rev HEAD~1` ÷ `--rev HEAD` of the changed cases, CPU | %.1f× (%s against %s) | | |\n", rnfr.cpuMS/rchg.cpuMS, ms(rnfr.cpuMS*1e6), ms(rchg.cpuMS*1e6))
	}
	if h, ok := get("bench-history", "BenchmarkLintWithHistory-2"); ok {
		fmt.Printf("| whole lint of the repository, given its history | %s on 2 cores | | |\n", sec(h.ns))
	}
	if s, ok := get("bench-report", "BenchmarkSARIF-2"); ok {
		fmt.Printf("| SARIF writer, the corpus's %.0f findings | %s, %s allocated | | |\n", s.metrics["findings"], ms(s.ns), mb(s.bytes))
	}
	if s, ok := get("bench-report", "BenchmarkSARIFLarge-2"); ok {
		fmt.Printf("| SARIF writer, %.0f findings | %s, %s allocated | | |\n", s.metrics["findings"], sec(s.ns), mb(s.bytes))
	}
	var peaks []string
	worst := 0.0
	var streamed []string
	for name := range benches["bench-stream"] {
		streamed = append(streamed, name)
	}
	sort.Strings(streamed)
	for _, name := range streamed {
		s := benches["bench-stream"][name]
		f := strings.TrimSuffix(strings.TrimPrefix(name, "BenchmarkStream100k/"), "-2")
		peaks = append(peaks, fmt.Sprintf("%s %.1f MB", f, s.metrics["peak-MB"]))
		worst = max(worst, s.metrics["peak-MB"])
	}
	if len(peaks) > 0 {
		fmt.Printf("| peak heap printing 100,000 findings (BenchmarkStream100k) | %s | < 100 MB | %s |\n", strings.Join(peaks, "; "), verdict(worst < 100))
	}
	if rss, ok := times["rss c3000"]; ok {
		kb, _ := strconv.ParseFloat(rss, 64)
		fmt.Printf("| peak memory, 3,000 cases (work tree) | %.0f MB | < 150 MB | %s |\n", kb/1024, verdict(kb/1024 < 150))
	}
	var rssRow []string
	for _, n := range []string{"c1000", "c3000", "c10000", "r3000", "r3000-cold"} {
		if rss, ok := times["rss "+n]; ok {
			kb, _ := strconv.ParseFloat(rss, 64)
			rssRow = append(rssRow, fmt.Sprintf("%s %.0f MB", label(n), kb/1024))
		}
	}
	if len(rssRow) > 0 {
		fmt.Printf("| peak memory by corpus | %s | grows no faster than the largest case | |\n", strings.Join(rssRow, "; "))
	}
	var gcRow []string
	for _, n := range []string{"c1000", "c3000", "c10000", "r3000-cold"} {
		if rss, ok := times["rss "+n+"-gc"]; ok {
			gcRow = append(gcRow, fmt.Sprintf("%s %s s, %s MB", label(n), times["wall "+n+"-gc"], kbToMB(rss)))
		}
	}
	if len(gcRow) > 0 {
		fmt.Printf("| the binary with Go's default collector (GOGC=100, no budget): time and peak | %s | | |\n", strings.Join(gcRow, "; "))
	}
	var growth []string
	var perCase []float64
	for _, g := range []struct {
		file, name string
		cases      float64
	}{{"bench-growth-1000", "BenchmarkLint-2", 1000}, {"bench-lint", "BenchmarkLint-2", 3000}, {"bench-growth-10000", "BenchmarkLint-2", 10000}} {
		if r, ok := get(g.file, g.name); ok {
			growth = append(growth, fmt.Sprintf("%.0f cases %s (%.2f ms a case)", g.cases, sec(r.ns), r.ns/1e6/g.cases))
			perCase = append(perCase, r.ns/g.cases)
		}
	}
	if len(growth) > 0 {
		lin := ""
		if len(perCase) == 3 {
			lin = fmt.Sprintf("; a case costs %.2f× at 10,000 what it costs at 1,000", perCase[2]/perCase[0])
			fmt.Printf("| cost growth (whole lint, 2 cores) | %s%s | linear | %s |\n", strings.Join(growth, ", "), lin, verdict(perCase[2]/perCase[0] < 1.25))
		} else {
			fmt.Printf("| cost growth (whole lint, 2 cores) | %s | linear | |\n", strings.Join(growth, ", "))
		}
	}
	if w, ok := times["wall staged"]; ok {
		s, _ := strconv.ParseFloat(w, 64)
		fmt.Printf("| `caselint lint --staged`, %s records staged, %s commits | %.0f ms (peak %s MB, %s pages first touched) | < 100 ms | %s |\n", times["staged r3000"], times["commits r3000"], s*1000, kbToMB(times["rss staged"]), times["faults staged"], verdict(s < 0.100))
	}
	if w, ok := times["wall staged-cold"]; ok {
		s, _ := strconv.ParseFloat(w, 64)
		fmt.Printf("| the same, the first run in a clone (no history cache yet) | %.0f ms (peak %s MB) | < 500 ms | %s |\n", s*1000, kbToMB(times["rss staged-cold"]), verdict(s < 0.500))
	}
	nC, okN := times["cpu new-from-rev"]
	cC, okC := times["cpu changed"]
	gC, okG := times["cpu git-status"]
	if okN && okC && okG {
		secs := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
		n, c, g := secs(nC), secs(cC), secs(gC)
		fmt.Printf("| `caselint lint --new-from-rev HEAD~1 .`, the built binary, %s cases touched | %.0f ms CPU (%s s wall) | | |\n", times["touched r3000"], n*1000, times["wall new-from-rev"])
		fmt.Printf("| ÷ plain lint of the touched cases (%.0f ms CPU) | %.1f× | ≤ 1.5× | %s |\n", c*1000, n/c, verdict(n <= 1.5*c))
		fmt.Printf("| ÷ that lint and git status (%.0f ms CPU: finding the change as git does) | %.1f× | | |\n", g*1000, n/(c+g))
	}
	for _, c := range []struct{ suffix, cores string }{{"-1cpu", "1 core"}, {"", "2 cores"}} {
		bin, okB := times["cpu c3000"+c.suffix]
		flo, okF := times["cpu c3000-floor"+c.suffix]
		if okB && okF {
			b, _ := strconv.ParseFloat(bin, 64)
			f, _ := strconv.ParseFloat(flo, 64)
			fmt.Printf("| the binary ÷ the floor program (docs/perf/floor.go), 3,000 cases, %s | CPU %.2f s ÷ %.2f s = %.2f; wall %s s ÷ %s s | | |\n",
				c.cores, b, f, b/f, times["wall c3000"+c.suffix], times["wall c3000-floor"+c.suffix])
		}
	}
	base, okb := times["wall c3000"]
	if okb {
		b, _ := strconv.ParseFloat(base, 64)
		fmt.Printf("| caselint lint, the built binary, 3,000 cases | %.2f s on 2 cores, %s s on 1 | | |\n", b, times["wall c3000-1cpu"])
		if w, ok := times["wall r3000"]; ok {
			fmt.Printf("| caselint lint in the repository (history from its cache, lines attributed) | %s s, peak %s MB | | |\n", w, kbToMB(times["rss r3000"]))
		}
		if w, ok := times["wall r3000-cold"]; ok {
			fmt.Printf("| the same, the first run in a clone (history from every commit, cache written) | %s s, peak %s MB | | |\n", w, kbToMB(times["rss r3000-cold"]))
		}
		for _, tool := range []string{"markdownlint-cli2", "vale"} {
			if w, ok := times["wall "+tool]; ok {
				t, _ := strconv.ParseFloat(w, 64)
				fmt.Printf("| %s %s, same corpus | %.2f s, %.1f× caselint (peak %s MB) | | |\n", tool, times["version "+tool], t, t/b, kbToMB(times["rss "+tool]))
			}
		}
	}
}

func label(n string) string {
	switch n {
	case "c1000":
		return "1,000 cases"
	case "c3000":
		return "3,000"
	case "c10000":
		return "10,000"
	case "r3000":
		return "3,000 in the repository, with history"
	case "r3000-cold":
		return "the same, history built from every commit"
	}
	return n
}

func kbf(s string) float64 {
	kb, _ := strconv.ParseFloat(s, 64)
	return kb
}

func kbToMB(s string) string {
	kb, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return "?"
	}
	return fmt.Sprintf("%.0f", kb/1024)
}

func corpusLine(t map[string]string) string {
	files, _ := strconv.Atoi(t["files c3000"])
	bytes, _ := strconv.ParseFloat(t["bytes c3000"], 64)
	return fmt.Sprintf("corpus of 3,000 cases: %d files, %.0f MB", files, bytes/1e6)
}

// readBench reads go test -bench output, keeping the fastest repetition of
// each benchmark.
func readBench(path string) map[string]result {
	out := map[string]result{}
	f, err := os.Open(path)
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		r := result{metrics: map[string]float64{}}
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			switch unit := fields[i+1]; unit {
			case "ns/op":
				r.ns = v
			case "cpu-ms/op":
				r.cpuMS = v
			case "B/op":
				r.bytes = v
			case "allocs/op":
				r.allocs = v
			default:
				r.metrics[unit] = v
			}
		}
		if old, ok := out[fields[0]]; !ok || r.ns < old.ns {
			out[fields[0]] = r
		}
	}
	return out
}

// readTimes reads times.txt: "kind label value..." lines, keyed by "kind
// label".
func readTimes(path string) map[string]string {
	out := map[string]string{}
	data, err := os.ReadFile(path)
	if err != nil {
		return out
	}
	busy := 0
	defer func() {
		if busy > 0 {
			out["busy"] = strconv.Itoa(busy)
		}
	}()
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) > 0 && f[0] == "busy":
			busy++
		case len(f) > 0 && (f[0] == "machine" || f[0] == "load" || f[0] == "pagefault"):
			out[f[0]] = strings.Join(f[1:], " ")
		case len(f) >= 3: // "cpu c3000 5.4", "touched r3000 37": a measure of a run
			out[f[0]+" "+f[1]] = strings.Join(f[2:], " ")
		case len(f) >= 2:
			out[f[0]] = strings.Join(f[1:], " ")
		}
	}
	return out
}
