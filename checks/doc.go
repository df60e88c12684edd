// Package checks holds caselint's rules, one file per rule. Each rule is a
// *lint.Rule value: its documentation (the single source for `caselint
// rules`, `caselint explain`, docs/rules/ and SARIF) and its Run function.
//
// Each rule is registered by go generate (registry_gen.go, written by
// internal/genregistry from the rule files) and belongs to the family
// its Family field names (one of the Family* constants, in Families); All
// returns them grouped by family, in the order docs show them.
package checks

//go:generate go run ./internal/genregistry

import "github.com/caselint/caselint/lint"

// All returns every rule, grouped by family in the order of Families, in a
// fresh slice. A rule of a family not in Families comes last (TestRegistry
// fails on it).
func All() []*lint.Rule {
	var all []*lint.Rule
	for _, f := range Families() {
		all = append(all, InFamily(f)...)
	}
	known := map[lint.Family]bool{}
	for _, f := range Families() {
		known[f] = true
	}
	for _, r := range registry {
		if !known[r.Family] {
			all = append(all, r)
		}
	}
	return all
}

// InFamily returns the rules of the family f, in a fresh slice.
func InFamily(f lint.Family) []*lint.Rule {
	var rules []*lint.Rule
	for _, r := range registry {
		if r.Family == f {
			rules = append(rules, r)
		}
	}
	return rules
}

// Families returns the families, in the order docs show them, in a fresh
// slice.
func Families() []lint.Family {
	return []lint.Family{FamilyPlanContent, FamilySeeingChild, FamilyCoreGroup, FamilyEndingPlan, FamilyHistory, FamilyRecordHygiene}
}

// ByID returns the rule with id, or nil.
func ByID(id string) *lint.Rule {
	for _, r := range All() {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// The families: a rule's Family is one of them (TestRegistry).
const (
	FamilyPlanContent   lint.Family = "plan content"
	FamilySeeingChild   lint.Family = "seeing the child"
	FamilyCoreGroup     lint.Family = "core group"
	FamilyEndingPlan    lint.Family = "ending the plan"
	FamilyHistory       lint.Family = "history"
	FamilyRecordHygiene lint.Family = "record hygiene"
)

// Citation sources.
const (
	Stoke           = lint.ProcedureStoke
	Oxon            = lint.ProcedureOxfordshire
	WorkingTogether = "Working Together to Safeguard Children 2023"
	CINCensus       = "DfE Children in Need census"
	ChildrenAct     = "Children Act 1989"
	RecordFormat    = "caselint case record format, version 1"
)

// Profile sets, for Rule.Profiles. A rule is on in a profile only where
// that profile's procedure asks for it (spec/rules.md v1.1): stokeOnly for
// a rule only Stoke-on-Trent C06 sets, oxfordOnly for one only Oxfordshire
// 1.8 sets, allProfiles for one both set, or one from a procedure-neutral
// source (Working Together, the Children Act, the DfE census, the record
// format). TestProfilesFollowCitations holds each rule's Profiles to its
// Cites.
var (
	allProfiles []string // nil: every profile
	stokeOnly   = []string{lint.ProfileStoke, lint.ProfileCombined}
	oxfordOnly  = []string{lint.ProfileOxfordshire, lint.ProfileCombined}
)
