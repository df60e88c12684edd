package duecmd

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/lint"
)

// samples is the shipped samples' folder, relative to the repository root.
const samples = "testdata/samples"

// repoRoot is the repository's root, the working folder of every run.
func repoRoot(t *testing.T) string {
	t.Helper()
	r, err := filepath.Abs(filepath.Join("..", "..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// due runs caselint due with opts' flags filled in, as of 2026-11-20 by
// default, in the repository root, and returns its output.
func due(t *testing.T, o Options) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	o.IO, o.Rules = ios, checks.All()
	if o.AsOf == "" {
		o.AsOf = "2026-11-20"
	}
	if o.Format == "" {
		o.Format = "text"
	}
	if len(o.Paths) == 0 {
		o.Paths = []string{samples}
	}
	root := repoRoot(t)
	o.Getwd = func() (string, error) { return root, nil }
	o.Now = func() time.Time { t.Fatal("due read the clock"); return time.Time{} }
	err := Run(context.Background(), &o)
	return out.String(), err
}

// names are the names in the samples' case.md files: none may appear
// under --redact.
var names = []string{"Zofia", "Emma Walsh", "Kai", "Priya Sharma", "Jayden", "Laura Keane", "Zara", "Sarah Bennett", "Mason", "Tom Ashby", "Leo", "Ola Adeyemi", "Walsh", "Nowak"}

func TestText(t *testing.T) {
	out, err := due(t, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		// Kai's visit of 30 September misspells seen_alone (seen_alon,
		// invalid-record): what it records may be missing, and the list
		// says so before his obligations.
		"SOT-2026-0058  Kai, lead worker Priya Sharma  (testdata/samples/SOT-2026-0058)\n  not fully read: visits/2026-09-30.md (invalid-record): what it records may be missing from this list; correct it (caselint lint says how)\n  2026-10-21 Wed  OVERDUE by 30 days  the refusal of contact escalated to the lead worker's manager  [unescalated-refusal: Stoke-on-Trent C06 §03; Oxfordshire 1.8 §3]\n                  from visits/2026-10-20.md: contact refused\n",
		"  2026-11-25 Wed  in 5 days  the child seen alone by the lead worker  [unseen-child: Stoke-on-Trent C06 §03; Oxfordshire 1.8 §3]\n                  from visits/2026-11-11.md: last seen alone\n",
		"the baby seen awake by the lead worker",
		// The plan past the child's 18th birthday, and the review date
		// plan.md set, passed: both reported by lint as of 2026-11-20.
		"OXF-2026-0298  Jayden, lead worker Laura Keane  (testdata/samples/OXF-2026-0298)\n  2026-11-01 Sun  OVERDUE by 19 days  the plan ended on the child's 18th birthday (the day after this date): [cessation] dated the birthday, reason \"reached 18\"  [plan-past-eighteen: Stoke-on-Trent C06 §07; Children Act 1989 s.105(1)]\n                  from case.md: born\n",
		"SOT-2026-0073  Leo, lead worker Ola Adeyemi  (testdata/samples/SOT-2026-0073)\n  2026-11-05 Thu  OVERDUE by 15 days  the review conference held on the date the plan sets for it (or review_conference changed, if it was moved)  [missing-review-date: Stoke-on-Trent C06 §01; Oxfordshire 1.8 §1]\n                  from plan.md: review_conference\n",
		// Ruby's plan was "ended" at a review conference that was not
		// quorate (cessation-without-conference): it has not ended, and
		// what it still requires is due.
		"SOT-2026-0019  Ruby, lead worker Hannah Moss  (testdata/samples/SOT-2026-0019)\n  2026-05-27 Wed  OVERDUE by 177 days  the child seen alone by the lead worker  [unseen-child: Stoke-on-Trent C06 §03; Oxfordshire 1.8 §3]\n",
		"36 due in 7 cases, 7 overdue, 1 record not fully read (as of 2026-11-20, profile combined)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
	// The case with an overdue obligation comes first; in each case the
	// soonest first.
	if !strings.HasPrefix(out, "SOT-2026-0019 ") {
		t.Errorf("the overdue case is not first:\n%s", out)
	}
	var last string
	for _, l := range strings.Split(out, "\n") {
		if m := regexp.MustCompile(`^  (\d{4}-\d\d-\d\d) `).FindStringSubmatch(l); m != nil {
			if last != "" && m[1] < last {
				t.Errorf("%s listed after %s", m[1], last)
			}
			last = m[1]
		} else if !strings.HasPrefix(l, " ") {
			last = ""
		}
	}
}

func TestWithinAndWorker(t *testing.T) {
	out, err := due(t, Options{Within: "2w", Worker: "  emma WALSH "})
	if err != nil {
		t.Fatal(err)
	}
	want := "SOT-2026-0042  Zofia, lead worker Emma Walsh  (testdata/samples/SOT-2026-0042)\n" +
		"  2026-11-25 Wed  in 5 days  the child seen alone by the lead worker  [unseen-child: Stoke-on-Trent C06 §03; Oxfordshire 1.8 §3]\n" +
		"                  from visits/2026-11-11.md: last seen alone\n" +
		"  2026-12-03 Thu  in 13 days  the review conference held on the date the plan sets for it (or review_conference changed, if it was moved)  [missing-review-date: Stoke-on-Trent C06 §01; Oxfordshire 1.8 §1]\n" +
		"                  from plan.md: review_conference\n" +
		"2 due in 1 case, 0 overdue (as of 2026-11-20, profile combined, within 14 days)\n"
	if out != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	// Overdue obligations are listed whatever --within says.
	out, err = due(t, Options{Within: "0d"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "OVERDUE by 30 days") || strings.Contains(out, "in 5 days") {
		t.Errorf("--within 0d:\n%s", out)
	}
}

func TestParseWithin(t *testing.T) {
	for in, want := range map[string]int{"": -1, "14d": 14, "2w": 14, "0d": 0, " 3W ": 21} {
		if got, err := ParseWithin(in); err != nil || got != want {
			t.Errorf("ParseWithin(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"14", "2 weeks", "-1d", "1m", "d"} {
		if _, err := ParseWithin(in); err == nil {
			t.Errorf("ParseWithin(%q) gives no error", in)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, o := range []Options{{Within: "fortnight"}, {Format: "xml"}, {AsOf: "20/11/2026"}} {
		_, err := due(t, o)
		var u *cmdutil.UsageError
		if !errors.As(err, &u) {
			t.Errorf("%+v: %v, want a usage error (exit 2)", o, err)
		}
	}
	if _, err := due(t, Options{Paths: []string{"no/such/folder"}}); err == nil || !strings.Contains(err.Error(), "no/such/folder") {
		t.Errorf("a missing path: %v", err)
	}
}

// jsonOut is the documented JSON shape (docs/due.md), read back.
type jsonOut struct {
	AsOf       string `json:"as_of"`
	Profile    string `json:"profile"`
	WithinDays *int   `json:"within_days"`
	Total      int    `json:"total"`
	Overdue    int    `json:"overdue"`
	// NotWorkedOut counts the cases listed with no_plan.
	NotWorkedOut int `json:"not_worked_out"`
	// NotFullyRead counts the records listed in the cases' not_fully_read.
	NotFullyRead int `json:"not_fully_read"`
	Cases        []struct {
		Dir        string `json:"dir"`
		ID         string `json:"id"`
		Child      string `json:"child"`
		LeadWorker string `json:"lead_worker"`
		Overdue    int    `json:"overdue"`
		NextDue    string `json:"next_due"`
		NoPlan     string `json:"no_plan"`
		// NotFullyRead are the case's records not wholly read.
		NotFullyRead []string `json:"not_fully_read"`
		Obligations  []struct {
			Rule     string `json:"rule"`
			Key      string `json:"key"`
			What     string `json:"what"`
			Due      string `json:"due"`
			DaysLeft int    `json:"days_left"`
			Overdue  bool   `json:"overdue"`
			From     struct {
				Path string `json:"path"`
				What string `json:"what"`
			} `json:"from"`
			Path  string   `json:"path"`
			Line  int      `json:"line"`
			Cites []string `json:"cites"`
		} `json:"obligations"`
	} `json:"cases"`
}

func TestJSON(t *testing.T) {
	out, err := due(t, Options{Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var j jsonOut
	if err := dec.Decode(&j); err != nil {
		t.Fatal(err)
	}
	if j.AsOf != "2026-11-20" || j.Profile != "combined" || j.WithinDays != nil || j.Total != 36 || j.Overdue != 7 || len(j.Cases) != 7 || j.NotWorkedOut != 0 || j.NotFullyRead != 1 {
		t.Fatalf("header: %+v", j)
	}
	c := j.Cases[1] // after SOT-2026-0019, overdue since May
	if c.ID != "SOT-2026-0058" || c.Child != "Kai" || c.LeadWorker != "Priya Sharma" || c.Overdue != 1 || c.NextDue != "2026-10-21" ||
		len(c.NotFullyRead) != 1 || c.NotFullyRead[0] != "testdata/samples/SOT-2026-0058/visits/2026-09-30.md" {
		t.Errorf("first case: %+v", c)
	}
	o := c.Obligations[0]
	if o.Rule != "unescalated-refusal" || o.Key != "escalation:visits/2026-10-20.md" || o.Due != "2026-10-21" || o.DaysLeft != -30 || !o.Overdue ||
		o.From.Path != "testdata/samples/SOT-2026-0058/visits/2026-10-20.md" || o.From.What != "contact refused" ||
		o.Path != "testdata/samples/SOT-2026-0058/visits/2026-10-20.md" || o.Line == 0 || len(o.Cites) != 2 {
		t.Errorf("first obligation: %+v", o)
	}
}

func TestRedact(t *testing.T) {
	for _, format := range []string{"text", "json", "ics"} {
		out, err := due(t, Options{Format: format, Redact: true})
		if err != nil {
			t.Fatal(err)
		}
		unfolded := strings.ReplaceAll(out, "\r\n ", "")
		for _, n := range names {
			if strings.Contains(unfolded, n) {
				t.Errorf("%s under --redact holds %q", format, n)
			}
		}
		if strings.Contains(out, "samples") {
			t.Errorf("%s under --redact holds a folder name", format)
		}
	}
}

func TestOutputFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "due.ics")
	out, err := due(t, Options{Format: "ics", Output: name})
	if err != nil || out != "" {
		t.Fatalf("%q, %v", out, err)
	}
	data, err := os.ReadFile(name)
	if err != nil || !bytes.HasPrefix(data, []byte("BEGIN:VCALENDAR\r\n")) {
		t.Errorf("%s: %q, %v", name, data[:min(len(data), 40)], err)
	}
}

// checkRFC5545 checks what a parser may forgive: every line ends in CRLF,
// none is longer than 75 octets, a fold never splits a UTF-8 sequence, the
// calendar and each event have the properties RFC 5545 requires, and TEXT
// values escape what they must.
func checkRFC5545(t *testing.T, data string) {
	t.Helper()
	if !strings.HasSuffix(data, "\r\n") {
		t.Error("the calendar does not end in CRLF")
	}
	lines := strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n")
	var unfolded []string
	for i, l := range lines {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d is not UTF-8 on its own (a fold split a character): %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			if len(unfolded) == 0 {
				t.Fatalf("line %d continues nothing", i+1)
			}
			unfolded[len(unfolded)-1] += l[1:]
			continue
		}
		unfolded = append(unfolded, l)
	}
	if unfolded[0] != "BEGIN:VCALENDAR" || unfolded[len(unfolded)-1] != "END:VCALENDAR" {
		t.Errorf("not one VCALENDAR: %q ... %q", unfolded[0], unfolded[len(unfolded)-1])
	}
	has := map[string]int{}
	inEvent := false
	for _, l := range unfolded {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Errorf("no colon: %q", l)
			continue
		}
		base, _, _ := strings.Cut(name, ";")
		switch l {
		case "BEGIN:VEVENT":
			inEvent, has = true, map[string]int{}
			continue
		case "END:VEVENT":
			for _, p := range []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} {
				if has[p] != 1 {
					t.Errorf("an event has %d %s", has[p], p)
				}
			}
			inEvent = false
			continue
		}
		if !inEvent {
			continue
		}
		has[base]++
		switch base {
		case "DTSTART", "DTEND":
			if name != base+";VALUE=DATE" || !regexp.MustCompile(`^\d{8}$`).MatchString(value) {
				t.Errorf("not an all-day date: %q", l)
			}
		case "DTSTAMP":
			if !regexp.MustCompile(`^\d{8}T\d{6}Z$`).MatchString(value) {
				t.Errorf("DTSTAMP not a UTC date-time: %q", l)
			}
		case "SUMMARY", "DESCRIPTION":
			// TEXT: a comma, semicolon or backslash only escaped.
			if regexp.MustCompile(`(^|[^\\])(\\\\)*[,;]`).MatchString(value) {
				t.Errorf("unescaped , or ; in %q", l)
			}
		}
	}
}

func TestICS(t *testing.T) {
	out, err := due(t, Options{Format: "ics"})
	if err != nil {
		t.Fatal(err)
	}
	checkRFC5545(t, out)
	cal, err := ics.ParseCalendar(strings.NewReader(out))
	if err != nil {
		t.Fatalf("the parser refuses the calendar: %v", err)
	}
	events := cal.Events()
	// 36 obligations, and Kai's visit record not fully read on the as-of
	// day.
	if len(events) != 37 {
		t.Fatalf("%d events, want 37", len(events))
	}
	uids := map[string]bool{}
	for _, e := range events {
		uid := e.Id()
		if uids[uid] {
			t.Errorf("UID %s twice", uid)
		}
		uids[uid] = true
		start, err := e.GetAllDayStartAt()
		if err != nil {
			t.Errorf("%s: DTSTART: %v", uid, err)
		}
		end, err := e.GetAllDayEndAt()
		if err != nil || !end.Equal(start.AddDate(0, 0, 1)) {
			t.Errorf("%s: an all-day event of one day: %v to %v (%v)", uid, start, end, err)
		}
		if st, err := e.GetDtStampTime(); err != nil || !st.Equal(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: DTSTAMP %v, %v, want the as-of date", uid, st, err)
		}
	}
	// After SOT-2026-0019's five, Kai's record not fully read, on the
	// as-of day, then his first obligation.
	unread := events[5]
	if got := unread.GetProperty(ics.ComponentPropertySummary).Value; got != "SOT-2026-0058 (Kai): a record not fully read" {
		t.Errorf("SUMMARY %q", got)
	}
	if got := unread.GetProperty(ics.ComponentPropertyDescription).Value; !strings.HasPrefix(got, "visits/2026-09-30.md could not be wholly read (invalid-record)") {
		t.Errorf("DESCRIPTION %q", got)
	}
	first := events[6]
	if got := first.GetProperty(ics.ComponentPropertySummary).Value; got != "SOT-2026-0058 (Kai): the refusal of contact escalated to the lead worker's manager" {
		t.Errorf("SUMMARY %q", got)
	}
	if got := first.GetProperty(ics.ComponentPropertyDescription).Value; !strings.Contains(got, "Counted from visits/2026-10-20.md: contact refused.\nLead worker: Priya Sharma.\n") {
		t.Errorf("DESCRIPTION %q", got)
	}

	// The UIDs are the obligations', not the dates': as of a later day the
	// same obligations keep theirs (the event moves on re-import).
	later, err := due(t, Options{Format: "ics", AsOf: "2026-11-21"})
	if err != nil {
		t.Fatal(err)
	}
	cal2, err := ics.ParseCalendar(strings.NewReader(later))
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for _, e := range cal2.Events() {
		if uids[e.Id()] {
			same++
		}
	}
	if same != len(cal2.Events()) {
		t.Errorf("as of the next day %d of %d events keep their UID", same, len(cal2.Events()))
	}
	// And under --redact too: the UID is made from the case id, not the
	// redacted folder.
	red, err := due(t, Options{Format: "ics", Redact: true})
	if err != nil {
		t.Fatal(err)
	}
	cal3, err := ics.ParseCalendar(strings.NewReader(red))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range cal3.Events() {
		if !uids[e.Id()] {
			t.Errorf("UID %s under --redact is new", e.Id())
		}
	}
}

// TestFolding checks folding and escaping on long text with multi-byte
// characters at every position of a fold.
func TestFolding(t *testing.T) {
	for n := 60; n < 160; n++ {
		var b strings.Builder
		text := strings.Repeat("é", n/2) + "; a, b \\ c\nd" + strings.Repeat("x", n%7)
		writeFolded(&b, "SUMMARY:"+escapeText(text))
		checkRFC5545(t, "BEGIN:VCALENDAR\r\n"+b.String()+"END:VCALENDAR\r\n")
		unfolded := strings.ReplaceAll(b.String(), "\r\n ", "")
		want := "SUMMARY:" + strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(text, `\`, `\\`), ";", `\;`), ",", `\,`)
		want = strings.ReplaceAll(want, "\n", `\n`) + "\r\n"
		if unfolded != want {
			t.Fatalf("n=%d: unfolded %q, want %q", n, unfolded, want)
		}
	}
}

func TestNoCasesUnderPath(t *testing.T) {
	out, err := due(t, Options{Paths: []string{"docs"}})
	if err != nil {
		t.Fatal(err)
	}
	if out != "0 due in 0 cases, 0 overdue (as of 2026-11-20, profile combined)\n" {
		t.Errorf("%q", out)
	}
}

func TestProfile(t *testing.T) {
	out, err := due(t, Options{Profile: "stoke-on-trent", Worker: "Emma Walsh"})
	if err != nil {
		t.Fatal(err)
	}
	// 28 working days after 11 November 2026 under Stoke-on-Trent (2 weeks
	// under combined), citing its procedure alone.
	if want := "  2026-12-21 Mon  in 31 days  the child seen alone by the lead worker  [unseen-child: Stoke-on-Trent C06 §03]\n"; !strings.Contains(out, want) {
		t.Errorf("lacks %q:\n%s", want, out)
	}
}

// TestConfig reads the config at or above the paths: its profile, as_of
// and closures (a closed day is not a working day).
func TestConfig(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(repoRoot(t), samples, "SOT-2026-0042")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		to := filepath.Join(dir, "cases", "SOT-2026-0042", rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := "profile = \"stoke-on-trent\"\nas_of = 2026-11-20\nclosures = [2026-12-01]\n"
	if err := os.WriteFile(filepath.Join(dir, ".caselint.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	o := Options{IO: ios, Rules: checks.All(), Format: "text", Paths: []string{"cases"},
		Getwd: func() (string, error) { return dir, nil },
		Now:   func() time.Time { t.Fatal("due read the clock"); return time.Time{} }}
	if err := Run(context.Background(), &o); err != nil {
		t.Fatal(err)
	}
	if want := "  2026-12-22 Tue  in 32 days  the child seen alone by the lead worker  [unseen-child: Stoke-on-Trent C06 §03]\n"; !strings.Contains(out.String(), want) {
		t.Errorf("lacks %q:\n%s", want, out)
	}
}

// TestConfigQuietedNotice: a config that turns off a rule takes its
// deadlines off the list, and says so on stderr, as caselint lint's
// report does: a manager reading a list without the child's visit must
// know why. A config that changes neither the day nor the rules is not
// named.
func TestConfigQuietedNotice(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(repoRoot(t), samples, "SOT-2026-0042")
	err := os.CopyFS(filepath.Join(dir, "cases", "SOT-2026-0042"), os.DirFS(src))
	if err != nil {
		t.Fatal(err)
	}
	visit := "the child seen alone by the lead worker  [unseen-child"
	for _, tt := range []struct {
		cfg, notice string
		listed      bool
	}{
		{"profile = \"stoke-on-trent\"\n", "", true},
		{"profile = \"stoke-on-trent\"\n[rules]\nunseen-child = \"off\"\n",
			"caselint: notice: config: cases/SOT-2026-0042/.caselint.toml (turns off unseen-child)\n", false},
	} {
		if err := os.WriteFile(filepath.Join(dir, "cases", "SOT-2026-0042", ".caselint.toml"), []byte(tt.cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		ios, _, out, errOut := iostreams.Test()
		o := Options{IO: ios, Rules: checks.All(), Format: "text", Paths: []string{"cases"}, AsOf: "2026-11-20",
			Getwd: func() (string, error) { return dir, nil },
			Now:   func() time.Time { t.Fatal("due read the clock"); return time.Time{} }}
		if err := Run(context.Background(), &o); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out.String(), visit); got != tt.listed {
			t.Errorf("config %q: the visit listed %v, want %v:\n%s", tt.cfg, got, tt.listed, out)
		}
		if errOut.String() != tt.notice {
			t.Errorf("config %q: stderr %q, want %q", tt.cfg, errOut, tt.notice)
		}
	}
}

// TestNoPlan: a case with no readable plan.md has its deadlines counted
// from the conference that made the plan (Oxfordshire 1.8 §1: an outline
// plan until the first core group), and a case with neither plan.md nor a
// conference deciding one is listed, with the reason, never dropped.
func TestNoPlan(t *testing.T) {
	dir := t.TempDir()
	caseMD := "+++\ntype = \"case\"\nid = \"%s\"\n\n[child]\nname = \"Ellie\"\nborn = 2019-04-02\nfirst_language = \"English\"\n\n" +
		"[[people]]\nname = \"Gemma Shaw\"\nrole = \"mother\"\nfamily = true\n\n" +
		"[[people]]\nname = \"Tom Reid\"\nrole = \"social worker\"\nagency = \"Children's Services\"\nqualified = true\n\n" +
		"[[people]]\nname = \"Ruth Moss\"\nrole = \"conference and review manager\"\nagency = \"Children's Services\"\n+++\n\n## Background\nEllie lives with her mother.\n"
	files := map[string]string{
		"cases/A/case.md": fmt.Sprintf(caseMD, "SOT-NP-A"),
		"cases/A/conferences/2026-09-01-initial.md": "+++\ntype = \"conference\"\nkind = \"initial\"\ndate = 2026-09-01\nchair = \"Ruth Moss\"\nquorate = true\n" +
			"decision = \"plan\"\noutcomes = [\"O1\"]\nfirst_core_group = 2026-09-10\nnext_review = 2026-11-27\n+++\n\n## Decision\nA plan.\n",
		"cases/A/visits/2026-09-02.md": "+++\ntype = \"visit\"\ndate = 2026-09-02T16:00:00\nby = \"Tom Reid\"\npresent = [\"Ellie\", \"Gemma Shaw\"]\n" +
			"child_seen = true\nseen_alone = true\n+++\n\n## Wishes and feelings\n\nEllie, seen on her own in her room, said she likes school.\n",
		"cases/B/case.md": fmt.Sprintf(caseMD, "SOT-NP-B"),
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(format, worker string) string {
		t.Helper()
		ios, _, out, _ := iostreams.Test()
		o := Options{IO: ios, Rules: checks.All(), Format: format, Paths: []string{"cases"}, AsOf: "2026-11-20", Profile: "stoke-on-trent", Worker: worker,
			Getwd: func() (string, error) { return dir, nil },
			Now:   func() time.Time { t.Fatal("due read the clock"); return time.Time{} }}
		if err := Run(context.Background(), &o); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	text := run("text", "")
	for _, want := range []string{
		"SOT-NP-B  Ellie, no lead worker named  (cases/B)\n  deadlines not worked out: the case has no readable plan.md, and no initial or transfer conference deciding \"plan\" is recorded to count the deadlines from\n",
		"  2026-09-15 Tue  OVERDUE by 66 days  the first core group meeting  [late-first-core-group: Stoke-on-Trent C06 §05]\n                  from conferences/2026-09-01-initial.md: initial conference\n",
		"  2026-10-12 Mon  OVERDUE by 39 days  the child seen alone by the lead worker  [unseen-child: Stoke-on-Trent C06 §03]\n                  from visits/2026-09-02.md: last seen alone\n",
		"3 due in 2 cases, 2 overdue, 1 case whose deadlines could not be worked out (as of 2026-11-20, profile stoke-on-trent)\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	if !strings.HasPrefix(text, "SOT-NP-B ") {
		t.Errorf("the case whose deadlines are unknown is not first:\n%s", text)
	}
	// A --worker naming no case's lead worker is a usage error
	// (TestWorkerNamesNoOne), here too, where no case names one: a typed
	// name that names no one is more likely a mistake than a worktray.
	var usage *cmdutil.UsageError
	ios, _, _, _ := iostreams.Test()
	o := Options{IO: ios, Rules: checks.All(), Paths: []string{"cases"}, AsOf: "2026-11-20", Profile: "stoke-on-trent", Worker: "Emma Walsh",
		Getwd: func() (string, error) { return dir, nil }}
	if err := Run(context.Background(), &o); !errors.As(err, &usage) {
		t.Errorf("--worker naming no lead worker: %v, want a usage error", err)
	}
	var j jsonOut
	if err := json.Unmarshal([]byte(run("json", "")), &j); err != nil {
		t.Fatal(err)
	}
	if j.NotWorkedOut != 1 || len(j.Cases) != 2 || j.Cases[0].ID != "SOT-NP-B" || !strings.Contains(j.Cases[0].NoPlan, "no readable plan.md") || j.Cases[1].NoPlan != "" || j.Total != 3 {
		t.Errorf("json: %+v", j)
	}
	cal := run("ics", "")
	checkRFC5545(t, cal)
	if !strings.Contains(cal, "SUMMARY:SOT-NP-B (Ellie): deadlines not worked out\r\n") || !strings.Contains(cal, "DTSTART;VALUE=DATE:20261120\r\n") {
		t.Errorf("ics:\n%s", cal)
	}
}

// TestWorkerNamesNoOne: a --worker that names no case's lead worker is a
// usage error (exit 2), not an empty worktray, and the error lists no
// lead worker's name: it says how many cases were read.
func TestWorkerNamesNoOne(t *testing.T) {
	for _, name := range []string{"Emma Walsch", "Priya Patel", "Emma Sharma", "Nobody"} {
		out, err := due(t, Options{Worker: name})
		var usage *cmdutil.UsageError
		if !errors.As(err, &usage) {
			t.Errorf("--worker %q: %q, %v; want a usage error", name, out, err)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, "no case has that lead worker (7 cases read)") || !strings.Contains(msg, "check the spelling") || out != "" {
			t.Errorf("--worker %q: %q, output %q", name, msg, out)
		}
		for _, n := range names {
			if strings.Contains(msg, n) && !strings.Contains(name, n) {
				t.Errorf("--worker %q: the error names %q: %s", name, n, msg)
			}
		}
	}
	// A lead worker whose cases have nothing due within the days asked
	// for is named: an empty worktray, exit 0.
	out, err := due(t, Options{Worker: "Emma Walsh", Within: "0d"})
	if err != nil || !strings.HasPrefix(out, "0 due in 0 cases") {
		t.Errorf("--worker \"Emma Walsh\" --within 0d: %q, %v; want 0 due and no error", out, err)
	}
}

// TestWorkerFirstName: a first name or a surname alone names the one
// lead worker who has it.
func TestWorkerFirstName(t *testing.T) {
	full, err := due(t, Options{Worker: "Priya Sharma"})
	if err != nil || !strings.Contains(full, "lead worker Priya Sharma") {
		t.Fatalf("--worker \"Priya Sharma\": %q, %v", full, err)
	}
	for _, name := range []string{"Priya", " priya ", "SHARMA", "Ms Priya Sharma"} {
		if out, err := due(t, Options{Worker: name}); err != nil || out != full {
			t.Errorf("--worker %q: %v\n%s\nwant\n%s", name, err, out, full)
		}
	}
}

// TestResolveWorkerAmbiguous: a first name two lead workers share names
// neither: a usage error that says how many, not who.
func TestResolveWorkerAmbiguous(t *testing.T) {
	cases := []lint.CaseObligations{{Dir: "a", LeadWorker: "Priya Sharma"}, {Dir: "b", LeadWorker: "Priya Patel"}, {Dir: "c", LeadWorker: "priya sharma"}, {Dir: "d"}}
	_, err := resolveWorker("Priya", cases)
	var usage *cmdutil.UsageError
	if !errors.As(err, &usage) || !strings.Contains(err.Error(), "2 lead workers of the 4 cases read have that name: give the full name") || strings.Contains(err.Error(), "Sharma") {
		t.Errorf("Priya among two: %v", err)
	}
	for q, want := range map[string]string{"Priya Patel": "Priya Patel", "Sharma": "Priya Sharma", "": ""} {
		if got, err := resolveWorker(q, cases); err != nil || !lint.SamePerson(got, want) && got != want {
			t.Errorf("resolveWorker(%q) = %q, %v; want %q", q, got, err, want)
		}
	}
}

// TestUnreadRecordIncomplete: a record that could not be read (here a file
// name that is not UTF-8, which the file system holds but caselint cannot
// open as a record) may hold what is due, a refusal to escalate, a visit a
// gap counts from: the list of the rest is written, the notice names the
// file as lint prints it, and the run is an error (exit 2) saying the
// list is incomplete, never a complete list with exit 0.
func TestUnreadRecordIncomplete(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(repoRoot(t), samples, "SOT-2026-0042")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		to := filepath.Join(dir, "cases", "SOT-2026-0042", rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(src, "visits", "2026-11-11.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cases", "SOT-2026-0042", "visits", "2026-11-\xff.md"), data, 0o644); err != nil {
		t.Skipf("the file system refuses a name that is not UTF-8: %v", err)
	}
	ios, _, out, errOut := iostreams.Test()
	o := Options{IO: ios, Rules: checks.All(), Format: "text", AsOf: "2026-11-20", Paths: []string{"cases"},
		Getwd: func() (string, error) { return dir, nil },
		Now:   func() time.Time { t.Fatal("due read the clock"); return time.Time{} }}
	err = Run(context.Background(), &o)
	if err == nil {
		t.Skip("the record was read after all: nothing left unread to test")
	}
	if !strings.Contains(err.Error(), "1 record could not be read: the result is incomplete") {
		t.Errorf("error %q, want the list called incomplete", err)
	}
	if !strings.Contains(out.String(), "due in 1 case") {
		t.Errorf("the list of the rest is not written:\n%s", out)
	}
	if !strings.Contains(errOut.String(), `cases/SOT-2026-0042/visits/2026-11-\xff.md: not read`) {
		t.Errorf("the notice does not name the file printably:\n%q", errOut)
	}
}

// TestContradictedCessationNotEnded: a [cessation] whose reason the case
// contradicts has not ended the plan, so its deadlines are still listed
// (lint.Case.PlanEnd). Ellie (7) "moved to another authority" with no
// transfer conference: "only after this has taken place may cessation of
// the Child Protection Plan take place" (Stoke-on-Trent C06 §07). Before,
// due said "0 due in 0 cases".
func TestContradictedCessationNotEnded(t *testing.T) {
	caseMD := "+++\ntype = \"case\"\nid = \"SOT-MV-A\"\n\n[child]\nname = \"Ellie\"\nborn = 2019-04-02\nfirst_language = \"English\"\n\n" +
		"[[people]]\nname = \"Gemma Shaw\"\nrole = \"mother\"\nfamily = true\n\n" +
		"[[people]]\nname = \"Tom Reid\"\nrole = \"social worker\"\nagency = \"Children's Services\"\nqualified = true\n\n" +
		"[[people]]\nname = \"Ruth Moss\"\nrole = \"conference and review manager\"\nagency = \"Children's Services\"\n+++\n\n## Background\nEllie lives with her mother.\n"
	planMD := "+++\ntype = \"plan\"\nstarted = 2026-09-01\nlead_worker = \"Tom Reid\"\ncore_group = [\"Tom Reid\", \"Gemma Shaw\"]\nreview_conference = 2026-11-27\n\n" +
		"[cessation]\ndate = 2026-09-20\nreason = \"%s\"\nnotified = [\"Gemma Shaw\"]\nfollow_up = \"Receiving authority\"\n+++\n\n## Concerns\nNeglect.\n"
	write := func(dir string, files map[string]string) {
		for name, data := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, tc := range []struct {
		name, reason, transfer string
		want                   []string
	}{
		{"moved, no transfer conference", "moved to another authority", "", []string{
			"  2026-10-10 Sat  OVERDUE by 41 days  the next core group meeting  [overdue-core-group: Stoke-on-Trent C06 §05]\n",
			"  2026-10-12 Mon  OVERDUE by 39 days  the child seen alone by the lead worker  [unseen-child: Stoke-on-Trent C06 §03]\n",
			"  2026-11-27 Fri  in 7 days  the review conference held on the date the plan sets for it",
		}},
		{"reached 18 at 7", "reached 18", "", []string{
			"  2026-10-12 Mon  OVERDUE by 39 days  the child seen alone by the lead worker",
		}},
		{"looked after, no legal status", "looked after", "", []string{
			"  2026-10-12 Mon  OVERDUE by 39 days  the child seen alone by the lead worker",
		}},
		// The receiving authority's conference held after the cessation:
		// the plan ended that day, and nothing is due now.
		{"moved, transfer conference later", "moved to another authority", "2026-10-09", []string{
			"0 due in 0 cases, 0 overdue (as of 2026-11-20, profile stoke-on-trent)\n",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"cases/A/case.md": caseMD,
				"cases/A/plan.md": fmt.Sprintf(planMD, tc.reason),
				"cases/A/conferences/2026-09-01-initial.md": "+++\ntype = \"conference\"\nkind = \"initial\"\ndate = 2026-09-01\nchair = \"Ruth Moss\"\nquorate = true\n" +
					"decision = \"plan\"\noutcomes = [\"O1\"]\nfirst_core_group = 2026-09-10\nnext_review = 2026-11-27\n+++\n\n## Decision\nA plan.\n",
				"cases/A/core-groups/2026-09-10.md": "+++\ntype = \"core-group\"\ndate = 2026-09-10\nchair = \"Tom Reid\"\nattended = [\"Tom Reid\", \"Gemma Shaw\"]\nminutes_by = \"Tom Reid\"\nminutes_circulated = 2026-09-11\n+++\n\n## Progress\nGood.\n",
				"cases/A/visits/2026-09-02.md": "+++\ntype = \"visit\"\ndate = 2026-09-02T16:00:00\nby = \"Tom Reid\"\npresent = [\"Ellie\", \"Gemma Shaw\"]\n" +
					"child_seen = true\nseen_alone = true\n+++\n\n## Wishes and feelings\n\nEllie, seen on her own in her room, said she likes school.\n",
			}
			if tc.transfer != "" {
				files["cases/A/conferences/"+tc.transfer+"-transfer.md"] = "+++\ntype = \"conference\"\nkind = \"transfer\"\ndate = " + tc.transfer +
					"\nchair = \"Ruth Moss\"\nquorate = true\ndecision = \"plan\"\noutcomes = [\"O1\"]\nnotified = 2026-09-21\n+++\n\n## Decision\nThe receiving authority's plan.\n"
			}
			write(dir, files)
			ios, _, out, _ := iostreams.Test()
			o := Options{IO: ios, Rules: checks.All(), Format: "text", Paths: []string{"cases"}, AsOf: "2026-11-20", Profile: "stoke-on-trent",
				Getwd: func() (string, error) { return dir, nil },
				Now:   func() time.Time { t.Fatal("due read the clock"); return time.Time{} }}
			if err := Run(context.Background(), &o); err != nil {
				t.Fatal(err)
			}
			for _, want := range tc.want {
				if !strings.Contains(out.String(), want) {
					t.Errorf("text lacks %q:\n%s", want, out)
				}
			}
		})
	}
}

// TestNotFullyReadListed: a visit recording a refusal of contact, its date
// written as text (invalid-record), cannot be dated, so its escalation is
// not among the obligations. The list names the record rather than show
// a worktray that looks complete, and --within does not hide the case.
func TestNotFullyReadListed(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"cases/A/case.md": "+++\ntype = \"case\"\nid = \"SOT-NF-A\"\n\n[child]\nname = \"Ellie\"\nborn = 2019-04-02\nfirst_language = \"English\"\n\n" +
			"[[people]]\nname = \"Tom Reid\"\nrole = \"social worker\"\nagency = \"Children's Services\"\nqualified = true\n+++\n",
		"cases/A/plan.md":                   "+++\ntype = \"plan\"\nstarted = 2026-11-02\nlead_worker = \"Tom Reid\"\nreview_conference = 2027-02-02\n+++\n\n## Concerns\nNeglect.\n",
		"cases/A/core-groups/2026-11-12.md": "+++\ntype = \"core-group\"\ndate = 2026-11-12\nattended = [\"Tom Reid\"]\nminutes_circulated = 2026-11-13\n+++\n",
		"cases/A/visits/2026-11-18.md": "+++\ntype = \"visit\"\ndate = \"18/11/2026\"\nby = \"Tom Reid\"\nchild_seen = false\n" +
			"not_seen_reason = \"Mother refused entry\"\naccess_refused = true\n+++\n",
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ios, _, out, _ := iostreams.Test()
	o := Options{IO: ios, Rules: checks.All(), Format: "text", Paths: []string{"cases"}, AsOf: "2026-11-20", Profile: "stoke-on-trent", Within: "1d",
		Getwd: func() (string, error) { return dir, nil },
		Now:   func() time.Time { t.Fatal("due read the clock"); return time.Time{} }}
	if err := Run(context.Background(), &o); err != nil {
		t.Fatal(err)
	}
	want := "SOT-NF-A  Ellie, lead worker Tom Reid  (cases/A)\n" +
		"  not fully read: visits/2026-11-18.md (invalid-record): what it records may be missing from this list; correct it (caselint lint says how)\n" +
		"0 due in 1 case, 0 overdue, 1 record not fully read (as of 2026-11-20, profile stoke-on-trent, within 1 day)\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
