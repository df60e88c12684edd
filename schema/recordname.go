package schema

// IsRecordName reports whether the file name (a path or a base name) is
// a Markdown file that may hold a record: it ends in .md or .markdown, in
// any case (2026-11-12.MD, as some systems save it).
func IsRecordName[S ~string | ~[]byte](name S) bool {
	i := len(name) - 1
	for i >= 0 && name[i] != '.' && name[i] != '/' {
		i--
	}
	if i < 0 || name[i] != '.' {
		return false
	}
	ext := name[i+1:]
	return foldASCII(ext, "md") || foldASCII(ext, "markdown")
}

// foldASCII reports whether s is word (lower-case ASCII) in any case.
func foldASCII[S ~string | ~[]byte](s S, word string) bool {
	if len(s) != len(word) {
		return false
	}
	for i := range len(s) {
		if c := s[i]; c != word[i] && c+'a'-'A' != word[i] {
			return false
		}
	}
	return true
}
