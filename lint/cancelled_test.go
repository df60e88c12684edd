package lint

import "testing"

func TestSentenceCancels(t *testing.T) {
	for s, want := range map[string]bool{
		"meeting cancelled":    true,
		"## meeting cancelled": true,
		"this core group was cancelled as no professionals came": true,
		"the meeting did not go ahead":                           true,
		"core group - cancelled":                                 true,
		"core group 29/10/26 - cancelled":                        true,
		"cg did not take place":                                  true,
		"cancelled":                                              true,
		"**cancelled** due to snow":                              true,
		"today's meeting had to be cancelled":                    true,
		"the meeting was called off":                             true,
		"the last meeting was cancelled":                         false,
		"the meeting set for 24 september was cancelled because priya was on leave": false,
		"next meeting cancelled for half term":                                      false,
		"dad's contact was cancelled":                                               false,
		"the review conference planned for today did not go ahead":                  false,
		"this meeting was postponed from 22 october":                                false,
		"meeting held at school":                                                    false,
		"cancelledness":                                                             false,
		"meeting cancelled on 3 march":                                              false,
		"cancelled on monday as the school was closed":                              false,
		"core group cancelled on the day as nobody came":                            true,
		"meeting cancelled as only the sw came":                                     true,
		"":                                                                          false,
	} {
		if got := sentenceCancels(s); got != want {
			t.Errorf("sentenceCancels(%q) = %v, want %v", s, got, want)
		}
	}
	if mayCancel([]byte("## Progress\nAll well.\n")) || !mayCancel([]byte("CANCELLED")) {
		t.Error("mayCancel")
	}
}

func TestBodyBlocksJoinWrappedLines(t *testing.T) {
	cancels := func(body string) bool {
		onlyThis := heldInPlace(body)
		for _, b := range bodyBlocks(body) {
			for _, s := range splitSentences(b) {
				if sentenceCancelsThis(s, onlyThis) {
					return true
				}
			}
		}
		return false
	}
	for body, want := range map[string]bool{
		"## progress\nthe meeting set for 21 february was\ncancelled because of snow.\n":      false,
		"## progress\ndad's contact was\ncancelled last week.\n":                              false,
		"## progress\nmeeting\ncancelled: only the sw came.\n":                                true,
		"# core group - cancelled\n\nnotes.\n":                                                true,
		"- meeting did not go ahead\n":                                                        true,
		"## attendance\nrearranged from 3 march (cancelled due to snow).\n":                   false,
		"## notes\ncancelled meeting of 3 march rearranged to today.\n":                       false,
		"## notes\nmeeting cancelled on 3 march; held today instead.\n":                       false,
		"## notes\nthis meeting replaces the one cancelled on 3 march.\n":                     false,
		"## notes\nrearranged from 3 march. this meeting was also cancelled: nobody came.\n":  true,
		"## notes\nmeeting cancelled: only the sw and mum came; rearranged for 5 november.\n": true,
	} {
		if got := cancels(body); got != want {
			t.Errorf("cancelled(%q) = %v, want %v", body, got, want)
		}
	}
}
