package lint

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/caselint/caselint/schema"
)

// A profile's parameters are stated here once. Each row of profileParams
// is one number or switch of a Profile: its key (the field's toml tag,
// which is what decodes profiles.toml and a config's [profiles.NAME]), the
// requirement and source shown in docs/profiles.md. From the table come
// extend (a config profile's overrides), the docs table and the keys a
// config's "did you mean" offers. The field's Go type gives its kind: an
// interval, a switch or a count, each with its own rendering.
//
// Adding a parameter is a field of Profile with its toml tag and one row
// here; TestProfileTable fails when a field has no row, and the package
// does not start when a row has no field.
var profileParams = []profileParam{
	{key: "seen_alone_every", what: "child seen alone at least every", cites: "C06 §03; 1.8 §3"},
	{key: "reduced_seen_alone_every", what: "under approved reduced visiting", cites: "1.8 §3"},
	{key: "bedroom_each_period", what: "child's bedroom seen between conferences", cites: "1.8 §3"},
	{key: "visit_record_contents", what: "contact record contents", cites: "1.8 §3"},
	{key: "first_core_group_within", what: "first core group after the initial conference", cites: "C06 §05; 1.8 §5.3"},
	{key: "core_group_every", what: "core group interval (until the first review conference)", cites: "C06 §05; 1.8 §5.4"},
	{key: "core_group_every_after_review", what: "core group interval after the first review conference", cites: "C06 §05; 1.8 §5.4",
		follows: "core_group_every"},
	{key: "minutes_within", what: "core group minutes circulated within", cites: "C06 §05"},
	{key: "minutes_by_next_meeting", what: "core group minutes circulated by the next meeting (or by when it was due)", cites: "1.8 §3, §5.5"},
	{key: "missed_core_groups_in_a_row", what: "core group meetings a member may miss in a row (neither attending nor sending a written report); 0: off", cites: "1.8 §5.7"},
	{key: "keep_conference_outcomes", what: "core group may not drop conference outcomes", cites: "1.8 §5.6"},
	{key: "minimum_plan_length", what: "minimum plan length before cessation", cites: "C06 §07"},
	{key: "transfer_conference_within", what: "transfer conference after notice of a move", cites: "C06 §07"},
	{key: "recording_limit", what: "visit or core group committed to git within", cites: `caselint's default: neither procedure sets a number (C06 §05 asks for recording "in accordance with the ... recording practice standards")`},
	{key: "first_review_within", what: "first review conference after the initial conference", cites: "Working Together 2023"},
	{key: "review_every", what: "later review conferences every", cites: "Working Together 2023"},
}

// wordLists are the word lists of Words, one row each, as profileParams
// are for Profile: its key (the toml tag of the Words field) and what the
// list is for, as docs/profiles.md says it. extend adds a config's words
// to every list; the docs and config suggestions list them all.
var wordLists = []wordList{
	{key: "non_specific_labels", what: "labels a visit record must not use to describe the child (non-specific-label)"},
	{key: "placeholders", what: "texts that count as an empty section or owner"},
	{key: "collective_owners", what: "owners that name no one person (unnamed-action-owner)"},
	{key: "vague_timescales", what: "dues that are no timescale (missing-action-timescale)"},
	{key: "refusals", what: "words in a visit's not_seen_reason saying contact was refused or avoided, unless negated (\"not refused\") (`*` stands for one or two words; {child} for the child: him, her, them, the child, the children, the baby, or the name of the child or a brother or sister as case.md gives it; {adult} for a grown-up: mum, dad, nan, the parents, or the name of one of case.md's people who is not a child; a full stop at the end, that the words close their clause: \"no answer.\"; unescalated-refusal)"},
	{key: "gone_away", what: "words in a visit's not_seen_reason saying the family went away (\"on holiday\", \"moved out\", \"gone to Pakistan\"), unless negated: with not_told in the same text, contact avoided (\"Family on holiday, not told to us\"); alone, a reason (\"They told us they would be on holiday\") (`*` and {adult} as for refusals; unescalated-refusal)"},
	{key: "not_told", what: "words in a visit's not_seen_reason saying the family did not tell the worker (\"without letting us know\", \"not told to us\", \"we were not told\"), unless negated: with gone_away in the same text, contact avoided; words of the worker not telling the family (\"not told of the visit\", \"we had not told Mum\") are not in it (`*` as for refusals; unescalated-refusal)"},
	{key: "not_alone", what: "words in a visit record saying the child was not seen alone, though seen_alone = true is recorded (`*` stands for one or two words; {alone} for alone, on his own, by herself, privately; {adult} for a grown-up: mum, dad, nan, carer, partner, the parents, her nan, or the name of one of case.md's people who is not a child; a full stop at the end, that the words close their clause; unseen-child, missing-not-seen-reason)"},
	{key: "status_notes", what: "words in the brackets after a person's name saying they did not do what the field records (\"Alison Ward (DNA)\" in attended, \"Paul Rigby (requested, not yet agreed)\" in delegation_agreed, \"Helen Marsh (awaiting reply)\" in approved_by): the reference counts as no one, as a placeholder or a not_done answer in the brackets does (undelegated-visit, unapproved-reduced-visiting, unescalated-refusal, absent-member-without-report, unsupported-cessation)"},
	{key: "outcomes_as_before", what: "words in a conference's outcomes saying it kept the outcomes agreed before (\"Unchanged\", \"Outcomes as agreed at ICPC\", \"No change\"): the entry stands for the outcomes the plan's previous conference agreed (dropped-conference-outcome)"},
	{key: "lead_worker_gone", what: "words in the brackets after the plan's lead_worker saying they are no longer the child's lead worker (\"Sarah Bennett (left 30/10)\", \"(to be reallocated)\"): the plan names no lead worker; a lead worker on leave is still the lead worker, covered (missing-lead-worker)"},
	{key: "deferrals", what: "words in a copy's language saying the copy in that language is not given yet (\"Polish - to follow\", \"Polish translation requested\"; missing-plan-copy)"},
	{key: "bedroom_not_seen", what: "words in a visit record saying the child's bedroom was not seen, though bedroom_seen = true is recorded (`*` stands for one or two words; a bedroom said to be someone else's, \"his sister's bedroom\", is not the child's; unseen-bedroom)"},
	{key: "not_face_to_face", what: "words in a visit record saying the child was seen only by video or telephone (\"virtual visit\", \"seen on a video call\", \"spoke to {child} on FaceTime\"), unless negated: not the face to face contact that sees the child alone, so the visit does not count as seeing the child alone, nor the bedroom (`{child}` as for refusals; unseen-child, missing-not-seen-reason, unseen-bedroom)"},
	{key: "child_not_seen", what: "words in a visit record saying the child was not seen at all (\"Ellie not seen as at nursery\", \"did not see {child} today\", \"{child} was not at home\"), though child_seen = true is recorded, unless negated, in a clause that names someone else of the family and not the child (\"Ruby was at school so I did not see her\"), or that speaks of the bedroom, of being alone, of another seeing the child (\"not seen by the GP\") or of a time (\"not seen at first\"), or when the record says the child was seen alone after all (`{child}` as for refusals; unseen-child, missing-not-seen-reason)"},
	{key: "child_asleep", what: "words in a visit record saying the child, one year old or more, was asleep through the visit (\"Mum said Ellie was asleep\", \"{child} was napping upstairs\", \"I did not wake {child}\"), though seen_alone = true is recorded, unless negated, in a clause that names a brother or sister and not the child (\"Ruby was asleep\"), that names someone else of the family without saying what they said (\"Mum was on the phone so I did not disturb her\"), or that speaks of another time (\"asleep by 8pm\", \"usually\", \"last night\", \"at first\"), or when the record says the child woke, talked or was seen alone: a child asleep was not seen or spoken with alone (`{child}` as for refusals; a baby under one is read by awake and the words for a baby asleep; unseen-child, missing-not-seen-reason)"},
	{key: "births", what: "words in a visit record saying the child, recorded unborn, has been born (\"{child} was born on 28/02\", \"Baby born 28.02.26\", \"gave birth to {child}\", \"Sam had the baby on Saturday\", \"{child} in SCBU\"), unless negated (\"not yet born\"), put in the future or a condition (\"once the baby is born\"), or about another birth (\"her first baby was born\", \"her older son\", a sibling, a year before the plan started): the birth recorded in words only, so the birth must be recorded in case.md from the day after the visit (`{child}` is the child only: its name as case.md gives it, the baby, the child; unrecorded-birth)"},
	{key: "plan_deferred", what: "verbs that put a plan section off when a sentence says the section will be, or is to be, done so (\"The core group will agree a contingency plan at its first meeting\", \"Contingency to be confirmed\", \"SW to write contingency plan by next core group\", \"This will be agreed at the first core group\"): a contingency plan whose every sentence does, and none says what happens if, is no contingency plan (missing-contingency-plan)"},
	{key: "approvals", what: "words saying that someone agreed or decided (\"agreed\", \"approved\", \"signed off\"): exceptional circumstances that hold one and otherwise only who decided or where (\"Agreed by chair\", \"Approved by TM Rob Jones\", \"Agreed at review conference\") say no circumstances (premature-cessation)"},
	{key: "present_notes", what: "words in the brackets after a person's name that hold a status word but do not say the person did not do what the field records (\"Sam Doe (not the chair)\", \"(mother - not well, by phone)\", \"(unable to stay for all of it)\"): they are read out of the note before its status_notes are (a core group whose every attendee carries such a note is held: overdue-core-group, late-first-core-group, absent-member-without-report)"},
	{key: "not_done", what: "answers that say only that the thing asked for was not done or is written elsewhere (\"not seen\", \"not ascertained\", \"see notes\"), perhaps after whom they are about and before when (\"Leo not seen today\"): no answer, as a placeholder is (missing-not-seen-reason, missing-wishes-and-feelings, unescalated-refusal)"},
	{key: "non_verbal", what: "words saying a child does not speak (\"non-verbal\", \"has no speech\", \"does not speak\"): a wishes and feelings section that says only this, perhaps after whom it is about (\"N/A - Ellie is non-verbal\"), says how the child communicates, not what they wish and feel, which is ascertained by other means (missing-wishes-and-feelings)"},
}

// profileMetaKeys are the keys of a profile that are not parameters: its
// own title, what it extends, its word lists and rule settings.
var profileMetaKeys = []string{"extends", "title", "words", "rules"}

// profileParam is one number or switch of a profile.
type profileParam struct {
	key   string // toml key, the tag of the Profile field
	what  string // the requirement, for the docs
	cites string // the procedure and section that set it, for the docs
	// follows is a key whose value this one takes when a config profile
	// sets that key and not this one (the interval after the review
	// follows the interval before it).
	follows string

	field int       // index of the Profile field, from its tag
	kind  paramKind // from the field's type
}

// paramKind is the Go type of a parameter, which decides how it is shown.
type paramKind int

const (
	kindInterval paramKind = iota + 1 // schema.Interval; zero: off
	kindSwitch                        // bool
	kindCount                         // int; 0: off
)

// wordList is one word list of Words.
type wordList struct {
	key, what string
	field     int
}

func init() {
	for i := range profileParams {
		pp := &profileParams[i]
		f, ok := fieldByTag(reflect.TypeFor[Profile](), pp.key)
		if !ok {
			panic(fmt.Sprintf("lint: profile parameter %q has no Profile field with toml tag %q", pp.key, pp.key))
		}
		pp.field = f.Index[0]
		switch f.Type {
		case reflect.TypeFor[schema.Interval]():
			pp.kind = kindInterval
		case reflect.TypeFor[bool]():
			pp.kind = kindSwitch
		case reflect.TypeFor[int]():
			pp.kind = kindCount
		default:
			panic(fmt.Sprintf("lint: profile parameter %q is a %s: a parameter is a schema.Interval, a bool or an int", pp.key, f.Type))
		}
		if pp.follows != "" {
			if g, ok := fieldByTag(reflect.TypeFor[Profile](), pp.follows); !ok || g.Type != f.Type {
				panic(fmt.Sprintf("lint: profile parameter %q follows %q, which is no parameter of its type", pp.key, pp.follows))
			}
		}
	}
	for i := range wordLists {
		wl := &wordLists[i]
		f, ok := fieldByTag(reflect.TypeFor[Words](), wl.key)
		if !ok || f.Type != reflect.TypeFor[[]string]() {
			panic(fmt.Sprintf("lint: word list %q has no []string Words field with toml tag %q", wl.key, wl.key))
		}
		wl.field = f.Index[0]
	}
}

// fieldByTag returns the field of the struct type t whose toml tag is key.
func fieldByTag(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); tomlKey(f) == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// tomlKey returns the key a field decodes from, or "" when it decodes from
// none.
func tomlKey(f reflect.StructField) string {
	k, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if k == "-" {
		return ""
	}
	return k
}

// value returns the parameter's field of p, settable when p is.
func (pp *profileParam) value(p *Profile) reflect.Value {
	return reflect.ValueOf(p).Elem().Field(pp.field)
}

// show renders the parameter's value in p as docs/profiles.md does: an
// interval as written, a switch on or off, a count or off for 0.
func (pp *profileParam) show(p *Profile) string {
	v := pp.value(p)
	switch pp.kind {
	case kindInterval:
		return v.Interface().(schema.Interval).String()
	case kindSwitch:
		return onOff(v.Bool())
	default:
		if v.Int() <= 0 {
			return "off"
		}
		return fmt.Sprint(v.Int())
	}
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

// words returns the list of w the row names, settable when w is.
func (wl *wordList) words(w *Words) reflect.Value {
	return reflect.ValueOf(w).Elem().Field(wl.field)
}

// overrideParams sets in p each parameter that set says over sets, and a
// parameter that follows one over sets when over does not set it.
func overrideParams(p, over *Profile, set func(key string) bool) {
	for i := range profileParams {
		pp := &profileParams[i]
		switch {
		case set(pp.key):
			pp.value(p).Set(pp.value(over))
		case pp.follows != "" && set(pp.follows):
			pp.value(p).Set(paramByKey(pp.follows).value(over))
		}
	}
}

// addWordLists returns base's word lists with more's words added to each.
func addWordLists(base, more Words) Words {
	var out Words
	for i := range wordLists {
		wl := &wordLists[i]
		wl.words(&out).Set(reflect.ValueOf(addWords(wl.words(&base).Interface().([]string), wl.words(&more).Interface().([]string))))
	}
	return out
}

func paramByKey(key string) *profileParam {
	for i := range profileParams {
		if profileParams[i].key == key {
			return &profileParams[i]
		}
	}
	return nil
}

// configKeys lists every key a config may write, for "did you mean": the
// top-level keys, then a profile's own keys, its parameters and its word
// lists.
func configKeys() []string {
	var keys []string
	seen := map[string]bool{}
	add := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	ct := reflect.TypeFor[Config]()
	for i := 0; i < ct.NumField(); i++ {
		add(tomlKey(ct.Field(i)))
	}
	for _, k := range profileMetaKeys {
		add(k)
	}
	for _, pp := range profileParams {
		add(pp.key)
	}
	for _, wl := range wordLists {
		add(wl.key)
	}
	return keys
}
