package cmdutil

import (
	"fmt"
	"slices"
	"strings"

	"github.com/caselint/caselint/internal/workspace"
	"github.com/caselint/caselint/lint"
)

// ConfigNotice names the configs the report was made under ("config:
// NAME", or "configs: NAME, NAME" when folders had different ones); not
// ok when no config applied. A config whose as_of the run followed (no
// --as-of: asOfFlag false) says so, with the day: a config that sets
// as_of (an exercise's, copied among live cases) reads its cases as of
// that day for ever, and a child unseen since is not reported; the
// summary names no day, so the notice must. Likewise a config that turns
// off, or lowers, rules the procedure's profile has on (rules the config
// names among all) says which: "no problems" under a config that turned
// off unseen-child in one child's folder is not that no child went unseen.
func ConfigNotice(cfgs *workspace.Configs, asOfFlag bool, all []*lint.Rule) (lint.Notification, bool) {
	return configNotice(cfgs, asOfFlag, all, false)
}

// DueConfigNotice is ConfigNotice of the configs that fixed the day or
// quieted rules only: caselint due lists the deadlines of the rules that
// are on, as of the day it reads, so a manager must be told when a config
// changed either; a config that changed neither is not news to them.
func DueConfigNotice(cfgs *workspace.Configs, asOfFlag bool, all []*lint.Rule) (lint.Notification, bool) {
	return configNotice(cfgs, asOfFlag, all, true)
}

func configNotice(cfgs *workspace.Configs, asOfFlag bool, all []*lint.Rule, onlySaying bool) (lint.Notification, bool) {
	var names []string
	for _, u := range cfgs.Used() {
		if u.Name == "" {
			continue
		}
		var says []string
		if !asOfFlag && !u.AsOf.IsZero() {
			says = append(says, fmt.Sprintf("as_of: its cases are read as of %s, whatever the day today", u.AsOf.Long()))
		}
		if u.Profile != nil {
			if q := u.Profile.Quieted(all); len(q) > 0 {
				says = append(says, quietedWords(q))
			}
		}
		switch {
		case len(says) > 0:
			names = append(names, fmt.Sprintf("%s (%s)", u.Name, strings.Join(says, "; ")))
		case !onlySaying:
			names = append(names, u.Name)
		}
	}
	if len(names) == 0 {
		return lint.Notification{}, false
	}
	label := "config: "
	if len(names) > 1 {
		label = "configs: "
	}
	return lint.Notification{Kind: lint.NoticeConfig, Level: lint.Note, Message: label + strings.Join(names, ", ")}, true
}

// quietedWords says what a config did to the rules it quieted
// (Profile.Quieted): "turns off unseen-child, unseen-bedroom; makes
// missing-not-seen-reason a note", rule ids in order.
func quietedWords(q map[string]string) string {
	ids := make([]string, 0, len(q))
	for id := range q {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var off []string
	lowered := map[string][]string{}
	for _, id := range ids {
		if q[id] == "off" {
			off = append(off, id)
		} else {
			lowered[q[id]] = append(lowered[q[id]], id)
		}
	}
	var parts []string
	if len(off) > 0 {
		parts = append(parts, "turns off "+strings.Join(off, ", "))
	}
	for _, sev := range []string{"warning", "note"} {
		if ids := lowered[sev]; len(ids) > 0 {
			parts = append(parts, "makes "+strings.Join(ids, ", ")+" "+map[string]string{"warning": "a warning", "note": "a note"}[sev])
		}
	}
	return strings.Join(parts, "; ")
}
