//go:build unix

package vcs

import (
	"os"
	"syscall"
)

// mapFile maps the file at name, of size bytes as opened, into memory
// read-only; nil when it cannot be (the file is then read). Only files
// that are replaced whole, never changed in place, are mapped, so that the
// mapping stays whole while it is read: a pack (named after its content;
// git writes a new one and renames it into place) and caselint's history
// cache (written by renaming a new file onto it; its reader also recovers
// from a fault, see readCache).
func mapFile(name string, size int64) []byte {
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

// unmapFile undoes mapFile.
func unmapFile(data []byte) {
	if data != nil {
		_ = syscall.Munmap(data)
	}
}
