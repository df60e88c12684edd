package vcs

import (
	"io/fs"
	"os"
	"syscall"
	"time"

	"github.com/go-git/go-git/v5/plumbing/format/index"
	"golang.org/x/sys/unix"
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

// changeStat returns the change time and inode number (low 32 bits, as the
// index keeps them) of the file fi describes, from os.Lstat's stat or the
// work-tree scan's; ok is false when fi carries neither.
func changeStat(fi fs.FileInfo) (ctimeSec, ctimeNsec, ino uint32, ok bool) {
	switch st := fi.Sys().(type) {
	case *syscall.Stat_t:
		return uint32(st.Ctim.Sec), uint32(st.Ctim.Nsec), uint32(st.Ino), true
	case *unix.Stat_t:
		return uint32(st.Ctim.Sec), uint32(st.Ctim.Nsec), uint32(st.Ino), true
	}
	return 0, 0, 0, false
}
