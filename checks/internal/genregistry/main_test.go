package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestRegistryGenUpToDate fails when checks/registry_gen.go is not what
// genregistry writes from the rule files, so a new rule file cannot be
// forgotten in the registry.
func TestRegistryGenUpToDate(t *testing.T) {
	dir := filepath.Join("..", "..")
	want, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, Output))
	if err != nil {
		t.Fatalf("checks/%s: %v: run go generate ./checks", Output, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("checks/%s is stale (a rule file was added, removed or renamed): run go generate ./checks", Output)
	}
}

// TestGenerateToyRule: a new rule file is all it takes to register a rule.
func TestGenerateToyRule(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("b.go", "package checks\n\nimport \"github.com/caselint/caselint/lint\"\n\nvar Bee = &lint.Rule{ID: \"bee\"}\n\nvar notARule = 1\n")
	write("a.go", "package checks\n\nimport \"github.com/caselint/caselint/lint\"\n\nvar Zed, Ant = &lint.Rule{}, &lint.Rule{}\n")
	write("a_test.go", "package checks\n\nimport \"github.com/caselint/caselint/lint\"\n\nvar Fake = &lint.Rule{ID: \"fake\"}\n")
	src, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := "var registry = []*lint.Rule{\n\tAnt,\n\tBee,\n\tZed,\n}\n"
	if !bytes.Contains(src, []byte(want)) {
		t.Errorf("generate:\n%s\nwant it to contain\n%s", src, want)
	}
	if !bytes.HasPrefix(src, []byte("// Code generated ")) || !bytes.Contains(src, []byte("DO NOT EDIT.")) {
		t.Errorf("generate: no Code generated ... DO NOT EDIT. header:\n%s", src)
	}
}
