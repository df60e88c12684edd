package lint

import (
	"slices"
	"testing"

	"github.com/caselint/caselint/schema"
)

// TestTitleBeforeInitial: "Mrs S Khan" and "Mr S Khan" are two people;
// "S Khan" is the one of them it may be, and no one when it may be both.
func TestTitleBeforeInitial(t *testing.T) {
	two := NewCase("c", &schema.CaseRecord{People: []schema.Person{
		{Name: "Mrs S Khan", Role: "mother"}, {Name: "Mr S Khan", Role: "father"},
	}}, nil)
	if p := two.Person("Mr S. Khan (dad)"); p == nil || p.Role != "father" {
		t.Errorf("Person(Mr S. Khan (dad)) = %v, want the father", p)
	}
	if p := two.Person("mrs s khan"); p == nil || p.Role != "mother" {
		t.Errorf("Person(mrs s khan) = %v, want the mother", p)
	}
	if two.Known("S Khan") {
		t.Error("S Khan could be either: not known as one of them")
	}
	if got, want := two.Ambiguous("S Khan"), []string{"Mrs S Khan", "Mr S Khan"}; !slices.Equal(got, want) {
		t.Errorf("Ambiguous(S Khan) = %q, want %q", got, want)
	}
	if two.Ambiguous("Mrs S Khan") != nil || two.Ambiguous("Kim Green") != nil {
		t.Error("Ambiguous: only a reference that may be two people")
	}
	if SamePerson("Mrs S Khan", "Mr S Khan") || !SamePerson("S Khan", "Mr S Khan") || !AmongPeople("Mrs S Khan", []string{"S. Khan"}) {
		t.Error("SamePerson: the title before an initial tells two people apart, its absence matches either")
	}

	one := NewCase("c", &schema.CaseRecord{People: []schema.Person{{Name: "Mrs S Khan", Role: "mother"}}}, nil)
	if p := one.Person("S Khan"); p == nil || p.Role != "mother" {
		t.Errorf("Person(S Khan) with one Khan = %v, want her", p)
	}
	plain := NewCase("c", &schema.CaseRecord{People: []schema.Person{{Name: "S Khan", Role: "mother"}}}, nil)
	if p := plain.Person("Mrs S Khan"); p == nil {
		t.Error("Person(Mrs S Khan) with S Khan among the people: her")
	}
	mixed := NewCase("c", &schema.CaseRecord{People: []schema.Person{{Name: "S Khan", Role: "aunt"}, {Name: "Mr S Khan", Role: "father"}}}, nil)
	if p := mixed.Person("S Khan"); p == nil || p.Role != "aunt" {
		t.Errorf("Person(S Khan) = %v: the person of that exact name", p)
	}
	if p := mixed.Person("Mr S Khan"); p == nil || p.Role != "father" {
		t.Errorf("Person(Mr S Khan) = %v, want the father", p)
	}
}
