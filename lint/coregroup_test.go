package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

func TestMemberMeetings(t *testing.T) {
	m1 := &schema.CoreGroup{Attended: []string{"Ann Lee"}}
	m2 := &schema.CoreGroup{Attended: []string{"Ann Lee"}, Apologies: []string{"Dr Kim Green (GP)"}}
	m3 := &schema.CoreGroup{Attended: []string{"Ann Lee", "Kim Green"}}
	all := []*schema.CoreGroup{m1, m2, m3}
	for _, tc := range []struct {
		who  string
		want int
	}{
		{"Ann Lee", 3},      // named at the first meeting
		{"Dr Kim Green", 2}, // first named (apologies, role in brackets) at the second
		{"Lee Morgan", 3},   // never named: expected from the first
	} {
		if got := MemberMeetings(all, tc.who); len(got) != tc.want || got[len(got)-1] != m3 {
			t.Errorf("MemberMeetings(%q) = %d meetings, want %d", tc.who, len(got), tc.want)
		}
	}
	if got := MemberMeetings(nil, "Ann Lee"); len(got) != 0 {
		t.Errorf("MemberMeetings(nil) = %d meetings, want 0", len(got))
	}
}
