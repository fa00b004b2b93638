#!/usr/bin/env bash
# Proves the compression workload works on linux-aarch64: runs SelfCheck (golden corpus checksums,
# round trip of every codec and level, implementation per codec) and one JMH benchmark in-process
# on the aarch64 JVM under qemu user emulation. Correctness only: emulated timings mean nothing.
#
# Needs: dpkg --add-architecture arm64 && apt-get update &&
#        apt-get install -y qemu-user-static openjdk-17-jre-headless:arm64
# Usage: workloads/compression/bench/aarch64-check.sh   (from anywhere; builds the module first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
root="$(cd "$module/../.." && pwd)"
target="${ARCHBENCH_TARGET:-target}"  # build directory name (archbench.target)
java_arm64="${JAVA_ARM64:-/usr/lib/jvm/java-17-openjdk-arm64/bin/java}"
qemu="$(command -v qemu-aarch64-static || command -v qemu-aarch64 || true)"
if [[ -z "$qemu" || ! -x "$java_arm64" ]]; then
  echo "aarch64-check: needs qemu-user-static and openjdk-17-jre-headless:arm64" >&2
  exit 1
fi
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  (cd "$root" && ./mvnw -B -q -pl workloads/compression -am -DskipTests \
    -Darchbench.target="$target" package)
fi
cp="$module/$target/classes:$(cat "$module/$target/classpath.txt")"
# Round trips on 256 KiB of each corpus (emulation is ~20x slower); checksums cover whole corpora.
"$qemu" -L / "$java_arm64" -Xshare:off -cp "$cp" \
  dev.archbench.workloads.compression.SelfCheck --bytes 262144
# The JMH path itself (forks 0: the forked JVM would not run under the same emulator).
"$qemu" -L / "$java_arm64" -Xshare:off -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main \
  'dev.archbench.workloads.compression.BlockBenchmark.compress$' \
  -p codec=zstd -p level=3 -p blockSize=65536 -p corpus=json-logs \
  -f 0 -wi 0 -i 1 -r 1s -foe true 2>&1 | grep -E "^Benchmark|BlockBenchmark.compress|ERROR|Exception" \
  | sed 's/^/jmh: /'
echo "aarch64-check: OK (correctness only; emulated, no timings)"
