package lint

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadRecordNameNotUTF8: a record whose file name is not UTF-8 cannot
// be opened through an fs.FS (fs.ValidPath); the notice says the name is
// the trouble and to rename the file, not "invalid argument", and it is
// still a notice that makes the run incomplete (NoticeUnreadable).
func TestReadRecordNameNotUTF8(t *testing.T) {
	name := "T-1/visits/2026-11-\xff.md"
	fsys := fstest.MapFS{name: {Data: []byte("+++\ntype = \"visit\"\n+++\n")}}
	data, _, note := readRecord(fsys, name, 1<<20)
	if data != nil || note == nil || note.Kind != NoticeUnreadable || !note.Incomplete() {
		t.Fatalf("data %q, note %+v: want an unreadable notice", data, note)
	}
	if !strings.Contains(note.Message, "its name is not UTF-8 text") || !strings.Contains(note.Message, "rename the file") {
		t.Errorf("message %q", note.Message)
	}
	// A name that is UTF-8 and not there is the file system's error.
	_, _, note = readRecord(fsys, "T-1/visits/2026-11-12.md", 1<<20)
	if note == nil || strings.Contains(note.Message, "UTF-8") {
		t.Errorf("a missing file: %+v", note)
	}
}
