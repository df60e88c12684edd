package workspace

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/schema"
)

// Configs gives each folder of a workspace the config that applies to it:
// the nearest .caselint.toml at or above it in the tree the records are
// read from (the work tree, the index or the commit), up to the
// workspace's root and never above it (lint.FindConfig), so that a config
// applies to the records below it and a nearer one wins; or, when the
// command names one (--config), that one for every folder. Each config is
// read once, when a folder under it is first asked for.
type Configs struct {
	fsys     fs.FS
	finder   *lint.ConfigFinder
	explicit *lint.Config // --config, or nil
	settings func(*lint.Config) (*lint.Settings, error)

	mu     sync.Mutex
	byName map[string]*configUse // by the config's slash path, "" for none
}

// configUse is a config read, and the folders it was asked for.
type configUse struct {
	cfg      *lint.Config
	settings *lint.Settings
	err      error
	folders  map[string]bool
}

// ConfigUse is a config and the folders it applied to.
type ConfigUse struct {
	Name    string // its slash path relative to the root, "" for none
	Folders []string
	// AsOf is the config's as_of, the day its cases are read as of when
	// the command line names none (zero: it sets none).
	AsOf schema.Date
	// Profile is the profile its cases were linted under.
	Profile *lint.Profile
}

// Configs returns the configs of the workspace's folders. explicit, when
// not "", is the config file (a path of the file system) to use for every
// folder instead. settings turns a config (nil: none) into how the cases
// under it are linted; it is called once for each config.
func (w *Workspace) Configs(explicit string, settings func(*lint.Config) (*lint.Settings, error)) (*Configs, error) {
	c := &Configs{fsys: w.FS, finder: lint.NewConfigFinder(w.FS), settings: settings, byName: map[string]*configUse{}}
	if explicit != "" {
		cfg, err := lint.LoadConfig(explicit)
		if err != nil {
			return nil, err
		}
		cfg.Path = w.RelativeName(explicit)
		c.explicit = cfg
	}
	return c, nil
}

// ReadFrom looks the configs up in fsys from now on: the same tree, as a
// scan of it listed it (lint.WithListing), where a config that is not
// there is known not to be without asking the disk.
func (c *Configs) ReadFrom(fsys fs.FS) {
	c.fsys, c.finder = fsys, lint.NewConfigFinder(fsys)
}

// For returns the config that applies to the slash path dir (nil when
// none does) and how the cases under it are linted.
func (c *Configs) For(dir string) (*lint.Config, *lint.Settings, error) {
	u, err := c.use(dir, false)
	if err != nil {
		return nil, nil, err
	}
	return u.cfg, u.settings, nil
}

// SettingsFor is For's settings, for lint.Options.SettingsFor: the same
// *Settings for every folder under one config. Used lists the folders it
// was asked for.
func (c *Configs) SettingsFor(dir string) (*lint.Settings, error) {
	u, err := c.use(dir, true)
	if err != nil {
		return nil, err
	}
	return u.settings, nil
}

func (c *Configs) use(dir string, record bool) (*configUse, error) {
	dir = path.Clean(dir)
	name := ""
	if c.explicit != nil {
		name = c.explicit.Path
	} else {
		var err error
		if name, err = c.finder.Find(dir); err != nil {
			return nil, err
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	u, ok := c.byName[name]
	if !ok {
		u = &configUse{folders: map[string]bool{}}
		switch {
		case c.explicit != nil:
			u.cfg = c.explicit
		case name != "":
			u.cfg, u.err = lint.LoadConfigFS(c.fsys, dir)
		}
		if u.err == nil {
			u.settings, u.err = c.settings(u.cfg)
		}
		c.byName[name] = u
	}
	if u.err != nil {
		return nil, u.err
	}
	if record {
		u.folders[dir] = true
	}
	return u, nil
}

// Used returns the configs SettingsFor was asked for so far and the
// folders each applied to, by name ("" first: the folders no config applies to).
func (c *Configs) Used() []ConfigUse {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []ConfigUse
	for name, u := range c.byName {
		if u.err != nil || len(u.folders) == 0 {
			continue
		}
		cu := ConfigUse{Name: name}
		if u.cfg != nil {
			cu.AsOf = u.cfg.AsOf
		}
		if u.settings != nil {
			cu.Profile = u.settings.Profile
		}
		for f := range u.folders {
			cu.Folders = append(cu.Folders, f)
		}
		sort.Strings(cu.Folders)
		out = append(out, cu)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// ConfigFor reads the config that applies to the folder dir of the work
// tree (which may not exist yet: a case about to be made) as caselint lint
// dir, run in wd, reads it: from the same root (the repository's work
// tree; else wd when dir is below it; else dir) by the same lookup
// (lint.FindConfig), never above the root. nil when none applies.
func ConfigFor(wd, dir string) (*lint.Config, error) {
	root := rootOf(wd, dir)
	rel, err := filepath.Rel(root, evalExisting(dir))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, nil // dir leads out of its root by a link: it has none
	}
	return lint.LoadConfigFS(os.DirFS(root), filepath.ToSlash(rel))
}
