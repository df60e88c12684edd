package lint

import (
	"slices"
	"strings"

	"github.com/caselint/caselint/schema"
)

// Profile is a named set of rules and the numbers they check against. The
// shipped profiles (stoke-on-trent, oxfordshire, combined) are data in
// profiles.toml; a config can define its own that extends one of them.
// A zero Interval means the profile does not check that requirement.
//
// Each number and switch below has one row in profileParams
// (profile_params.go), keyed by its toml tag, which holds its docs text
// and source and drives extends, docs/profiles.md and config suggestions;
// each Words list has one in wordLists. TestProfileTable fails when a
// field has no row.
type Profile struct {
	Name    string `toml:"-"`
	Title   string `toml:"title"`
	Extends string `toml:"extends"`
	// Base is the shipped profile this one is, or extends: it decides which
	// rules are on (Rule.Profiles names shipped profiles).
	Base string `toml:"-"`

	// Seeing the child.
	SeenAloneEvery        schema.Interval `toml:"seen_alone_every"`         // child seen alone at least every
	ReducedSeenAloneEvery schema.Interval `toml:"reduced_seen_alone_every"` // under approved reduced visiting; off: no reduction allowed
	BedroomEachPeriod     bool            `toml:"bedroom_each_period"`      // bedroom seen between conferences
	VisitRecordContents   bool            `toml:"visit_record_contents"`    // contact record contents

	// Core group.
	FirstCoreGroupWithin      schema.Interval `toml:"first_core_group_within"`       // after the initial conference
	CoreGroupEvery            schema.Interval `toml:"core_group_every"`              // until the first review conference
	CoreGroupEveryAfterReview schema.Interval `toml:"core_group_every_after_review"` // after it; off: same as CoreGroupEvery
	MinutesWithin             schema.Interval `toml:"minutes_within"`                // minutes circulated within
	MinutesByNextMeeting      bool            `toml:"minutes_by_next_meeting"`       // minutes circulated by the next meeting
	MissedCoreGroupsInARow    int             `toml:"missed_core_groups_in_a_row"`   // meetings a member may not miss in a row; 0: off
	KeepConferenceOutcomes    bool            `toml:"keep_conference_outcomes"`      // core group may not drop conference outcomes

	// Ending the plan.
	MinimumPlanLength        schema.Interval `toml:"minimum_plan_length"`        // before cessation
	TransferConferenceWithin schema.Interval `toml:"transfer_conference_within"` // after notice of a move

	// Records and history.
	RecordingLimit schema.Interval `toml:"recording_limit"` // visit or core group committed within

	// Review conferences (Working Together).
	FirstReviewWithin schema.Interval `toml:"first_review_within"`
	ReviewEvery       schema.Interval `toml:"review_every"`

	// Word lists practitioners extend from the config.
	Words Words `toml:"words"`

	// Rules turned on or off, and severities changed, by the config: rule id
	// to "off", "on", "error", "warning" or "note".
	Rules map[string]string `toml:"rules"`

	// ready are Words made ready to search, made with the profile
	// (ShippedProfile, extend); nil in a Profile written as a literal,
	// which makes them whenever they are asked for (readyWords).
	ready *profileWords
}

// profileWords are a profile's word lists made ready to search, once for
// the profile rather than once a case: its placeholders and not_done
// answers as schema.WordLists, its vague timescales split into words
// (Pass.Timescale) and its not-alone and refusal words made phraseLists
// (Pass.NotSeenAloneInWords, Profile.RefusalInWords) and its
// bedroom-not-seen words (Pass.BedroomNotSeenInWords). They are only read.
type profileWords struct {
	placeholders *schema.WordList
	notDone      *schema.WordList
	// statusNotes are the status words of a note after a name, as phrases
	// (phrase without its end spaces), for NoteSaysNotDone.
	statusNotes []string
	// presentNotes are Words.PresentNotes as phrases, taken out of a
	// note before its status words are read.
	presentNotes []string
	// deferrals are Words.Deferrals as phrases, for CopyInLanguage.
	deferrals []string
	// approvals are Words.Approvals, each as its words, for
	// SaysOnlyWhoAgreed.
	approvals [][]string
	// outcomesAsBefore are Words.OutcomesAsBefore as phrases, for
	// KeepsOutcomesAsBefore.
	outcomesAsBefore []string
	// leadWorkerGone are Words.LeadWorkerGone as phrases, for
	// NoteSaysLeadWorkerGone.
	leadWorkerGone []string
	vague          schema.VagueTimescales
	notAlone       *phraseList
	refusals       *phraseList
	// goneAway and notTold are Words.GoneAway and Words.NotTold: a text
	// saying both says contact was avoided (refusedIn).
	goneAway   *phraseList
	notTold    *phraseList
	bedroomNot *phraseList
	// notFaceToFace are the words saying a visit saw the child only by
	// video or telephone (Pass.NotFaceToFaceInWords).
	notFaceToFace *phraseList
	// childNotSeen are the words saying the child was not seen
	// (Pass.NotSeenInWords).
	childNotSeen *phraseList
	// childAsleep are the words saying the child was asleep through the
	// visit (Pass.ChildAsleepInWords).
	childAsleep *phraseList
	// births are Words.Births as phrases, for Pass.BirthInWords.
	births [][]string
	// planDeferred are the verbs that put a plan section off ("agree",
	// "drawn"), as a set (SectionDeferred).
	planDeferred map[string]bool
	// nonVerbal are Words.NonVerbal, each as its words
	// (SaysOnlyNonVerbal); nonVerbalKeys, one word of each phrase that a
	// text saying the phrase holds (keyWords), or nil when some phrase
	// has none.
	nonVerbal     [][]string
	nonVerbalKeys []string
	// seeing reads a visit's words once for seenAloneTokens, notAlone,
	// notFaceToFace, childNotSeen and childAsleep, in that order
	// (lexSeenAlone ...).
	seeing *lexicon
}

func newProfileWords(w Words) *profileWords {
	notAlone := newPhraseList(w.NotAlone)
	notFaceToFace, childNotSeen := newPhraseList(w.NotFaceToFace), newPhraseList(w.ChildNotSeen)
	childAsleep := newPhraseList(w.ChildAsleep)
	pw := &profileWords{
		placeholders:     schema.NewWordList(w.Placeholders),
		notDone:          schema.NewWordList(w.NotDone),
		statusNotes:      phrases(w.StatusNotes),
		presentNotes:     phrases(w.PresentNotes),
		deferrals:        phrases(w.Deferrals),
		approvals:        phraseSplits(w.Approvals),
		outcomesAsBefore: phrases(w.OutcomesAsBefore),
		leadWorkerGone:   phrases(w.LeadWorkerGone),
		vague:            schema.NewVagueTimescales(w.VagueTimescales),
		notAlone:         notAlone,
		refusals:         newPhraseList(w.Refusals),
		goneAway:         newPhraseList(w.GoneAway),
		notTold:          newPhraseList(w.NotTold),
		bedroomNot:       newPhraseList(w.BedroomNotSeen),
		notFaceToFace:    notFaceToFace,
		childNotSeen:     childNotSeen,
		childAsleep:      childAsleep,
		births:           phraseTokens(w.Births),
		seeing:           newLexicon(seenAloneTokens.phraseIndex, notAlone.phraseIndex, notFaceToFace.phraseIndex, childNotSeen.phraseIndex, childAsleep.phraseIndex),
		planDeferred:     lowerWords(w.PlanDeferred),
		nonVerbal:        phraseSplits(w.NonVerbal),
	}
	pw.nonVerbalKeys = keyWords(pw.nonVerbal)
	return pw
}

// readyWords returns the profile's word lists made ready to search: made
// with the profile, or now for a Profile written as a literal.
func (p *Profile) readyWords() *profileWords {
	if p.ready != nil {
		return p.ready
	}
	return newProfileWords(p.Words)
}

// Words are the word lists rules match against, lower case.
type Words struct {
	NonSpecificLabels []string `toml:"non_specific_labels"` // "disturbed"
	Placeholders      []string `toml:"placeholders"`        // "TBC", "N/A"
	CollectiveOwners  []string `toml:"collective_owners"`   // "all", "professionals"
	VagueTimescales   []string `toml:"vague_timescales"`    // "ongoing", "asap"
	Refusals          []string `toml:"refusals"`            // "refused", "would not let": contact refused or avoided
	GoneAway          []string `toml:"gone_away"`           // "on holiday", "moved out": the family away, which with NotTold is contact avoided
	NotTold           []string `toml:"not_told"`            // "without telling us", "not told to us": the worker not told, which with GoneAway is contact avoided
	NotAlone          []string `toml:"not_alone"`           // "not seen alone", "stayed in the room throughout"
	NotDone           []string `toml:"not_done"`            // "not seen", "not ascertained", "see notes": no answer
	NonVerbal         []string `toml:"non_verbal"`          // "non-verbal", "has no speech": how a child communicates, not what they wish
	StatusNotes       []string `toml:"status_notes"`        // "DNA", "apologies", "awaiting": a note after a name saying it was not done
	PresentNotes      []string `toml:"present_notes"`       // "not the chair", "not well": a note holding a status word that says the person was there
	Deferrals         []string `toml:"deferrals"`           // "to follow", "requested", "awaited": not given yet
	BedroomNotSeen    []string `toml:"bedroom_not_seen"`    // "did not see * bedroom", "would not let me go upstairs"
	NotFaceToFace     []string `toml:"not_face_to_face"`    // "virtual visit", "seen on a video call": the child not seen face to face
	ChildNotSeen      []string `toml:"child_not_seen"`      // "Ellie not seen", "did not see her": the child not seen at all
	ChildAsleep       []string `toml:"child_asleep"`        // "Mum said Ellie was asleep", "did not wake her": the child asleep through the visit
	Births            []string `toml:"births"`              // "{child} was born", "gave birth to {child}": an unborn child born, in a visit's words
	PlanDeferred      []string `toml:"plan_deferred"`       // "agree", "drawn": verbs putting a plan section off ("will agree a contingency plan")
	Approvals         []string `toml:"approvals"`           // "agreed", "approved", "signed off": words saying who agreed, which say no why ("Agreed by chair")
	OutcomesAsBefore  []string `toml:"outcomes_as_before"`  // "unchanged", "as agreed at ICPC": a conference keeping the outcomes agreed before
	LeadWorkerGone    []string `toml:"lead_worker_gone"`    // "left", "to be reallocated": a note after the lead worker's name saying they are no longer the child's lead worker
}

// lowerWords returns the lower-case words of list as a set.
func lowerWords(list []string) map[string]bool {
	out := make(map[string]bool, len(list))
	for _, l := range list {
		for _, w := range words(l) {
			out[w] = true
		}
	}
	return out
}

// keyWords returns, for each phrase (as its words), its longest word of
// lower-case ASCII letters only, once each: an ASCII text that says the
// phrase holds that word, in any case (containsAnyFold). nil when a phrase
// has no such word.
func keyWords(phrases [][]string) []string {
	var keys []string
	for _, ph := range phrases {
		key := ""
		for _, w := range ph {
			if len(w) > len(key) && strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
				key = w
			}
		}
		if key == "" {
			return nil
		}
		if !slices.Contains(keys, key) {
			keys = append(keys, key)
		}
	}
	return keys
}

// phraseSplits returns each of list as its words; empty ones left out.
func phraseSplits(list []string) [][]string {
	out := make([][]string, 0, len(list))
	for _, l := range list {
		if w := words(l); len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// phrases returns each of list as its words joined by single spaces, for
// hasPhrase; empty ones left out.
func phrases(list []string) []string {
	out := make([]string, 0, len(list))
	for _, l := range list {
		if w := strings.Join(words(l), " "); w != "" {
			out = append(out, w)
		}
	}
	return out
}
