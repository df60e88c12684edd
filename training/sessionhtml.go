package training

import (
	"html/template"
	"io"
	"sync"
)

// The session report as a printable HTML page: one file, its CSS inline, no
// script, no image, no link to fetch; it prints on A4 with each trainee's
// record starting on a new page, so a newly qualified worker can keep their
// own pages as evidence of learning. Everything shown is escaped by
// html/template: names, notes and reasons are the trainees' own words.

// WriteHTML writes the session report as a self-contained HTML page. The
// cohort's summary and the trainer notes come first (for the trainer);
// each trainee's record follows on a page of its own. A Session made by
// Only holds one trainee's record and nothing else.
func (s *Session) WriteHTML(w io.Writer) error {
	data := struct {
		S        *Session
		Cohort   bool
		Trainees [][]*Result
	}{S: s, Cohort: !s.single, Trainees: s.ByTrainee()}
	return sessionPage().Execute(w, data)
}

// sessionPage is parsed when a session page is first written, not when
// the program starts.
var sessionPage = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("session").Funcs(template.FuncMap{
		"when":  When,
		"pr":    pr, // what a trainee wrote, shown as the text report shows it: no control or bidi character acts on the page
		"count": func(n int, one, many string) string { return plural(n, one, many) },
		"byStatus": func(items []ResultItem, status string) []ResultItem {
			var out []ResultItem
			for _, it := range items {
				if it.Status == status {
					out = append(out, it)
				}
			}
			return out
		},
		"ruleTitle":  func(s *Session, id string) string { return s.RuleTitles[id] },
		"otherItems": otherItems,
	}).Parse(sessionTemplate))
})

const sessionTemplate = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{if .Cohort}}Training session report{{else}}Record of training{{with index .Trainees 0}}{{with index . 0}}: {{pr .TraineeLabel}}{{end}}{{end}}{{end}}</title>
<style>
@page { size: A4; margin: 16mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; background: #fff; margin: 0 auto; max-width: 180mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; border-bottom: 1px solid #444; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
p.sub { color: #444; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #888; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; }
dl.facts { display: grid; grid-template-columns: 38mm 1fr; gap: 0.5mm 3mm; margin: 2mm 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
ul { margin: 1mm 0 2mm; padding-left: 6mm; }
li { margin: 0.5mm 0; break-inside: avoid; page-break-inside: avoid; }
code { font-family: Consolas, "Courier New", monospace; font-size: 10pt; }
.quote { font-style: italic; }
.warn { border-left: 3px solid #a00; padding-left: 2mm; }
.trainer { border: 1px solid #888; padding: 2mm 4mm; margin: 4mm 0; }
section.record { break-before: page; page-break-before: always; }
section.record:first-child { break-before: auto; page-break-before: auto; }
article { break-inside: avoid-page; }
.sign { margin-top: 10mm; }
.sign span { display: inline-block; min-width: 70mm; border-bottom: 1px solid #111; margin-right: 8mm; }
footer { margin-top: 6mm; font-size: 9pt; color: #444; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
{{- if .Cohort}}
<section class="cohort">
<h1>Training session report</h1>
<p class="sub">Made {{when .S.Made}}: {{count (len .Trainees) "trainee" "trainees"}}, {{count (len .S.Exercises) "exercise" "exercises"}}. For the trainer: the records of each trainee follow, each on its own pages. Every case in the exercises is fictional.</p>
{{- if .S.Results}}
<table>
<thead><tr><th>Trainee</th><th>Exercise</th><th>Mode</th><th>Score</th><th>Attempts</th><th>Changed evidence</th><th>Suppressed</th></tr></thead>
<tbody>
{{- range .S.Results}}
<tr><td>{{pr .TraineeLabel}}</td><td>{{pr .Exercise.Title}}</td><td>{{.Mode}}</td><td>{{.ScoreText}}</td><td class="n">{{.AttemptCount}}</td><td class="n">{{len .ChangedEvidence}}</td><td class="n">{{len .Suppressions}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
{{- if .S.Unmarked}}
<h2>Not marked</h2>
<ul class="warn">
{{- range .S.Unmarked}}
<li><code>{{pr .Folder}}</code>: {{pr .Error}}</li>
{{- end}}
</ul>
{{- end}}
{{- range .S.Exercises}}
{{- if .Notes}}
<div class="trainer">
<h2>Trainer notes: {{pr .Title}}</h2>
<p class="sub">{{pr .Name}}, level {{.Level}}, {{pr .Profile}}; {{count .Trainees "trainee" "trainees"}} in this session. For the trainer only.</p>
{{- range .Notes.Sections}}
<h3>{{pr .Heading}}</h3>
<ul>{{range .Points}}<li>{{pr .}}</li>{{end}}</ul>
{{- end}}
</div>
{{- end}}
{{- end}}
</section>
{{- end}}
{{- $s := .S}}
{{- range .Trainees}}
<section class="record">
{{- with index . 0}}
<h1>Record of training: {{pr .TraineeLabel}}</h1>
{{- end}}
<p class="sub">caselint training exercises, marked {{when $s.Made}}. The cases are fictional; the procedures are real.</p>
{{- range .}}
<article>
<h2>{{pr .Exercise.Title}}</h2>
<dl class="facts">
<dt>Exercise</dt><dd>{{pr .Exercise.Name}}, level {{.Exercise.Level}} of 5</dd>
<dt>Procedure</dt><dd>{{pr .Exercise.Profile}}</dd>
<dt>Case read as of</dt><dd>{{.Exercise.AsOf}}</dd>
<dt>Mode</dt><dd>{{if eq .Mode "spot"}}spot: listed the problems found{{else}}fix: put the records right{{end}}</dd>
<dt>Score</dt><dd>{{.ScoreText}}{{if .Counts.New}}; {{count .Counts.New "new problem" "new problems"}} introduced{{end}}{{if .Counts.Close}}; {{.Counts.Close}} close{{end}}{{if .Counts.Discussion}}; {{.Counts.Discussion}} for discussion{{end}}{{if .Counts.NotSupported}}; {{.Counts.NotSupported}} not supported{{end}}</dd>
<dt>Attempts</dt><dd>{{.AttemptCount}}{{with .Attempts}}: first {{when (index . 0).At}}{{end}}</dd>
</dl>
{{- with byStatus .Items "fixed"}}
<h3>Put right</h3>
<ul>{{range .}}<li>{{template "rule" (ruleTitle $s .Rule)}} <code>{{pr .Rule}}</code> at <code>{{pr .Path}}:{{.Line}}</code></li>{{end}}</ul>
{{- end}}
{{- with byStatus .Items "found"}}
<h3>Found</h3>
<ul>{{range .}}<li>{{template "rule" (ruleTitle $s .Rule)}} <code>{{pr .Rule}}</code> at <code>{{pr .Path}}:{{.Line}}</code></li>{{end}}</ul>
{{- end}}
{{- with byStatus .Items "still there"}}
<h3>Still to put right</h3>
<ul>{{range .}}<li>{{template "rule" (ruleTitle $s .Rule)}} <code>{{pr .Rule}}</code> at <code>{{pr .Path}}:{{.Line}}</code>{{with .Message}}: {{pr .}}{{end}}</li>{{end}}</ul>
{{- end}}
{{- with byStatus .Items "missed"}}
<h3>Missed</h3>
<ul>{{range .}}<li>{{template "rule" (ruleTitle $s .Rule)}} <code>{{pr .Rule}}</code> at <code>{{pr .Path}}:{{.Line}}</code>{{with .Message}}: {{pr .}}{{end}}</li>{{end}}</ul>
{{- end}}
{{- with otherItems .Items}}
<h3>Not counted</h3>
<ul class="warn">{{range .}}<li>{{template "rule" (ruleTitle $s .Rule)}} <code>{{pr .Rule}}</code> at <code>{{pr .Path}}:{{.Line}}</code>: {{pr .Status}}{{with .Why}}: {{pr .}}{{end}}</li>{{end}}</ul>
{{- end}}
{{- with .ChangedEvidence}}
<h3>Changed the evidence</h3>
<p>A record is corrected by a dated entry saying what was wrong and why, not rewritten: these changes were not counted as fixes.</p>
<ul class="warn">{{range .}}<li><code>{{pr .Path}}{{if .Line}}:{{.Line}}{{end}}</code> {{pr .Kind}}: {{pr .What}}{{with .Commit}} (commit <code>{{pr .}}</code>){{end}}</li>{{end}}</ul>
{{- end}}
{{- with .Suppressions}}
<h3>Recorded as reviewed exceptions</h3>
<ul>{{range .}}<li><code>{{pr .Rule}}</code> at <code>{{pr .Path}}:{{.Line}}</code>, reason: <span class="quote">“{{pr .Reason}}”</span>{{with .Weak}}; not accepted: {{pr .}}{{end}}</li>{{end}}</ul>
{{- end}}
{{- with .New}}
<h3>Problems the edits brought in</h3>
<ul>{{range .}}<li><code>{{pr .Rule}}</code> at <code>{{pr .Path}}:{{.Line}}</code>: {{pr .Message}}</li>{{end}}</ul>
{{- end}}
{{- with .Answers}}
<h3>Answers given</h3>
<table>
<thead><tr><th>Where</th><th>Rule</th><th>Mark</th><th>Own words</th></tr></thead>
<tbody>{{range .}}<tr><td><code>{{pr .At}}</code></td><td><code>{{pr .Rule}}</code></td><td>{{.Mark}}{{with .Hint}} ({{pr .}}){{end}}</td><td>{{pr .Note}}</td></tr>{{end}}</tbody>
</table>
{{- end}}
{{- with .Attempts}}
<h3>Checks run</h3>
<ul>{{range .}}<li>{{when .At}}: {{.Mode}}, {{.Score}} of {{.Total}}</li>{{end}}</ul>
{{- end}}
</article>
{{- end}}
<p class="sign">Trainer: <span></span> Date: <span></span></p>
<footer>Produced by caselint exercise session. The scores measure the records against caselint's rules for the procedure named; the trainer's debrief is part of the learning.</footer>
</section>
{{- end}}
</body>
</html>
{{define "rule"}}{{if .}}{{.}}{{end}}{{end}}
`
