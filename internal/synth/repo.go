package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/caselint/caselint/internal/vcs"
)

// Branch is the branch GenerateRepo commits to.
const Branch = "main"

// GenerateRepo writes the corpus Generate writes, into dir, as a git
// repository: the records are committed as they were written, a few at a
// time, each commit dated when its last record was (0 to 3 working days
// after the event, in working hours, London time), authored by the worker
// who wrote it. A plan is committed again after each review conference and
// when it ends; a few visit records gain a correction in a later commit.
// opts.Commits says how many commits (see Options). The objects are written
// as one pack, as a clone has them, and the index matches HEAD: the work
// tree is clean.
//
// It builds the history in memory (vcs.PackedHistory) rather than through
// a work tree, which would hash and stat every file again for each commit.
func GenerateRepo(dir string, opts Options) (Stats, error) {
	if err := opts.normalise(); err != nil {
		return Stats{}, err
	}
	if err := prepare(dir); err != nil {
		return Stats{}, err
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
		return Stats{}, fmt.Errorf("%s is already a git repository", dir)
	}
	hist := vcs.NewPackedHistory()
	var (
		st      Stats
		entries []entry
		authors []string
	)
	authorOf := map[string]int{}
	err := build(opts, func(c *caseModel) error {
		return c.writeTree(dir)
	}, func(c *caseModel) error {
		st.add(c)
		for _, f := range c.files {
			for _, v := range f.versions {
				h, err := hist.Blob(v.data)
				if err != nil {
					return err
				}
				name := c.people[v.author]
				a, ok := authorOf[name]
				if !ok {
					a = len(authors)
					authors = append(authors, name)
					authorOf[name] = a
				}
				entries = append(entries, entry{when: v.when, path: f.path, blob: h, author: a})
			}
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	if err := writeExtras(dir, opts, st); err != nil {
		return st, err
	}

	// The first commit brings the README (and fixture.toml) with the first
	// records.
	var extras []entry
	for _, name := range []string{"README.md", "fixture.toml"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			return st, err
		}
		h, err := hist.Blob(data)
		if err != nil {
			return st, err
		}
		extras = append(extras, entry{path: name, blob: h, author: 0})
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].when.Before(entries[j].when) })

	chunks := commitGroups(entries, opts.Commits)
	for k, chunk := range chunks {
		if k == 0 {
			for _, e := range extras {
				hist.Set(e.path, e.blob)
			}
		}
		for _, e := range chunk {
			hist.Set(e.path, e.blob)
		}
		last := chunk[len(chunk)-1]
		if err := hist.Commit(signature(authors[last.author], last.when), message(chunk)); err != nil {
			return st, err
		}
	}
	st.Commits = len(chunks)
	return st, hist.WriteRepo(dir, Branch)
}

// entry is one version of one file, to be committed.
type entry struct {
	when   time.Time
	path   string
	blob   vcs.Blob
	author int
}

// commitGroups splits the versions, sorted by time, into commits: one for
// each day versions were written, so that no record waits for a later day,
// each split into parts in time order, in proportion to its size, to make
// the commits asked for (when more than the days).
func commitGroups(entries []entry, commits int) [][]entry {
	var days [][]entry
	for i := 0; i < len(entries); {
		y, m, d := entries[i].when.In(london).Date()
		j := i + 1
		for j < len(entries) {
			y2, m2, d2 := entries[j].when.In(london).Date()
			if y2 != y || m2 != m || d2 != d {
				break
			}
			j++
		}
		days = append(days, entries[i:j])
		i = j
	}
	commits = min(commits, len(entries))
	if commits <= len(days) {
		return days
	}
	// Parts per day: one each, the rest by largest remainder of the
	// proportional share.
	parts := make([]int, len(days))
	extra := commits - len(days)
	type rem struct {
		day  int
		frac float64
	}
	var rems []rem
	given := 0
	for i, d := range days {
		share := float64(extra) * float64(len(d)) / float64(len(entries))
		k := min(int(share), len(d)-1)
		parts[i] = 1 + k
		given += k
		rems = append(rems, rem{i, share - float64(k)})
	}
	sort.SliceStable(rems, func(i, j int) bool { return rems[i].frac > rems[j].frac })
	for given < extra {
		progress := false
		for _, r := range rems {
			if given == extra {
				break
			}
			if parts[r.day] < len(days[r.day]) {
				parts[r.day]++
				given++
				progress = true
			}
		}
		if !progress {
			break
		}
	}
	var out [][]entry
	for i, d := range days {
		for k := range parts[i] {
			out = append(out, d[k*len(d)/parts[i]:(k+1)*len(d)/parts[i]])
		}
	}
	return out
}

func signature(name string, when time.Time) vcs.Signature {
	email := strings.ToLower(strings.NewReplacer(" ", ".", "'", "").Replace(name)) + "@example.gov.uk"
	return vcs.Signature{Name: name, Email: email, When: when}
}

// message describes a commit: what records it adds or changes, and for
// which cases.
func message(chunk []entry) string {
	kinds := map[string]int{}
	cases := map[string]bool{}
	var ids []string
	for _, e := range chunk {
		parts := strings.Split(e.path, "/")
		if len(parts) < 3 {
			continue
		}
		if !cases[parts[1]] {
			cases[parts[1]] = true
			ids = append(ids, parts[1])
		}
		switch {
		case len(parts) > 3:
			kinds[parts[2]]++
		default:
			kinds[strings.TrimSuffix(parts[2], ".md")]++
		}
	}
	var what []string
	for _, k := range []string{"case", "plan", "conferences", "core-groups", "visits"} {
		if n := kinds[k]; n > 0 {
			what = append(what, fmt.Sprintf("%d %s", n, map[string]string{"case": "case", "plan": "plan", "conferences": "conference", "core-groups": "core group", "visits": "visit"}[k]+plural(n)))
		}
	}
	sort.Strings(ids)
	more := ""
	if len(ids) > 3 {
		more = fmt.Sprintf(" and %d more", len(ids)-3)
		ids = ids[:3]
	}
	return fmt.Sprintf("Record %s\n\nCases %s%s.\n", strings.Join(what, ", "), strings.Join(ids, ", "), more)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
