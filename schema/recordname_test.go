package schema

import "testing"

func TestIsRecordName(t *testing.T) {
	for name, want := range map[string]bool{
		"visits/2026-11-12.md": true, "2026-11-12.MD": true, "a/b.Md": true, "x.markdown": true, "x.MarkDown": true,
		"x.mdx": false, "x.txt": false, "md": false, "a.md/x": false, "x.md~": false, "x.": false, "": false, `C:\cases\a.md`: true,
	} {
		if got := IsRecordName(name); got != want {
			t.Errorf("IsRecordName(%q) = %v", name, got)
		}
		if got := IsRecordName([]byte(name)); got != want {
			t.Errorf("IsRecordName([]byte(%q)) = %v", name, got)
		}
	}
}
