package report

import (
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// RelativePaths returns s (a notice or an error) with no absolute path in
// it: a path below one of dirs (the repository root, the working folder,
// most specific first) is made relative to it ("." for the folder itself),
// one below the home folder starts with "~", and any other absolute path
// is AbsolutePath. dirs that are not absolute are ignored. Errors from
// go-git, the file system and the config name files by their absolute
// paths; a report, a CI log or a hook's output must not say where the
// records are kept or whose home they are in.
func RelativePaths(s string, home string, dirs ...string) string {
	if !strings.ContainsAny(s, `/\`) {
		return s
	}
	type base struct{ dir, as string }
	var bases []base
	for _, d := range dirs {
		if d != "" && filepath.IsAbs(d) {
			bases = append(bases, base{filepath.Clean(d), ""})
		}
	}
	if home != "" && filepath.IsAbs(home) {
		bases = append(bases, base{filepath.Clean(home), "~"})
	}
	// Longest first: the root inside the working folder, inside home.
	sort.SliceStable(bases, func(i, j int) bool { return len(bases[i].dir) > len(bases[j].dir) })
	for _, b := range bases {
		if b.dir == string(filepath.Separator) {
			continue
		}
		sep := string(filepath.Separator)
		sub := b.as + sep
		if b.as == "" {
			sub = ""
		}
		s = strings.ReplaceAll(s, b.dir+sep, sub)
		s = replaceWhole(s, b.dir, firstNonEmpty(b.as, "."))
	}
	return absPathRE.ReplaceAllStringFunc(s, func(m string) string {
		lead, path := "", m
		if !strings.HasPrefix(m, "/") && !strings.HasPrefix(m, `\`) && !isDriveAt(m, 0) {
			lead, path = m[:1], m[1:]
		}
		if lead == ":" && strings.HasPrefix(path, "//") {
			return m // a URL: "https://host/x"
		}
		// A file in a folder above the first dir (a config found above
		// the root) is "../.caselint.toml": that names no folder.
		if len(dirs) > 0 && filepath.IsAbs(dirs[0]) {
			if r, err := filepath.Rel(filepath.Clean(dirs[0]), filepath.Clean(path)); err == nil {
				up := strings.TrimLeft(strings.ReplaceAll(r, ".."+string(filepath.Separator), "\x00"), "\x00")
				if strings.HasPrefix(r, "..") && !strings.ContainsRune(up, filepath.Separator) && up != ".." && up != "" {
					return lead + filepath.ToSlash(r)
				}
			}
		}
		return lead + AbsolutePath
	})
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func isDriveAt(s string, i int) bool {
	return i+2 < len(s) && s[i+1] == ':' && (s[i+2] == '\\' || s[i+2] == '/') &&
		'a' <= s[i]|0x20 && s[i]|0x20 <= 'z'
}

// replaceWhole replaces dir in s where it stands as a whole path: not
// followed by more of a name.
func replaceWhole(s, dir, with string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, dir)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(dir)
		if end < len(s) && !pathEnd(s[end]) {
			b.WriteString(s[:end])
			s = s[end:]
			continue
		}
		b.WriteString(s[:i] + with)
		s = s[end:]
	}
}

func pathEnd(c byte) bool {
	return strings.IndexByte(" \t\n\"'`:;,)]}>", c) >= 0
}

// absPathRE is an absolute path that starts a word or follows a quote, a
// bracket, "=" or ":" ("/home/x", "C:\x", "\\server\share"), up to the
// next space, quote or colon (which begins ":line:col").
var absPathRE = regexp.MustCompile(`(^|[\s"'` + "`" + `(\[{<=:,])(/|\\\\|[A-Za-z]:[\\/])[^\s"'` + "`" + `)\]}>,;:]*`)
