package report

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestRepositoryURI: no credential of any form of remote reaches a report,
// and a local remote is left out (issue 14, item 6).
func TestRepositoryURI(t *testing.T) {
	for _, c := range []struct{ remote, want string }{
		{"https://github.com/org/cases.git", "https://github.com/org/cases.git"},
		{"https://user:s3cret@github.com/org/cases.git", "https://github.com/org/cases.git"},
		{"https://ghp_TOKEN123@github.com/org/cases.git", "https://github.com/org/cases.git"},
		{"https://x-access-token:ghs_TOKEN@github.com/org/cases", "https://github.com/org/cases"},
		{"https://user:p%40ss@github.com:8443/org/cases.git", "https://github.com:8443/org/cases.git"},
		{"https://user:p@ss:w@rd@git.example.org/cases", "https://git.example.org/cases"},
		{"https://git.example.org/cases.git?token=s3cret", "https://git.example.org/cases.git"},
		{"https://git.example.org/cases.git?access_token=s3cret&x=1", "https://git.example.org/cases.git"},
		{"https://git.example.org/cases.git?private=s3cret#frag-s3cret", "https://git.example.org/cases.git"},
		{"https://git.example.org/cases.git#s3cret", "https://git.example.org/cases.git"},
		{"https://git.example.org?s3cret", "https://git.example.org"},
		{"https://user:pa/ss3cret@git.example.org/cases", ""},
		{"https://user:12?s3cret@git.example.org/cases", ""},
		{"https://user:12#s3cret@git.example.org/cases", ""},
		{"HTTPS://user:s3cret@Git.Example.org/cases", "https://Git.Example.org/cases"},
		{"ssh://git@github.com/org/cases.git", "ssh://github.com/org/cases.git"},
		{"ssh://user:s3cret@git.example.org:2222/srv/cases.git", "ssh://git.example.org:2222/srv/cases.git"},
		{"git+ssh://user:s3cret@host/cases", "git+ssh://host/cases"},
		{"git://host.example/cases.git", "git://host.example/cases.git"},
		{"git@github.com:org/cases.git", "ssh://github.com/org/cases.git"},
		{"user:s3cret@git.example.org:org/cases.git", "ssh://git.example.org/org/cases.git"},
		{"user:s3cret@git.example.org:cases.git?token=s3cret", "ssh://git.example.org/cases.git"},
		{"user:pa/ss3cret@git.example.org:org/cases.git", ""},
		{"git.example.org:/srv/cases.git", "ssh://git.example.org/srv/cases.git"},
		{"/home/zofia/cases.git", ""},
		{"../cases.git", ""},
		{"./cases", ""},
		{"cases", ""},
		{"~/cases.git", ""},
		{`C:\Users\zofia\cases`, ""},
		{"C:/Users/zofia/cases", ""},
		{`\\server\share\cases`, ""},
		{"file:///home/zofia/cases.git", ""},
		{"FILE://localhost/home/zofia/cases.git", ""},
		{"https://", ""},
		{"https://user:s3cret@/cases", ""},
		{"", ""},
		{"https://host/a b", ""},
		{"https://host/x\nhttps://user:s3cret@evil", ""},
	} {
		got := RepositoryURI(c.remote)
		if got != c.want {
			t.Errorf("RepositoryURI(%q) = %q, want %q", c.remote, got, c.want)
		}
		for _, secret := range []string{"s3cret", "TOKEN", "zofia", "ss3"} {
			if strings.Contains(got, secret) {
				t.Errorf("RepositoryURI(%q) = %q keeps %q", c.remote, got, secret)
			}
		}
	}
}

// TestInvocationArguments: the program is named, not located, and no
// argument is an absolute path (issue 14, item 6).
func TestInvocationArguments(t *testing.T) {
	wd := "/home/zofia/work"
	abs := func(s string) string { return s }
	if runtime.GOOS == "windows" {
		wd = `C:\Users\zofia\work`
		abs = func(s string) string { return `C:` + filepath.FromSlash(s) }
	}
	in := []string{abs("/home/zofia/go/bin/caselint"), "lint", "--format", "sarif",
		"-o", abs("/home/zofia/work/out.sarif"), "--output=" + abs("/home/zofia/secret.sarif"),
		"-o" + abs("/tmp/x.sarif"), "-test.log=" + abs("/tmp/log"), abs("/home/zofia/work/cases/R-1"), "cases", "~/cases", "C:/x", "--as-of", "2026-01-01"}
	want := []string{"caselint", "lint", "--format", "sarif",
		"-o", "out.sarif", "--output=" + AbsolutePath,
		"-o" + AbsolutePath, "-test.log=" + AbsolutePath, "cases/R-1", "cases", AbsolutePath, AbsolutePath, "--as-of", "2026-01-01"}
	got := InvocationArguments(in, wd)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("InvocationArguments =\n%q\nwant\n%q", got, want)
	}
	if InvocationArguments(nil, wd) != nil {
		t.Error("no arguments became some")
	}
}

// TestSARIFRedactInvocation: under Redact, SARIF keeps only the flags of
// the command line and leaves out the provenance, whose repository and
// branch may be named after a child; without it, the provenance's URI is
// cleaned whatever the caller passed (issue 14, items 4 and 6).
func TestSARIFRedactInvocation(t *testing.T) {
	opts := Options{
		Invocation: Invocation{Arguments: []string{"/home/zofia/bin/caselint", "lint", "--format", "sarif", "-o", "zofia.sarif",
			"--as-of=2026-01-01", "-ozofia2.sarif", "--redact", "cases/zofia"}},
		Provenance: &Provenance{RepositoryURI: "https://u:s3cret@git.example.org/zofia.git?t=1", RevisionID: "abc", Branch: "zofia"},
	}
	plain := string(render(t, NewSARIF, emptyResult(), opts))
	if strings.Contains(plain, "s3cret") || strings.Contains(plain, "/home/") || !strings.Contains(plain, `"repositoryUri": "https://git.example.org/zofia.git"`) {
		t.Errorf("SARIF without Redact:\n%s", plain)
	}
	opts.Redact = true
	red := string(render(t, NewSARIF, emptyResult(), opts))
	if strings.Contains(strings.ToLower(red), "zofia") || strings.Contains(red, "versionControlProvenance") {
		t.Errorf("SARIF under Redact holds a name or the provenance:\n%s", red)
	}
	if got := sarifArguments(opts); strings.Join(got, " ") != "caselint lint --format -o --as-of -o --redact" {
		t.Errorf("arguments under Redact: %q", got)
	}
}
