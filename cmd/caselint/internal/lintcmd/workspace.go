package lintcmd

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/caselint/caselint/cmd/caselint/internal/cmdutil"
	"github.com/caselint/caselint/internal/workspace"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/report"
)

// openWorkspace opens the records the options ask for: the index
// (--staged), a commit (--rev) or the work tree.
func openWorkspace(wd string, opts *Options) (*workspace.Workspace, error) {
	var ws *workspace.Workspace
	var err error
	stdin := len(opts.Paths) == 1 && opts.Paths[0] == "-"
	switch {
	case stdin != (opts.StdinFilename != "") || slices.Contains(opts.Paths, "-") && !stdin:
		return nil, cmdutil.Usagef("standard input is linted with the one path - and --stdin-filename PATH, the record it stands for")
	case stdin && (opts.Staged || opts.PreCommit || opts.Rev != ""):
		return nil, cmdutil.Usagef("standard input is linted in the work tree, not with --staged or --rev")
	case stdin:
		data, err := io.ReadAll(io.LimitReader(opts.IO.In, lint.DefaultMaxFileSize+1))
		if err != nil {
			return nil, fmt.Errorf("reading standard input: %w", err)
		}
		ws, err = workspace.Buffer(wd, opts.StdinFilename, data)
		return ws, usage(err)
	case opts.Staged && opts.Rev != "":
		return nil, cmdutil.Usagef("--staged and --rev cannot be used together: --staged lints the index, --rev a commit")
	case opts.PreCommit:
		ws, err = workspace.PreCommit(wd, opts.Paths)
	case opts.Staged:
		ws, err = workspace.Index(wd, opts.Paths)
	case opts.Rev != "":
		ws, err = workspace.Revision(wd, opts.Paths, opts.Rev)
	default:
		ws, err = workspace.WorkTree(wd, opts.Paths)
	}
	return ws, usage(err)
}

// usage makes a workspace's usage error the command's.
func usage(err error) error {
	var u *workspace.UsageError
	if errors.As(err, &u) {
		return &cmdutil.UsageError{Err: err}
	}
	return err
}

// provenance names the repository and revision linted, for SARIF: only
// when the repository has a remote that is not a local path (a report must
// not say where the records are kept), without its credentials, query or
// fragment (report.RepositoryURI).
func provenance(ws *workspace.Workspace) *report.Provenance {
	repo := ws.Repo()
	if repo == nil {
		return nil
	}
	remote := report.RepositoryURI(repo.RemoteURL())
	if remote == "" {
		return nil
	}
	p := &report.Provenance{RepositoryURI: remote}
	if rev, hash, _ := ws.Rev(); rev != "" {
		p.RevisionID = hash
		return p
	}
	p.RevisionID, _ = repo.Head()
	p.Branch = repo.Branch()
	return p
}
