#!/usr/bin/env bash
# The web knee and closed loop with the load generator in-host versus on a "host" of its own, on
# this machine: the same server (archbench's web server, THREADS event loops), driven
#   in-host:  by `archbench run` in the same JVM, client and server sharing every CPU (the default);
#   two-host: `archbench serve web` in one network namespace pinned to CPU 0, `archbench run --server`
#             in another pinned to CPU 1, joined by a veth pair (ci/test/netns-lib.sh).
# ROUNDS alternating rounds of each; prints per round and setup the knee (req/s), the p99 at the knee
# (ms), the server's requests per CPU-second at the knee, generator-bound knee steps, and the
# closed-loop throughput; then the medians. In-host, the server's CPU is its threads' (event loops,
# accept); two-host, the whole served JVM's (its GC and JIT too): say so beside the figures. Measure on a quiet machine (nothing else running), and
# write the date, the machine, the load average and this command next to the figures in
# workloads/web/README.md ("In-host against two hosts").
#
#   workloads/web/bench/two-host-compare.sh [OUT]      (root; ~4 min per round with the defaults)
#
# Environment: ROUNDS (default 3), PROFILE (default quick), THREADS (server event loops, default 1),
# P99_MS (knee target, default 10), ARCHBENCH_JAR (default harness/target/archbench.jar).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
# shellcheck source=ci/test/netns-lib.sh
. "$root/ci/test/netns-lib.sh"
if ! why=$(netns_possible); then
  echo "two-host-compare: cannot run: $why" >&2
  exit 1
fi
rounds=${ROUNDS:-3}
profile=${PROFILE:-quick}
threads=${THREADS:-1}
p99=${P99_MS:-10}
jar=${ARCHBENCH_JAR:-$root/harness/target/archbench.jar}
[[ -f $jar ]] || { echo "two-host-compare: build first: ./mvnw -B -q -pl harness -am package -DskipTests" >&2; exit 1; }
out=${1:-$root/results/two-host-compare-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
trap netns_down EXIT
netns_up
start_server "$jar" "$out/server.log"
# --threads 1 sets the server's event loops in-host; serve has --threads 1 in start_server. The
# closed loop at 4x vCPUs counts the *server's* vCPUs in the two-host run.
# The representative grid: the knee on /json, the closed loop at 4x vCPUs on /json and the orders API.
common=(--profile "$profile" --grid representative --include 'web/knee.http$' --include 'web/closed.http$'
  --threads "$threads" --p99-target-ms "$p99" --progress plain)
echo "two-host-compare: $rounds rounds, profile $profile, server threads $threads, p99 target $p99 ms; load $(cut -d' ' -f1-3 /proc/loadavg)"
# The served JVM is started once: warm its JIT with a discarded run before the first round.
run_load "$out/server-warmup.log" "" "" "$jar" run --profile smoke --include 'web/closed.http$' \
  --server "http://$server_ip:8080" --progress plain --out "$out/server-warmup" || { tail -5 "$out/server-warmup.log" >&2; exit 1; }
for round in $(seq "$rounds"); do
  echo "round $round: in-host"
  java -jar "$jar" run "${common[@]}" --label in-host --out "$out/in-host-$round" >"$out/in-host-$round.log" 2>&1 ||
    { tail -5 "$out/in-host-$round.log" >&2; exit 1; }
  echo "round $round: two hosts"
  run_load "$out/two-host-$round.log" "" "" "$jar" run "${common[@]}" --server "http://$server_ip:8080" \
    --label two-host --out "$out/two-host-$round" || { tail -5 "$out/two-host-$round.log" >&2; exit 1; }
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$out" "$rounds" <<'EOF'
import glob, json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])

def record(d):
    [f] = [p for p in glob.glob(d + "/*.json") if not p.endswith(".jmh.json")]
    return json.load(open(f))

def figures(r):
    knee = next(x for x in r["results"] if x["benchmark"] == "knee.http")
    closed = next(x for x in r["results"] if x["benchmark"] == "closed.http" and x["params"].get("endpoint") == "json")
    k = knee["knee"]
    rate = k["rates"][0]
    step = next(s for s in k["steps"][0] if s["offered"] == rate)
    cpu = knee.get("cpu") or {}
    bound = sum(1 for s in k["steps"][0] if s.get("invalid") == "generator-bound")
    return dict(knee=rate, found=k["found"], limited=k.get("limitedBy") or "-", p99=step["p99Ms"],
                rps_cpu=cpu.get("serverRequestsPerCpuSecond") or float("nan"), bound=bound,
                closed=closed["score"], closed_rps_cpu=(closed.get("cpu") or {}).get("serverRequestsPerCpuSecond") or float("nan"))

rows = {"in-host": [], "two-host": []}
print("| round | setup | knee req/s | search ended | limited by | p99 at knee ms | server req per CPU-s at knee | generator-bound steps | closed /json 4x req/s | closed server req per CPU-s |")
print("|---|---|---:|---|---|---:|---:|---:|---:|---:|")
for i in range(1, rounds + 1):
    for setup in rows:
        f = figures(record("%s/%s-%d" % (out, setup, i)))
        rows[setup].append(f)
        print("| %d | %s | %.0f | %s | %s | %.2f | %.0f | %d | %.0f | %.0f |" % (i, setup, f["knee"], f["found"], f["limited"],
              f["p99"], f["rps_cpu"], f["bound"], f["closed"], f["closed_rps_cpu"]))
print()
print("| setup | median knee req/s | median p99 at knee ms | median server req per CPU-s at knee | median closed 4x req/s |")
print("|---|---:|---:|---:|---:|")
for setup, fs in rows.items():
    m = lambda key: statistics.median(f[key] for f in fs)
    print("| %s | %.0f | %.2f | %.0f | %.0f |" % (setup, m("knee"), m("p99"), m("rps_cpu"), m("closed")))
EOF
echo "records and logs: $out"
