package training_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/lint/expect"
	"github.com/caselint/caselint/schema"
	"github.com/caselint/caselint/training"
)

const front = "+++\ntype = \"plan\"\nstarted = 2026-01-05\nlead_worker = \"Aisha Patel\"\n+++\n"

func TestStrip(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
		key            []int // the lines of the key, in the stripped record
	}{
		{
			name: "trailing body want goes with the spaces before it",
			in:   front + "\n| A3 | x | TBC | d | O1 |   <!-- want: unnamed-action-owner -->\nnext\n",
			want: front + "\n| A3 | x | TBC | d | O1 |\nnext\n",
			key:  []int{7},
		},
		{
			name: "trailing frontmatter want, tabs included",
			in:   "+++\ntype = \"plan\"\nlead_worker = \"X\" \t# want: missing-lead-worker\n+++\nbody\n",
			want: "+++\ntype = \"plan\"\nlead_worker = \"X\"\n+++\nbody\n",
			key:  []int{3},
		},
		{
			name: "a want on its own line takes the line",
			in:   front + "\n<!-- want: missing-contingency-plan -->\n## Contingency plan\n\nTBC\n",
			want: front + "\n## Contingency plan\n\nTBC\n",
			key:  []int{7},
		},
		{
			name: "indented own-line want, in the frontmatter",
			in:   "+++\ntype = \"plan\"\n  \t# want: missing-lead-worker\nlead_worker = \"X\"\n+++\n",
			want: "+++\ntype = \"plan\"\nlead_worker = \"X\"\n+++\n",
			key:  []int{3},
		},
		{
			name: "CRLF kept, own line removed with its CRLF",
			in:   "+++\r\ntype = \"plan\"\r\n# want: a\r\nlead_worker = \"X\" # want: b\r\n+++\r\nbody <!-- want: c -->\r\n",
			want: "+++\r\ntype = \"plan\"\r\nlead_worker = \"X\"\r\n+++\r\nbody\r\n",
			key:  []int{3, 3, 5},
		},
		{
			name: "lone CR line endings",
			in:   "+++\rtype = \"plan\"\r+++\r<!-- want: a -->\rline\r",
			want: "+++\rtype = \"plan\"\r+++\rline\r",
			key:  []int{4},
		},
		{
			name: "several wants, lines shift for each removed line",
			in:   front + "<!-- want: a -->\none\n<!-- want: b c -->\ntwo\nthree <!-- want: d --> <!-- want: e -->\n",
			want: front + "one\ntwo\nthree\n",
			key:  []int{6, 7, 7, 8, 8},
		},
		{
			name: "a want at the end of the file with no line ending",
			in:   front + "last <!-- want: a -->",
			want: front + "last",
			key:  []int{6},
		},
		{
			name: "an own-line want on the last line, no line ending",
			in:   front + "text\n<!-- want: a -->",
			want: front + "text\n",
			key:  []int{7}, // the line after the text, as in the original
		},
		{
			name: "text after an own-line want is kept",
			in:   front + "<!-- want: a --> text\nnext\n",
			want: front + "text\nnext\n",
			key:  []int{7},
		},
		{
			name: "other comments, code and a BOM are untouched",
			in: "\xEF\xBB\xBF" + front + "a <!-- caselint:ignore unseen-child reason -->\nb <!-- a note -->\n`<!-- want: x -->`\n" +
				"```\n<!-- want: y -->\n```\nc<!--want:z-->\n",
			want: "\xEF\xBB\xBF" + front + "a <!-- caselint:ignore unseen-child reason -->\nb <!-- a note -->\n`<!-- want: x -->`\n" +
				"```\n<!-- want: y -->\n```\nc\n",
			key: []int{12},
		},
		{
			name: "no wants: the very same bytes",
			in:   front + "  trailing spaces  \n\ttabs\n\n",
			want: front + "  trailing spaces  \n\ttabs\n\n",
		},
		{
			name: "not a record: as it is",
			in:   "# README\n<!-- want: a -->\n",
			want: "# README\n<!-- want: a -->\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := training.Strip("plan.md", []byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(s.Data) != tc.want {
				t.Errorf("stripped:\n%q\nwant:\n%q", s.Data, tc.want)
			}
			var lines []int
			for _, k := range s.Key {
				lines = append(lines, k.Line)
			}
			if !reflect.DeepEqual(lines, tc.key) {
				t.Errorf("key lines %v, want %v (%v)", lines, tc.key, s.Key)
			}
			if again, _ := expect.InRecord("plan.md", s.Data); len(again) > 0 {
				t.Errorf("wants left: %v", again)
			}
		})
	}
}

func TestStripRefusesAWantCoveringAWant(t *testing.T) {
	_, err := training.Strip("plan.md", []byte(front+"<!-- want: a -->\n<!-- want: b -->\n| row |\n"))
	if err == nil || !strings.Contains(err.Error(), "plan.md:6") {
		t.Fatalf("err = %v, want one at plan.md:6", err)
	}
}

var wantComment = regexp.MustCompile(`[ \t]*(<!-- want:[^>]*-->|# want:.*)`)

// TestStripSamples strips every shipped sample case: each line is the
// original line without its want comment, own-line wants gone, nothing
// else changed; and caselint finds in the stripped cases exactly the key,
// at the stripped lines.
func TestStripSamples(t *testing.T) {
	root := filepath.Join("..", "testdata", "samples")
	stripped := t.TempDir()
	var key []expect.Expectation
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s, err := training.Strip(rel, data)
		if err != nil {
			return err
		}
		key = append(key, s.Key...)
		if len(s.Key) > 0 {
			n++
		}
		// Line by line: own-line wants dropped, trailing ones cut.
		_, isRecord := schema.Parse(rel, data)
		var want []string
		for _, l := range strings.SplitAfter(string(data), "\n") {
			body := strings.TrimRight(l, "\r\n")
			if isRecord && strings.HasSuffix(rel, ".md") && wantComment.MatchString(body) {
				cut := wantComment.ReplaceAllString(body, "")
				if strings.TrimSpace(cut) == "" {
					continue
				}
				l = cut + l[len(body):]
			}
			want = append(want, l)
		}
		if got := string(s.Data); got != strings.Join(want, "") {
			t.Errorf("%s: stripped differs from the line-by-line strip", rel)
		}
		full := filepath.Join(stripped, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, s.Data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 5 {
		t.Fatalf("only %d sample records with wants", n)
	}
	prof, err := lint.ShippedProfile(lint.ProfileCombined)
	if err != nil {
		t.Fatal(err)
	}
	rules := checks.All()
	res, err := lint.Run(context.Background(), lint.Options{
		FS: os.DirFS(stripped), Rules: rules, Profile: prof, AsOf: schema.NewDate(2026, 11, 20), Calendar: calendar.Default(),
	})
	if err != nil {
		t.Fatal(err)
	}
	under := map[string]bool{}
	for _, r := range rules {
		under[r.ID] = true
	}
	for _, p := range expect.Compare(res.Findings, key, under) {
		t.Error(p)
	}
}
