package vcs

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/caselint/caselint/internal/gittest"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// The benchmark repository: about 2,000 Markdown records in 200 case
// folders, made by 1,500 commits that each add or change 1 to 3 of them,
// written with git fast-import and then packed as a clone would be. It is
// made once per test process and shared by the benchmarks.
const (
	benchCases   = 200
	benchFiles   = 2000
	benchCommits = 1500
)

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
	benchTmp  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchTmp != "" {
		_ = os.RemoveAll(benchTmp)
	}
	os.Exit(code)
}

func benchRepo(b *testing.B) string {
	b.Helper()
	gittest.Require(b)
	benchOnce.Do(func() {
		benchTmp, benchErr = os.MkdirTemp("", "caselint-vcs-bench-")
		if benchErr != nil {
			return
		}
		benchDir = filepath.Join(benchTmp, "repo")
		benchErr = makeBenchRepo(benchDir)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

func makeBenchRepo(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	git := func(stdin io.Reader, args ...string) error {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = gitEnv(filepath.Dir(dir))
		cmd.Stdin = stdin
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %v: %w\n%s", args, err, out)
		}
		return nil
	}
	if err := git(nil, "init", "-q", "-b", "main"); err != nil {
		return err
	}
	var stream bytes.Buffer
	writeBenchStream(&stream)
	if err := git(&stream, "fast-import", "--quiet"); err != nil {
		return err
	}
	return git(nil, "repack", "-a", "-d", "-q")
}

// writeBenchStream writes the fast-import stream of the benchmark history.
func writeBenchStream(w io.Writer) {
	bw := bufio.NewWriter(w)
	defer func() { _ = bw.Flush() }()
	rng := rand.New(rand.NewSource(42))
	authors := []string{"Ann Smith", "Ben Jones", "Cara Lee", "Dan Roe", "Eve Khan", "Finn Shaw"}
	type record struct {
		path  string
		lines []string
	}
	var records []*record
	perCase := map[int]int{}
	newRecord := func() *record {
		c := rng.Intn(benchCases)
		n := perCase[c]
		perCase[c]++
		dir := fmt.Sprintf("cases/STK-2026-%04d", c)
		var p string
		switch {
		case n == 0:
			p = dir + "/case.md"
		case n%3 == 0:
			p = fmt.Sprintf("%s/core-groups/%03d.md", dir, n)
		default:
			p = fmt.Sprintf("%s/visits/%03d.md", dir, n)
		}
		r := &record{path: p}
		r.lines = append(r.lines, "+++", fmt.Sprintf("date = 2026-%02d-%02d", 1+n%12, 1+n%28), fmt.Sprintf("worker = %q", authors[n%len(authors)]), "+++", "", "# Record", "")
		for i := range 20 + rng.Intn(40) {
			r.lines = append(r.lines, fmt.Sprintf("Paragraph %d of %s: the child was seen and spoken to alone; the home was visited and its conditions noted.", i, p))
		}
		return r
	}
	when := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := range benchCommits {
		when = when.Add(time.Duration(1+rng.Intn(12)) * time.Hour)
		author := authors[rng.Intn(len(authors))]
		email := fmt.Sprintf("%c@example.org", author[0])
		msg := fmt.Sprintf("record %d", i)
		fmt.Fprintf(bw, "commit refs/heads/main\nmark :%d\nauthor %s <%s> %d +0000\ncommitter %s <%s> %d +0000\ndata %d\n%s\n",
			i+1, author, email, when.Unix(), author, email, when.Unix(), len(msg), msg)
		if i > 0 {
			fmt.Fprintf(bw, "from :%d\n", i)
		}
		touched := map[*record]bool{}
		for range 1 + rng.Intn(3) {
			var r *record
			if len(records) < benchFiles && (len(records) == 0 || rng.Intn(3) > 0) {
				r = newRecord()
				records = append(records, r)
			} else {
				r = records[rng.Intn(len(records))]
				if touched[r] {
					continue
				}
				// Change a line, and sometimes add one.
				j := 7 + rng.Intn(len(r.lines)-7)
				r.lines[j] = fmt.Sprintf("Amended in commit %d: %s", i, r.lines[j])
				if rng.Intn(2) == 0 {
					r.lines = append(r.lines, fmt.Sprintf("Added in commit %d.", i))
				}
			}
			touched[r] = true
			var content bytes.Buffer
			for _, l := range r.lines {
				content.WriteString(l)
				content.WriteByte('\n')
			}
			fmt.Fprintf(bw, "M 100644 inline %s\ndata %d\n", r.path, content.Len())
			_, _ = bw.Write(content.Bytes())
			_ = bw.WriteByte('\n')
		}
		if i%100 == 0 {
			// Now and then a file that is not a record.
			fmt.Fprintf(bw, "M 100644 inline tools/notes-%d.txt\ndata 6\nnotes\n\n", i)
		}
	}
}

func TestBenchRepoShape(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	// The stream is what the benchmarks get: check its shape cheaply.
	var buf bytes.Buffer
	writeBenchStream(&buf)
	commits := bytes.Count(buf.Bytes(), []byte("\ncommit refs/heads/main\n")) + 1
	if commits != benchCommits {
		t.Errorf("%d commits", commits)
	}
	files := map[string]bool{}
	for _, line := range bytes.Split(buf.Bytes(), []byte("\n")) {
		if p, ok := bytes.CutPrefix(line, []byte("M 100644 inline ")); ok && bytes.HasSuffix(p, []byte(".md")) {
			files[string(p)] = true
		}
	}
	if len(files) < benchFiles*9/10 || len(files) > benchFiles {
		t.Errorf("%d Markdown files", len(files))
	}
}

// BenchmarkHistory times building the history index, opening the
// repository afresh each time.
func BenchmarkHistory(b *testing.B) {
	dir := benchRepo(b)
	var versions int
	for b.Loop() {
		r, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		h, err := r.History()
		if err != nil {
			b.Fatal(err)
		}
		if err := r.Close(); err != nil {
			b.Fatal(err)
		}
		versions = 0
		for _, vs := range h.allVersions() {
			versions += len(vs)
		}
	}
	b.ReportMetric(float64(versions), "versions")
}

// BenchmarkGitLogNameOnly times what the history index is measured against:
// git log --name-only over the same repository.
func BenchmarkGitLogNameOnly(b *testing.B) {
	dir := benchRepo(b)
	env := gitEnv(filepath.Dir(dir))
	for b.Loop() {
		cmd := exec.Command("git", "log", "--name-only", "--format=%H")
		cmd.Dir = dir
		cmd.Env = env
		cmd.Stdout = io.Discard
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLineOrigin times attributing a line of a file with several
// versions, from a fresh history each time.
func BenchmarkLineOrigin(b *testing.B) {
	dir := benchRepo(b)
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	h, err := r.History()
	if err != nil {
		b.Fatal(err)
	}
	var path string
	all := h.allVersions()
	for p, vs := range all {
		if len(vs) > len(all[path]) {
			path = p
		}
	}
	vs := all[path]
	data, err := h.Content(path, vs[len(vs)-1])
	if err != nil {
		b.Fatal(err)
	}
	data = append([]byte("new first line\n"), data...)
	b.ReportMetric(float64(len(vs)), "versions")
	for b.Loop() {
		fresh := &History{r: r, order: h.order, commits: h.commits, blames: map[string]*blame{}}
		if _, ok := fresh.LineOrigin(path, data, 10); !ok {
			b.Fatal("no origin")
		}
	}
}

// BenchmarkGoGitDiffTree times the road not taken, for comparison: go-git's
// commit log and object.DiffTree of each commit's tree against its first
// parent's, through go-git's own object storage.
func BenchmarkGoGitDiffTree(b *testing.B) {
	if testing.Short() {
		b.Skip("slow: tens of seconds an operation")
	}
	dir := benchRepo(b)
	var changes int
	for b.Loop() {
		repo, err := git.PlainOpen(dir)
		if err != nil {
			b.Fatal(err)
		}
		iter, err := repo.Log(&git.LogOptions{})
		if err != nil {
			b.Fatal(err)
		}
		changes = 0
		err = iter.ForEach(func(c *object.Commit) error {
			tree, err := c.Tree()
			if err != nil {
				return err
			}
			var ptree *object.Tree
			if c.NumParents() > 0 {
				p, err := c.Parent(0)
				if err != nil {
					return err
				}
				if ptree, err = p.Tree(); err != nil {
					return err
				}
			}
			chs, err := object.DiffTree(ptree, tree)
			if err != nil {
				return err
			}
			for _, ch := range chs {
				if strings.HasSuffix(ch.To.Name, ".md") {
					changes++
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(changes), "versions")
}

// benchIndex returns a repository to time the index on, and sets
// GIT_INDEX_FILE for it: $CASELINT_BENCH_REPO with its own index when set,
// else the benchmark repository with an index of HEAD in which five files
// have another file's content, one is removed and one added (all with
// blobs already there: the benchmark writes nothing to the repository).
func benchIndex(b *testing.B) string {
	b.Helper()
	if dir := os.Getenv("CASELINT_BENCH_REPO"); dir != "" {
		b.Setenv("GIT_INDEX_FILE", "")
		return dir
	}
	dir := benchRepo(b)
	name := filepath.Join(b.TempDir(), "index")
	env := append(gitEnv(filepath.Dir(dir)), "GIT_INDEX_FILE="+name)
	git := func(stdin io.Reader, args ...string) string {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = env
		cmd.Stdin = stdin
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("git %v: %v", args, err)
		}
		return string(out)
	}
	git(nil, "read-tree", "HEAD")
	lines := strings.Split(strings.TrimSpace(git(nil, "ls-files", "-s")), "\n")
	var info strings.Builder
	for i := range 5 {
		// "<mode> <hash> <stage>\t<path>": path i gets the blob of path 2i+100.
		_, p, _ := strings.Cut(lines[i*len(lines)/5], "\t")
		fields := strings.Fields(lines[(i*len(lines)/5+100)%len(lines)])
		fmt.Fprintf(&info, "%s %s\t%s\n", fields[0], fields[1], p)
	}
	_, gone, _ := strings.Cut(lines[len(lines)/2], "\t")
	fields := strings.Fields(lines[0])
	fmt.Fprintf(&info, "0 %s\t%s\n", strings.Repeat("0", len(fields[1])), gone)
	fmt.Fprintf(&info, "%s %s\tcases/STK-NEW/case.md\n", fields[0], fields[1])
	git(strings.NewReader(info.String()), "update-index", "--index-info")
	b.Setenv("GIT_INDEX_FILE", name)
	return dir
}

// BenchmarkStagedIndex times what caselint lint --staged does with the
// index, linting nothing: reading and decoding the index file, finding the
// paths changed from HEAD, and setting up the index's FS.
func BenchmarkStagedIndex(b *testing.B) {
	dir := benchIndex(b)
	r, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = r.Close() }()
	f, err := r.readIndex()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(f.entries)), "entries")
	b.Run("readIndex", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := r.readIndex(); err != nil {
				b.Fatal(err)
			}
		}
	})
	ix, err := r.Index()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Changed", func(b *testing.B) {
		b.ReportAllocs()
		var n int
		for b.Loop() {
			// A fresh repository each time: no trees read before.
			r, err := Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			fresh := &Index{r: r, files: ix.files, unsure: ix.unsure, treeData: ix.treeData}
			paths, err := fresh.Changed()
			if err != nil {
				b.Fatal(err)
			}
			n = len(paths)
			_ = r.Close()
		}
		b.ReportMetric(float64(n), "paths")
	})
	b.Run("FS", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ix, err := r.Index()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := fs.Stat(ix.FS(), "."); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			ix, err := r.Index()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := ix.Changed(); err != nil {
				b.Fatal(err)
			}
			_ = ix.FS()
			_ = r.Close()
		}
	})
}
