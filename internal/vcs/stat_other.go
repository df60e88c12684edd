//go:build !linux

package vcs

import (
	"io/fs"
	"os"

	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// fillStat leaves the entry's stat data as the modification time gives it:
// git status reads each file once and then knows it.
func fillStat(*index.Entry, os.FileInfo) {}

// changeStat: here the index's change time and inode are not compared;
// the size and modification time decide (Index.Clean).
func changeStat(fs.FileInfo) (ctimeSec, ctimeNsec int64, ino uint64, ok bool) { return 0, 0, 0, false }
