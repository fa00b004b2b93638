#!/usr/bin/env bash
# Proves the inference workload needs no network: in a fresh network namespace (only loopback, which
# JMH needs to talk to its forks), runs SelfCheck and a smoke-sized single-stream run of every model
# on ONNX Runtime and PyTorch (TorchScript exported by /usr/bin/python3's torch at first use),
# with passive idle threads as the smoke profile uses (shared CI runners).
# Needs root (unshare -n), util-linux, iproute2. Exit 0 when every benchmark produced a score.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$root"
./mvnw -B -q -pl workloads/inference -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >/dev/null
cp="workloads/inference/target/classes:$(cat workloads/inference/target/runtime-classpath.txt)"
work=${ARCHBENCH_WORK_DIR:-$root/.archbench}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The work directory reaches SelfCheck and the forks as it does in a run: in a fork settings file.
printf '{"workDir": "%s"}\n' "$work" >"$out/fork.json"
export CP="$cp" OUT="$out"
unshare -n bash -c '
  set -euo pipefail
  ip link set lo up
  export DJL_OFFLINE=true OPT_OUT_TRACKING=true
  if getent hosts repo.maven.apache.org >/dev/null 2>&1; then echo "offline-smoke: network visible" >&2; exit 1; fi
  ja="-Dai.djl.offline=true -DOPT_OUT_TRACKING=true -Darchbench.fork=$OUT/fork.json -Xmx3g"
  java $ja -cp "$CP" dev.archbench.workloads.inference.SelfCheck
  java -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main SingleStreamBenchmark \
    -p model=mlp,mobilenetv2,resnet50,minilm -p engine=onnxruntime,pytorch -p seqLen=32 -p threadWait=passive \
    -f 1 -wi 1 -w 1s -i 2 -r 1s -jvmArgsAppend "$ja" -rf json -rff "$OUT/smoke.json" >"$OUT/jmh.log" 2>&1 \
    || { tail -n 40 "$OUT/jmh.log" >&2; exit 1; }
'
python3 - "$out/smoke.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))
for r in runs:
    p = r["params"]
    print("offline-smoke: %-12s %-12s %10.2f ms/op (p99 %.2f)" % (p["model"], p["engine"],
          r["primaryMetric"]["score"], r["primaryMetric"]["scorePercentiles"]["99.0"]))
if len(runs) != 8:
    sys.exit("offline-smoke: expected 8 results, got %d" % len(runs))
PY
