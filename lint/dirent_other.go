//go:build !linux

package lint

import "io/fs"

// readDir lists the folder name of the work tree as os.ReadDir does.
func (w workTree) readDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(w.FS, name)
}
