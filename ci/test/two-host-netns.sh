#!/usr/bin/env bash
# Two roles, one record, without a second machine: `archbench serve web` in one network namespace
# pinned to CPU 0, `archbench run --server` in another pinned to CPU 1, joined by a veth pair
# (ci/test/netns-lib.sh). An IMDS stand-in in each namespace names the server c7g.xlarge and the
# load host c7i.4xlarge. Checks:
#   1. the record is the server's (its instance type, its veth interface), the load host is recorded
#      beside it, the server's CPU per request is measured and every knee step has the generator's CPU;
#   2. a starved generator (its cgroup capped at 0.4 CPU) is detected: steps marked generator-bound,
#      left out of the knee, and the knee says the generator ended the search;
#   3. the report of those records prices the server's type, names the load host, answers
#      --target-load from the server's CPU and marks the generator-bound steps.
#
#   ci/test/two-host-netns.sh [OUT]     (root; OUT keeps the records and logs, default a temp dir)
#
# Without root or `ip netns` it says why and exits 0, unless ARCHBENCH_REQUIRE_NETNS=1 (CI sets it).
# ARCHBENCH_JAR selects the jar (default: harness/target/archbench.jar, built if missing).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=ci/test/netns-lib.sh
. "$root/ci/test/netns-lib.sh"

if ! why=$(netns_possible); then
  if [[ ${ARCHBENCH_REQUIRE_NETNS:-0} == 1 ]]; then
    echo "two-host-netns: cannot run: $why" >&2
    exit 1
  fi
  echo "two-host-netns: skipped: $why"
  exit 0
fi
jar=${ARCHBENCH_JAR:-$root/harness/target/archbench.jar}
[[ -f $jar ]] || (cd "$root" && ./mvnw -B -q -o -pl harness -am package -DskipTests)
out=${1:-$(mktemp -d)}
mkdir -p "$out"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
started=$SECONDS
trap netns_down EXIT
netns_up

imds_in "$ns_server" c7g.xlarge "$out"
server_imds=$imds_url
imds_in "$ns_load" c7i.4xlarge "$out"
load_imds=$imds_url
start_server "$jar" "$out/server.log" "$server_imds"

# Short steps: the test proves the machinery; a loose p99 target so that only the generator's
# CPU, not a scheduling stall of a throttled generator, ends the starved search.
# The warm-up lets the generator's JIT settle before its CPU is judged.
run_args=(run --server "http://$server_ip:8080" --include 'web/knee.http$' --profile smoke
  --jmh "-wi 1 -w 3s -i 1 -r 1s" --p99-target-ms 500 --progress plain)

echo "two-host-netns: generator on its own CPU"
run_load "$out/load.log" "" "$load_imds" "$jar" "${run_args[@]}" --out "$out/records" --label two-host ||
  { cat "$out/load.log" >&2; exit 1; }

echo "two-host-netns: generator capped at 0.4 CPU"
if ! starve_cgroup 0.4; then
  echo "two-host-netns: cannot create a cpu cgroup to starve the generator" >&2
  exit 1
fi
run_load "$out/starved.log" "$netns_cgroup" "$load_imds" "$jar" "${run_args[@]}" --out "$out/starved" \
  --label two-host-starved || { cat "$out/starved.log" >&2; exit 1; }

java -jar "$jar" report "$out/records" "$out/starved" --allow-noisy --format md,json --out "$out/report" \
  --target-load 'web:json=20000rps@p99<500ms' >/dev/null

python3 - "$out" "$veth_server" "$veth_load" <<'EOF'
import glob, json, sys
out, veth_server, veth_load = sys.argv[1:4]

def record(d):
    [f] = [p for p in glob.glob(d + "/*.json") if not p.endswith(".jmh.json")]
    return json.load(open(f))

fails = []
def check(ok, what):
    print(("ok - " if ok else "not ok - ") + what)
    if not ok:
        fails.append(what)

for name in ("records", "starved"):
    r = record(out + "/" + name)
    load = r.get("loadHost") or {}
    res = r["results"][0]
    check(r["host"]["cloud"]["instanceType"] == "c7g.xlarge", name + ": the record is the server's (c7g.xlarge)")
    check(load.get("host", {}).get("cloud", {}).get("instanceType") == "c7i.4xlarge", name + ": the load host is recorded beside it")
    check([i["name"] for i in load.get("serverNetwork", {}).get("interfaces", [])] == [veth_server], name + ": the server's network is the server namespace's veth")
    check([i["name"] for i in load.get("network", {}).get("interfaces", [])] == [veth_load], name + ": the load host's network is its own veth")
    check(res["status"] == "ok", name + ": the knee search ran (" + str(res.get("reason")) + ")")
    check((res.get("cpu") or {}).get("serverRequestsPerCpuSecond", 0) > 0, name + ": requests per server CPU-second measured")
    steps = res["knee"]["steps"][0]
    check(all(s.get("generatorCpu") is not None for s in steps), name + ": the generator's CPU is measured at every step")
    print("  steps: " + "; ".join("%.0f req/s p99 %.2f ms generator %.0f%%%s" % (s["offered"], s["p99Ms"],
          100 * s["generatorCpu"], " [" + s["invalid"] + "]" if "invalid" in s else "") for s in steps))
    if name == "starved":
        check(any(s.get("invalid") == "generator-bound" for s in steps), "starved: generator-bound steps are marked")
        check(res["knee"].get("limitedBy") == "generator", "starved: the knee says the generator ended the search")

a = json.load(open(out + "/report/report.json"))["analysis"]
hosts = {h["key"]: h for h in a["hosts"]}
check(list(hosts) == ["c7g.xlarge"], "report: one host, the server's type")
check((hosts.get("c7g.xlarge") or {}).get("usdPerHour", 0) > 0, "report: the server's type is priced")
check("load from another host: c7i.4xlarge" in (hosts.get("c7g.xlarge") or {}).get("loadHost", ""), "report: names the load host")
answer = a["capacity"][0]["answers"][0]
unstarved = record(out + "/records")["results"][0]["knee"]
if unstarved["found"] != "upper-bound":
    check("by the server's own CPU" in (answer.get("note") or ""), "report: --target-load answered from the server's CPU")
else:
    # A generator busy from the lowest rate (a machine shared with other work) measured no knee: the
    # answer must say that the generator, not the server, was the limit.
    check("the server's knee was not measured" in (answer.get("note") or ""),
          "report: no knee of the server measured, and the answer says the generator was the limit")
md = open(out + "/report/report.md").read()
check("generator-bound, not used" in md, "report: generator-bound steps are marked")
sys.exit(1 if fails else 0)
EOF
echo "two-host-netns: passed in $((SECONDS - started)) s (records in $out)"
