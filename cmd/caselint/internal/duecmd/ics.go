package duecmd

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/caselint/caselint/lint"
)

// printICS writes the worktray as an iCalendar file (RFC 5545): one
// all-day VEVENT per obligation on its due day. Its UID is made from the
// case (its id, else its folder), the rule and the obligation's key, not
// from the date, so that importing a later list again moves the event
// rather than adding another; DTSTAMP is the as-of date, so the same
// records give the same file. Lines end in CRLF and are folded at 75
// octets; text is escaped. Under --redact no name is written (the
// worktray is already redacted).
func printICS(w io.Writer, t *Worktray, redact bool) error {
	var b strings.Builder
	line := func(name, value string) { writeFolded(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//caselint//caselint due//EN")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("X-WR-CALNAME", escapeText("caselint: what is due"))
	stamp := fmt.Sprintf("%04d%02d%02dT000000Z", t.AsOf.Year, int(t.AsOf.Month), t.AsOf.Day)
	for _, c := range t.Cases {
		id := c.ID
		if id == "" {
			id = c.Dir
		}
		if c.NoPlan != "" {
			// No deadline to date: an event on the as-of day says the
			// case's deadlines could not be worked out, and why, rather
			// than leave it out of the calendar.
			line("BEGIN", "VEVENT")
			line("UID", eventUID(c.Identity(), lint.Obligation{Rule: "due", Key: "no-plan"}))
			line("DTSTAMP", stamp)
			line("DTSTART;VALUE=DATE", icsDate(t.AsOf.Year, int(t.AsOf.Month), t.AsOf.Day))
			end := t.AsOf.AddDays(1)
			line("DTEND;VALUE=DATE", icsDate(end.Year, int(end.Month), end.Day))
			summary := id + ": deadlines not worked out"
			if !redact && c.Child != "" {
				summary = id + " (" + c.Child + "): deadlines not worked out"
			}
			line("SUMMARY", escapeText(summary))
			line("DESCRIPTION", escapeText(c.NoPlan))
			line("CATEGORIES", escapeText("caselint"))
			line("TRANSP", "TRANSPARENT")
			line("END", "VEVENT")
		}
		for _, p := range c.NotFullyRead {
			// A record not wholly read may hold what is due: an event on
			// the as-of day names it, as for a case with no plan.
			rel := strings.TrimPrefix(p, c.Dir+"/")
			line("BEGIN", "VEVENT")
			line("UID", eventUID(c.Identity(), lint.Obligation{Rule: "due", Key: "not-fully-read:" + rel}))
			line("DTSTAMP", stamp)
			line("DTSTART;VALUE=DATE", icsDate(t.AsOf.Year, int(t.AsOf.Month), t.AsOf.Day))
			end := t.AsOf.AddDays(1)
			line("DTEND;VALUE=DATE", icsDate(end.Year, int(end.Month), end.Day))
			summary := id + ": a record not fully read"
			if !redact && c.Child != "" {
				summary = id + " (" + c.Child + "): a record not fully read"
			}
			line("SUMMARY", escapeText(summary))
			line("DESCRIPTION", escapeText(rel+" could not be wholly read (invalid-record): what it records may be missing from this calendar; correct it (caselint lint says how)."))
			line("CATEGORIES", escapeText("caselint"))
			line("TRANSP", "TRANSPARENT")
			line("END", "VEVENT")
		}
		for _, o := range c.Obligations {
			line("BEGIN", "VEVENT")
			line("UID", eventUID(c.Identity(), o))
			line("DTSTAMP", stamp)
			line("DTSTART;VALUE=DATE", icsDate(o.Due.Year, int(o.Due.Month), o.Due.Day))
			end := o.Due.AddDays(1)
			line("DTEND;VALUE=DATE", icsDate(end.Year, int(end.Month), end.Day))
			summary := id + ": " + o.What
			if !redact && c.Child != "" {
				summary = id + " (" + c.Child + "): " + o.What
			}
			line("SUMMARY", escapeText(summary))
			line("DESCRIPTION", escapeText(eventDescription(t, c, o)))
			line("CATEGORIES", escapeText("caselint")+","+escapeText(o.Rule))
			line("TRANSP", "TRANSPARENT")
			line("END", "VEVENT")
		}
	}
	line("END", "VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

// eventUID is the obligation's UID: a hash of the case's identity, the
// rule and the obligation's key (never of its date), at caselint.
func eventUID(identity string, o lint.Obligation) string {
	h := sha256.Sum256([]byte(identity + "\x00" + o.Rule + "\x00" + o.Key))
	return hex.EncodeToString(h[:16]) + "@caselint"
}

func eventDescription(t *Worktray, c lint.CaseObligations, o lint.Obligation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Due by %s", o.Due.Long())
	if o.OverdueOn(t.AsOf) {
		fmt.Fprintf(&b, ", overdue as of %s", t.AsOf.Long())
	}
	fmt.Fprintf(&b, ".\nCounted from %s.\n", inCase(c.Dir, o.From))
	if c.LeadWorker != "" {
		fmt.Fprintf(&b, "Lead worker: %s.\n", c.LeadWorker)
	}
	fmt.Fprintf(&b, "caselint reports %s from the day after (%s).\nCase folder: %s.", o.Rule, lint.JoinCitations(o.Cites), c.Dir)
	return b.String()
}

func icsDate(y, m, d int) string { return fmt.Sprintf("%04d%02d%02d", y, m, d) }

// escapeText escapes an iCalendar TEXT value (RFC 5545 3.3.11): backslash,
// semicolon and comma with a backslash, a line break as \n.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// maxLine is the longest content line RFC 5545 3.1 allows, in octets,
// without the line break.
const maxLine = 75

// writeFolded writes a content line, folded (RFC 5545 3.1): no line is
// longer than 75 octets, a continuation begins with one space, and a
// UTF-8 sequence is never split; every line ends in CRLF.
func writeFolded(b *strings.Builder, s string) {
	limit := maxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLine - 1 // the space begins the next line
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
