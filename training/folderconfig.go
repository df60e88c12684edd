package training

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/caselint/caselint/lint"
)

// folderConfigHeader opens the .caselint.toml of a started folder.
const folderConfigHeader = `# Written by caselint exercise start: the procedure this exercise is marked
# under and the day its case is read as of, so that caselint lint in this
# folder reads the case as the exercise does. caselint exercise check reads
# them from the exercise itself, not from this file.
`

// FolderConfig returns the .caselint.toml that Start writes into the
// trainee's folder: the exercise's profile and as-of date, and, when the
// case has a config of its own (case/.caselint.toml, for a trainer's own
// profile), that config after them. A case config that names another
// profile or another as-of date than exercise.toml is an error: the folder
// would be read one way and marked another.
func (ex *Exercise) FolderConfig() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(folderConfigHeader)
	own := ex.Files[lint.ConfigFileName]
	if ex.config != nil {
		where := CaseDir + "/" + lint.ConfigFileName
		if ex.config.Profile != "" && ex.config.Profile != ex.Profile {
			return nil, fmt.Errorf("%s says profile = %q and %s profile = %q: say the same in both, or leave it out of %s", where, ex.config.Profile, MetaFile, ex.Profile, where)
		}
		if !ex.config.AsOf.IsZero() && ex.config.AsOf != ex.AsOf {
			return nil, fmt.Errorf("%s says as_of = %s and %s as_of = %s: say the same in both, or leave it out of %s", where, ex.config.AsOf, MetaFile, ex.AsOf, where)
		}
	}
	if ex.config == nil || ex.config.Profile == "" {
		b.WriteString("profile = " + strconv.Quote(ex.Profile) + "\n")
	}
	if ex.config == nil || ex.config.AsOf.IsZero() {
		b.WriteString("as_of = " + ex.AsOf.String() + "\n")
	}
	if len(own) > 0 {
		b.WriteString("\n")
		b.Write(own)
	}
	// What is written must read back as the exercise reads it.
	cfg, err := lint.ParseConfig(lint.ConfigFileName, b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("exercise %s: the folder's %s: %w", ex.Name, lint.ConfigFileName, err)
	}
	if cfg.Profile != ex.Profile || cfg.AsOf != ex.AsOf {
		return nil, fmt.Errorf("exercise %s: the folder's %s reads as profile %q, as of %s", ex.Name, lint.ConfigFileName, cfg.Profile, cfg.AsOf)
	}
	return b.Bytes(), nil
}

// writeFolderConfig writes FolderConfig into dir, the trainee's copy being
// built. In a repository it is kept out of git status, as BRIEF.md is,
// unless the case has a config of its own, which the history committed.
func (ex *Exercise) writeFolderConfig(dir string, withGit bool) error {
	data, err := ex.FolderConfig()
	if err != nil {
		return err
	}
	if err := writeFile(dir, lint.ConfigFileName, data); err != nil {
		return err
	}
	if !withGit || ex.Files[lint.ConfigFileName] != nil {
		return nil
	}
	f, err := os.OpenFile(filepath.Join(dir, ".git", "info", "exclude"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("/" + lint.ConfigFileName + "\n"); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
