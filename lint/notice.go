package lint

// NoticeKind says what a Notification is about, so that code which treats
// one kind apart (the lint command sends the skipped-history notice to
// stderr alone) asks the kind and never matches the text.
type NoticeKind uint8

// The kinds of notification. Each is set where the notification is made.
const (
	NoticeOther          NoticeKind = iota // none of the kinds below
	NoticeUnreadable                       // a file or folder could not be read
	NoticeSymlink                          // a symbolic link was not followed
	NoticeNotARecord                       // a file in a case is not a record
	NoticeRuleFailed                       // a rule could not check a case
	NoticeHistorySkipped                   // the history rules were skipped (HistorySkipped)
	NoticeConfig                           // which config the report was made under
	NoticeTooLarge                         // an older version was over the size limit
	NoticeSubmodule                        // records in a git submodule
	NoticeBaseline                         // what the baseline hid, and its entries that match nothing
	NoticeBaseUnread                       // the base of --new-from-rev could not be read in full
	NoticeHistoryUnread                    // the history rules were skipped: the git history could not be read
)

var noticeKindNames = [...]string{
	NoticeOther:          "other",
	NoticeUnreadable:     "unreadable",
	NoticeSymlink:        "symlink",
	NoticeNotARecord:     "not-a-record",
	NoticeRuleFailed:     "rule-failed",
	NoticeHistorySkipped: "history-skipped",
	NoticeConfig:         "config",
	NoticeTooLarge:       "too-large",
	NoticeSubmodule:      "submodule",
	NoticeBaseline:       "baseline",
	NoticeBaseUnread:     "base-unread",
	NoticeHistoryUnread:  "history-unread",
}

func (k NoticeKind) String() string {
	if int(k) < len(noticeKindNames) {
		return noticeKindNames[k]
	}
	return "other"
}
