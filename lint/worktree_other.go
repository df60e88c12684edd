//go:build !unix

package lint

// readRegular is ReadRegularFile through os.DirFS where the system has no
// faster way.
func (w workTree) readRegular(name string, limit int64) ([]byte, error) {
	return readRegularFS(w.FS, name, limit)
}
