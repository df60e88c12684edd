package checks

import "github.com/caselint/caselint/lint"

// history are the rules that read the records' git history: when each
// record was committed and how it changed since. They need a repository
// with its full history; elsewhere the engine skips them with a notice.
var history = []*lint.Rule{
	LateRecording,
	RecordedBeforeEvent,
	RewrittenRecord,
}
