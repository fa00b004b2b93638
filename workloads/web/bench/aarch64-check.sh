#!/usr/bin/env bash
# Proves the web workload works on aarch64, under qemu user emulation: the aarch64 JVM loads the
# native epoll transport and BoringSSL we ship for linux-aarch_64, serves every endpoint over plain
# HTTP and TLS 1.3 (JDK and BoringSSL), and archbench's load generator gets only correct answers.
# Correctness only: emulated timings mean nothing, so none are printed.
#
# Needs (Debian): dpkg --add-architecture arm64 && apt-get update &&
#                 apt-get install -y qemu-user-static openjdk-17-jre-headless:arm64
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
qemu=$(command -v qemu-aarch64-static || true)
java_arm=${JAVA_ARM64:-/usr/lib/jvm/java-17-openjdk-arm64/bin/java}
if [[ -z $qemu || ! -x $java_arm ]]; then
  echo "aarch64-check: needs qemu-aarch64-static and $java_arm (see the comment at the top)" >&2
  exit 1
fi
# shellcheck source=classpath.sh
source "$here/classpath.sh"
echo "aarch64-check: $("$qemu" -L / "$java_arm" -version 2>&1 | head -1)"
# Interpreter-heavy emulation: a small heap and C1 only start fast enough.
exec timeout 900 "$qemu" -L / "$java_arm" -Xmx512m -XX:+UnlockDiagnosticVMOptions -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -cp "$WEB_CP" dev.archbench.workloads.web.tools.SelfCheck
