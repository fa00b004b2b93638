#!/usr/bin/env bash
# The proof of `archbench run --variant` with real slowdowns, not edited numbers: builds four JMH jars
# of the same ten benchmarks (bench/variant-work: five register-bound, five memory-bound) that differ
# only in how much work each operation does (Work.PERCENT: 100, 100, 105, 110), then runs the
# baseline against each of the three others as two variants in one run, as a pull-request check
# would, and compares each record pair by pair (`archbench compare RECORD`):
#
#   1. A/A: the baseline against an identical build: how many benchmarks show no significant
#      difference (goal: at least 95%);
#   2. +10% work: how many benchmarks are found significantly slower (goal: at least 95%);
#   3. +5% work: the same (goal: at least 80%).
#
#   bench/variant-check.sh                          # quick profile, 10 minutes per check (~30 min)
#   bench/variant-check.sh --duet                   # the same with a round's forks side by side
#   VC_BUDGET=1m VC_INCLUDE='mix64|pointerChase' bench/variant-check.sh --jmh '-r 100ms'   # a smoke test
#
# Options after the script's name go to every `archbench run` (e.g. --duet, --profile standard,
# --threshold 3%). Environment: VC_BUDGET (default 10m, each check), VC_PROFILE (quick), VC_INCLUDE
# (a regex of benchmarks, default all ten), VC_CHECKS (default "aa 10 5"), VC_OUT (where the jars,
# records and summaries go; default a new directory under /tmp), ARCHBENCH_JAR.
# Prints one line per check; exit 0 when every goal holds, 1 otherwise. Measure on a quiet machine
# and write the load average, date, machine and command next to any figure you keep.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${ARCHBENCH_JAR:-$root/harness/target/archbench.jar}
[[ -f $jar ]] || (cd "$root" && ./mvnw -B -q -pl harness -am package -DskipTests)
out=${VC_OUT:-$(mktemp -d /tmp/archbench-variants.XXXXXX)}
budget=${VC_BUDGET:-10m}
profile=${VC_PROFILE:-quick}
include=${VC_INCLUDE:-.}
checks=${VC_CHECKS:-aa 10 5}
mkdir -p "$out"
ab() { java -jar "$jar" "$@"; }
record_in() { # the run record in a directory (not JMH's own .jmh.json beside it)
  local f
  for f in "$1"/*.json; do [[ $f == *.jmh.json ]] || echo "$f"; done
}

# JMH 1.37 and its annotation processor, from the local Maven repository (fetched once if absent).
m2=${MAVEN_REPO:-$HOME/.m2/repository}
jmh_version=1.37
need() { # groupId artifactId version -> path of the jar
  local path="$m2/${1//.//}/$2/$3/$2-$3.jar"
  if [[ ! -f $path ]]; then
    (cd "$root" && ./mvnw -B -q dependency:get -Dartifact="$1:$2:$3" >&2)
  fi
  echo "$path"
}
core=$(need org.openjdk.jmh jmh-core "$jmh_version")
processor=$(need org.openjdk.jmh jmh-generator-annprocess "$jmh_version")
jopt=$(need net.sf.jopt-simple jopt-simple 5.0.4)
math=$(need org.apache.commons commons-math3 3.6.1)
cp="$core:$jopt:$math"

build() { # name percent: $out/name/work.jar, whose operations do percent% of the baseline's work
  local dir="$out/$1"
  rm -rf "$dir"
  mkdir -p "$dir/src/archbench/variantcheck" "$dir/classes"
  cp "$root/bench/variant-work/WorkBenchmarks.java" "$dir/src/archbench/variantcheck/"
  sed "s/@PERCENT@/$2/" "$root/bench/variant-work/Work.java.in" >"$dir/src/archbench/variantcheck/Work.java"
  javac --release 17 -nowarn -cp "$cp" -processorpath "$processor:$core:$jopt:$math" -d "$dir/classes" \
    "$dir"/src/archbench/variantcheck/*.java
  jar cf "$dir/work.jar" -C "$dir/classes" .
}
build base 100
build same 100
build plus5 105
build plus10 110

ok=0
pct() { python3 -c 'import sys; print("%.0f" % (100.0 * int(sys.argv[1]) / max(1, int(sys.argv[2]))))' "$1" "$2"; }
summary() { # csv -> "rows compared significant-slower no-significant-difference median-ratio"
  python3 - "$1" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
compared = [r for r in rows if r["ratio"]]
slower = [r for r in compared if r["verdict"] in ("regression", "significant, within threshold")
          and float(r["ratio"]) < 1]
same = [r for r in compared if r["verdict"] == "no significant difference"]
median = statistics.median(float(r["ratio"]) for r in compared) if compared else float("nan")
print(len(rows), len(compared), len(slower), len(same), "%.4f" % median)
PY
}

for check in $checks; do
  case $check in
    aa) variant=same goal=95 ;;
    10) variant=plus10 goal=95 ;;
    5) variant=plus5 goal=80 ;;
    *) echo "VC_CHECKS: unknown check $check (aa, 10, 5)" >&2; exit 2 ;;
  esac
  dir="$out/run-$check"
  rm -rf "$dir"
  start=$SECONDS
  ab run --jmh-jar "$out/base/work.jar" --jmh-classpath "$cp" --include "$include" --profile "$profile" \
    --budget "$budget" --variant base= --variant "$variant=--jmh-jar $out/$variant/work.jar --jmh-classpath $cp" \
    --label variant-check --progress plain --out "$dir" "$@" >"$dir.log" 2>&1 || {
    echo "check $check: the run failed, see $dir.log" >&2
    ok=1
    continue
  }
  record=$(record_in "$dir")
  ab compare "$record" --csv "$dir.csv" --out "$dir.md" >/dev/null || true
  read -r rows n slower same median < <(summary "$dir.csv")
  took=$((SECONDS - start))
  if [[ $check == aa ]]; then
    echo "A/A: $same of $n benchmarks no significant difference ($(pct "$same" "$n")%; goal >= $goal%)," \
      "median ratio $median, $rows rows, $took s"
    (( 100 * same >= goal * n && n > 0 )) || ok=1
  else
    expected=$(python3 -c "print('%.4f' % (100 / (100 + $check)))")
    echo "+$check% work: found slower in $slower of $n benchmarks ($(pct "$slower" "$n")%; goal >= $goal%)," \
      "median ratio $median (expected $expected), $rows rows, $took s"
    (( 100 * slower >= goal * n && n > 0 )) || ok=1
  fi
done
echo "files: $out (per check: run-*/ record, run-*.md and .csv comparison, run-*.log)"
exit $ok
