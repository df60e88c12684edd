//go:build unix

package lint_test

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/caselint/caselint/lint"
)

// --config naming a FIFO is refused without waiting for a writer.
func TestLoadConfigFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "config.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan error, 1)
	go func() { _, err := lint.LoadConfig(fifo); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("--config FIFO: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("--config FIFO: still waiting for a writer after 20 s")
	}
}
