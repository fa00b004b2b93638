#!/usr/bin/env bash
# Regenerates the report fixtures in this folder from real runs of the harness: the golden reports
# (../golden) and the producer/consumer tests read these records, never hand-written ones.
#
#   reports/src/test/resources/records/regenerate.sh        # from the repository root, ~10 min
#
# What it makes (schema 2, quick profile on the representative grid (quick alone runs the core grid,
# which has no selftest benchmarks), threads 1 and 2 where a benchmark scales with threads, a
# selection that covers every typed quantity: JMH
# throughput and sample mode with latency histograms, a scenario, a deliberate failure, a skip,
# a compression corpus, the web knee, the inference server scenario and single-stream latency):
#   v2/c7g-1.json, v2/c7g-2.json  two runs reported as c7g.xlarge (the instance level of one host)
#   v2/c7i-1.json                 one run reported as c7i.xlarge
#   two-host/two-host.json, two-host/starved.json   two-host runs (below; root only)
# The instance types come from a loopback IMDSv2 stub (ci/test/imds_stub.py); the hardware is the
# machine that runs this script, so the numbers are real but the types are stand-ins.
# v1/ holds a record written by the version-1 harness (commit 3de65f2); it is kept, not regenerated.
#
# Then relabel-accelerator.py (beside this script) makes v2/inf2-1.json, the stand-in accelerator host.
# Afterwards regenerate the golden reports: ./mvnw -pl reports test -Dtest=GoldenFilesTest -Darchbench.updateGolden=true
set -euo pipefail
root=$(cd "$(dirname "$0")/../../../../.." && pwd)
here="$root/reports/src/test/resources/records"
jar="$root/harness/target/archbench.jar"
[[ -f $jar ]] || (cd "$root" && ./mvnw -B -q install -DskipTests)
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
tmp=$(mktemp -d)
trap 'kill "${stub:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT

selection=(--workloads selftest,compression,web,inference --grid representative --threads 1,2 --include 'selftest/' --include 'web/knee.http$' --include 'inference/server.mlp.onnxruntime$'
  --include 'inference/singlestream.mlp.onnxruntime$' --include 'compression/zstd.compress$')

run_as() { # instance-type output-name
  rm -f "$tmp/imds.port"
  python3 "$root/ci/test/imds_stub.py" --port-file "$tmp/imds.port" --log "$tmp/imds.log" \
    --instance-type "$1" --lifecycle on-demand &
  stub=$!
  for _ in $(seq 50); do [[ -s $tmp/imds.port ]] && break; sleep 0.1; done
  local out="$tmp/$2"
  AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:$(cat "$tmp/imds.port")" \
    java -jar "$jar" run --profile quick "${selection[@]}" --progress plain --out "$out" || true
  kill "$stub"; wait "$stub" 2>/dev/null || true
  mkdir -p "$here/v2"
  cp "$(ls "$out"/*.json | grep -v '\.jmh\.json$')" "$here/v2/$2.json"
}

run_as c7g.xlarge c7g-1
run_as c7g.xlarge c7g-2
run_as c7i.xlarge c7i-1
echo "regenerated: $(ls "$here/v2")"

# two-host/: records of two-host runs (the server in one network namespace, named c7g.xlarge; the
# load generator in another, c7i.4xlarge; once on its own CPU, once starved by a CPU quota), made by
# the CI test that checks them end to end. Needs root; about 2 minutes.
if [[ $(id -u) == 0 ]]; then
  ARCHBENCH_JAR=$jar ARCHBENCH_REQUIRE_NETNS=1 "$root/ci/test/two-host-netns.sh" "$tmp/two-host"
  mkdir -p "$here/two-host"
  cp "$(ls "$tmp/two-host/records"/*.json | grep -v '\.jmh\.json$')" "$here/two-host/two-host.json"
  cp "$(ls "$tmp/two-host/starved"/*.json | grep -v '\.jmh\.json$')" "$here/two-host/starved.json"
  echo "regenerated: $(ls "$here/two-host")"
else
  echo "two-host/ kept as it is: regenerating it needs root (network namespaces, a cgroup)"
fi
