package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// fingerprint identifies a finding across edits that move lines: the rule,
// the file, the text of the line it points at and, for findings that share
// all three, which one of them it is.
func fingerprint(rule, path, line string, n int) string {
	return occurrenceFingerprint(rule, path, line, "", n)
}

// occurrenceFingerprint is fingerprint with the finding's occurrence
// (Diagnostic.Occurrence): which instance of a problem it is, for a rule
// that reports each on the same line (an open gap on plan.md's started
// line: the day it counts from). With no occurrence it is fingerprint,
// unchanged, so that the fingerprints of every other finding, and the
// baselines that hold them, stay as they were.
func occurrenceFingerprint(rule, path, line, occurrence string, n int) string {
	h := sha256.New()
	parts := []string{rule, path, lineText(line), strconv.Itoa(n)}
	if occurrence != "" {
		parts = append(parts, occurrence)
	}
	for _, s := range parts {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// setFingerprints numbers findings that would share a fingerprint, in their
// (sorted) order, so each is unique and stable while their order is.
// path is the path each file's findings are fingerprinted under.
func setFingerprints(fs []Finding, path func(string) string) {
	seen := map[string]int{}
	for i := range fs {
		base := fs[i].Fingerprint
		n := seen[base]
		seen[base] = n + 1
		if n > 0 {
			fs[i].Fingerprint = fingerprint(fs[i].RuleID, path(fs[i].Path), base, n)
		}
	}
}
