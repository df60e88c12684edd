package citemplates

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/caselint/caselint/checks"
	"github.com/caselint/caselint/cmd/caselint/internal/iostreams"
	"github.com/caselint/caselint/cmd/caselint/internal/lintcmd"
	"github.com/caselint/caselint/internal/gittest"
)

// version is the caselint release the templates install.
const version = "v0.1.0"

// template reads docs/ci/name.
func template(t *testing.T, name string) (string, []byte) {
	t.Helper()
	p := filepath.Join("..", "..", "..", "..", "docs", "ci", name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, data
}

// decodeStrict decodes a template into v, refusing any key v does not
// name: the structs below hold only keys the forge documents.
func decodeStrict(t *testing.T, data []byte, v any) {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatal(err)
	}
}

// requireTool finds a linter on PATH (or in GOPATH/bin, where go install
// puts it): a skip on a developer's machine without it, a failure under
// CI, where .ci/run installs it.
func requireTool(t *testing.T, name, install string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(out)), "bin", name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set but there is no %s (.ci/run installs it: %s)", name, install)
	}
	t.Skipf("no %s: install it (%s) to lint this template; CI does", name, install)
	return ""
}

// lintCommands returns each caselint lint command of a script, as words.
func lintCommands(script string) [][]string {
	var out [][]string
	for _, line := range strings.Split(script, "\n") {
		_, rest, ok := strings.Cut(line, "caselint\" lint")
		if !ok {
			if _, rest, ok = strings.Cut(line, "caselint lint"); !ok {
				continue
			}
		}
		rest, _, _ = strings.Cut(rest, "||")
		var words []string
		for _, w := range strings.Fields(rest) {
			words = append(words, strings.Trim(w, `"`))
		}
		out = append(out, words)
	}
	return out
}

// checkFlags parses each caselint lint command with the lint command's
// flags: a template must not pass a flag caselint does not have.
func checkFlags(t *testing.T, cmds [][]string) {
	t.Helper()
	for _, words := range cmds {
		cmd := lintcmd.NewCmdLint(iostreams.System(), checks.All(), "test", func(*lintcmd.Options) error { return nil })
		if err := cmd.ParseFlags(words); err != nil {
			t.Errorf("caselint lint %s: %v", strings.Join(words, " "), err)
		}
	}
}

// flagValue is the value of --name (or its short form) in words.
func flagValue(words []string, names ...string) string {
	for i, w := range words {
		for _, n := range names {
			if w == n && i+1 < len(words) {
				return words[i+1]
			}
			if v, ok := strings.CutPrefix(w, n+"="); ok {
				return v
			}
		}
	}
	return ""
}

func has(words []string, flag string) bool {
	for _, w := range words {
		if w == flag || strings.HasPrefix(w, flag+"=") {
			return true
		}
	}
	return false
}

// reportCommand is the one lint command of cmds writing format to a file:
// the full report, which must never be --new-from-rev's subset (that tells
// the forge every older finding is fixed).
func reportCommand(t *testing.T, cmds [][]string, format string) []string {
	t.Helper()
	var found []string
	for _, words := range cmds {
		if flagValue(words, "--format") == format {
			if found != nil {
				t.Errorf("two --format %s commands", format)
			}
			found = words
		}
	}
	if found == nil {
		t.Fatalf("no caselint lint --format %s", format)
	}
	if has(found, "--new-from-rev") {
		t.Errorf("the %s report is made with --new-from-rev: %v", format, found)
	}
	if flagValue(found, "--output", "-o") == "" {
		t.Errorf("the %s report is not written to a file: %v", format, found)
	}
	return found
}

// newFromRev checks that some command of cmds gates on what a change
// brings.
func newFromRev(t *testing.T, cmds [][]string) {
	t.Helper()
	for _, words := range cmds {
		if has(words, "--new-from-rev") {
			return
		}
	}
	t.Error("no caselint lint --new-from-rev: a change's check must fail on what it brings, not on older findings")
}

type githubWorkflow struct {
	Name        string            `yaml:"name"`
	On          yaml.Node         `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Env         map[string]string `yaml:"env"`
	Jobs        map[string]struct {
		RunsOn string `yaml:"runs-on"`
		Steps  []struct {
			Name string            `yaml:"name"`
			ID   string            `yaml:"id"`
			If   string            `yaml:"if"`
			Uses string            `yaml:"uses"`
			Run  string            `yaml:"run"`
			With map[string]string `yaml:"with"`
			Env  map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

func mappingKeys(n *yaml.Node) []string {
	var keys []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i].Value)
	}
	return keys
}

// TestGitHubActions lints docs/ci/github-actions.yml with actionlint and
// checks what issue 17 asks of it.
func TestGitHubActions(t *testing.T) {
	p, data := template(t, "github-actions.yml")
	var w githubWorkflow
	decodeStrict(t, data, &w)

	if got := strings.Join(mappingKeys(&w.On), " "); got != "push pull_request" {
		t.Errorf("on: %s, want push and pull_request (code scanning needs the base branch's analysis)", got)
	}
	want := map[string]string{"actions": "read", "contents": "read", "security-events": "write"}
	if len(w.Permissions) != len(want) {
		t.Errorf("permissions %v, want %v", w.Permissions, want)
	}
	for k, v := range want {
		if w.Permissions[k] != v {
			t.Errorf("permissions: %s: %q, want %q", k, w.Permissions[k], v)
		}
	}
	if w.Env["CASELINT_VERSION"] != version {
		t.Errorf("CASELINT_VERSION %q, want %s", w.Env["CASELINT_VERSION"], version)
	}

	var cmds [][]string
	var sarif, install, cache string
	for _, job := range w.Jobs {
		for _, s := range job.Steps {
			cmds = append(cmds, lintCommands(s.Run)...)
			switch {
			case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
				if s.Uses != "github/codeql-action/upload-sarif@v4" {
					t.Errorf("uses %s, want upload-sarif@v4", s.Uses)
				}
				sarif = s.With["sarif_file"]
			case strings.HasPrefix(s.Uses, "actions/checkout@"):
				if s.With["fetch-depth"] != "0" {
					t.Error("actions/checkout without fetch-depth: 0: the history rules and --new-from-rev need the history")
				}
			case strings.HasPrefix(s.Uses, "actions/cache@"):
				cache = s.With["key"]
			case strings.Contains(s.Run, "go install "):
				install = s.Run
			}
		}
	}
	checkFlags(t, cmds)
	full := reportCommand(t, cmds, "sarif")
	if out := flagValue(full, "--output", "-o"); sarif == "" || out != sarif {
		t.Errorf("upload-sarif uploads %q, the full report is %q", sarif, out)
	}
	newFromRev(t, cmds)
	if !strings.Contains(install, "github.com/caselint/caselint/cmd/caselint@${CASELINT_VERSION}") {
		t.Errorf("caselint is not installed at the release: %q", install)
	}
	if !strings.Contains(cache, "env.CASELINT_VERSION") {
		t.Errorf("the cache key %q does not hold the version: an upgrade would run the old binary", cache)
	}

	actionlint := requireTool(t, "actionlint", "go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12")
	out, err := exec.Command(actionlint, "-no-color", p).CombinedOutput()
	if err != nil {
		t.Errorf("actionlint %s: %v\n%s", p, err, out)
	}
}

type gitlabCI struct {
	Stages   []string `yaml:"stages"`
	Caselint struct {
		Stage     string            `yaml:"stage"`
		Image     string            `yaml:"image"`
		Variables map[string]string `yaml:"variables"`
		Cache     struct {
			Key   string   `yaml:"key"`
			Paths []string `yaml:"paths"`
		} `yaml:"cache"`
		Rules []struct {
			If string `yaml:"if"`
		} `yaml:"rules"`
		Script    []string `yaml:"script"`
		Artifacts struct {
			When    string `yaml:"when"`
			Reports struct {
				Codequality string `yaml:"codequality"`
			} `yaml:"reports"`
		} `yaml:"artifacts"`
	} `yaml:"caselint"`
}

// TestGitLabCI checks docs/ci/gitlab-ci.yml against GitLab's CI schema
// (with gitlab-ci-local, which validates against it offline) and what
// issue 17 asks of it.
func TestGitLabCI(t *testing.T) {
	p, data := template(t, "gitlab-ci.yml")
	var c gitlabCI
	decodeStrict(t, data, &c)
	job := c.Caselint
	var cmds [][]string
	for _, s := range job.Script {
		cmds = append(cmds, lintCommands(s)...)
	}
	checkFlags(t, cmds)
	full := reportCommand(t, cmds, "codeclimate")
	if out := flagValue(full, "--output", "-o"); job.Artifacts.Reports.Codequality != out {
		t.Errorf("the Code Quality report is %q, caselint writes %q", job.Artifacts.Reports.Codequality, out)
	}
	if job.Artifacts.When != "always" {
		t.Errorf("artifacts when %q: the report must be kept when the job fails", job.Artifacts.When)
	}
	newFromRev(t, cmds)
	if job.Variables["GIT_DEPTH"] != "0" {
		t.Error("GIT_DEPTH is not 0: the history rules and --new-from-rev need the history")
	}
	if job.Variables["CASELINT_VERSION"] != version || !strings.Contains(job.Cache.Key, "$CASELINT_VERSION") {
		t.Errorf("CASELINT_VERSION %q, cache key %q: want %s, in the key", job.Variables["CASELINT_VERSION"], job.Cache.Key, version)
	}

	gittest.Require(t)
	glcl := requireTool(t, "gitlab-ci-local", "npm install -g gitlab-ci-local@4.65.0")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".gitlab-ci.yml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"remote", "add", "origin", "https://gitlab.example.org/team/records.git"}} {
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	cmd := exec.Command(glcl, "--list")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "json schema validated") {
		t.Errorf("gitlab-ci-local --list (GitLab's CI schema) on %s: %v\n%s", p, err, out)
	}
}

type azurePipeline struct {
	Trigger azureBranches `yaml:"trigger"`
	PR      azureBranches `yaml:"pr"`
	Pool    struct {
		VMImage string `yaml:"vmImage"`
	} `yaml:"pool"`
	Variables map[string]string `yaml:"variables"`
	Steps     []azureStep       `yaml:"steps"`
}

type azureBranches struct {
	Branches struct {
		Include []string `yaml:"include"`
	} `yaml:"branches"`
}

type azureStep struct {
	Checkout    string            `yaml:"checkout"`
	FetchDepth  *int              `yaml:"fetchDepth"`
	Task        string            `yaml:"task"`
	Script      string            `yaml:"script"`
	DisplayName string            `yaml:"displayName"`
	Condition   string            `yaml:"condition"`
	Inputs      map[string]string `yaml:"inputs"`
}

// azureTasks are the tasks the template may use, with the inputs each
// takes (Microsoft's task reference).
var azureTasks = map[string][]string{
	"Cache@2":                 {"key", "path", "cacheHitVar", "restoreKeys"},
	"PublishBuildArtifacts@1": {"PathtoPublish", "ArtifactName", "publishLocation"},
}

// TestAzurePipelines checks docs/ci/azure-pipelines.yml. There is no
// Azure Pipelines schema to be had offline (Microsoft serves it from the
// service), so the check is structural: only the keys and tasks the
// reference documents, one kind per step, and what issue 17 asks.
func TestAzurePipelines(t *testing.T) {
	_, data := template(t, "azure-pipelines.yml")
	var a azurePipeline
	decodeStrict(t, data, &a)
	if len(a.Trigger.Branches.Include) == 0 || len(a.PR.Branches.Include) == 0 {
		t.Error("trigger and pr must both name branches: runs of main and of pull requests")
	}
	if a.Variables["CASELINT_VERSION"] != version {
		t.Errorf("CASELINT_VERSION %q, want %s", a.Variables["CASELINT_VERSION"], version)
	}
	var cmds [][]string
	var published, artifact string
	for i, s := range a.Steps {
		kinds := 0
		for _, k := range []string{s.Checkout, s.Task, s.Script} {
			if k != "" {
				kinds++
			}
		}
		if kinds != 1 {
			t.Errorf("step %d: %d of checkout, task, script; want one", i, kinds)
		}
		switch {
		case s.Checkout != "":
			if s.FetchDepth == nil || *s.FetchDepth != 0 {
				t.Error("checkout without fetchDepth: 0: the history rules and --new-from-rev need the history")
			}
		case s.Task != "":
			inputs, ok := azureTasks[s.Task]
			if !ok {
				t.Errorf("step %d: task %s is not one this test knows", i, s.Task)
			}
			for k := range s.Inputs {
				if !contains(inputs, k) {
					t.Errorf("step %d: %s has no input %s", i, s.Task, k)
				}
			}
			if s.Task == "PublishBuildArtifacts@1" {
				published, artifact = s.Inputs["PathtoPublish"], s.Inputs["ArtifactName"]
				if s.Condition != "succeededOrFailed()" {
					t.Errorf("the report is published on %q: it must be on failure too", s.Condition)
				}
			}
		}
		cmds = append(cmds, lintCommands(s.Script)...)
	}
	checkFlags(t, cmds)
	full := reportCommand(t, cmds, "sarif")
	if out := flagValue(full, "--output", "-o"); published == "" || !strings.HasPrefix(out, published+"/") {
		t.Errorf("the SARIF report %q is not in the published folder %q", out, published)
	}
	if artifact != "CodeAnalysisLogs" {
		t.Errorf("artifact %q: the SARIF SAST Scans Tab reads CodeAnalysisLogs", artifact)
	}
	newFromRev(t, cmds)
	if !regexp.MustCompile(`go install "github\.com/caselint/caselint/cmd/caselint@\$\(CASELINT_VERSION\)"`).Match(data) {
		t.Error("caselint is not installed at $(CASELINT_VERSION)")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
