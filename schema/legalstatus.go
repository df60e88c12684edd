package schema

import (
	"strconv"
	"strings"
)

// The legal statuses case.md's [[legal_status]] status is read as, in their
// canonical spelling. The first four make the child looked after by the
// local authority (lint.LegalStatus.LookedAfter says so); the others are
// recorded but do not; StatusNone ends whatever status came before it (the
// child returned home, section 20 ended, the order was discharged).
const (
	StatusInterimCareOrder       = "interim care order"
	StatusCareOrder              = "care order"
	StatusSection20              = "section 20"
	StatusPlacementOrder         = "placement order"
	StatusEmergencyProtection    = "emergency protection order"
	StatusPoliceProtection       = "police protection"
	StatusSupervisionOrder       = "supervision order"
	StatusSpecialGuardianship    = "special guardianship order"
	StatusChildArrangementsOrder = "child arrangements order"
	StatusNone                   = "none"
)

// LegalStatuses are the canonical legal statuses, for messages and
// suggestions.
var LegalStatuses = []string{
	StatusInterimCareOrder, StatusCareOrder, StatusSection20, StatusPlacementOrder,
	StatusEmergencyProtection, StatusPoliceProtection, StatusSupervisionOrder,
	StatusSpecialGuardianship, StatusChildArrangementsOrder, StatusNone,
}

// CanonicalLegalStatus reads a legal status as people write it ("ICO",
// "full care order", "s.20 CA 1989", "accommodated under section 20",
// "voluntary accommodation", "returned home", "s20 ended") and returns its
// canonical spelling and true, or "" and false when it is not one. Words
// that end a status (ended, ceased, discharged, revoked, returned home,
// none), or say none was made (refused, declined, not made, not agreed,
// a leading "no": "no s20"), read as StatusNone. An order asked for or
// awaited ("ICO applied for", "awaiting ICO": LegalStatusPending) is not
// a legal status in force: "", false. A bare "looked after" or "in care" is not a
// legal status: it does not say under which order, and the order decides
// when the plan ends.
func CanonicalLegalStatus(s string) (string, bool) {
	t := legalStatusTokens(s)
	if len(t) == 0 {
		return "", false
	}
	has := func(seq ...string) bool { return ContainsWords(t, seq...) }
	hasAny := func(words ...string) bool {
		for _, w := range words {
			if has(w) {
				return true
			}
		}
		return false
	}
	if notInForce(t) {
		return "", false
	}
	switch {
	case hasAny("ended", "ends", "ceased", "discharged", "revoked", "expired", "lapsed", "none", "nil",
		"withdrawn", "withdrew", "refused", "dismissed", "declined"),
		has("not", "granted"), has("not", "made"), has("not", "agreed"), has("no", "order"), has("no", "legal", "status"),
		t[0] == "no" && !has("no", "longer") && len(t) > 1,
		has("not", "looked", "after"), has("no", "longer", "looked", "after"), has("no", "longer", "accommodated"),
		wentHome(t):
		return StatusNone, true
	case has("interim", "care"), hasAny("ico", "s38"), has("care", "order") && has("interim"):
		return StatusInterimCareOrder, true
	case has("placement", "order"), has("placed", "for", "adoption"):
		return StatusPlacementOrder, true
	case has("emergency", "protection"), hasAny("epo", "s44"):
		return StatusEmergencyProtection, true
	case has("police", "protection"), has("police", "powers"), hasAny("ppo", "s46"):
		return StatusPoliceProtection, true
	case has("supervision", "order"), has("interim", "supervision"), hasAny("iso", "s35"):
		return StatusSupervisionOrder, true
	case has("special", "guardianship"), hasAny("sgo"):
		return StatusSpecialGuardianship, true
	case has("child", "arrangements"), has("residence", "order"), hasAny("cao"):
		return StatusChildArrangementsOrder, true
	case has("care", "order"), hasAny("s31"):
		return StatusCareOrder, true
	case hasAny("s20"), has("voluntary", "accommodation"), has("voluntarily", "accommodated"), has("accommodated"):
		return StatusSection20, true
	}
	return "", false
}

// LegalStatusPending reports whether a [[legal_status]] status records an
// order or accommodation asked for or awaited, not one in force: "ICO
// applied for", "awaiting ICO", "care order application", "ICO hearing
// adjourned", "s20 pending" (Stoke-on-Trent C06 §03: the plan is
// discharged "If a child ... becomes looked after by virtue of an Interim
// Care Order", not when one is sought). CanonicalLegalStatus does not read
// it as a status, and the status before it stays in force. A decision
// that nothing is made ("ICO refused", "ICO not made", "section 20
// declined", "no s20") is not pending: it reads as StatusNone.
func LegalStatusPending(s string) bool { return notInForce(legalStatusTokens(s)) }

// notInForce is LegalStatusPending of s's legalStatusTokens.
func notInForce(t []string) bool {
	for i, w := range t {
		switch w {
		case "refused", "declined", "dismissed", "withdrawn", "withdrew", "ended", "discharged", "revoked":
			return false // a decision, or an ending: StatusNone
		case "granted", "made", "renewed", "extended":
			if i == 0 || t[i-1] != "not" {
				return false // "ICO application granted": the order is made
			}
		}
	}
	for i, w := range t {
		switch w {
		case "applied", "application", "applications", "applying", "apply", "sought", "seeking", "seek",
			"awaiting", "awaited", "pending", "hearing", "adjourned", "listed", "proposed", "planned",
			"considering", "considered", "requested", "request", "intends", "intended":
			return true
		case "to":
			if i+1 < len(t) && (t[i+1] == "be" || t[i+1] == "apply" || t[i+1] == "seek") {
				return true // "ICO to be sought", "to apply for an ICO"
			}
		}
	}
	return false
}

// wentHome reports whether the words say the child went back to the family
// ("returned home", "returned to mother's care", "back home with mum",
// "home with dad"): whatever status came before has ended.
func wentHome(t []string) bool {
	family := []string{"home", "mother", "mothers", "father", "fathers", "parent", "parents", "parental",
		"mum", "mums", "dad", "dads", "family", "families"}
	for i, w := range t {
		switch w {
		case "returned", "return", "returns", "returning", "back", "went", "rehabilitated", "reunified":
			for _, n := range t[i+1 : min(i+4, len(t))] {
				for _, f := range family {
					if n == f {
						return true
					}
				}
			}
		case "home":
			if i+1 < len(t) && (t[i+1] == "with" || t[i+1] == "to") {
				return true
			}
		}
	}
	return false
}

// legalStatusTokens lower-cases s, splits it into words at spaces and
// punctuation, and joins a section number to its "s", "sec" or "section":
// "S.20 CA 1989" is [s20 ca 1989].
func legalStatusTokens(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	var out []string
	for i := 0; i < len(f); i++ {
		w := f[i]
		switch w {
		case "s", "sec", "sect", "section", "ss":
			if i+1 < len(f) {
				if _, err := strconv.Atoi(f[i+1]); err == nil {
					out = append(out, "s"+f[i+1])
					i++
					continue
				}
			}
		}
		if len(w) > 7 && strings.HasPrefix(w, "section") {
			if _, err := strconv.Atoi(w[7:]); err == nil {
				w = "s" + w[7:]
			}
		}
		out = append(out, w)
	}
	return out
}

// ContainsWords reports whether seq occurs in t as consecutive words.
func ContainsWords(t []string, seq ...string) bool {
	for i := 0; i+len(seq) <= len(t); i++ {
		match := true
		for j, w := range seq {
			if t[i+j] != w {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// legalStatus checks and normalises one [[legal_status]] status (at key
// path): it is read as CanonicalLegalStatus reads it, and reported with the
// accepted statuses (and a "did you mean") when it cannot be.
func (d *decoder) legalStatus(v *string, path ...string) {
	if strings.TrimSpace(*v) == "" {
		return
	}
	if c, ok := CanonicalLegalStatus(*v); ok {
		*v = c
		return
	}
	if LegalStatusPending(*v) {
		d.doc.Problemf(d.valueAt(path), "%s: %q is not an order in force: record the order from the day it is made (section 20 from the day the child is accommodated); an application, a hearing or an order awaited changes no legal status, and the status before it stays in force", dotted(path), *v)
		return
	}
	msg := sprintf("%s: %q is not a legal status", dotted(path), *v)
	if m := Suggest(*v, LegalStatuses); m != "" {
		msg += sprintf("; did you mean %q?", m)
	}
	quoted := make([]string, len(LegalStatuses))
	for i, s := range LegalStatuses {
		quoted[i] = strconv.Quote(s)
	}
	msg += " (one of " + strings.Join(quoted, ", ") + "; name the order or section 20, not only \"looked after\", because it decides when the plan ends)"
	d.doc.Problemf(d.valueAt(path), "%s", msg)
}
