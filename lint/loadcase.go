package lint

import (
	"bytes"
	"errors"
	"io/fs"
	"unicode/utf8"

	"github.com/caselint/caselint/schema"
)

// The one case loader: the engine (lintCase) and LoadCase read a case's
// files through loadDocs, and group them into cases through discover.

// skippedFile is a file of a case that loadDocs did not take: over the
// size limit (size set, note nil) or not read or not a record (note set).
type skippedFile struct {
	name string
	size int64
	note *Notification
}

// loadDocs reads and parses the files of a case, in order: at most limit
// bytes of each (ReadRegularFile: no link followed, no device read). Each
// file it does not take is passed to skip. In a case folder (inCase), a
// file shaped like a record that could not be read as one (" +++",
// "++++", UTF-16: schema.Misshapen) is taken, to be reported, never
// skipped; elsewhere Markdown without frontmatter is not a record.
func loadDocs(fsys fs.FS, files []string, limit int64, inCase bool, skip func(skippedFile)) []*schema.Document {
	var docs []*schema.Document
	for _, name := range files {
		data, size, note := readRecord(fsys, name, limit)
		if note != nil || data == nil {
			skip(skippedFile{name: name, size: size, note: note})
			continue
		}
		doc, ok := schema.Parse(name, data)
		if !ok && inCase {
			doc, ok = schema.Misshapen(name, data)
		}
		if !ok && inCase && isLFSPointer(data) {
			// The record's content is in Git LFS, not in git: a visit not
			// read must not pass as a note with no record in it.
			skip(skippedFile{name: name, note: &Notification{Kind: NoticeUnreadable, Level: Error, Path: name, Message: lfsPointerNote, msg: schema.Msgf(lfsPointerNote)}})
			continue
		}
		if !ok {
			if why := notARecord(data); why != "" {
				skip(skippedFile{name: name, note: &Notification{Kind: NoticeNotARecord, Level: Note, Path: name, Message: why}})
			}
			continue
		}
		docs = append(docs, doc)
	}
	return docs
}

// lfsPointerNote says why a Git LFS pointer in a case is not read.
const lfsPointerNote = "not read: a Git LFS pointer, not the record: the file's content is kept in Git LFS, which caselint does not read (the index and the commits hold only the pointer; in the work tree, git lfs pull puts the content back): keep case records out of Git LFS (.gitattributes)"

// isLFSPointer reports whether data is a Git LFS pointer file (the text
// git holds in place of a file kept in LFS): a short file whose first
// line names the LFS spec and which gives the object's id.
func isLFSPointer(data []byte) bool {
	if len(data) > 1024 {
		return false
	}
	return (bytes.HasPrefix(data, []byte("version https://git-lfs.github.com/spec/")) ||
		bytes.HasPrefix(data, []byte("version https://hawser.github.com/spec/"))) &&
		bytes.Contains(data, []byte("\noid "))
}

// readRecord reads one file, at most limit bytes of it. A larger file
// gives nil data and its size; a file that cannot be read gives a
// notification.
func readRecord(fsys fs.FS, name string, limit int64) (data []byte, size int64, note *Notification) {
	data, err := ReadRegularFile(fsys, name, limit)
	var big *TooLargeError
	switch {
	case errors.As(err, &big):
		return nil, big.Size, nil
	case errors.Is(err, ErrSymlink):
		return nil, 0, &Notification{Kind: NoticeSymlink, Level: Note, Path: name, Message: "symbolic link not followed"}
	case err != nil && !utf8.ValidString(name):
		// "invalid argument" (fs.ValidPath) would not say what to do: the name,
		// not the file, is what cannot be opened.
		return nil, 0, &Notification{Kind: NoticeUnreadable, Level: Error, Path: name, Message: "not read: its name is not UTF-8 text (as an old system or an archive may write a name): rename the file, in UTF-8"}
	case err != nil:
		return nil, 0, &Notification{Kind: NoticeUnreadable, Level: Error, Path: name, Message: "not read: " + errText(err)}
	}
	return data, int64(len(data)), nil
}

// LoadCase reads the case in folder dir of fsys as the engine reads it:
// its records (not those below a deeper case.md, nor in hidden folders,
// nor through a link), parsed and assembled into a Case, whose paths are
// slash paths of fsys. Files it cannot read or parse are left out. For
// what needs the case and not its findings (caselint new's prefilling).
func LoadCase(fsys fs.FS, dir string) (*Case, error) {
	var files []string
	_, err := discover(fsys, []string{dir}, func(cf caseFiles) error {
		if cf.Dir == dir {
			files = cf.Files
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return assemble(dir, loadDocs(fsys, files, 0, true, func(skippedFile) {}), nil), nil
}
