#!/usr/bin/env bash
# Correctness (never timing) of the inference workload on linux-aarch64 under qemu user emulation:
# the aarch64 JVM loads ONNX Runtime's aarch64 natives through DJL, generates the MLP (its SHA-256
# must equal the pinned value: generation is bit-identical across architectures), runs it and
# compares with a plain-Java forward pass. Needs: dpkg --add-architecture arm64; apt-get install
# qemu-user-static openjdk-17-jre-headless:arm64. Runs offline.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
arm_java=${ARM_JAVA:-/usr/lib/jvm/java-17-openjdk-arm64/bin/java}
qemu=${QEMU:-qemu-aarch64-static}
command -v "$qemu" >/dev/null || { echo "aarch64-check: $qemu not found (apt-get install qemu-user-static)" >&2; exit 1; }
[[ -x $arm_java ]] || { echo "aarch64-check: no aarch64 JVM at $arm_java (apt-get install openjdk-17-jre-headless:arm64)" >&2; exit 1; }

cd "$root"
./mvnw -B -q -pl workloads/inference -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/runtime-classpath.txt -Dmdep.includeScope=runtime >/dev/null
cp="workloads/inference/target/classes:$(cat workloads/inference/target/runtime-classpath.txt)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
printf '{"workDir": "%s"}\n' "$work" >"$work/fork.json"
"$qemu" -L / "$arm_java" -Xmx1g -Darchbench.fork="$work/fork.json" -Dai.djl.offline=true \
  -cp "$cp" dev.archbench.workloads.inference.SelfCheck
