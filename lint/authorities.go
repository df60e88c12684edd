package lint

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// The local authorities of England and Wales, by name: which authority an
// agency or a role names when it gives only a place ("Cheshire East",
// "social worker (Bristol)"), and that "Hull" and "Kingston upon Hull" are
// one authority. The names are data (authorities.txt); AgencyAuthority and
// roleAuthority read them.

//go:embed authorities.txt
var authoritiesTxt string

// authorityList is authorities.txt read.
type authorityList struct {
	byName   map[string]string // a name's words joined by spaces → its authority's key
	keys     map[string]bool   // the authorities' keys
	maxWords int               // the most words of a name
}

// listedAuthorities returns authorities.txt read, once.
var listedAuthorities = sync.OnceValue(func() *authorityList {
	l := &authorityList{byName: map[string]string{}, keys: map[string]bool{}}
	for line := range strings.Lines(authoritiesTxt) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var key string
		for i, name := range strings.Split(line, "|") {
			ws := words(name)
			if len(ws) == 0 {
				continue
			}
			n := strings.Join(ws, " ")
			if i == 0 {
				key = n
				l.keys[key] = true
			}
			if _, dup := l.byName[n]; !dup {
				l.byName[n] = key
			}
			l.maxWords = max(l.maxWords, len(ws))
		}
	}
	return l
})

// IsListedAuthority reports whether key is the key of one of the listed
// local authorities (authorities.txt): "cheshire east", "stoke on trent".
func IsListedAuthority(key string) bool { return listedAuthorities().keys[key] }

// canonicalAuthority returns the listed authority's key for a name as
// AgencyAuthority derives it ("hull" is "kingston upon hull", "stoke" is
// "stoke on trent"), or the name itself when no authority is listed by it.
func canonicalAuthority(name string) string {
	if k, ok := listedAuthorities().byName[name]; ok {
		return k
	}
	return name
}

// streetWords follow a place in the name of a road, and so of a school,
// a surgery or a team named after one ("Stoke Road Primary", "Hull Road
// team"): the place there names no authority.
var streetWords = map[string]bool{
	"road": true, "rd": true, "street": true, "lane": true, "avenue": true, "ave": true,
	"way": true, "drive": true, "close": true, "crescent": true, "grove": true, "terrace": true,
	"gardens": true, "park": true, "square": true, "row": true, "walk": true, "court": true,
	"hill": true, "green": true, "estate": true, "house": true, "centre": true,
}

// placeWords may stand beside an authority's name in an agency or a role
// that is only the authority's: the words around a council's name
// (authorityWords), a team or office of it ("Locality Team 3, North"),
// and a social worker's role ("Cheshire East social worker").
var placeWords = map[string]bool{
	"locality": true, "area": true, "hub": true, "office": true, "duty": true, "assessment": true,
	"north": true, "south": true, "east": true, "west": true, "central": true, "mash": true,
	"edt": true, "cp": true, "cin": true, "worker": true, "sw": true, "senior": true,
	"practitioner": true, "qualified": true, "locum": true, "agency": true, "based": true,
	"from": true, "at": true, "for": true, "in": true, "on": true, "behalf": true,
}

// listedAuthorityIn returns the key of the listed authority whose name
// stands in ws (an agency's or a role's words): the longest name found,
// the first of those; none where the name is followed by a street word
// ("Stoke Road"). Unless anywhere (an agency plainly of social care, "X
// Council", "X Children's Services"), every other word must be one that
// stands beside an authority's name (authorityWords, placeWords, a
// number): "Cheshire East" and "Hull, Locality Team 2" name an authority,
// "Bristol Family Practice" does not.
func listedAuthorityIn(ws []string, anywhere bool) string {
	l := listedAuthorities()
	best, from, to := "", 0, 0
	for i := range ws {
		for n := min(l.maxWords, len(ws)-i); n > to-from; n-- {
			k, ok := l.byName[strings.Join(ws[i:i+n], " ")]
			if !ok || (i+n < len(ws) && streetWords[ws[i+n]]) {
				continue
			}
			best, from, to = k, i, i+n
			break
		}
	}
	if best == "" || anywhere {
		return best
	}
	for i, w := range ws {
		if i >= from && i < to {
			continue
		}
		if !authorityWords[w] && !placeWords[w] && !unicode.IsDigit(rune(w[0])) {
			return ""
		}
	}
	return best
}

// roleAuthority returns the local authority a role as written in case.md
// names, as AgencyAuthority names it, or "" when it names none: one of its
// bracketed parts read as an agency ("social worker (Cheshire East)",
// "social worker (Leeds City Council)"), or the role naming only a listed
// authority beside a social worker's words ("Cheshire East social worker").
func roleAuthority(role string) string {
	outer, inners := splitBrackets(role)
	for _, in := range inners {
		if a := AgencyAuthority(in); a != "" {
			return a
		}
	}
	if outer == "" || AgencyService(outer) == ServiceOther {
		return ""
	}
	return listedAuthorityIn(words(outer), false)
}

// Authority returns the local authority whose procedure the profile is
// (directorates: "stoke on trent" under Stoke-on-Trent's, "oxfordshire"
// under Oxfordshire's), as AgencyAuthority names it, or "" for the
// combined profile, which is no one authority's.
func (p *Profile) Authority() string {
	if p == nil {
		return ""
	}
	for _, d := range directorates {
		if p.Base == d.profile {
			return d.authority
		}
	}
	return ""
}
