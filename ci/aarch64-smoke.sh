#!/usr/bin/env bash
# Architecture proof: runs archbench's smoke profile on an emulated aarch64 JVM (Debian's
# qemu-user-static and openjdk-17-jre-headless:arm64) and checks the record: host.arch is aarch64,
# every workload has ok results, and the native libraries that ran were aarch64 builds (each
# workload's attributes must match its --expect pattern). Emulated: proves things load and work; the
# numbers mean nothing and are never reported.
#
# usage: ci/aarch64-smoke.sh [--workloads LIST] [--expect WORKLOAD=REGEX]... [--out DIR] [--jar PATH]
#                            [--rootfs DIR] [-- more 'archbench run' options, e.g. --include REGEX]
#   --workloads  default $ARCHBENCH_AARCH64_WORKLOADS or compression,web,inference
#   --expect     a regex that some attribute ("key=value") of an ok result of WORKLOAD must match;
#                defaults below name the native implementations
#   --out        where the record goes (default: a temporary directory)
#   --jar        default $ARCHBENCH_JAR or harness/target/archbench.jar (built by ./archbench)
#   --rootfs     an unpacked arm64 image of ci/container/build: its JRE, libraries and, unless --jar,
#                its /opt/archbench (jar and natives) run instead of this host's (qemu -L DIR)
# Installs the emulation packages with apt-get when they are missing and it runs as root.
# The run is limited to $ARCHBENCH_AARCH64_TIMEOUT (default 45m); $ARCHBENCH_AARCH64_JVM_OPTS replaces
# the emulated JVMs' default option (-XX:TieredStopAtLevel=1).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
arm_java=/usr/lib/jvm/java-17-openjdk-arm64/bin/java
rootfs=
workloads=${ARCHBENCH_AARCH64_WORKLOADS:-compression,web,inference}
out=
jar=${ARCHBENCH_JAR:-}
run_args=()
problems=0
# Attributes are matched as "key=value". web: Netty's native epoll transport loaded (else it says
# "nio (epoll unavailable: ...)"); inference: DJL's native engine loaded; compression: a native codec.
declare -A expect=(
  [web]='^transport=epoll$'
  [inference]='^engine=(OnnxRuntime|PyTorch) '
  [compression]='(native|jni|aarch64|arm64)'
)

die() { echo "aarch64-smoke: $*" >&2; exit 1; }
log() { echo "aarch64-smoke: $*" >&2; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --workloads) workloads=${2:?}; shift ;;
    --expect) [[ ${2:?} == *=* ]] || die "--expect needs WORKLOAD=REGEX"; expect[${2%%=*}]=${2#*=}; shift ;;
    --out) out=${2:?}; shift ;;
    --jar) jar=${2:?}; shift ;;
    --rootfs) rootfs=$(cd "${2:?}" && pwd) || die "--rootfs: no directory ${2}"; shift ;;
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    --) shift; run_args=("$@"); break ;;
    *) die "unknown option: $1 (try --help)" ;;
  esac
  shift
done

if [[ -n $rootfs ]]; then
  arm_java=$rootfs/usr/lib/jvm/java-17-openjdk-arm64/bin/java
  [[ -x $arm_java ]] || die "--rootfs: no arm64 JRE at ${arm_java#"$rootfs"} in $rootfs"
  jar=${jar:-$rootfs/opt/archbench/archbench.jar}
fi

install_emulation() {
  if command -v qemu-aarch64-static >/dev/null && [[ -x $arm_java ]]; then
    return 0
  fi
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    die "needs qemu-aarch64-static and $arm_java: dpkg --add-architecture arm64 && apt-get update && apt-get install -y qemu-user-static openjdk-17-jre-headless:arm64"
  fi
  log "installing qemu-user-static and openjdk-17-jre-headless:arm64"
  dpkg --add-architecture arm64
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    qemu-user-static openjdk-17-jre-headless:arm64 >/dev/null
}

install_emulation
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out=${out:-$tmp/results}
mkdir -p "$out"

if [[ -z $jar ]]; then
  "$root/archbench" --version >/dev/null # builds the jar when missing or stale (on the host JVM)
  jar=$root/harness/target/archbench.jar
fi
[[ -f $jar ]] || die "no jar at $jar"

# The emulated `java`: archbench itself runs on it, and so do JMH's forks (--jvm). Without binfmt_misc
# (containers) the kernel cannot exec aarch64 programs, so the JVM must not start children through
# its aarch64 jspawnhelper: VFORK execs the child (this wrapper again) directly.
java=$tmp/bin/java
mkdir -p "$tmp/bin"
# C1 only starts far faster under emulation (timings mean nothing here anyway). No GC choice: some
# benchmarks pick their own, and two make the JVM refuse to start.
jvm_opts=${ARCHBENCH_AARCH64_JVM_OPTS:--XX:TieredStopAtLevel=1}
# -L: where the emulated program's absolute paths (its loader, libraries) resolve first: this host's
# arm64 packages, or the image's root.
printf '#!/bin/sh\nexec qemu-aarch64-static -L %s %s -Djdk.lang.Process.launchMechanism=VFORK %s "$@"\n' \
  "${rootfs:-/}" "$arm_java" "$jvm_opts" >"$java"
chmod +x "$java"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true

version=$("$java" -jar "$jar" --version)
echo "$version"
[[ $version == *"(aarch64)"* ]] || die "the emulated JVM does not report aarch64"

sysinfo=$("$java" -jar "$jar" sysinfo --json) || die "sysinfo --json failed under emulation"
arch=$(python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["arch"])' <<<"$sysinfo") ||
  die "sysinfo --json gave no arch"
if [[ $arch == aarch64 ]]; then
  log "sysinfo: arch $arch"
else
  log "FAIL sysinfo says arch $arch under the emulated JVM, expected aarch64"
  problems=$((problems + 1))
fi

log "archbench run --profile smoke --workloads $workloads (emulated; slow)"
rc=0
timeout "${ARCHBENCH_AARCH64_TIMEOUT:-45m}" "$java" -jar "$jar" run --profile smoke \
  --workloads "$workloads" --jvm "$java" --label aarch64-emulated --out "$out" "${run_args[@]}" || rc=$?
[[ $rc -eq 0 ]] || log "archbench run exited with $rc"

record=$(find "$out" -maxdepth 1 -name '*.json' ! -name '*.jmh.json' | sort | tail -n 1)
[[ -n $record ]] || die "no record in $out"
expect_args=()
for w in "${!expect[@]}"; do expect_args+=("$w=${expect[$w]}"); done

python3 - "$record" "$workloads" "${expect_args[@]}" <<'EOF' || problems=$((problems + 1))
import json, re, sys

record = json.load(open(sys.argv[1]))
workloads = [w for w in sys.argv[2].split(",") if w]
expect = dict(arg.split("=", 1) for arg in sys.argv[3:])
problems = []
arch = record["host"].get("arch")
if arch != "aarch64":
    problems.append(f"record host.arch is {arch}, expected aarch64")
for w in workloads:
    results = [r for r in record["results"] if r["workload"] == w]
    ok = [r for r in results if r["status"] == "ok"]
    for r in results:
        if r["status"] != "ok":
            problems.append(f"{w}: {r['benchmark']} {r.get('params') or ''} is {r['status']}: {r.get('reason')}")
    if not ok:
        problems.append(f"{w}: no ok result")
        continue
    if w in expect:
        pattern = re.compile(expect[w], re.IGNORECASE)
        attrs = sorted({f"{k}={v}" for r in ok for k, v in (r.get("attributes") or {}).items()})
        if not any(pattern.search(a) for a in attrs):
            problems.append(f"{w}: no attribute matches /{expect[w]}/ (attributes: {', '.join(attrs) or 'none'})")
        else:
            print(f"{w}: native implementation attributes: " + ", ".join(a for a in attrs if pattern.search(a)))
    print(f"{w}: {len(ok)} of {len(results)} results ok")
for p in problems:
    print("FAIL " + p)
sys.exit(1 if problems else 0)
EOF
[[ $rc -eq 0 ]] || die "archbench run exited with $rc"
[[ $problems -eq 0 ]] || die "$problems check(s) failed"
log "ok: record $record says aarch64; native libraries loaded"
