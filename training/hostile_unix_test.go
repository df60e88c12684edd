//go:build unix

package training_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/training"
)

// secret is a file outside the trainer's folder that links in it point to,
// standing for /etc/shadow.
func secret(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "shadow")
	if err := os.WriteFile(p, []byte("root:SECRET-HASH:20000::::::\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Remove(link); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// within fails the test if f has not returned in 20 s (a FIFO read blocks).
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("still running after 20 s")
	}
}

// TestFromFolderLinkedFiles (issue 14, item 2): a BRIEF.md or exercise.toml
// that is a link out of the trainer's folder is refused, naming it; nothing
// of what it points to is read.
func TestFromFolderLinkedFiles(t *testing.T) {
	for _, name := range []string{training.BriefFile, training.MetaFile, "case", "case/plan.md"} {
		dir := trainerExercise(t, trainerMeta)
		sec := secret(t)
		switch name {
		case "case/plan.md":
			// A link as the case folder's plan: skipped, and the key (the
			// plan's wants) with it.
			symlink(t, sec, filepath.Join(dir, "case", "plan.md"))
		case "case":
			// The case folder a link to a copy of itself elsewhere.
			moved := filepath.Join(t.TempDir(), "case")
			if err := os.Rename(filepath.Join(dir, "case"), moved); err != nil {
				t.Fatal(err)
			}
			symlink(t, moved, filepath.Join(dir, "case"))
		default:
			symlink(t, sec, filepath.Join(dir, name))
		}
		c, err := training.Folder(dir, checks.All())
		if err != nil {
			t.Fatal(err)
		}
		ex, err := c.Get("")
		if name == "case/plan.md" {
			if err == nil || !strings.Contains(err.Error(), "no want comments") {
				t.Errorf("%s a link: %v", name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), name+": a symbolic link: not followed") {
			t.Errorf("%s a link: %v (%v)", name, err, ex)
		}
		if err != nil && strings.Contains(err.Error(), "SECRET") {
			t.Errorf("the error shows what the link points to: %v", err)
		}
	}
}

// TestFromFolderSkipsLinksAndFIFOs: a link and a FIFO in case/ are
// skipped and said; the trainee's copy holds neither, nothing of what the
// link points to, and is for its owner alone.
func TestFromFolderSkipsLinksAndFIFOs(t *testing.T) {
	dir := trainerExercise(t, trainerMeta)
	sec := secret(t)
	symlink(t, sec, filepath.Join(dir, "case", "notes.md"))
	symlink(t, filepath.Dir(sec), filepath.Join(dir, "case", "more"))
	if err := syscall.Mkfifo(filepath.Join(dir, "case", "pipe.md"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	c, err := training.Folder(dir, checks.All())
	if err != nil {
		t.Fatal(err)
	}
	var ex *training.Exercise
	within(t, func() { ex, err = c.Get("") })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"case/more: symbolic link not followed",
		"case/notes.md: symbolic link not followed",
		"case/pipe.md: not a regular file, not read",
	}
	if strings.Join(ex.Skipped, "\n") != strings.Join(want, "\n") {
		t.Errorf("skipped:\n%s\nwant\n%s", strings.Join(ex.Skipped, "\n"), strings.Join(want, "\n"))
	}
	trainee := filepath.Join(t.TempDir(), "trainee")
	if err := ex.Start(ctx, trainee, training.StartOptions{}); err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(trainee, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(trainee, p)
		switch {
		case d.IsDir() && st.Mode().Perm()&0o077 != 0:
			t.Errorf("%s: folder mode %v, want none for group and others", rel, st.Mode().Perm())
		case !d.IsDir() && !st.Mode().IsRegular():
			t.Errorf("%s: not a regular file (%v)", rel, st.Mode())
		case !d.IsDir() && st.Mode().Perm()&0o077 != 0:
			t.Errorf("%s: file mode %v, want none for group and others", rel, st.Mode().Perm())
		}
		if data, err := os.ReadFile(p); err == nil && strings.Contains(string(data), "SECRET") {
			t.Errorf("%s holds the linked file", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"notes.md", "more", "pipe.md"} {
		if _, err := os.Lstat(filepath.Join(trainee, n)); err == nil {
			t.Errorf("%s copied", n)
		}
	}
}

// TestFolderOfExercisesSkipsLinks: a link to an exercise folder in a folder
// of exercises is not followed: left out of the list and said; asking for
// it by name says why.
func TestFolderOfExercisesSkipsLinks(t *testing.T) {
	dir := trainerExercise(t, trainerMeta)
	parent := filepath.Dir(dir)
	elsewhere := filepath.Join(t.TempDir(), "theirs")
	if err := os.Rename(dir, elsewhere); err != nil {
		t.Fatal(err)
	}
	symlink(t, elsewhere, dir)
	c, err := training.Folder(parent, checks.All())
	if err != nil {
		t.Fatal(err)
	}
	names, err := c.Names()
	if err != nil || len(names) != 0 {
		t.Errorf("names %v, %v", names, err)
	}
	if got := strings.Join(c.Skipped(), "\n"); got != "our-exercise: symbolic link not followed" {
		t.Errorf("skipped: %q", got)
	}
	if _, err := c.Get("our-exercise"); !errors.Is(err, lint.ErrSymlink) {
		t.Errorf("Get of a link: %v", err)
	}
}

// TestCheckHostileRecords (issue 14, item 14): a trainee's record that is a
// link to /dev/zero, or a FIFO, is not read: check ends and marks the rest;
// an answers file that is either is refused.
func TestCheckHostileRecords(t *testing.T) {
	ex := shipped(t, "first-plan-review")
	dir := start(t, ex, false)
	symlink(t, "/dev/zero", filepath.Join(dir, "plan.md"))
	if err := syscall.Mkfifo(filepath.Join(dir, "extra.md"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	within(t, func() {
		r, err := ex.CheckFix(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		// A plan replaced by a link is a record removed: its problems are
		// not "fixed" (issue 15).
		for _, it := range r.Items {
			if it.Path == "plan.md" && it.Status != training.ChangedEvidence {
				t.Errorf("an item of the plan, which is not read, is %v", it.Status)
			}
		}
		if len(r.Evidence) == 0 || r.Evidence[0].Kind != training.DeletedRecord || r.Evidence[0].Path != "plan.md" {
			t.Errorf("evidence: %+v", r.Evidence)
		}
		for _, name := range []string{"plan.md", "extra.md"} {
			if _, err := training.ReadAnswers(filepath.Join(dir, name)); err == nil {
				t.Errorf("ReadAnswers(%s): no error", name)
			}
		}
		big := filepath.Join(dir, "answers.toml")
		if err := os.WriteFile(big, make([]byte, lint.DefaultMaxFileSize+1), 0o600); err != nil {
			t.Fatal(err)
		}
		var tl *lint.TooLargeError
		if _, err := training.ReadAnswers(big); !errors.As(err, &tl) {
			t.Errorf("ReadAnswers of an oversized file: %v", err)
		}
	})
}
