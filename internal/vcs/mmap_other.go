//go:build !unix

package vcs

// mapFile maps nothing here: packs are read with pread, the history
// cache whole.
func mapFile(string, int64) []byte { return nil }

func unmapFile([]byte) {}
