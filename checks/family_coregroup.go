package checks

import "github.com/caselint/caselint/lint"

// coreGroup are the rules on the core group's meetings and minutes.
var coreGroup = []*lint.Rule{
	LateFirstCoreGroup,
	OverdueCoreGroup,
	LateMinutes,
	AbsentMemberWithoutReport,
	FirstCoreGroupNotAsSet,
	MissingAbsentViews,
	MissedCoreGroups,
	UnchairedCoreGroup,
}
