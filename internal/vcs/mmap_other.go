//go:build !unix

package vcs

// mapPack maps nothing here: packs are read with pread.
func mapPack(string, int64) []byte { return nil }

func unmapPack([]byte) {}
