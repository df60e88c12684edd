package training

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	_ "time/tzdata" // commit dates are London dates, wherever caselint runs

	"github.com/BurntSushi/toml"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/schema"
)

// commit is one commit of an exercise's history: the files it writes (slash
// paths in the trainee's folder) and who made it when.
type commit struct {
	when    time.Time
	author  string
	email   string
	message string
	files   []commitFile
}

type commitFile struct {
	path string
	data []byte
}

// historyTOML is history.toml.
type historyTOML struct {
	Commit []struct {
		Date    commitTime `toml:"date"`
		Author  string     `toml:"author"`
		Email   string     `toml:"email"`
		Message string     `toml:"message"`
		Add     []string   `toml:"add"`
		From    string     `toml:"from"`
	} `toml:"commit"`
}

// commitTime is a commit's date in history.toml: a local date-time, read
// as London time, or one with an offset. A date alone is refused: commits
// have a time of day, and the history rules read it.
type commitTime struct {
	time.Time
	err error // kept to report with the commit's number
}

func (c *commitTime) UnmarshalTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok {
		c.err = fmt.Errorf("expected a date and time such as 2026-03-02T09:00:00, found %v", v)
		c.Time = time.Unix(0, 0)
		return nil
	}
	switch t.Location().String() {
	case "datetime-local":
		c.Time = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, london)
	case "date-local", "time-local":
		c.Time = t
		c.err = fmt.Errorf("%v needs a time of day, such as %sT09:00:00 (London time)", v, t.Format("2006-01-02"))
	default:
		c.Time = t
	}
	return nil
}

// london is where the records are kept: history.toml's dates without an
// offset are London times, as the history rules read commit dates.
var london = func() *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// readHistory reads history.toml: each commit adds the files it names from
// case/ (files, already stripped) or, with from, a file of history/ in
// place of one. After the last commit the files must be those of case/.
func readHistory(fsys fs.FS, files map[string][]byte) ([]commit, error) {
	data, err := fs.ReadFile(fsys, HistoryFile)
	if err != nil {
		return nil, err
	}
	if err := guardTOML(HistoryFile, data); err != nil {
		return nil, err // too big or too deep for the TOML parser
	}
	var h historyTOML
	md, err := toml.Decode(string(data), &h)
	if err != nil {
		return nil, schema.TOMLFileError(HistoryFile, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return nil, fmt.Errorf("%s: unknown key %s (a [[commit]] has date, author, email, message, add and from)", HistoryFile, u[0])
	}
	if len(h.Commit) == 0 {
		return nil, fmt.Errorf("%s: no [[commit]]", HistoryFile)
	}
	var out []commit
	last := map[string][]byte{} // each path's content as last committed
	for i, c := range h.Commit {
		where := fmt.Sprintf("%s: commit %d", HistoryFile, i+1)
		if c.Date.IsZero() {
			return nil, fmt.Errorf("%s: date is required (date = 2026-03-02T09:00:00, London time)", where)
		}
		if c.Date.err != nil {
			return nil, fmt.Errorf("%s: date: %w", where, c.Date.err)
		}
		when := c.Date.Time
		if len(out) > 0 && when.Before(out[len(out)-1].when) {
			return nil, fmt.Errorf("%s: dated before the commit above it: list the commits in date order", where)
		}
		if strings.TrimSpace(c.Author) == "" || strings.TrimSpace(c.Message) == "" {
			return nil, fmt.Errorf("%s: author and message are required", where)
		}
		if len(c.Add) == 0 {
			return nil, fmt.Errorf("%s: add names no file", where)
		}
		if c.From != "" && len(c.Add) != 1 {
			return nil, fmt.Errorf("%s: from replaces one file: add must name exactly one", where)
		}
		email := c.Email
		if email == "" {
			email = strings.ToLower(strings.Join(strings.Fields(c.Author), ".")) + "@example.invalid"
		}
		cm := commit{when: when, author: c.Author, email: email, message: c.Message}
		for _, p := range c.Add {
			rel, err := casePath(p)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			content, ok := files[rel]
			if !ok {
				return nil, fmt.Errorf("%s: %s is not a file of %s/: every committed file must be in the final case", where, p, CaseDir)
			}
			if c.From != "" {
				from := path.Clean(strings.TrimPrefix(filepath.ToSlash(c.From), "./"))
				if !strings.HasPrefix(from, HistoryDir+"/") {
					return nil, fmt.Errorf("%s: from = %q: earlier versions are kept under %s/", where, c.From, HistoryDir)
				}
				raw, err := fs.ReadFile(fsys, from)
				if err != nil {
					return nil, fmt.Errorf("%s: from: %w", where, err)
				}
				s, err := Strip(rel, raw)
				if err != nil {
					return nil, fmt.Errorf("%s: from: %w", where, err)
				}
				content = s.Data
			}
			cm.files = append(cm.files, commitFile{path: rel, data: content})
			last[rel] = content
		}
		out = append(out, cm)
	}
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		got, ok := last[p]
		switch {
		case !ok:
			return nil, fmt.Errorf("%s: %s/%s is never committed: the history must end with the case as %s/ has it", HistoryFile, CaseDir, p, CaseDir)
		case !bytes.Equal(got, files[p]):
			return nil, fmt.Errorf("%s: %s/%s is last committed from history/, not as %s/ has it: commit it again without from", HistoryFile, CaseDir, p, CaseDir)
		}
	}
	return out, nil
}

// casePath turns a path of history.toml's add ("case/visits/x.md", or
// "visits/x.md") into a path in the trainee's folder.
func casePath(p string) (string, error) {
	s := path.Clean(strings.TrimPrefix(filepath.ToSlash(p), "./"))
	s = strings.TrimPrefix(s, CaseDir+"/")
	if s == "." || s == CaseDir || path.IsAbs(s) || s == ".." || strings.HasPrefix(s, "../") {
		return "", fmt.Errorf("add: %q is not a file of %s/", p, CaseDir)
	}
	return s, nil
}

// datedHistory is the history given to an exercise that has none when the
// trainee asks for a repository (--git): each record committed on the day it
// records (a visit's, conference's or core group's date, a plan's start),
// at 17:00 or an hour after the latest visit that day, the rest with the
// first, so that no record is late and none is committed before it
// happened.
func datedHistory(files map[string][]byte) []commit {
	byDay := map[schema.Date][]string{}
	latest := map[schema.Date]int{} // minutes after midnight of the latest record that day
	var undated []string
	for p, data := range files {
		d, minute, ok := recordDate(p, data)
		if !ok {
			undated = append(undated, p)
			continue
		}
		byDay[d] = append(byDay[d], p)
		latest[d] = max(latest[d], minute)
	}
	var days []schema.Date
	for d := range byDay {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	if len(days) == 0 {
		days = []schema.Date{schema.NewDate(2026, 1, 1)}
	}
	byDay[days[0]] = append(byDay[days[0]], undated...)
	var out []commit
	for _, d := range days {
		ps := byDay[d]
		sort.Strings(ps)
		at := min(max(17*60, latest[d]+60), 23*60+59)
		c := commit{
			when:    time.Date(d.Year, d.Month, d.Day, at/60, at%60, 0, 0, london),
			author:  "Case records",
			email:   "records@example.invalid",
			message: "Records of " + d.Long(),
		}
		for _, p := range ps {
			c.files = append(c.files, commitFile{path: p, data: files[p]})
		}
		out = append(out, c)
	}
	return out
}

// recordDate is the day a record records, its date or a plan's start, and
// the time of day in minutes when it gives one (0 when not).
func recordDate(p string, data []byte) (schema.Date, int, bool) {
	doc, ok := schema.Parse(p, data)
	if !ok || doc.FrontEnd <= doc.FrontStart {
		return schema.Date{}, 0, false
	}
	var front struct {
		Date    any `toml:"date"`
		Started any `toml:"started"`
	}
	if guardTOML(p, data[doc.FrontStart:doc.FrontEnd]) != nil {
		return schema.Date{}, 0, false
	}
	if _, err := toml.Decode(string(data[doc.FrontStart:doc.FrontEnd]), &front); err != nil {
		return schema.Date{}, 0, false
	}
	for _, v := range []any{front.Date, front.Started} {
		if t, ok := v.(time.Time); ok {
			return schema.DateOf(t), t.Hour()*60 + t.Minute(), true
		}
	}
	return schema.Date{}, 0, false
}

// writeHistory makes dir a git repository and commits, in order, each
// commit's files as it gives them, with its author and date. Files it
// writes are left in the work tree as the last commit has them.
func writeHistory(dir string, commits []commit) error {
	repo, err := vcs.InitWorkTree(dir, "main")
	if err != nil {
		return err
	}
	// The brief and the exercise's state are not records: keep them out of
	// git status.
	info := filepath.Join(dir, ".git", "info")
	if err := os.MkdirAll(info, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(info, "exclude"), []byte("# caselint exercise files, not case records\n/"+BriefFile+"\n/"+StateFile+"\n"), 0o644); err != nil {
		return err
	}
	for _, c := range commits {
		paths := make([]string, 0, len(c.files))
		for _, f := range c.files {
			if err := writeFile(dir, f.path, f.data); err != nil {
				return err
			}
			paths = append(paths, f.path)
		}
		sig := vcs.Signature{Name: c.author, Email: c.email, When: c.when}
		if _, err := repo.Commit(paths, sig, c.message); err != nil {
			return fmt.Errorf("committing %q (%s): %w", c.message, c.when.Format(time.RFC3339), err)
		}
	}
	return nil
}

// writeFile writes data to the slash path p below dir, making its folders.
// A trainee's copy is for its owner alone, as a report is: files 0o600 and
// folders 0o700 (before the umask). dir is a folder caselint has just made,
// so nothing in it is a link.
func writeFile(dir, p string, data []byte) error {
	full := filepath.Join(dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o700); err != nil {
		return err
	}
	return os.WriteFile(full, data, 0o600)
}
