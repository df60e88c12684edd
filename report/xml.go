package report

import (
	"encoding/xml"
	"strings"
)

// xmlText is s made Printable and escaped for XML text or an attribute
// value in double quotes: a control character, an escape sequence or a
// byte that is not UTF-8 is shown escaped, as in the text format, never
// written where XML 1.0 does not allow it.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(Printable(s))) // a strings.Builder does not fail
	return b.String()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
