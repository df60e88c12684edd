package schema

import (
	"strings"
	"testing"
	"unicode/utf16"
)

const shapeVisit = "type = \"visit\"\ndate = 2026-11-12T17:00:00\nby = \"Amy Cole\"\nchild_seen = false\naccess_refused = true\n+++\n\n## Observations\n\nGina would not let me in.\n"

// TestMisshapen: a file Parse does not take is reported when a line shows
// it is a record all the same, at that line, saying what to change; a
// README or notes stay not a record.
func TestMisshapen(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int    // 0: not a record
		msg  string // part of the message
	}{
		{"leading space", " +++\n" + shapeVisit, 1, "this line has spaces or tabs before them; retype it as +++"},
		{"leading tab", "\t+++\n" + shapeVisit, 1, "spaces or tabs before them"},
		{"no-break space after", "+++\u00a0\n" + shapeVisit, 1, "an invisible character beside them"},
		{"zero-width space before", "\u200b+++\n" + shapeVisit, 1, "an invisible character"},
		{"two byte-order marks", "\ufeff\ufeff+++\n" + shapeVisit, 1, "byte-order mark"},
		{"one byte-order mark and four pluses", "\ufeff++++\r\n" + strings.ReplaceAll(shapeVisit, "\n", "\r\n"), 1, "this line has 4 plus signs; retype it as +++"},
		{"many pluses after a title", "# Visit\n\n+++++\n" + shapeVisit, 3, "5 plus signs; retype it as +++; and the frontmatter must open on the first line: move the line above"},
		{"type a few lines down", " +++\ndate = 2026-11-12\nby = \"Amy Cole\"\n# note\n\ntype = 'Visit'\n+++\n", 1, "exactly +++"},
		{"title above YAML", "Home visit\n---\ntype: visit\ndate: 2026-11-12\n---\n", 2, "not YAML (---), so the record is not read"},
		{"YAML type quoted", "Home visit\n\n---\n\ntitle: x\ntype: \"core-group\"\n---\n", 3, "move the line above"},
		{"type line without frontmatter", shapeVisit, 1, "sets a record's type, but the file does not open with frontmatter"},
		{"type line under a title", "# Visit\n\ntype=\"plan\" # the plan\n", 3, "sets a record's type"},
		{"the type line wins over a +++ far above it", "+ + +\n\n" + shapeVisit, 3, "sets a record's type"},
		{"README", "# Notes\n\nThe plan is in plan.md.\n", 0, ""},
		{"empty", "", 0, ""},
		{"fenced example", "# How to\n```\n +++\ntype = \"visit\"\n+++\n```\n", 0, ""},
		{"tilde fence", "~~~~\n---\ntype: visit\n~~~~\n", 0, ""},
		{"rules and words", "Call\n---\nType of visit: home.\n\n---\ntype = \"home visit\"\n", 0, ""},
		{"YAML type word after +++", " +++\ntype: visit\n", 0, ""},
		{"a type far below a rule", "Call\n---\n1\n2\n3\n4\n5\n6\n7\n8\ntype: visit\n", 0, ""},
		{"typeface", " +++\ntypeface = \"visit\"\n", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := Parse("v/x.md", []byte(tt.in)); ok {
				t.Fatalf("Parse took it for a record")
			}
			doc, ok := Misshapen("v/x.md", []byte(tt.in))
			if tt.line == 0 {
				if ok || doc != nil {
					t.Fatalf("reported: %v", doc.Problems)
				}
				return
			}
			if !ok || doc == nil || len(doc.Problems) != 1 {
				t.Fatalf("ok %v, doc %v", ok, doc)
			}
			p := doc.Problems[0]
			if got := doc.Source.LineOf(p.Offset); got != tt.line || !strings.Contains(p.Message, tt.msg) {
				t.Errorf("line %d %q, want line %d with %q", got, p.Message, tt.line, tt.msg)
			}
			if doc.Kind != "" || doc.Record != nil {
				t.Errorf("kind %q, record %v", doc.Kind, doc.Record)
			}
			if p.Msg.String() != p.Message {
				t.Errorf("Msg %q is not the message", p.Msg.String())
			}
		})
	}
}

func utf16File(s string, bigEndian bool) []byte {
	units := utf16.Encode([]rune("\ufeff" + s))
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// TestMisshapenUTF16: a record saved as UTF-16 is reported at line 1 (save
// as UTF-8), a case.md too; notes saved so are not records.
func TestMisshapenUTF16(t *testing.T) {
	for _, be := range []bool{false, true} {
		for _, in := range []string{"+++\n" + shapeVisit, " +++\n" + shapeVisit, shapeVisit} {
			data := utf16File(in, be)
			if !IsUTF16(data) {
				t.Fatalf("%q: not UTF-16", in)
			}
			doc, ok := Misshapen("v/x.md", data)
			if !ok || len(doc.Problems) != 1 || doc.Problems[0].Offset != 0 || !strings.Contains(doc.Problems[0].Message, "UTF-16") {
				t.Errorf("big-endian %v, %q: %v %v", be, in, ok, doc)
			}
		}
		if doc, ok := Misshapen("v/notes.md", utf16File("# Notes\n\nCall the school.\n", be)); ok {
			t.Errorf("notes in UTF-16 reported: %v", doc.Problems)
		}
		doc, ok := Parse("c/case.md", utf16File("+++\ntype = \"case\"\n+++\n", be))
		if !ok || len(doc.Problems) != 1 || !strings.Contains(doc.Problems[0].Message, "case.md is saved as UTF-16") {
			t.Errorf("case.md in UTF-16: %v %v", ok, doc)
		}
	}
	for _, in := range [][]byte{nil, {0xff}, []byte("+++\n"), {0xfe, 0xfe}} {
		if IsUTF16(in) {
			t.Errorf("%q: UTF-16", in)
		}
	}
}

// TestMisshapenUTF16NoBOM: a record saved as UTF-16 with no byte-order
// mark (as iconv and some exports write it) is reported as UTF-16, a
// visit and a case.md alike, little- and big-endian, names with letters
// outside ASCII included; notes saved so are not records, and UTF-8 text,
// binary bytes and odd lengths are not taken for UTF-16.
func TestMisshapenUTF16NoBOM(t *testing.T) {
	visit := "+++\ntype = \"visit\"\ndate = 2026-01-15T16:00:00\nby = \"Łucja Wójcik\"\nchild_seen = false\nnot_seen_reason = \"Mum would not let me in\"\n+++\n\n## Observations\n\nMum would not let me in.\n"
	for _, be := range []bool{false, true} {
		for _, in := range []string{visit, " +++\n" + shapeVisit, shapeVisit} {
			data := utf16File(in, be)[2:] // the byte-order mark left out
			if !IsUTF16(data) {
				t.Fatalf("big-endian %v, %q: not UTF-16", be, in)
			}
			if _, ok := Parse("v/x.md", data); ok {
				t.Fatalf("big-endian %v, %q: parsed as a record", be, in)
			}
			doc, ok := Misshapen("v/x.md", data)
			if !ok || len(doc.Problems) != 1 || doc.Problems[0].Offset != 0 || !strings.Contains(doc.Problems[0].Message, "UTF-16") {
				t.Errorf("big-endian %v, %q: %v %v", be, in, ok, doc)
			}
		}
		if doc, ok := Misshapen("v/notes.md", utf16File("# Notes\n\nCall the school.\n", be)[2:]); ok {
			t.Errorf("notes in UTF-16 reported: %v", doc.Problems)
		}
		doc, ok := Parse("c/case.md", utf16File("+++\ntype = \"case\"\n+++\n", be)[2:])
		if !ok || len(doc.Problems) != 1 || !strings.Contains(doc.Problems[0].Message, "case.md is saved as UTF-16") {
			t.Errorf("case.md in UTF-16: %v %v", ok, doc)
		}
	}
	for _, in := range [][]byte{
		[]byte(visit),                                                // UTF-8
		[]byte("+++\x00\x00\x00\x00\x00"),                            // zero units
		append(utf16File(visit, false)[2:], 'x'),                     // odd length
		{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d}, // a picture
		{'+', 0, '+', 0, 0, '+'},                                     // too short
	} {
		if IsUTF16(in) {
			t.Errorf("%q: UTF-16", in)
		}
	}
}

// TestCaseMDMisshapen: a case.md whose opening line is not exactly +++ is
// reported as such, not as a case.md without frontmatter.
func TestCaseMDMisshapen(t *testing.T) {
	doc, ok := Parse("c/case.md", []byte("++++\ntype = \"case\"\nid = \"X\"\n+++\n"))
	if !ok || len(doc.Problems) != 1 || !strings.Contains(doc.Problems[0].Message, "4 plus signs") {
		t.Fatalf("%v %v", ok, doc)
	}
}

// TestSecondRecord: a +++ line and a type line in a record's body is a
// second record appended to the file: reported at its +++, and the body
// read up to it; +++ lines in a fence or followed by prose are body text.
func TestSecondRecord(t *testing.T) {
	first := "+++\ntype = \"visit\"\ndate = 2026-11-11T16:00:00\nby = \"Amy Cole\"\nchild_seen = true\n+++\n\n## Observations\n\nHome warm.\n\n"
	doc, ok := Parse("v/x.md", []byte(first+"+++\n"+shapeVisit))
	if !ok {
		t.Fatal("not a record")
	}
	var found bool
	for _, p := range doc.Problems {
		if strings.Contains(p.Message, "one record per file") {
			found = true
			if got := doc.Source.LineOf(p.Offset); got != 12 {
				t.Errorf("at line %d, want 12", got)
			}
		}
	}
	if !found {
		t.Fatalf("no problem: %v", doc.Problems)
	}
	for _, r := range doc.Body.Text() {
		if strings.Contains(r.Text, "would not let me in") {
			t.Errorf("the second record's words read as the first's: %q", r.Text)
		}
	}
	if doc.Kind != KindVisit || doc.Record == nil {
		t.Errorf("the first record is not read: %q", doc.Kind)
	}
	for _, body := range []string{
		"```\n+++\n" + shapeVisit + "```\n",
		"+++\nJamie's star chart.\n+++\n",
		"Sums: 1 +++ 2\ntype = \"visit\"\n",
	} {
		doc, _ := Parse("v/x.md", []byte(first+body))
		for _, p := range doc.Problems {
			if strings.Contains(p.Message, "one record per file") {
				t.Errorf("%q: %s", body, p.Message)
			}
		}
	}
}
