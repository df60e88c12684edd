package lint

import (
	"fmt"
	"strings"
)

// ProfilesMarkdown renders docs/profiles.md from the shipped profiles.
func ProfilesMarkdown() (string, error) {
	var ps []*Profile
	for _, n := range ShippedProfileNames {
		p, err := ShippedProfile(n)
		if err != nil {
			return "", err
		}
		ps = append(ps, p)
	}
	var b strings.Builder
	b.WriteString("<!-- Generated from lint/profiles.toml. Do not edit: run go test ./lint -run TestProfilesDoc -update. -->\n\n")
	b.WriteString("# Profiles and the config file\n\n")
	b.WriteString("A profile is the set of numbers a procedure sets, and the rules that are on. caselint ships one profile per procedure and `combined`, which applies both: where their numbers differ, the stricter wins. \"off\" means the procedure sets no such requirement, and the rule that checks it stays quiet.\n\n")
	b.WriteString("| key | requirement | source |")
	for _, p := range ps {
		fmt.Fprintf(&b, " `%s` |", p.Name)
	}
	b.WriteString("\n|---|---|---|")
	for range ps {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, pp := range profileParams {
		fmt.Fprintf(&b, "| `%s` | %s | %s |", pp.key, pp.what, pp.cites)
		for _, p := range ps {
			fmt.Fprintf(&b, " %s |", pp.show(p))
		}
		b.WriteString("\n")
	}
	b.WriteString(`
Intervals are written as the procedures word them: "28 working days",
"2 weeks", "1 month", "6 weeks". Working days are Monday to Friday less the
bank holidays of England and Wales (shipped from GOV.UK's list, 2015 to
2028) and any closures the config adds. "Within N working days of X" means on
or before the Nth working day after X, X itself being day 0. A month is the
same day of the next month, or its last day when it is shorter: 31 January
plus one month is 28 (or 29) February.

## Word lists

The lists rules match against, shared by the shipped profiles. A config's
lists are added to these, never replace them.

`)
	w := ps[0].Words
	for _, l := range wordLists {
		words := l.words(&w).Interface().([]string)
		quoted := make([]string, len(words))
		for i, x := range words {
			quoted[i] = "`" + x + "`"
		}
		fmt.Fprintf(&b, "- `%s`: %s: %s.\n", l.key, l.what, strings.Join(quoted, ", "))
	}
	b.WriteString(`
## The config file

caselint reads the file ` + "`--config`" + ` names for every case; else each case
is linted under its own config: the nearest ` + "`.caselint.toml`" + ` in the case's
folder or a folder above it, looking no higher than the root of the tree
it reads: the repository's work tree, or, outside a repository, the
working folder (when the paths are below it) or else the folder linted.
So a config applies to the records below it, and a nearer one wins (as
staticcheck reads its config per directory): ` + "`cases/.caselint.toml`" + `
applies to every case under ` + "`cases/`" + `, whether you lint from the
repository root, from ` + "`cases/`" + ` or from a case folder, and
` + "`cases/T-1/.caselint.toml`" + ` to ` + "`T-1`" + ` alone. A ` + "`.caselint.toml`" + ` above the
repository (say ` + "`/tmp/.caselint.toml`" + ` above a clone in ` + "`/tmp`" + `) is never
read. The same rule holds in every mode, in the tree the records are read
from: the work tree by default, the index under ` + "`--staged`" + ` (the staged
config, not the file as it is now), the commit under ` + "`--rev`" + ` (the config
that commit holds). So a pre-commit hook and CI read the same configs for
the same content. ` + "`-v`" + ` (` + "`--verbose`" + `) says on stderr which config applied
to which case folder (` + "`caselint: cases/T-1: config cases/.caselint.toml`" + `).

- A ` + "`.caselint.toml`" + ` that is a symbolic link, or not a regular file, is an
  error (exit 2) in every mode, whether the link leads out of the
  repository or not: commit the config itself.
- Cases under different configs are linted in one run, each under its
  own (its profile, rules, closures, ` + "`as_of`" + ` and size limit); the run's
  exit status is that of all of them. A config inside a case folder's
  subfolders (` + "`cases/T-1/visits/.caselint.toml`" + `) is not read: a case is
  linted as a whole, under the config of its folder.
- The report names the configs it was made under, relative to the root,
  as a notice: ` + "`caselint: notice: config: cases/.caselint.toml`" + `, or
  ` + "`configs: .caselint.toml, cases/T-1/.caselint.toml`" + ` (in JSON,
  a notification; in SARIF, a tool execution notification). A ` + "`--config`" + `
  file outside the tree is named by its file name alone. A config whose
  ` + "`as_of`" + ` the run followed (no ` + "`--as-of`" + `) says so, with the day:
  ` + "`config: cases/.caselint.toml (as_of: its cases are read as of 6 January 2026, whatever the day today)`" + `,
  as the summary names no day. So does a config that turns off, or
  lowers, a rule its procedure's profile has on:
  ` + "`config: cases/T-1/.caselint.toml (turns off unseen-child; makes missing-not-seen-reason a note)`" + `,
  as "no problems" under it is not that no child went unseen.
- A config over 128 KB, or nesting arrays or inline tables more than 10
  deep, is refused before it is parsed, with its line and column (the
  limits of a record's frontmatter, see [robustness](robustness.md)).

` + "`caselint new`" + ` reads the config the same way, from the case folder up.
Every config error names the file, line and column and says what is
allowed: an unknown key (with "did you mean"), an unknown rule id, a
setting that is not ` + "`on`" + `, ` + "`off`" + `, ` + "`error`" + `, ` + "`warning`" + ` or ` + "`note`" + `, or a value
of the wrong type (` + "`closures is a string; it must be a list, such as\n[2026-12-24, 2026-12-29]`" + `).

` + "```toml" + `
profile = "our-authority"              # a shipped profile or one defined below; --profile overrides
as_of = 2026-11-20                     # optional: read the records as of this day; --as-of overrides
closures = [2026-12-29, 2026-12-30]    # days the authority is closed besides bank holidays
max_file_size = "2 MB"                 # records larger are reported, not read (default 8 MB)

[rules]                                # on, off, error, warning or note
unseen-bedroom = "error"
late-minutes = "off"

[profiles.our-authority]
extends = "stoke-on-trent"             # required: a shipped profile or another defined here
seen_alone_every = "10 working days"   # any key of the table above
core_group_every = "28 days"

[profiles.our-authority.words]
non_specific_labels = ["kicking off"]
` + "```" + `

` + "`as_of`" + ` is for a folder read as it stood on one day, such as a training
exercise (` + "`caselint exercise start`" + ` writes one with the exercise's profile
and date): ` + "`caselint lint`" + ` there reads the records as of that day instead of
today (or, under ` + "`--rev`" + `, the commit's date); ` + "`--as-of`" + ` overrides it. It is
a date alone, without a time, a time zone or quotes; anything else is an
error at its line.

A profile's own ` + "`[profiles.NAME.rules]`" + ` table sets rules the same way.
Which rules are on, and which procedure the messages cite, follow the
shipped profile the custom one extends (a rule is on only where that
procedure asks for it); the record hygiene rules (` + "`invalid-record`, `unexplained-suppression`" + `) cannot be
turned off, and ` + "`invalid-record`" + ` stays an error: set to ` + "`warning`" + ` or ` + "`note`" + ` it would let a
run pass with a record caselint could not read, so a config saying so is an
error at its line.
`)
	return b.String(), nil
}
