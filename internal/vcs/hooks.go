package vcs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
)

// HooksPath returns core.hooksPath as set for the repository at top: in its
// config, else the user's ($GIT_CONFIG_GLOBAL, or the usual files), else
// the system's; "" when it is not set.
func HooksPath(top string) (string, error) {
	repo, err := git.PlainOpenWithOptions(top, &git.PlainOpenOptions{EnableDotGitCommonDir: true})
	if err != nil {
		return "", fmt.Errorf("opening the git repository: %w", err)
	}
	local, err := repo.Storer.Config()
	if err != nil {
		return "", fmt.Errorf("reading the repository's git config: %w", err)
	}
	if p := coreHooksPath(local); p != "" {
		return p, nil
	}
	if name := os.Getenv("GIT_CONFIG_GLOBAL"); name != "" {
		if p, err := hooksPathIn(name); p != "" || err != nil {
			return p, err
		}
	} else if global, err := config.LoadConfig(config.GlobalScope); err == nil {
		if p := coreHooksPath(global); p != "" {
			return p, nil
		}
	}
	if os.Getenv("GIT_CONFIG_NOSYSTEM") == "" {
		if system, err := config.LoadConfig(config.SystemScope); err == nil {
			return coreHooksPath(system), nil
		}
	}
	return "", nil
}

func hooksPathIn(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || name == os.DevNull {
			return "", nil
		}
		return "", fmt.Errorf("reading git config %s: %w", name, err)
	}
	defer f.Close()
	cfg, err := config.ReadConfig(f)
	if err != nil {
		return "", fmt.Errorf("reading git config %s: %w", name, err)
	}
	return coreHooksPath(cfg), nil
}

func coreHooksPath(cfg *config.Config) string {
	if cfg == nil || cfg.Raw == nil {
		return ""
	}
	return strings.TrimSpace(cfg.Raw.Section("core").Option("hooksPath"))
}
