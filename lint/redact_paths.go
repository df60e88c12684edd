package lint

import (
	"regexp"
	"strconv"
	"strings"
)

// RedactPaths replaces, in the paths of res's findings and notifications,
// every folder or file name that caselint does not define: a case folder
// is often named after the child or the family, and a visit after the
// people it saw. Kept as they are: the names caselint gives (case.md,
// plan.md, visits, core-groups, conferences, cases, .caselint.toml) and a
// record's date ("2026-01-12.md", "2026-01-12-2.md",
// "2026-01-12-review.md"); any other name is "redacted-N", the same N for
// the same name throughout the report, numbered in the order the report
// lists them. For caselint lint --redact; run after the findings are
// final (--new-from-rev matches findings by their real paths).
func RedactPaths(res *Result) {
	redact := PathRedactor()
	for i := range res.Findings {
		res.Findings[i].Path = redact(res.Findings[i].Path)
	}
	redactPaths(res, redact)
}

// redactPaths redacts with redact the paths of res but its findings'.
func redactPaths(res *Result, redact func(string) string) {
	for i := range res.Notifications {
		res.Notifications[i].Path = redact(res.Notifications[i].Path)
	}
	for i := range res.Chronologies {
		ch := &res.Chronologies[i]
		ch.Dir = redact(ch.Dir)
		for j := range ch.Events {
			ch.Events[j].Path = redact(ch.Events[j].Path)
		}
		for j := range ch.Periods {
			ch.Periods[j].Path = redact(ch.Periods[j].Path)
		}
	}
	for i := range res.Obligations {
		res.Obligations[i].Redact(redact) // the names too
	}
}

// PathRedactor returns the function RedactPaths redacts each path with:
// the same name gives the same redacted-N for as long as it is used, and
// N counts the names in the order it meets them.
func PathRedactor() func(string) string {
	names := map[string]string{}
	return func(p string) string {
		if p == "" {
			return p
		}
		parts := strings.Split(p, "/")
		for i, part := range parts {
			if part == "" || part == "." || part == ".." || keptPathName(part) {
				continue
			}
			n, ok := names[part]
			if !ok {
				n = "redacted-" + strconv.Itoa(len(names)+1)
				names[part] = n
			}
			parts[i] = n
		}
		return strings.Join(parts, "/")
	}
}

// keptPathName reports whether a folder or file name is one caselint
// defines, or a record's date.
func keptPathName(name string) bool {
	switch name {
	case "case.md", "plan.md", "visits", "core-groups", "conferences", "cases", ConfigFileName:
		return true
	}
	return datedName.MatchString(name)
}

var datedName = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(-\d{1,3}|-initial|-review|-transfer)?\.md$`)
