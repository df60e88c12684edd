//go:build unix

package vcs

import (
	"os"
	"syscall"
)

// mapPack maps the pack file at name, of size bytes as opened, into memory
// read-only; nil when it cannot be (the pack is then read with pread). A
// pack is named after its content and git never changes one in place (it
// writes a new one and renames it into place), so the file at name is the
// pack opened and the mapping stays whole while it is read.
func mapPack(name string, size int64) []byte {
	if size <= 0 || int64(int(size)) != size {
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || st.Size() != size {
		return nil
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil
	}
	return data
}

// unmapPack undoes mapPack.
func unmapPack(data []byte) {
	if data != nil {
		_ = syscall.Munmap(data)
	}
}
