package workspace

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/caselint/caselint/internal/vcs"
	"github.com/caselint/caselint/lint"
)

// profileOf is a settings function that keeps the config's profile name.
func profileOf(cfg *lint.Config) (*lint.Settings, error) {
	p, err := cfg.ResolveProfile("")
	return &lint.Settings{Profile: p}, err
}

// TestConfigsNearerWins: each folder gets the nearest .caselint.toml at or
// above it, the same *Settings for folders under one config, and Used
// says which config applied to which folder.
func TestConfigsNearerWins(t *testing.T) {
	fsys := fstest.MapFS{
		".caselint.toml":         {Data: []byte("profile = \"oxfordshire\"\n")},
		"cases/a/case.md":        {Data: []byte("x")},
		"cases/b/case.md":        {Data: []byte("x")},
		"cases/b/.caselint.toml": {Data: []byte("profile = \"stoke-on-trent\"\n")},
		"cases/b/visits/v.md":    {Data: []byte("x")},
	}
	w := &Workspace{Root: "/r", FS: fsys}
	c, err := w.Configs("", profileOf)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"cases/a": "oxfordshire", "cases/b": "stoke-on-trent", "cases/b/visits": "stoke-on-trent", "cases/new": "oxfordshire"}
	seen := map[string]*lint.Settings{}
	for dir, profile := range want {
		s, err := c.SettingsFor(dir)
		if err != nil {
			t.Fatal(err)
		}
		if s.Profile.Name != profile {
			t.Errorf("%s: profile %s, want %s", dir, s.Profile.Name, profile)
		}
		if other, ok := seen[profile]; ok && other != s {
			t.Errorf("%s: a second *Settings for %s", dir, profile)
		}
		seen[profile] = s
	}
	used := c.Used()
	if len(used) != 2 || used[0].Name != ".caselint.toml" || !slices.Equal(used[0].Folders, []string{"cases/a", "cases/new"}) ||
		used[1].Name != "cases/b/.caselint.toml" || !slices.Equal(used[1].Folders, []string{"cases/b", "cases/b/visits"}) {
		t.Errorf("Used = %+v", used)
	}
}

// TestConfigsNone: no config, and --config for every folder.
func TestConfigsNone(t *testing.T) {
	fsys := fstest.MapFS{"cases/a/case.md": {Data: []byte("x")}, "cases/a/.caselint.toml": {Data: []byte("profile = \"oxfordshire\"\n")}}
	w := &Workspace{Root: t.TempDir(), FS: fsys}
	c, err := w.Configs("", profileOf)
	if err != nil {
		t.Fatal(err)
	}
	if cfg, s, err := c.For("cases"); err != nil || cfg != nil || s.Profile.Name != lint.DefaultProfile {
		t.Errorf("cases: %v %v %v; want no config", cfg, s, err)
	}
	explicit := filepath.Join(w.Root, "ours.toml")
	if err := os.WriteFile(explicit, []byte("profile = \"stoke-on-trent\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err = w.Configs(explicit, profileOf)
	if err != nil {
		t.Fatal(err)
	}
	if cfg, s, err := c.For("cases/a"); err != nil || cfg.Path != "ours.toml" || s.Profile.Name != "stoke-on-trent" {
		t.Errorf("--config: %v %v %v", cfg, s, err)
	}
}

// TestConfigForNewCase: the config of a folder not made yet is that of
// its nearest folder, never one above the root (the working folder,
// outside a repository).
func TestConfigForNewCase(t *testing.T) {
	base := t.TempDir()
	if _, ok := rootInRepo(base); ok {
		t.Skip("the temporary folder is in a git repository")
	}
	work := filepath.Join(base, "work")
	for name, text := range map[string]string{
		filepath.Join(base, ".caselint.toml"):          "profile = \"oxfordshire\"\n",
		filepath.Join(work, "cases", ".caselint.toml"): "profile = \"stoke-on-trent\"\n",
	} {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := ConfigFor(work, filepath.Join(work, "cases", "T-9"))
	if err != nil || cfg == nil || cfg.Profile != "stoke-on-trent" {
		t.Errorf("cases/T-9: %+v, %v", cfg, err)
	}
	if cfg, err := ConfigFor(work, filepath.Join(work, "other", "T-9")); err != nil || cfg != nil {
		t.Errorf("other/T-9: %+v, %v; want none (the one above the working folder is not read)", cfg, err)
	}
}

func rootInRepo(dir string) (string, bool) { return vcs.Root(dir) }
