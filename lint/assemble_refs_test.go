package lint

import (
	"io/fs"
	"math/rand"
	"os"
	"path"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/caselint/caselint/schema"
)

// oldReferences is references as it was before eachReference: the values
// gathered into a slice by the record's kind. It is the reference for
// TestEachReferenceAsBefore.
func oldReferences(rec schema.Record) []personRef {
	var refs []personRef
	one := func(name string, path ...string) {
		r := personRef{depth: len(path), index: -1, name: name}
		copy(r.keys[:], path)
		refs = append(refs, r)
	}
	list := func(names []string, path ...string) {
		for i, n := range names {
			r := personRef{depth: len(path), index: i, name: n}
			copy(r.keys[:], path)
			refs = append(refs, r)
		}
	}
	switch r := rec.(type) {
	case *schema.Plan:
		one(r.Manager, "manager")
		one(r.CountersignedBy, "countersigned_by")
		for i, cp := range r.Copies {
			one(cp.To, "copies", strconv.Itoa(i), "to")
		}
		if r.Cessation != nil {
			list(r.Cessation.Notified, "cessation", "notified")
		}
	case *schema.Conference:
		one(r.Chair, "chair")
	case *schema.CoreGroup:
		one(r.Chair, "chair")
		one(r.MinutesBy, "minutes_by")
		list(r.Attended, "attended")
		list(r.Apologies, "apologies")
		list(r.WrittenReports, "written_reports")
	case *schema.Visit:
		one(r.By, "by")
		one(r.DelegatedBy, "delegated_by")
		one(r.DelegationAgreed, "delegation_agreed")
		list(r.Present, "present")
		one(r.EscalatedTo, "escalated_to")
	}
	return refs
}

// TestEachReferenceAsBefore holds eachReference (through references, and
// as checkPeople visits it) to the references gathered before, on every
// record under testdata and on random records.
func TestEachReferenceAsBefore(t *testing.T) {
	check := func(name string, rec schema.Record) {
		t.Helper()
		want := oldReferences(rec)
		if got := references(rec); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: references = %+v, want %+v", name, got, want)
		}
		var visited []personRef
		eachReference(rec, func(r personRef) { visited = append(visited, r) })
		if !reflect.DeepEqual(visited, want) {
			t.Errorf("%s: eachReference visited %+v, want %+v", name, visited, want)
		}
	}
	fsys := os.DirFS("../testdata")
	n := 0
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Base(name) != "case.md" {
			return err
		}
		c, err := LoadCase(fsys, path.Dir(name))
		if err != nil {
			return err
		}
		for _, doc := range c.Documents {
			check(doc.Source.Path, doc.Record)
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 500 {
		t.Fatalf("checked %d records under testdata, want the fixtures' thousands", n)
	}
	rng := rand.New(rand.NewSource(18))
	names := func() []string {
		out := make([]string, rng.Intn(4))
		for i := range out {
			out[i] = "Name " + strconv.Itoa(rng.Intn(9))
		}
		return out
	}
	for i := 0; i < 200; i++ {
		plan := &schema.Plan{Manager: "Rob Jones", CountersignedBy: "Max Field", LeadWorker: "Aisha Patel"}
		for _, to := range names() {
			plan.Copies = append(plan.Copies, schema.Copy{To: to})
		}
		if rng.Intn(2) == 0 {
			plan.Cessation = &schema.Cessation{Notified: names()}
		}
		check("plan", plan)
		check("core group", &schema.CoreGroup{Chair: "Chris Hall", Attended: names(), Apologies: names(), WrittenReports: names()})
		check("visit", &schema.Visit{By: "Lee Brown", Present: names(), EscalatedTo: "Rob Jones"})
		check("conference", &schema.Conference{Chair: "Chris Hall"})
	}
	check("none", nil)
}

// TestNewCaseOrderAsBefore holds NewCase's stable sorts (slices) to the
// order sort.SliceStable gave, on random records with many equal dates
// and times, zero dates among them.
func TestNewCaseOrderAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(1818))
	date := func() schema.Date {
		if rng.Intn(8) == 0 {
			return schema.Date{}
		}
		return schema.Date{Year: 2026, Month: time.Month(1 + rng.Intn(2)), Day: 1 + rng.Intn(3)}
	}
	for i := 0; i < 300; i++ {
		var records []schema.Record
		var confs []*schema.Conference
		var groups []*schema.CoreGroup
		var visits []*schema.Visit
		for j := rng.Intn(12); j > 0; j-- {
			cf := &schema.Conference{Date: date()}
			cg := &schema.CoreGroup{Date: date()}
			v := &schema.Visit{Date: schema.DateTime{Date: date(), Hour: rng.Intn(2), Minute: rng.Intn(2), HasTime: rng.Intn(2) == 0}}
			confs, groups, visits = append(confs, cf), append(groups, cg), append(visits, v)
			records = append(records, cf, cg, v)
		}
		sort.SliceStable(confs, func(i, j int) bool { return confs[i].Date.Before(confs[j].Date) })
		sort.SliceStable(groups, func(i, j int) bool { return groups[i].Date.Before(groups[j].Date) })
		sort.SliceStable(visits, func(i, j int) bool { return visits[i].Date.Less(visits[j].Date) })
		c := NewCase("c", nil, records)
		if !slices.Equal(c.Conferences, confs) || !slices.Equal(c.CoreGroups, groups) || !slices.Equal(c.Visits, visits) {
			t.Fatalf("case %d: NewCase's order differs from sort.SliceStable's", i)
		}
	}
}
