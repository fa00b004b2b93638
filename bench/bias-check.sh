#!/usr/bin/env bash
# The test of archbench's bias: what a profile reports against a long reference of the same
# benchmarks on the same machine, in the same hour. An A/A comparison cannot see a bias both runs
# share (JIT warm-up measured as if it were the steady state); only a reference that is steady by
# a wide margin can. Prints, per benchmark, the profile's estimate ÷ the reference, whether the
# profile's 95% interval covers the reference, and the classes of both runs' forks; then a summary.
#
#   bench/bias-check.sh quick                                  # quick, then the reference (~1 h+)
#   bench/bias-check.sh quick --workloads web                  # any run options select what runs
#   bench/bias-check.sh --records PROFILE.json REFERENCE.json  # reuse two records of one host
#
# The reference is JMH's own default (5 forks of 5 × 10 s warm-up and 5 × 10 s measured
# iterations); BIAS_REF_JMH sets another, e.g. "-f 2 -wi 5 -w 4s -i 5 -r 4s". Its warm-up is JMH's,
# then every measured iteration is classified as in any run. Files are kept in $BIAS_OUT (default:
# a new directory under /tmp). Exit 0 when the goals hold (at least 90% of benchmarks within ±5% of
# the reference, at least 95% of intervals covering it), 1 otherwise. Forks that never became steady
# are never part of a score (they are counted in the summary).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${ARCHBENCH_JAR:-$root/harness/target/archbench.jar}
[[ -f $jar ]] || (cd "$root" && ./mvnw -B -q package -DskipTests)
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
out=${BIAS_OUT:-$(mktemp -d /tmp/archbench-bias.XXXXXX)}
mkdir -p "$out"
ref_jmh=${BIAS_REF_JMH:--f 5 -wi 5 -w 10s -i 5 -r 10s}
ab() { java -jar "$jar" "$@"; }
record_in() { # the run record in a directory (not JMH's own .jmh.json beside it)
  local f
  for f in "$1"/*.json; do [[ $f == *.jmh.json ]] || echo "$f"; done
}

a2=
if [[ ${1:-} == --records ]]; then
  [[ $# -eq 3 || $# -eq 4 ]] || { echo "usage: $0 --records PROFILE.json REFERENCE.json [PROFILE2.json]" >&2; exit 2; }
  a=$2 b=$3 a2=${4:-}
else
  profile=${1:?usage: $0 PROFILE [run options] | --records PROFILE.json REFERENCE.json}
  shift
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$SECONDS
  ab run --profile "$profile" --label bias --progress plain --out "$out/profile" "$@" >"$out/profile.log" 2>&1 || true
  echo "$profile run: $((SECONDS - start)) s"
  start=$SECONDS
  ab run --profile full --precision none --budget 24h --jmh "$ref_jmh" --label bias --progress plain \
    --out "$out/reference" "$@" >"$out/reference.log" 2>&1 || true
  echo "reference run ($ref_jmh): $((SECONDS - start)) s"
  if [[ ${BIAS_BRACKET:-1} != 0 ]]; then
    start=$SECONDS
    ab run --profile "$profile" --label bias --progress plain --out "$out/profile2" "$@" >"$out/profile2.log" 2>&1 || true
    echo "$profile run again, after the reference: $((SECONDS - start)) s"
    a2=$(record_in "$out/profile2")
  fi
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  a=$(record_in "$out/profile")
  b=$(record_in "$out/reference")
fi

# The profile's interval as archbench shows it (the report's CSV: the contract), the reference's score.
ab report "$a" --format csv --allow-noisy --out "$out/report-profile" >/dev/null 2>"$out/report-profile.err"
ab report "$b" --format csv --allow-noisy --out "$out/report-reference" >/dev/null 2>"$out/report-reference.err"
if [[ -n $a2 ]]; then
  ab report "$a2" --format csv --allow-noisy --out "$out/report-profile2" >/dev/null 2>"$out/report-profile2.err"
fi
python3 - "$out/report-profile/report.csv" "$out/report-reference/report.csv" "$a" "$b" \
  "${a2:+$out/report-profile2/report.csv}" <<'PY'
import collections, csv, json, statistics, sys

def rows(path):
    out = {}
    for r in csv.DictReader(open(path, encoding="utf-8")):
        out[(r["workload"], r["benchmark"], r["params"], r["threads"])] = r
    return out

def classes(path):
    """Per result key, its forks' classes counted, from the record's forkRuns."""
    out = {}
    for r in json.load(open(path, encoding="utf-8"))["results"]:
        runs = r.get("forkRuns") or []
        c = collections.Counter(f["steadiness"] for f in runs)
        params = ";".join(f"{k}={v}" for k, v in sorted((r.get("params") or {}).items()))
        out[(r["workload"], r["benchmark"], params, str(r["threads"]))] = \
            ", ".join(f"{n} {k}" for k, n in sorted(c.items())) or "not classified"
    return out

prof, ref = rows(sys.argv[1]), rows(sys.argv[2])
pc, rc = classes(sys.argv[3]), classes(sys.argv[4])
again = rows(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[5] else {}
ratios, drifts, covered, within, left_out, n = [], [], 0, 0, 0, 0
print(f"{'benchmark':58} {'profile':>12} {'reference':>12} {'ratio':>6}  covers  "
      + ("drift  " if again else "") + "profile forks | reference forks")
for key in sorted(prof):
    p, r = prof[key], ref.get(key)
    if r is None or p["status"] != "ok" or r["status"] != "ok" or not p["score"] or not r["score"]:
        status = p["status"] if r is None else f'{p["status"]}/{r["status"]}'
        print(f"{key[1] + '[' + key[2] + ']':58} {'':>12} {'':>12} {'':>6}  {status}: {p['reason'] or (r or {}).get('reason') or ''}")
        continue
    n += 1
    score, lo, hi = (float(p[c]) if p[c] else float("nan") for c in ("score", "score_lower", "score_upper"))
    reference = float(r["score"])
    ratio = score / reference
    ratios.append(ratio)
    cov = lo <= reference <= hi
    covered += cov
    within += abs(ratio - 1) <= 0.05
    left_out += int(p["unsteady_forks"] or 0)
    name = key[1] + ("[" + key[2] + "]" if key[2] else "")
    drift = ""
    p2 = again.get(key)
    if p2 is not None and p2["status"] == "ok" and p2["score"]:
        # The second profile run against the first: how far the machine moved while the reference ran.
        d = float(p2["score"]) / score
        drifts.append(d)
        drift = f"{d:6.3f} "
    elif again:
        drift = f"{'–':>6} "
    print(f"{name[:58]:58} {score:12.6g} {reference:12.6g} {ratio:6.3f}  {'yes' if cov else 'NO':6}  {drift}{pc.get(key, '')} | {rc.get(key, '')}")
if n == 0:
    print("no benchmark has a score in both runs")
    sys.exit(1)
print(f"\nwithin ±5% of the reference: {within} of {n} ({100 * within / n:.0f}%); "
      f"interval covers the reference: {covered} of {n} ({100 * covered / n:.0f}%); "
      f"median ratio {statistics.median(ratios):.3f}, range {min(ratios):.3f}–{max(ratios):.3f}; "
      f"forks not steady, left out of the profile's scores: {left_out}")
if drifts:
    print(f"drift (the profile run after the reference ÷ the one before): median {statistics.median(drifts):.3f}, "
          f"median size {100 * statistics.median(abs(d - 1) for d in drifts):.1f}%; a bias smaller than the drift "
          f"cannot be told apart from it")
sys.exit(0 if within >= 0.9 * n and covered >= 0.95 * n else 1)
PY
