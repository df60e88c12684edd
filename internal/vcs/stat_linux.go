package vcs

import (
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/go-git/go-git/v5/plumbing/format/index"
)

// fillStat gives an index entry the stat data git compares a work-tree
// file with, so that git status need not read it again.
func fillStat(e *index.Entry, fi os.FileInfo) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	e.CreatedAt = time.Unix(st.Ctim.Sec, st.Ctim.Nsec)
	e.Dev, e.Inode = uint32(st.Dev), uint32(st.Ino)
	e.UID, e.GID = st.Uid, st.Gid
}

// changeStat returns the change time and inode number of the file fi
// describes, from os.Lstat's stat; ok is false when fi carries none.
func changeStat(fi fs.FileInfo) (ctimeSec, ctimeNsec int64, ino uint64, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 0, false
	}
	return st.Ctim.Sec, st.Ctim.Nsec, st.Ino, true
}
