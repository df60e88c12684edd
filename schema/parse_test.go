package schema

import (
	"strings"
	"testing"
)

func TestParseNotRecords(t *testing.T) {
	for _, in := range []string{"", "   \n\n\t", "\ufeff", "# Team README\n\nNotes about cases.\n", "Some text\n```\n+++\ntype = \"plan\"\n+++\n```\n", "Some text\n+++\nnot a key\n+++\n", "\xff\xfe not a record"} {
		if doc, ok := Parse("README.md", []byte(in)); ok || doc != nil {
			t.Errorf("%q: ok = true", in)
		}
	}
}

// TestParseTitleAboveFrontmatter: a record with a title written above its
// frontmatter is read (its facts reach the rules) and reported at the +++.
func TestParseTitleAboveFrontmatter(t *testing.T) {
	in := "# Home visit, 10 March 2026\n+++\ntype = \"visit\"\ndate = 2026-03-10T16:00:00\nby = \"Amy Frost\"\nchild_seen = false\naccess_refused = true\n+++\n## Notes\nNo answer.\n"
	doc, ok := Parse("visits/2026-03-10.md", []byte(in))
	if !ok || doc == nil {
		t.Fatal("not read as a record")
	}
	v, isVisit := doc.Record.(*Visit)
	if !isVisit || !v.AccessRefused || v.By != "Amy Frost" {
		t.Fatalf("record = %#v, want the visit with access_refused", doc.Record)
	}
	if len(doc.Problems) != 1 || !strings.Contains(doc.Problems[0].Message, "must open on the first line") {
		t.Fatalf("problems = %+v, want one: the frontmatter must open on the first line", doc.Problems)
	}
	if pos := doc.Source.Position(doc.Problems[0].Offset); pos.Line != 2 || pos.Col != 1 {
		t.Errorf("problem at %d:%d, want 2:1", pos.Line, pos.Col)
	}
}

func TestParsePositions(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // line:col/col16 message-prefix
	}{
		{"BOM and CRLF",
			"\ufeff+++\r\ntype = \"visit\"\r\ndate = 2026-01-19\r\nby = \"Zoë\"\r\nchild_seen = true\r\nseen_alon = true\r\n+++\r\n\r\n## Observations\r\n",
			[]string{"6:1/1 unknown key seen_alon in visit record; did you mean seen_alone?"}},
		{"multi-byte characters before the position",
			"+++\r\ntype = \"visit\"\r\ndate = 2026-01-19\r\nby = \"Zoë\" ; child_seen = \"yes\"\r\nchild_seen = true\r\n+++\r\n",
			[]string{"4:12/12 the frontmatter is not valid TOML"}},
		{"an emoji counts two UTF-16 units",
			"+++\ntype = \"visit\"\ndate = 2026-01-19\nchild_seen = true\nby = { name = \"Zoë 🙂\", x = 1 }\n+++\n",
			[]string{"5:6/6 by: expected a string, found a table"}},
		{"an emoji before the value",
			"+++\ntype = \"visit\"\ndate = 2026-01-19\nchild_seen = true\nby = \"A\"\n\"🙂\" = 1\npresent = [\"🙂\", 2]\n+++\n",
			[]string{"6:1/1 unknown key 🙂 in visit record", "7:17/18 present, item 2: expected a string, found a number"}},
		{"tabs",
			"+++\ntype\t=\t\"plan\"\nstarted\t=\t\"2026-01-12\"\n\tlead_worker\t=\t\"A\"\n+++\n",
			[]string{"3:11/11 started: expected a date such as 2026-01-12, found the string \"2026-01-12\""}},
		{"lone CR line endings",
			"+++\rtype = \"plan\"\rstarted = 2026-01-12\rlead_worker = \"A\"\rcategory = 1\r+++\r## Concerns\r",
			[]string{"5:12/12 category: expected a string, found a number"}},
		{"invalid UTF-8, the rest still read",
			"+++\ntype = \"plan\"\nstarted = 2026-01-12\nlead_worker = \"Zo\xeb\"\nmanager = 5\n+++\n\xff",
			[]string{"4:18/18 the file is not valid UTF-8 (byte 0xeb at 4:18): save it as UTF-8", "5:11/11 manager: expected a string"}},
		{"invalid UTF-8 in a key",
			"+++\ntype = \"plan\"\nstarted = 2026-01-12\nlead_worker = \"A\"\nma\xffnager = \"B\"\n+++\n",
			[]string{"5:3/3 the file is not valid UTF-8 (byte 0xff at 5:3)"}},
		{"never closed: the keys before the body are read",
			"+++\ntype = \"plan\"\nstarted = 2026-01-12\nlead_worker = 1\n\n## Concerns\nJamie is left alone.\n",
			[]string{"1:1/1 frontmatter opened with +++ on line 1 is never closed", "4:15/15 lead_worker: expected a string"}},
		{"YAML", "---\ntype: plan\n---\n## Concerns\n",
			[]string{"1:1/1 records use TOML frontmatter between +++ lines, not YAML (---)"}},
		{"YAML after a BOM", "\ufeff---\r\ntype: plan\r\n---\r\n",
			[]string{"1:1/1 records use TOML frontmatter between +++ lines, not YAML (---)"}},
		{"empty frontmatter", "+++\n+++\n", []string{"2:1/1 missing key type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ok := Parse("r.md", []byte(tt.in))
			if !ok {
				t.Fatal("not a record")
			}
			var got []string
			for _, p := range doc.Problems {
				pos := doc.Source.Position(p.Offset)
				got = append(got, sprintf("%d:%d/%d %s", pos.Line, pos.Col, pos.Col16, p.Message))
			}
			match := len(got) == len(tt.want)
			for i := 0; match && i < len(got); i++ {
				match = strings.HasPrefix(got[i], tt.want[i])
			}
			if !match {
				t.Errorf("problems:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestParseDocument(t *testing.T) {
	in := "+++\ntype = \"plan\"\nstarted = 2026-01-12\nlead_worker = \"A\"\n+++\n## Concerns\nSome.\n"
	doc, _ := Parse("cases/x/plan.md", []byte(in))
	if doc.Kind != KindPlan || doc.Body == nil || doc.Record.(*Plan).Doc != doc || doc.Source.Path != "cases/x/plan.md" {
		t.Fatalf("doc = %+v", doc)
	}
	if got := in[doc.FrontStart:doc.FrontEnd]; got != "type = \"plan\"\nstarted = 2026-01-12\nlead_worker = \"A\"\n" {
		t.Errorf("front = %q", got)
	}
	if got := in[doc.BodyStart:]; got != "## Concerns\nSome.\n" {
		t.Errorf("body = %q", got)
	}
	if p := doc.Source.Position(doc.AtValue("lead_worker")); p.Line != 4 || p.Col != 15 {
		t.Errorf("AtValue(lead_worker) = %+v", p)
	}
	if p := doc.Source.Position(doc.TypeLine()); p.Line != 2 || p.Col != 1 {
		t.Errorf("TypeLine = %+v", p)
	}

	for kind, body := range map[string]bool{"case": false, "conference": false, "plan": true, "visit": true, "core-group": true} {
		doc, _ := Parse("r.md", []byte("+++\ntype = \""+kind+"\"\n+++\n## Observations\n"))
		if (doc.Body != nil) != body {
			t.Errorf("%s: Body = %v", kind, doc.Body)
		}
	}

	// A never-closed frontmatter: the body starts where the TOML stops.
	in = "+++\ntype = \"visit\"\ndate = 2026-01-19\nby = \"A\"\nchild_seen = true\n\nJamie was seen.\n"
	doc, _ = Parse("v.md", []byte(in))
	if doc.Record == nil || doc.Record.(*Visit).By != "A" || in[doc.BodyStart:] != "Jamie was seen.\n" || doc.FrontEnd != doc.BodyStart {
		t.Errorf("never closed: record %+v, body %q", doc.Record, in[doc.BodyStart:])
	}
}

var parseFuzzSeeds = []string{
	"",
	"# README\n",
	"+++\ntype = \"visit\"\ndate = 2026-01-19T16:30:00\nby = \"Aisha Patel\"\nchild_seen = true\nseen_alon = true\n+++\n## Observations\nok <!-- want: x -->\n",
	"\ufeff+++\r\ntype = \"case\"\r\nid = \"SOT-1\"\r\n[child]\r\nname = \"Zoë 🙂\"\r\nborn = 2015-02-30\r\n[[people]]\r\nname = \"A\"\r\n[[people]]\r\nnme = 2\r\n+++\r\n",
	"+++\rtype = \"plan\"\rstarted = \"2026-01-12\"\rcore_group = [\"a\",\r 2, # c\r \"b]\"]\r[cessation]\r+++\r## Actions\r| A | B |\r|---|---|\r| x | y | <!-- caselint:ignore r why -->\r",
	"+++\ntype = \"conference\"\nkind = \"review\"\ndate = 2026-01-01\ndecision = \"plan\"\n",
	"---\ntitle: x\n---\n",
	"+++\ntype = \"core-group\"\nx = \"\xff\"\nattended = [\n+++\n```\n<!-- want: y -->\n```\n",
	"+++\na = [[[[{{{\"\"\"\n+++\n",
	"+++\n[[a]]\n[a.b]\n[[a.b.c]]\nd = {e = [1, {f = '''x'''}]}\ntype = 'plan'\n+++\n",
	// Records written so that Parse does not take them (Misshapen), and a
	// second record in a body.
	" +++\ntype = \"visit\"\n+++\n",
	"+++\u00a0\r\ndate = 2026-11-12\r\ntype = \"visit\"\r\n",
	"\ufeff\ufeff++++\ntype = 'plan'\n",
	"Home visit\n---\ntype: visit\n---\n",
	"Home visit\n+++\ndate = 2026-11-12\n# c\ntype = \"visit\"\n+++\n",
	"# x\n```\n+++\n```\ntype = \"case\"\n",
	"\xff\xfe+\x00+\x00+\x00\n\x00t\x00y\x00p\x00e\x00",
	"+++\ntype = \"visit\"\n+++\nbody\n+++\ntype = \"visit\"\n+++\n",
}

func FuzzParse(f *testing.F) {
	for _, s := range parseFuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, ok := Parse("f.md", data)
		if !ok {
			if doc != nil {
				t.Fatal("doc without ok")
			}
			if doc, ok = Misshapen("f.md", data); !ok {
				if doc != nil {
					t.Fatal("misshapen doc without ok")
				}
				return
			}
			if len(doc.Problems) != 1 || doc.Kind != "" || doc.Record != nil {
				t.Fatalf("misshapen: %+v", doc)
			}
		}
		if doc.FrontStart < 0 || doc.FrontStart > doc.FrontEnd || doc.FrontEnd > doc.BodyStart || doc.BodyStart > len(data) {
			t.Fatalf("spans %d %d %d of %d", doc.FrontStart, doc.FrontEnd, doc.BodyStart, len(data))
		}
		for _, p := range doc.Problems {
			if p.Offset < 0 || p.Offset > len(data) {
				t.Fatalf("problem %q at %d, outside the file of %d bytes", p.Message, p.Offset, len(data))
			}
			if p.Message == "" {
				t.Fatal("problem without a message")
			}
		}
		for _, d := range doc.Directives {
			if d.Offset < 0 || d.End > len(data) || d.Offset > d.End || d.Covers < d.Line {
				t.Fatalf("directive %+v", d)
			}
		}
		for _, e := range doc.Keys.entries {
			for _, s := range append([]Span{e.key, e.value}, e.elems...) {
				if s.Start < 0 || s.End > len(data) || s.Start > s.End {
					t.Fatalf("span %+v of %d", s, len(data))
				}
			}
		}
	})
}

// TestParseCaseWithoutFrontmatter: a case.md is a record whatever it holds
// (format 1.1); another file without frontmatter is not.
func TestParseCaseWithoutFrontmatter(t *testing.T) {
	for _, in := range []string{"# Case\n\nJamie, born 2014.\n", "", "\n\n", "\uFEFF# Case\r\n"} {
		doc, ok := Parse("cases/A/case.md", []byte(in))
		if !ok || doc == nil {
			t.Fatalf("%q: not a record", in)
		}
		if doc.Kind != "" || doc.Record != nil || len(doc.Problems) == 0 || doc.Problems[0].Offset != 0 {
			t.Errorf("%q: kind %q, record %v, problems %v", in, doc.Kind, doc.Record, doc.Problems)
		}
		if _, ok := Parse("cases/A/notes.md", []byte(in)); ok {
			t.Errorf("%q: notes.md read as a record", in)
		}
	}
	doc, _ := Parse(`cases\A\case.md`, []byte("# Case"))
	if doc == nil {
		t.Error("a Windows path to case.md is a case.md")
	}
}

func TestPersonKeyTitlesAndStops(t *testing.T) {
	same := [][2]string{
		{"Dr. Kim Green", "Dr Kim Green"},
		{"Dr Kim Green (GP)", "Kim Green"},
		{"J. Smith", "J Smith"},
		{" Mrs  Sam Doe ", "sam doe"},
		{"Dr.Kim Green", "Dr Kim Green"},
	}
	for _, p := range same {
		if PersonKey(p[0]) != PersonKey(p[1]) {
			t.Errorf("PersonKey(%q) = %q, PersonKey(%q) = %q: want the same", p[0], PersonKey(p[0]), p[1], PersonKey(p[1]))
		}
	}
	differ := [][2]string{{"Mr Bell", "Mrs Bell"}, {"Mr Bell", "Bell"}, {"Kim Green", "Kim Greene"}}
	for _, p := range differ {
		if PersonKey(p[0]) == PersonKey(p[1]) {
			t.Errorf("PersonKey(%q) = PersonKey(%q) = %q: want different", p[0], p[1], PersonKey(p[0]))
		}
	}
	if k := PersonKey("J."); k != "j" {
		t.Errorf("PersonKey(J.) = %q, want j", k)
	}
}

// TestConflictMarkers: a merge left unresolved is a problem at its first
// marker line; marks that do not open a line, or an opening without a
// closing, are not one.
func TestConflictMarkers(t *testing.T) {
	for _, tt := range []struct {
		in   string
		off  int
		want bool
	}{
		{"+++\n+++\n<<<<<<< HEAD\nseen alone\n=======\nnot seen\n>>>>>>> feature\n", 8, true},
		{"<<<<<<< HEAD\r\na\r\n=======\r\nb\r\n>>>>>>> 1a2b3c\r\n", 0, true},
		{"x\n<<<<<<<\na\n=======\nb\n>>>>>>>", 2, true},
		{"x <<<<<<< HEAD\na\n>>>>>>> b\n", 0, false},   // not at a line's start
		{"<<<<<<< HEAD\na\n", 0, false},                // never closed
		{"<<<<<<<< HEAD\na\n>>>>>>>> b\n", 0, false},   // eight marks: not git's
		{">>>>>>> b\n<<<<<<< HEAD\na\n", 0, false},     // closed before it opened
		{"Mum said <<<<<<< no\n>>>>>>> x\n", 0, false}, // inside a line
	} {
		off, ok := conflictMarkers([]byte(tt.in))
		if ok != tt.want || ok && off != tt.off {
			t.Errorf("conflictMarkers(%q) = %d, %v; want %d, %v", tt.in, off, ok, tt.off, tt.want)
		}
	}
}
