#!/usr/bin/env bash
# The test of archbench's intervals, runnable by anyone (Kalibera and Jones: an A/A comparison is the
# test of an interval method; if it claims differences where there are none, it is wrong):
#
#   1. A/A: runs the same selection twice, back to back, on this machine, and counts how many
#      benchmarks `archbench compare` calls significantly different (there are none to find);
#   2. power: plants a known slowdown (5% and 10%, every raw value of a copy of the second record)
#      and counts how many benchmarks compare detects as slower, against the first record (the
#      goal: a real slowdown seen through run-to-run noise) and against the unmodified second
#      record (the interval method alone, without run-to-run noise);
#   3. precision: per run, how many results reached the profile's target, the median half-width
#      reached, the forks and the stop reasons.
#
#   bench/aa-check.sh quick                      # two quick runs of the whole suite (~20 min)
#   bench/aa-check.sh standard --workloads web   # any run options select what runs
#   bench/aa-check.sh --records A.json B.json    # reuse two records of one host
#
# Prints one summary line per check and the run durations against their plan; files are kept in
# $AA_OUT (default: a new directory under /tmp). Exit 0 when the goals hold (A/A at least 95% "no
# significant difference"; at standard and full also a planted 10% detected in at least 95% and 5%
# in at least 80% of benchmarks), 1 otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${ARCHBENCH_JAR:-$root/harness/target/archbench.jar}
[[ -f $jar ]] || (cd "$root" && ./mvnw -B -q package -DskipTests)
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
out=${AA_OUT:-$(mktemp -d /tmp/archbench-aa.XXXXXX)}
mkdir -p "$out"
ab() { java -jar "$jar" "$@"; }
record_in() { # the run record in a directory (not JMH's own .jmh.json beside it)
  local f
  for f in "$1"/*.json; do [[ $f == *.jmh.json ]] || echo "$f"; done
}

if [[ ${1:-} == --records ]]; then
  [[ $# -eq 3 ]] || { echo "usage: $0 --records A.json B.json" >&2; exit 2; }
  a=$2 b=$3 profile=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["run"]["profile"])' "$a")
else
  profile=${1:?usage: $0 PROFILE [run options] | --records A.json B.json}
  shift
  for side in A B; do
    plan=$(ab run --dry-run --profile "$profile" "$@" | tail -n 1)
    start=$SECONDS
    # One label for both: reports and compare group records by it on hosts that are not EC2.
    ab run --profile "$profile" --label aa --progress plain --out "$out/$side" "$@" >"$out/$side.log" 2>&1 || true
    echo "run $side: $((SECONDS - start)) s; plan: ${plan#*, }"
  done
  a=$(record_in "$out/A")
  b=$(record_in "$out/B")
fi

# "significant": compare's verdict says a difference (regression, improvement or within threshold).
count() { # csv -> "significant compared slower"
  python3 - "$1" <<'PY'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["ratio"]]
sig = [r for r in rows if r["verdict"] in ("regression", "improvement", "significant, within threshold")]
slower = [r for r in sig if float(r["ratio"]) < 1]
print(len(sig), len(rows), len(slower))
PY
}
pct() { python3 -c 'import sys; print("%.0f" % (100.0 * int(sys.argv[1]) / max(1, int(sys.argv[2]))))' "$1" "$2"; }

ok=0
ab compare "$a" "$b" --csv "$out/aa.csv" --out "$out/aa.md" >/dev/null || true
read -r sig n _ < <(count "$out/aa.csv")
echo "A/A ($profile): $((n - sig)) of $n benchmarks no significant difference ($(pct $((n - sig)) "$n")%)"
(( 100 * (n - sig) >= 95 * n )) || ok=1
for p in 10 5; do
  python3 "$root/bench/plant_slowdown.py" "$b" "$p" "$out/B-minus-$p.json"
  ab compare "$a" "$out/B-minus-$p.json" --csv "$out/planted-$p.csv" --out "$out/planted-$p.md" >/dev/null || true
  read -r _ n slower < <(count "$out/planted-$p.csv")
  echo "planted -$p% ($profile): detected as slower in $slower of $n benchmarks ($(pct "$slower" "$n")%)"
  if [[ $profile == standard || $profile == full ]]; then
    goal=$([[ $p == 10 ]] && echo 95 || echo 80)
    (( 100 * slower >= goal * n )) || ok=1
  fi
  ab compare "$b" "$out/B-minus-$p.json" --csv "$out/planted-$p-own.csv" --out "$out/planted-$p-own.md" >/dev/null || true
  read -r _ n slower < <(count "$out/planted-$p-own.csv")
  echo "planted -$p% against its own unmodified copy: detected in $slower of $n ($(pct "$slower" "$n")%)"
done
# Precision per run, read from the report's CSV (its precision columns), not from the record's fields.
for side in A B; do
  r=$([[ $side == A ]] && echo "$a" || echo "$b")
  ab report "$r" --format csv --out "$out/report-$side" >/dev/null 2>"$out/report-$side.err" ||
    { echo "report of $r failed: $(head -n 1 "$out/report-$side.err")" >&2; ok=1; continue; }
  python3 - "$out/report-$side/report.csv" "$side" <<'PY'
import collections, csv, statistics, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if r["precision_half_width"]]
if rows:
    hw = sorted(float(r["precision_half_width"]) for r in rows)
    met = sum(1 for r in rows if r["precision_target"] and r["missed_target_records"] == "0")
    forks = sorted(int(r["forks"]) for r in rows)
    stops = collections.Counter(s for r in rows for s in r["stop_reasons"].split(";") if s)
    print("precision %s: target met by %d of %d; half-width median %.1f%%, max %.1f%%; forks %d to %d; stops %s"
          % (sys.argv[2], met, len(rows), 100 * statistics.median(hw), 100 * hw[-1], forks[0], forks[-1],
             ", ".join("%s %d" % kv for kv in sorted(stops.items()))))
PY
done
echo "files: $out"
exit $ok
