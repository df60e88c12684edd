package exercisecmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
)

// TestStartFromSkipsLinks (issue 14, item 2): exercise start --from a
// trainer's folder holding a link in case/ says on stderr which was
// skipped, by its path in the folder, and copies nothing behind it; a
// BRIEF.md that is a link is refused, naming it.
func TestStartFromSkipsLinks(t *testing.T) {
	src, err := filepath.Abs("../../../../training/exercises/first-plan-review")
	if err != nil {
		t.Fatal(err)
	}
	trainer := filepath.Join(t.TempDir(), "ours")
	if err := os.CopyFS(trainer, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(t.TempDir(), "shadow")
	if err := os.WriteFile(secret, []byte("root:SECRET-HASH\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(trainer, "case", "notes.md")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	start := func(dir string) (string, string, error) {
		ios, _, out, errOut := iostreams.Test()
		cmd := NewCmdExercise(ios, checks.All())
		cmd.SilenceErrors, cmd.SilenceUsage = true, true
		cmd.SetArgs([]string{"start", "--from", trainer, dir})
		err := cmd.Execute()
		return out.String(), errOut.String(), err
	}
	trainee := filepath.Join(t.TempDir(), "trainee")
	_, errOut, err := start(trainee)
	if err != nil {
		t.Fatal(err)
	}
	if errOut != "caselint: notice: skipped case/notes.md: symbolic link not followed\n" {
		t.Errorf("stderr: %q", errOut)
	}
	if _, err := os.Lstat(filepath.Join(trainee, "notes.md")); err == nil {
		t.Error("notes.md copied")
	}

	brief := filepath.Join(trainer, "BRIEF.md")
	if err := os.Remove(brief); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, brief); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "trainee")
	if _, _, err := start(other); err == nil || !strings.Contains(err.Error(), "BRIEF.md: a symbolic link: not followed") {
		t.Errorf("BRIEF.md a link: %v", err)
	}
	if _, err := os.Lstat(other); err == nil {
		t.Error("the trainee's folder was made")
	}
}
