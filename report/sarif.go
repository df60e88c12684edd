package report

import (
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/caselint/caselint/lint"
	"github.com/caselint/caselint/lint/ruledoc"
	"github.com/caselint/caselint/schema"
)

// The SARIF constants caselint writes.
const (
	SARIFSchema     = "https://json.schemastore.org/sarif-2.1.0.json"
	SARIFVersion    = "2.1.0"
	SARIFSrcRoot    = "%SRCROOT%"   // the uriBaseId of every path: the root linted
	FingerprintKey  = "caselint/v1" // the partialFingerprints key of Finding.Fingerprint
	sarifColumnKind = "utf16CodeUnits"
)

// sarifAutomationDetails is a run's automationDetails: its id is the
// category (Options.Category).
type sarifAutomationDetails struct {
	ID string `json:"id"`
}

// sarifBase is an originalUriBaseIds entry. It has no uri: the root's
// absolute path is withheld, and a consumer (code scanning, Azure DevOps,
// reviewdog) takes relative URIs against the checkout's root.
type sarifBase struct {
	Description sarifText `json:"description"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string      `json:"name"`
	Version         string      `json:"version,omitempty"`
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules,omitempty"`
}

type sarifRule struct {
	ID                   string               `json:"id"`
	Name                 string               `json:"name"`
	ShortDescription     sarifText            `json:"shortDescription"`
	FullDescription      *sarifText           `json:"fullDescription,omitempty"`
	Help                 *sarifHelp           `json:"help,omitempty"`
	HelpURI              string               `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration   `json:"defaultConfiguration"`
	Properties           *sarifRuleProperties `json:"properties,omitempty"`
}

// sarifText is a message or a multiformatMessageString with text only. The
// text is never omitted: SARIF requires it.
type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

// sarifConfiguration is a rule's defaultConfiguration, from the config the
// report was made under: its level, and enabled false for a rule turned
// off.
type sarifConfiguration struct {
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level"`
}

// sarifRuleProperties is a rule's property bag. problem.severity is what
// GitHub code scanning ranks a rule's alerts by (error, warning,
// recommendation). There is no security-severity: caselint's findings are
// about the care of children, not the security of code, and a
// security-severity would file them as security alerts with a CVSS-style
// rating they do not have (docs/decisions.md, issue 17).
type sarifRuleProperties struct {
	Tags            []string `json:"tags,omitempty"`
	Precision       string   `json:"precision,omitempty"`
	ProblemSeverity string   `json:"problem.severity,omitempty"`
}

type sarifInvocation struct {
	Arguments                  []string            `json:"arguments,omitempty"`
	ExitCode                   int                 `json:"exitCode"`
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level,omitempty"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifVersionControl struct {
	RepositoryURI string `json:"repositoryUri"`
	RevisionID    string `json:"revisionId,omitempty"`
	Branch        string `json:"branch,omitempty"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           *int               `json:"ruleIndex,omitempty"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints *sarifFingerprints `json:"partialFingerprints,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          *sarifResultProps  `json:"properties,omitempty"`
}

// sarifResultProps is a result's property bag: the commit that last changed
// the line the result points at (Finding.Origin) and, for the git-history
// rules, the commit the result is attributed to (Finding.Attributed). Dates
// are RFC 3339, as git recorded them. A result attributed to the commit
// being made (--staged: lint.Version.Pending) has attributedPending and
// the date it is being made, and no commit or author: it has none yet.
type sarifResultProps struct {
	Commit            string `json:"commit,omitempty"`
	Author            string `json:"author,omitempty"`
	Date              string `json:"date,omitempty"`
	AttributedCommit  string `json:"attributedCommit,omitempty"`
	AttributedAuthor  string `json:"attributedAuthor,omitempty"`
	AttributedDate    string `json:"attributedDate,omitempty"`
	AttributedPending bool   `json:"attributedPending,omitempty"`
}

type sarifFingerprints struct {
	CaselintV1 string `json:"caselint/v1"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Status        string         `json:"status"`
	Justification string         `json:"justification,omitempty"`
	Location      *sarifLocation `json:"location,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// NewSARIF prints a SARIF 2.1.0 log with one run. Every rule of opts.Rules
// is described in tool.driver.rules, whether it found anything or not,
// with its defaultConfiguration from the config the report was made under
// (opts.Profile: the level it is set to, enabled false for a rule turned
// off) and its problem.severity; each result points at its rule by
// ruleIndex. Columns are UTF-16 code units (Pos.Col16); a region has an
// endLine and endColumn when the finding's extent is known (Finding.End:
// the key, the row, the words). Paths are relative URIs against
// %SRCROOT%, which originalUriBaseIds describes without its absolute value,
// left out on purpose: a report must not reveal where the records are
// kept. Suppressed findings are left out unless opts.IncludeSuppressed,
// when each is a result with an inSource suppression carrying the reason.
// opts.Category is the run's automationDetails.id. A result's properties
// carry the commit, author and date that last changed its line and, for
// the git-history rules, those of the commit it is attributed to
// (attributedCommit, attributedAuthor, attributedDate). Notifications go to
// the invocation's toolExecutionNotifications. No text of the records is
// carried: no snippet, no region text, no line. Under opts.Redact the
// rules' fullDescription and help are left out (helpUri stays), and the
// invocation's arguments are only its flags. The repositoryUri is
// RepositoryURI's (no credential, query or local path), and the arguments
// name the program "caselint" and hold no absolute path.
//
// Results are written as they arrive, between the run's tool (written by
// Begin) and its invocations (written by End).
func NewSARIF(w io.Writer, opts Options) Printer {
	return &sarifPrinter{s: newJSONStream(w), opts: opts}
}

type sarifPrinter struct {
	s       *jsonStream
	opts    Options
	index   map[string]int
	top     *jsonObject
	runs    *jsonArray
	run     *jsonObject
	results *jsonArray
}

func (p *sarifPrinter) Begin() error {
	opts := p.opts
	p.index = make(map[string]int, len(opts.Rules))
	rules := make([]sarifRule, 0, len(opts.Rules))
	configured := ruleConfigs(opts)
	for i, r := range opts.Rules {
		if _, dup := p.index[r.ID]; !dup {
			p.index[r.ID] = i
		}
		rules = append(rules, sarifRuleOf(r, configured[r.ID], opts))
	}
	p.top = p.s.object("")
	p.top.field("$schema", SARIFSchema)
	p.top.field("version", SARIFVersion)
	p.runs = p.top.array("runs")
	p.run = p.runs.object()
	p.run.field("tool", sarifTool{Driver: sarifDriver{
		Name:            "caselint",
		Version:         opts.ToolVersion,
		SemanticVersion: opts.ToolVersion,
		InformationURI:  InformationURI,
		Rules:           rules,
	}})
	if opts.Category != "" {
		p.run.field("automationDetails", sarifAutomationDetails{ID: opts.Category})
	}
	p.run.field("originalUriBaseIds", map[string]sarifBase{SARIFSrcRoot: {Description: sarifText{
		Text: "The root the records were linted from: the repository's work tree, or the working folder outside one."}}})
	p.run.field("columnKind", sarifColumnKind)
	p.results = p.run.array("results")
	return p.s.ew.err
}

func (p *sarifPrinter) Finding(f *lint.Finding) error {
	if f.Suppression != nil && !p.opts.IncludeSuppressed {
		return nil
	}
	sr := sarifResult{
		RuleID:  f.RuleID,
		Level:   sarifLevel(f.Severity),
		Message: sarifText{Text: f.Message},
	}
	if i, ok := p.index[f.RuleID]; ok {
		sr.RuleIndex = &i
	}
	if loc := sarifLocationOf(f.Path, f.Pos, f.End); loc != nil {
		sr.Locations = []sarifLocation{*loc}
	}
	if f.Fingerprint != "" {
		sr.PartialFingerprints = &sarifFingerprints{CaselintV1: f.Fingerprint}
	}
	if s := f.Suppression; s != nil {
		sr.Suppressions = []sarifSuppression{{
			Kind:          "inSource",
			Status:        "accepted",
			Justification: s.Reason,
			Location:      sarifLocationOf(f.Path, s.Pos, schema.Position{}),
		}}
	}
	sr.Properties = sarifPropsOf(f)
	p.results.add(sr)
	return p.s.ew.err
}

func (p *sarifPrinter) End(t *Tail) error {
	opts := p.opts
	p.results.close()
	inv := sarifInvocation{
		Arguments:           sarifArguments(opts),
		ExitCode:            t.ExitCode,
		ExecutionSuccessful: opts.Invocation.Successful && t.Incomplete == "",
	}
	for _, n := range t.Notifications {
		sn := sarifNotification{Message: sarifText{Text: n.Message}}
		if n.Level != 0 {
			sn.Level = sarifLevel(n.Level)
		}
		if loc := sarifLocationOf(n.Path, schema.Position{}, schema.Position{}); loc != nil {
			sn.Locations = []sarifLocation{*loc}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sn)
	}
	p.run.field("invocations", []sarifInvocation{inv})
	// SARIF requires repositoryUri; without one there is no provenance.
	// RepositoryURI leaves out credentials, queries and local paths,
	// whatever the caller passed.
	// Under Redact there is none: a repository's or a branch's name may
	// name a child as a folder may.
	if pv := opts.Provenance; pv != nil && !opts.Redact && RepositoryURI(pv.RepositoryURI) != "" {
		p.run.field("versionControlProvenance", []sarifVersionControl{{
			RepositoryURI: RepositoryURI(pv.RepositoryURI),
			RevisionID:    pv.RevisionID,
			Branch:        pv.Branch,
		}})
	}
	p.run.close()
	p.runs.close()
	p.top.close()
	p.s.ew.write("\n")
	return p.s.ew.err
}

// ruleConfig is how the config the report was made under sets a rule.
type ruleConfig struct {
	on       bool
	severity lint.Severity
}

// ruleConfigs is how opts.Profile sets each rule of opts.Rules; without a
// profile (or one that does not resolve), each rule is on at its own
// severity.
func ruleConfigs(opts Options) map[string]ruleConfig {
	out := make(map[string]ruleConfig, len(opts.Rules))
	for _, r := range opts.Rules {
		out[r.ID] = ruleConfig{on: true, severity: r.Severity}
	}
	if opts.Profile == nil {
		return out
	}
	_, sev, err := opts.Profile.Enabled(opts.Rules)
	if err != nil {
		return out // the run would have failed on it first
	}
	for _, r := range opts.Rules {
		s, on := sev[r.ID]
		if !on {
			s = r.Severity
		}
		out[r.ID] = ruleConfig{on: on, severity: s}
	}
	return out
}

// sarifArguments are the invocation's arguments as a report may carry them:
// the program is CommandName and no argument is an absolute path
// (InvocationArguments; the caller makes paths below the working folder
// relative first). Under opts.Redact only the flags are kept, without their
// values, and "lint": the paths name case folders, and the values may too.
func sarifArguments(opts Options) []string {
	args := InvocationArguments(opts.Invocation.Arguments, "")
	if !opts.Redact || len(args) == 0 {
		return args
	}
	out := []string{CommandName}
	for i, a := range args[1:] {
		switch {
		case i == 0 && a == "lint":
			out = append(out, a)
		case strings.HasPrefix(a, "--"):
			k, _, _ := strings.Cut(a, "=")
			out = append(out, k)
		case strings.HasPrefix(a, "-") && len(a) >= 2:
			out = append(out, a[:2])
		}
	}
	return out
}

// sarifPropsOf is the property bag of f's result, nil when f carries no
// commit.
func sarifPropsOf(f *lint.Finding) *sarifResultProps {
	if f.Origin == nil && f.Attributed == nil {
		return nil
	}
	p := &sarifResultProps{}
	if v := f.Origin; v != nil {
		p.Commit, p.Author, p.Date = v.Commit, v.Author, sarifTime(v.When)
	}
	if v := f.Attributed; v != nil {
		p.AttributedCommit, p.AttributedAuthor, p.AttributedDate = v.Commit, v.Author, sarifTime(v.When)
		p.AttributedPending = v.Pending
	}
	return p
}

// sarifTime is t in RFC 3339, "" for the zero time.
func sarifTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

func sarifRuleOf(r *lint.Rule, cfg ruleConfig, opts Options) sarifRule {
	sr := sarifRule{
		ID:                   r.ID,
		Name:                 camelCase(r.ID),
		ShortDescription:     sarifText{Text: r.Title},
		HelpURI:              opts.helpURI(r.ID),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(cfg.severity)},
	}
	if !cfg.on {
		off := false
		sr.DefaultConfiguration.Enabled = &off
	}
	if !opts.Redact {
		text, markdown := ruledoc.Help(r, opts.Profile.Citations(r.Cites))
		sr.FullDescription = &sarifText{Text: ruledoc.Summary(r)}
		sr.Help = &sarifHelp{Text: text, Markdown: markdown}
	}
	props := &sarifRuleProperties{Precision: "high", ProblemSeverity: problemSeverity(cfg.severity)}
	seen := map[string]bool{}
	tag := func(t string) {
		t = strings.ToValidUTF8(t, "\uFFFD") // as JSON will write it: tags must be unique
		if t != "" && !seen[t] {
			seen[t] = true
			props.Tags = append(props.Tags, t)
		}
	}
	tag(string(r.Family))
	for _, c := range opts.Profile.Citations(r.Cites) {
		tag(c.Source)
	}
	sr.Properties = props
	return sr
}

// sarifLevel is the SARIF level of a severity; "none" for a rule turned off.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Note:
		return "note"
	}
	return "none"
}

// problemSeverity is GitHub code scanning's problem.severity of a rule at
// severity s.
func problemSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "recommendation"
}

// sarifLocationOf is the location of a path, with a region when start is
// valid, which ends at end when end is valid and after start; nil when
// there is no path.
func sarifLocationOf(path string, start, end schema.Position) *sarifLocation {
	if path == "" {
		return nil
	}
	loc := &sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: relativeURI(path), URIBaseID: SARIFSrcRoot},
	}}
	if start.Line > 0 {
		r := &sarifRegion{StartLine: start.Line, StartColumn: max(start.Col16, 0)}
		if end.Line > start.Line || end.Line == start.Line && end.Col16 > r.StartColumn && r.StartColumn > 0 {
			r.EndLine, r.EndColumn = end.Line, end.Col16
		}
		loc.PhysicalLocation.Region = r
	}
	return loc
}

// relativeURI turns a relative path into a relative URI reference: forward
// slashes, and every byte but letters, digits, "-", ".", "_", "~" and "/"
// percent-encoded (so "Zoë Smith/plan.md" is "Zo%C3%AB%20Smith/plan.md",
// and a ":" cannot make the first segment look like a scheme). Leading
// slashes are dropped: the path is relative to %SRCROOT%, and "//x" would
// name a host.
func relativeURI(path string) string {
	path = filepath.ToSlash(path)
	path = strings.TrimPrefix(path, "./")
	path = strings.TrimLeft(path, "/") // relative to %SRCROOT%: never "//host/..."
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// camelCase turns a rule id into a SARIF rule name:
// "missing-lead-worker" is "MissingLeadWorker".
func camelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}
