//go:build unix

package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestWriteOutputFIFO: a FIFO at path is written to, as a reader of it sees,
// and stays a FIFO (it was replaced with a plain file).
func TestWriteOutputFIFO(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.pipe")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(p)
		if err != nil {
			got <- "open: " + err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := WriteOutput(p, []byte("the report\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-got:
		if s != "the report\n" {
			t.Errorf("the reader got %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the reader got nothing")
	}
	st, err := os.Lstat(p)
	if err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("%s is no longer a FIFO: %v %v", p, st.Mode(), err)
	}
	only(t, dir, "report.pipe")
}

// TestWriteOutputDevNull: /dev/null, and a link to it, are written to and stay
// the device.
func TestWriteOutputDevNull(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "out")
	if err := os.Symlink("/dev/null", link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/dev/null", link} {
		if err := WriteOutput(p, []byte("the report\n"), 0o600); err != nil {
			t.Errorf("WriteOutput(%s): %v", p, err)
		}
	}
	if st, err := os.Lstat("/dev/null"); err != nil || st.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("/dev/null is no longer a device: %v %v", st.Mode(), err)
	}
	if got, err := os.Readlink(link); err != nil || got != "/dev/null" {
		t.Errorf("the link became %q (%v)", got, err)
	}
	only(t, dir, "out")
}

// TestWriteOutputLinkToFile: a link to a regular file is refused, naming the
// path as given; the file and the link are untouched.
func TestWriteOutputLinkToFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "record.txt")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "report.json")
	if err := os.Symlink("record.txt", link); err != nil {
		t.Fatal(err)
	}
	err := WriteOutput(link, []byte("new"), 0o600)
	var we *WriteError
	if !errors.Is(err, ErrLink) || !errors.As(err, &we) || we.Path != link {
		t.Fatalf("WriteOutput through a link to a file: %v", err)
	}
	if got := read(t, target); got != "old" {
		t.Errorf("the file became %q", got)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	only(t, dir, "record.txt", "report.json")
}

// TestWriteOutputDanglingLink: a link that leads nowhere is refused and nothing
// is created where it points.
func TestWriteOutputDanglingLink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "report.json")
	if err := os.Symlink("elsewhere.json", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteOutput(link, []byte("new"), 0o600); !errors.Is(err, ErrLink) {
		t.Fatalf("WriteOutput through a dangling link: %v", err)
	}
	only(t, dir, "report.json")
}

// TestWriteOutputFolder: a folder, or a link to one, is refused.
func TestWriteOutputFolder(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "reports")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "out")
	if err := os.Symlink("reports", link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{sub, link} {
		if err := WriteOutput(p, []byte("new"), 0o600); !errors.Is(err, ErrFolder) {
			t.Errorf("WriteOutput(%s): %v", p, err)
		}
	}
	only(t, dir, "out", "reports")
	only(t, sub)
}

// TestReplaceLinkAndFIFO: Replace, for the files caselint keeps, replaces a
// link itself (what it points to is untouched) and never a FIFO.
func TestReplaceLinkAndFIFO(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	hook := filepath.Join(dir, "pre-commit")
	if err := os.Symlink("elsewhere", hook); err != nil {
		t.Fatal(err)
	}
	if err := Replace(hook, []byte("new"), 0o755); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(hook); err != nil || !st.Mode().IsRegular() || read(t, hook) != "new" {
		t.Errorf("the link was not replaced by the file: %v", err)
	}
	if got := read(t, target); got != "old" {
		t.Errorf("written through the link: %q", got)
	}
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	if err := Replace(pipe, []byte("new"), 0o600); !errors.Is(err, ErrSpecial) {
		t.Errorf("Replace of a FIFO: %v", err)
	}
	if st, err := os.Lstat(pipe); err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", err)
	}
	only(t, dir, "elsewhere", "pipe", "pre-commit")
}

// TestWriteOutputBlockDevice: a block device (a disk, a partition), and a
// link to one, is refused before it is opened (ErrDisk): as root, a report
// written to /dev/sda would overwrite the disk. The device made here is
// one no disk answers to (loop device 255 of a made-up node), so that a
// refusal that failed could write nothing; without the right to make
// device nodes (not root) the test is skipped.
func TestWriteOutputBlockDevice(t *testing.T) {
	dir := t.TempDir()
	dev := filepath.Join(dir, "disk")
	if err := syscall.Mknod(dev, syscall.S_IFBLK|0o600, 7<<8|255); err != nil {
		t.Skipf("cannot make a block device node here: %v", err)
	}
	link := filepath.Join(dir, "out")
	if err := os.Symlink(dev, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dev, link} {
		err := WriteOutput(p, []byte("the report\n"), 0o600)
		var we *WriteError
		if !errors.As(err, &we) || !errors.Is(err, ErrDisk) {
			t.Errorf("%s: %v, want ErrDisk", p, err)
		}
	}
	if st, err := os.Lstat(dev); err != nil || st.Mode()&fs.ModeDevice == 0 {
		t.Errorf("%s is no longer the device: %v %v", dev, st.Mode(), err)
	}
}
