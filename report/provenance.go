package report

import (
	"net/url"
	"path/filepath"
	"strings"
)

// RepositoryURI is a remote's URL as a report may carry it (SARIF's
// versionControlProvenance.repositoryUri), or "" when it must be left out.
// Whatever can hold a secret is dropped:
//
//   - the user name and password of a URL ("https://user:token@host/x" is
//     "https://host/x"; a token is often the user name alone);
//   - the query and the fragment, whole ("?token=", "?access_token=", and
//     any other);
//   - the user (and password) of an scp-style remote, which is written as
//     the ssh URL it stands for ("user:pass@host:org/x.git" is
//     "ssh://host/org/x.git").
//
// A remote that is a folder on this machine (a path, relative or absolute,
// or a file: URL) is left out: a report must not say where the records are
// kept. So is anything that is not a URL with a host.
func RepositoryURI(remote string) string {
	remote = strings.TrimSpace(remote)
	if remote == "" || strings.ContainsAny(remote, "\x00\n\r\t ") {
		return ""
	}
	if !strings.Contains(remote, "://") {
		return scpURI(remote)
	}
	scheme, rest, _ := strings.Cut(remote, "://")
	scheme = strings.ToLower(scheme)
	if !validScheme(scheme) || scheme == "file" {
		return ""
	}
	// The authority ends at the first "/", "?" or "#"; its last "@" ends
	// the user information, whatever it holds ("@" and ":" included).
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth, path := rest[:end], rest[end:]
	if strings.Contains(path, "@") {
		// An "@" past the authority may end a password that holds a "/",
		// "?" or "#": which part is the secret cannot be told.
		return ""
	}
	if i := strings.LastIndex(auth, "@"); i >= 0 {
		auth = auth[i+1:]
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if auth == "" {
		return ""
	}
	u, err := url.Parse(scheme + "://" + auth + path)
	if err != nil || u.Host == "" || u.User != nil {
		return ""
	}
	u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = "", false, "", ""
	return u.String()
}

// scpURI is the ssh URL of an scp-style remote, "[user[:pass]@]host:path",
// without its user; "" for a local path.
func scpURI(remote string) string {
	if filepath.IsAbs(remote) || strings.HasPrefix(remote, "/") || strings.HasPrefix(remote, `\`) ||
		strings.HasPrefix(remote, ".") || strings.HasPrefix(remote, "~") {
		return ""
	}
	// git: a remote is scp-style when a ":" comes before any "/".
	colon := strings.LastIndex(remote[:firstIndex(remote, "/")], ":")
	if colon < 0 {
		return "" // a relative path
	}
	hostPart, path := remote[:colon], remote[colon+1:]
	if i := strings.LastIndex(hostPart, "@"); i >= 0 {
		hostPart = hostPart[i+1:]
	}
	if len(hostPart) <= 1 { // "C:\cases", "C:/cases": a drive
		return ""
	}
	if strings.Contains(path, "@") {
		return "" // as in a URL: a password holding a "/" may end there
	}
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	path = strings.TrimPrefix(path, "/")
	u, err := url.Parse("ssh://" + hostPart + "/" + path)
	if err != nil || u.Host == "" || u.User != nil {
		return ""
	}
	u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = "", false, "", ""
	return u.String()
}

func firstIndex(s, sep string) int {
	if i := strings.Index(s, sep); i >= 0 {
		return i
	}
	return len(s)
}

// validScheme reports whether s is a URL scheme of two or more characters
// (one is a drive letter).
func validScheme(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i, c := range s {
		switch {
		case 'a' <= c && c <= 'z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// CommandName is what a report says ran: the command's name, never the
// path of the binary, which holds a folder of the machine.
const CommandName = "caselint"

// AbsolutePath stands for an absolute path in a report's arguments.
const AbsolutePath = "[absolute path]"

// InvocationArguments are a command line as a report may carry it: the
// program is CommandName, and an argument that is an absolute path (alone,
// after "--flag=" or "-flag=", or after a one-letter flag, "-o/x") is made relative to
// the working folder wd when it is below it, else replaced by
// AbsolutePath. Other arguments are kept as given: relative paths and flag
// values are what the user typed.
func InvocationArguments(args []string, wd string) []string {
	if len(args) == 0 {
		return nil
	}
	out := make([]string, len(args))
	out[0] = CommandName
	for i, a := range args[1:] {
		out[i+1] = relativeArg(a, wd)
	}
	return out
}

func relativeArg(a, wd string) string {
	prefix, value := "", a
	switch {
	case strings.HasPrefix(a, "-") && strings.Contains(a, "="):
		k, v, _ := strings.Cut(a, "=")
		prefix, value = k+"=", v
	case len(a) > 2 && a[0] == '-' && a[1] != '-' && isAbsPath(a[2:]):
		prefix, value = a[:2], a[2:]
	}
	if !isAbsPath(value) {
		return a
	}
	if wd != "" && filepath.IsAbs(wd) {
		if r, err := filepath.Rel(wd, filepath.Clean(value)); err == nil && r != ".." &&
			!strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r) {
			return prefix + filepath.ToSlash(r)
		}
	}
	return prefix + AbsolutePath
}

// isAbsPath reports whether s is an absolute path here or on another
// system ("/x", "C:\x", "C:/x", "\\server\x") or starts at a home ("~").
func isAbsPath(s string) bool {
	if filepath.IsAbs(s) || strings.HasPrefix(s, "/") || strings.HasPrefix(s, `\`) || strings.HasPrefix(s, "~") {
		return true
	}
	return len(s) >= 3 && s[1] == ':' && (s[2] == '\\' || s[2] == '/') &&
		('a' <= s[0]|0x20 && s[0]|0x20 <= 'z')
}
