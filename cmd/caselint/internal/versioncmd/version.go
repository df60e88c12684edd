// Package versioncmd is `caselint version`: the version caselint was
// built at, the commit and its date, read from the build.
package versioncmd

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
)

// Info is what a caselint binary knows of its own build.
type Info struct {
	// Version is the release, without its v ("0.1.0"): the module's
	// version when built from it (go install ...@v0.1.0), else the one
	// the source states.
	Version string
	// Commit is the commit built, in full; "" when unknown. From a
	// clone's build (go build, go install in the work tree) the VCS stamp
	// gives it, and Modified says whether the work tree had changes; from
	// a pseudo-version (go install ...@COMMIT) its first 12 digits.
	Commit   string
	Modified bool
	// Date is the commit's date. Go records no build time (builds are
	// reproducible), so the commit's date is the build's date as far as
	// can be known; zero when unknown.
	Date time.Time
	// Source says where Commit and Date came from, for the reader.
	Source string
	// Go is the Go release that built it.
	Go string
}

// Read reads the running binary's build information; stated is the
// version the source states, used when the build has none.
func Read(stated string) Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: stated, Source: "no build information in the binary"}
	}
	return fromBuildInfo(bi, stated)
}

// pseudoVersion matches the commit date and hash a Go pseudo-version
// ends with (v0.1.1-0.20261206120000-0123456789ab).
var pseudoVersion = regexp.MustCompile(`[-.](\d{14})-([0-9a-f]{12})(\+incompatible)?$`)

func fromBuildInfo(bi *debug.BuildInfo, stated string) Info {
	info := Info{Version: stated, Go: bi.GoVersion}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		info.Version = strings.TrimPrefix(v, "v")
		if m := pseudoVersion.FindStringSubmatch(v); m != nil {
			info.Commit = m[2]
			info.Date, _ = time.Parse("20060102150405", m[1])
			info.Source = "the module's pseudo-version"
		} else {
			info.Source = "a release built from the module proxy, which records no commit: the release tag v" + info.Version + " names it"
		}
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			info.Commit, info.Source = s.Value, "the git stamp of the build"
		case "vcs.time":
			if d, err := time.Parse(time.RFC3339, s.Value); err == nil {
				info.Date = d
			}
		case "vcs.modified":
			info.Modified = s.Value == "true"
		}
	}
	if info.Source == "" {
		info.Source = "a build without git information (go build -buildvcs=false, or outside a clone)"
	}
	return info
}

// String is the text caselint version prints.
func (i Info) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "caselint %s\n", i.Version)
	switch {
	case i.Commit == "":
		fmt.Fprintf(&b, "commit: unknown (%s)\n", i.Source)
	case i.Modified:
		fmt.Fprintf(&b, "commit: %s, with changes not committed\n", i.Commit)
	default:
		fmt.Fprintf(&b, "commit: %s\n", i.Commit)
	}
	if !i.Date.IsZero() {
		fmt.Fprintf(&b, "date: %s (the commit's; Go records no build time)\n", i.Date.UTC().Format(time.RFC3339))
	} else {
		b.WriteString("date: unknown\n")
	}
	if i.Go != "" {
		fmt.Fprintf(&b, "go: %s\n", i.Go)
	}
	return b.String()
}

// NewCmdVersion returns the version command.
func NewCmdVersion(ios *iostreams.IOStreams, info Info) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print caselint's version, commit and date",
		Long: `Print the version caselint was built at, the commit and the commit's date
(read from the build: a binary built in a clone of caselint knows its
commit; one installed with go install ...@v0.1.0 knows its release tag),
and the Go release that built it.`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprint(ios.Out, info.String())
			return err
		},
	}
}
