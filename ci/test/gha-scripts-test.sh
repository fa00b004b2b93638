#!/usr/bin/env bash
# Tests the scripts the workflows run (ci/gha/*.sh) against the real archbench.jar, as a workflow job
# would call them (GITHUB_OUTPUT and GITHUB_STEP_SUMMARY are files here):
#  - run.sh: a smoke run of the hidden selftest workload (its deliberately failing benchmark makes
#    archbench exit 1 and still write a record): same exit code, record path in GITHUB_OUTPUT;
#  - report.sh: skips a missing record directory, one --price per record label from ARCHBENCH_RUNNER_PRICES (longest runner name wins),
#    report exits 0, Markdown lands in the job summary, the site directory is written;
#  - compare.sh: passes when there is no baseline; otherwise exits exactly as `archbench compare`
#    does (checked against a direct call, for the record against itself and against a copy whose
#    scores are 90% worse, which must fail the check with 3), with the comparison in the job summary;
#    with --variants, a run of two variants (one of them much slower) fails it with 3.
# ARCHBENCH_JAR selects the jar (default: the launcher's build).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
# shellcheck source=ci/test/tap.sh
source "$root/ci/test/tap.sh"
trap remove_tmp_unless_failed EXIT

if [[ -n ${ARCHBENCH_JAR:-} ]]; then
  jar=$ARCHBENCH_JAR
else
  "$root/archbench" --version >/dev/null
  jar=$root/harness/target/archbench.jar
fi
# The wrapper the scripts call instead of ./archbench: logs the arguments, runs the real jar.
cat >"$tmp/archbench" <<EOF
#!/usr/bin/env bash
printf '%s\n' "\$*" >>"$tmp/archbench-calls.log"
exec java -jar "$jar" "\$@"
EOF
chmod +x "$tmp/archbench"
export ARCHBENCH_CMD=$tmp/archbench GITHUB_OUTPUT=$tmp/github-output GITHUB_STEP_SUMMARY=$tmp/summary.md
cd "$tmp"

scenario=run.sh
rc=0
ARCHBENCH_PROFILE=smoke ARCHBENCH_WORKLOADS=selftest ARCHBENCH_OUT=$tmp/results \
  "$root/ci/gha/run.sh" ubuntu-24.04-temurin17 >"$tmp/run.log" 2>&1 || rc=$?
check "exits like archbench run (1: selftest's failing benchmark)" test "$rc" -eq 1
check "calls archbench run with profile, label, out and workloads" has_match "$tmp/archbench-calls.log" \
  "^run --profile smoke --label ubuntu-24.04-temurin17 --out $tmp/results --workloads selftest$"
record=$(sed -n 's/^record=//p' "$GITHUB_OUTPUT")
check "writes record=<path> to GITHUB_OUTPUT" test -f "$record"
[[ -f $record ]] || { tap_summary gha-scripts-test; exit 1; }

# Two records as two matrix jobs would upload them: labels of both runner types.
mkdir -p "$tmp/records"
python3 - "$record" "$tmp/records" <<'EOF'
import json, sys, uuid
record = json.load(open(sys.argv[1]))
for label in ("ubuntu-24.04-temurin17", "ubuntu-24.04-arm-corretto21"):
    record["run"]["id"] = str(uuid.uuid4())
    record["run"]["label"] = label
    json.dump(record, open(f"{sys.argv[2]}/{record['run']['id']}.json", "w"), indent=2)
EOF

scenario=report.sh
rc=0
ARCHBENCH_RUNNER_PRICES="ubuntu-24.04=0.48 ubuntu-24.04-arm=0.30" \
  "$root/ci/gha/report.sh" "$tmp/report" "$tmp/site" "$tmp/records" "$tmp/no-such-dir" >"$tmp/report.log" 2>&1 || rc=$?
check "exits 0" test "$rc" -eq 0
check "prices each runner's records (longest runner name wins)" has_match "$tmp/archbench-calls.log" \
  "^report $tmp/records --format html,md,csv,json --out $tmp/report --site $tmp/site --allow-noisy --price ubuntu-24.04-arm-corretto21=0.30 --price ubuntu-24.04-temurin17=0.48$"
check "writes the Markdown into the job summary" test -s "$GITHUB_STEP_SUMMARY"
check "writes the site" test -n "$(find "$tmp/site" -type f -print -quit 2>/dev/null)"

scenario=compare.sh
mkdir -p "$tmp/empty" "$tmp/new" "$tmp/base" "$tmp/worse"
cp "$record" "$tmp/new/"
rc=0
"$root/ci/gha/compare.sh" "$tmp/empty" "$tmp/new" >"$tmp/compare-none.log" 2>&1 || rc=$?
check "passes without a baseline" test "$rc" -eq 0
check "says there is no baseline" has_match "$tmp/compare-none.log" '^::notice::no main-branch baseline'
cp "$record" "$tmp/base/"
python3 - "$record" "$tmp/worse/worse.json" <<'EOF'
import json, sys, uuid
record = json.load(open(sys.argv[1]))
record["run"]["id"] = str(uuid.uuid4())
def scale(v, f):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v * f
    if isinstance(v, list):
        return [scale(x, f) for x in v]
    if isinstance(v, dict):
        return {k: scale(x, f) for k, x in v.items()}
    return v
for r in record["results"]:
    if r.get("status") == "ok":
        f = 0.1 if r.get("higherIsBetter", True) else 1 / 0.1
        for key in ("score", "scoreError", "confidence", "percentiles", "rawData"):
            if r.get(key) is not None:
                r[key] = scale(r[key], f)
json.dump(record, open(sys.argv[2], "w"), indent=2)
EOF
for pair in "same:$tmp/new" "worse:$tmp/worse"; do
  name=${pair%%:*}
  dir=${pair#*:}
  new=$(find "$dir" -name '*.json')
  direct=0
  java -jar "$jar" compare "$record" "$new" --threshold 5% >/dev/null 2>&1 || direct=$?
  : >"$GITHUB_STEP_SUMMARY"
  rc=0
  "$root/ci/gha/compare.sh" "$tmp/base" "$dir" >"$tmp/compare-$name.log" 2>&1 || rc=$?
  check "$name: exits as archbench compare does ($direct)" test "$rc" -eq "$direct"
  check "$name: writes the comparison into the job summary" has_match "$GITHUB_STEP_SUMMARY" '^### archbench compare'
  echo "# archbench compare on $name gave $direct"
done
# The whole pipeline of the pull-request check: a much slower run fails it (a smoke record has one
# fork of two iterations: its intervals are rightly wide, so only a large change is certain).
check "a 90% worse copy fails the check (exit 3)" test "$rc" -eq 3

# The pull-request check as it runs now: base and head as paired variants of one run. Here the "head"
# runs its forks in the interpreter (-Xint), a slowdown no noise hides.
scenario="compare.sh --variants"
rc=0
ARCHBENCH_PROFILE=smoke ARCHBENCH_OUT=$tmp/variants "$root/ci/gha/run.sh" ubuntu-24.04-temurin17 \
  --workloads selftest --include 'selftest/sum$' --jmh '-f 3 -wi 1 -w 200ms -i 2 -r 200ms' \
  --variant base= --variant head='--jvm-args -Xint' >"$tmp/run-variants.log" 2>&1 || rc=$?
check "a run of variants exits 0" test "$rc" -eq 0
: >"$GITHUB_STEP_SUMMARY"
rc=0
"$root/ci/gha/compare.sh" --variants "$tmp/variants" >"$tmp/compare-variants.log" 2>&1 || rc=$?
check "a much slower head fails the check (exit 3)" test "$rc" -eq 3
check "writes the paired comparison into the job summary" has_match "$GITHUB_STEP_SUMMARY" \
  '^### archbench compare: base and head as paired variants'
check "calls archbench compare with the one record" has_match "$tmp/archbench-calls.log" \
  "^compare $tmp/variants/[^ ]*\.json --threshold 5%$"

tap_summary gha-scripts-test
