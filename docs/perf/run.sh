#!/usr/bin/env bash
# Reproduces the table of docs/performance.md: makes the corpora, runs the
# benchmarks (-benchmem, GOMAXPROCS 1 and 2), measures the built binary's
# peak memory (/usr/bin/time -v) and a --staged run, times markdownlint-cli2
# and Vale on the same corpus, and prints the table.
#
#   docs/perf/run.sh [WORK]     WORK: where everything goes (default /tmp/caselint-perf, ~1.5 GB)
#
# Environment: COUNT (repetitions of each benchmark, default 5; the table
# takes the fastest, the least disturbed by anything else on the machine),
# TOOLS=0 to skip markdownlint-cli2 and Vale, GROWTH=0 to skip the 1,000 and
# 10,000 case runs, QUIET (default 85): before each repetition, wait until
# the machine's CPUs are this many percent idle (waiting QUIET_WAIT seconds
# in all at most, default 1800), so that a shared machine's other work
# disturbs the timings as little as it can; QUIET=0 does not wait. Needs Go, git, /usr/bin/time
# and, for the comparison, node/npm and a C compiler (Vale is built with go
# install).
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/caselint-perf}
count=${COUNT:-5}
asof=2026-11-20
mkdir -p "$work"
work=$(cd "$work" && pwd)
times="$work/times.txt"
: >"$times"
log() { printf '%s\n' "$*" >&2; }

# idle prints the percentage of CPU time the machine spent idle over the
# next two seconds.
idle() {
	local a b
	a=$(awk '/^cpu / {print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat)
	sleep 2
	b=$(awk '/^cpu / {print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6}' /proc/stat)
	echo "$a $b" | awk '{t=$3-$1; i=$4-$2; if (t<=0) print 100; else printf "%d\n", 100*i/t}'
}

# quiet waits until the machine is idle enough to time something on it, as
# long as the run's budget of waiting (QUIET_WAIT seconds in all) lasts.
waited=0
quiet() {
	local want=${QUIET:-85} now
	[ "$want" = 0 ] && return 0
	while now=$(idle); [ "$now" -lt "$want" ]; do
		if [ "$waited" -ge "${QUIET_WAIT:-1800}" ]; then
			echo "busy $(date +%T) ${now}" >>"$times"
			return 0
		fi
		sleep 8
		waited=$((waited + 10))
	done
}

cd "$repo"
log "building caselint"
go build -o "$work/caselint" ./cmd/caselint
cl="$work/caselint"

# The corpora: seed 1, a quarter of the cases with seeded defects, written
# up to the as-of date. The same options as internal/synth/synthtest's.
for n in 1000 3000 10000; do
	if [ ! -d "$work/c$n/cases" ]; then
		log "generating $n cases"
		"$cl" corpus "$work/c$n" --cases "$n" --seed 1 --defects 0.25 --as-of "$asof" >/dev/null
	fi
done
if [ ! -d "$work/r3000/.git" ]; then
	log "generating 3000 cases as a repository of 1500 commits"
	"$cl" corpus "$work/r3000" --cases 3000 --seed 1 --defects 0.25 --as-of "$asof" --git --commits 1500 >/dev/null
fi
echo "files c3000 $(find "$work/c3000/cases" -name '*.md' | wc -l)" >>"$times"
echo "bytes c3000 $(find "$work/c3000/cases" -name '*.md' -printf '%s\n' | awk '{s+=$1} END {print s}')" >>"$times"
echo "commits r3000 $(git -C "$work/r3000" rev-list --count HEAD)" >>"$times"

# The benchmarks, on the 3,000-case corpus.
export CASELINT_BENCH_CORPUS="$work/c3000" CASELINT_BENCH_REPO="$work/r3000" CASELINT_BENCH_AS_OF="$asof"
bench() { # package, pattern, cpus, count, benchtime, output
	log "go test $1 -bench '$2' -cpu $3 -count $4"
	local bin="$work/$(basename "$1").test"
	go test -c -o "$bin" "$1"
	: >"$work/$6"
	for _ in $(seq "$4"); do
		for cpu in ${3//,/ }; do
			quiet
			(cd "$1" && "$bin" -test.run '^$' -test.bench "$2" -test.benchmem -test.cpu "$cpu" -test.benchtime "$5" -test.timeout 2h) |
				tee -a "$work/$6" | grep '^Benchmark' >&2 || true
		done
	done
}
bench ./schema 'CaselintParse$' 1,2 "$count" 2x bench-parse.txt
bench ./lint 'LibFloor$|Lint$|LintNoRules$' 1,2 "$count" 2x bench-lint.txt
bench ./lint 'LintFamily' 2 3 2x bench-family.txt
bench ./lint 'LintWithHistory$|HistoryIndex$|HistoryCached$' 2 3 2x bench-history.txt
bench ./internal/vcs 'StagedIndex$' 2 3 1s bench-index.txt
bench ./cmd/caselint/internal/lintcmd 'Staged$|NewFromRevLast$' 2 3 5x bench-staged.txt
bench ./report 'SARIF' 2 3 1s bench-report.txt
bench ./report 'Stream100k' 2 1 2x bench-stream.txt
if [ "${GROWTH:-1}" != 0 ]; then
	for n in 1000 10000; do
		CASELINT_BENCH_CORPUS="$work/c$n" bench ./lint 'Lint$' 2 3 1x "bench-growth-$n.txt"
	done
fi

# The built binary: wall time and peak memory of a whole lint, the
# fastest of three (of one for the other tools, which take minutes).
# (The minor page faults of the fastest run are kept too: on some virtual
# machines a first touch of memory is slow; docs/perf/pagefault.go measures
# it.)
run() { # label, dir, program, args...
	local label=$1 dir=$2
	shift 2
	local best="" rss=0 faults=0 cpu=""
	for _ in $(seq "${REPS:-3}"); do
		quiet
		(cd "$dir" && /usr/bin/time -v "$@" >/dev/null 2>"$work/time.err") || true
		local wall kb f c
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.err")
		kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.err")
		f=$(awk -F': ' '/Minor .* page faults/ {print $2}' "$work/time.err")
		# CPU time, user + system: what the run cost, whatever else ran.
		c=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$work/time.err")
		if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall faults=$f; fi
		if [ -z "$cpu" ] || awk "BEGIN{exit !($c < $cpu)}"; then cpu=$c; fi
		if [ "$kb" -gt "$rss" ]; then rss=$kb; fi
	done
	log "$label: ${best}s, CPU ${cpu}s, ${rss} KB"
	echo "cpu $label $cpu" >>"$times"
	echo "wall $label $best" >>"$times"
	echo "rss $label $rss" >>"$times"
	echo "faults $label $faults" >>"$times"
}
# The floor program (docs/perf/floor.go: internal/libfloor, the libraries
# alone) on the same folder, on two cores and on one, to set the binary
# against in CPU time.
go build -o "$work/floor" docs/perf/floor.go
run "c3000-floor" "$work/c3000" "$work/floor" cases
GOMAXPROCS=1 run "c3000-floor-1cpu" "$work/c3000" "$work/floor" cases
for n in 1000 3000 10000; do
	if [ "$n" = 3000 ] || [ "${GROWTH:-1}" != 0 ]; then
		run "c$n" "$work/c$n" "$cl" lint --as-of "$asof" cases
		GOMAXPROCS=1 run "c$n-1cpu" "$work/c$n" "$cl" lint --as-of "$asof" cases
		# With Go's default collector instead of caselint's memory budget
		# (internal/gcbudget): a GOGC in the environment turns the budget off.
		GOGC=100 run "c$n-gc" "$work/c$n" "$cl" lint --as-of "$asof" cases
	fi
done
# In the repository: the first run in a clone (no history cache yet: it
# reads every commit and writes the cache), then the runs after it.
cold() { rm -rf .git/caselint && exec "$@"; }
export -f cold
run r3000-cold "$work/r3000" bash -c 'cold "$@"' cold "$cl" lint --as-of "$asof" cases
run r3000 "$work/r3000" "$cl" lint --as-of "$asof" cases
GOGC=100 run r3000-cold-gc "$work/r3000" bash -c 'cold "$@"' cold "$cl" lint --as-of "$asof" cases

# A pre-commit run: five records changed and staged in the repository.
staged=$(git -C "$work/r3000" ls-files 'cases/*/visits/*.md' | awk 'NR % 4001 == 1' | head -5)
for f in $staged; do
	printf '\nAddendum: the family hub confirmed the next appointment.\n' >>"$work/r3000/$f"
	git -C "$work/r3000" add "$f"
done
echo "staged r3000 $(git -C "$work/r3000" diff --cached --name-only | wc -l)" >>"$times"
# The first hook runs in a clone find no cache, build the staged cases'
# history alone and write none; a run of every case writes it, as after
# the first `caselint lint` in the clone, and the hook reads it then.
run staged-cold "$work/r3000" bash -c 'cold "$@"' cold "$cl" lint --staged --as-of "$asof"
(cd "$work/r3000" && "$cl" lint --as-of "$asof" cases >/dev/null) || true
run staged "$work/r3000" "$cl" lint --staged --as-of "$asof"
git -C "$work/r3000" reset -q --hard HEAD

# A review of the last commit: --new-from-rev HEAD~1 on the work tree,
# against a plain lint of the cases that commit touched, and git status,
# which makes the scan --new-from-rev makes to find what changed (the
# floor of finding it, as git itself does it).
touched=$(git -C "$work/r3000" diff --name-only HEAD~1 HEAD -- 'cases/*' | cut -d/ -f1-2 | sort -u |
	while read -r c; do [ -d "$work/r3000/$c" ] && echo "$c"; done)
echo "touched r3000 $(echo "$touched" | grep -c .)" >>"$times"
run new-from-rev "$work/r3000" "$cl" lint --as-of "$asof" --new-from-rev HEAD~1 .
# shellcheck disable=SC2086 # one argument a case folder
run changed "$work/r3000" "$cl" lint --as-of "$asof" $touched
run git-status "$work/r3000" git status --porcelain

# The same corpus through markdownlint-cli2 (npm) and Vale (Go), with their
# default rules.
if [ "${TOOLS:-1}" != 0 ]; then
	if [ ! -x "$work/npm/node_modules/.bin/markdownlint-cli2" ]; then
		log "installing markdownlint-cli2"
		mkdir -p "$work/npm"
		(cd "$work/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund markdownlint-cli2 >/dev/null)
	fi
	echo "version markdownlint-cli2 $(sed -n 's/^ *"version": "\(.*\)",*$/\1/p' "$work/npm/node_modules/markdownlint-cli2/package.json" | head -1)" >>"$times"
	REPS=1 run markdownlint-cli2 "$work/c3000" "$work/npm/node_modules/.bin/markdownlint-cli2" 'cases/**/*.md'
	if [ ! -x "$work/bin/vale" ]; then
		log "installing Vale"
		# Later versions need a module version the Go proxy no longer serves.
		GOBIN="$work/bin" GOFLAGS= go install github.com/vale-cli/vale/v3/cmd/vale@v3.20.0 || true
	fi
	if [ -x "$work/bin/vale" ]; then
		echo "version vale v3.20.0" >>"$times"
		mkdir -p "$work/vale"
		printf 'MinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Vale\n' >"$work/vale/.vale.ini"
		REPS=1 run vale "$work/c3000" "$work/bin/vale" --config "$work/vale/.vale.ini" --output line cases
	fi
fi

{
	echo "machine $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(go version | cut -d' ' -f3)"
	echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "pagefault $(go run docs/perf/pagefault.go)"
} >>"$times"
go run docs/perf/summarize.go "$work"
