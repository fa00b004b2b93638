#!/usr/bin/env bash
# Fidelity check: archbench's compression numbers next to the native CLIs' own benchmarks on the
# same file, same machine, at 1 MiB blocks: `zstd --single-thread -b1/-b3 -B1MiB` and
# `lz4 -b1 -B6` (1 MiB blocks). --single-thread because the zstd CLI otherwise compresses in one
# asynchronous worker thread (-T1), measured here at ~45% lower speed; the library call that
# services (and zstd-jni) make is the single-threaded one against archbench's BlockBenchmark (the JMH benchmark the runner uses, via
# FidelityMain) for zstd 1, zstd 3 and lz4 1, compress and decompress. All speeds are MB/s of
# uncompressed data with 1 MB = 10^6 bytes, single thread. Goal: archbench/CLI within 0.90-1.10.
# The CLIs print the fastest of their ~1 s runs, so the ratio compares like with like: archbench's
# fastest 1 s measurement iteration ("ab best"); "ab mean" is the mean that archbench records.
#
# Needs: apt-get install -y zstd lz4
# Usage: workloads/compression/bench/compare-cli.sh [FILE...]
#        (default: the generated json-logs and text corpora)
# Timings are only as good as the machine is quiet: run it twice and compare.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
root="$(cd "$module/../.." && pwd)"
target="${ARCHBENCH_TARGET:-target}"  # build directory name (archbench.target)
for tool in zstd lz4 java; do
  command -v "$tool" >/dev/null || { echo "compare-cli: '$tool' not found (apt-get install -y zstd lz4)" >&2; exit 1; }
done
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  (cd "$root" && ./mvnw -B -q -pl workloads/compression -am -DskipTests \
    -Darchbench.target="$target" package)
fi
cp="$module/$target/classes:$(cat "$module/$target/classpath.txt")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  java -cp "$cp" dev.archbench.workloads.compression.corpus.WriteCorpora "$work" json-logs text >/dev/null
  files=("$work/json-logs" "$work/text")
fi

# Prints "compress decompress" MB/s from the last progress line of a CLI benchmark (its result).
cli_speeds() {
  "$@" 2>&1 | tr '\r' '\n' | grep -E 'MB/s.*MB/s' | tail -1 \
    | grep -oE '[0-9]+(\.[0-9]+)? MB/s' | awk '{printf "%s ", $1}'
}

printf '%-10s %-6s %-5s %-10s %9s %10s %10s %7s\n' file codec level op cli "ab best" "ab mean" ratio
for f in "${files[@]}"; do
  [[ -f "$f" ]] || { echo "compare-cli: $f: not a file" >&2; exit 1; }
  name="$(basename "$f")"
  declare -A cli=()
  read -r c d <<<"$(cli_speeds zstd --single-thread -b1 -B1048576 "$f")"; cli[zstd-1-compress]=$c; cli[zstd-1-decompress]=$d
  read -r c d <<<"$(cli_speeds zstd --single-thread -b3 -B1048576 "$f")"; cli[zstd-3-compress]=$c; cli[zstd-3-decompress]=$d
  read -r c d <<<"$(cli_speeds lz4 -b1 -B6 "$f")"; cli[lz4-1-compress]=$c; cli[lz4-1-decompress]=$d
  while read -r _ codec level op mean best; do
    key="$codec-$level-$op"
    awk -v n="$name" -v c="$codec" -v l="$level" -v o="$op" -v cli="${cli[$key]}" -v m="$mean" -v b="$best" \
      'BEGIN { printf "%-10s %-6s %-5s %-10s %9.1f %10.1f %10.1f %7.2f\n", n, c, l, o, cli, b, m, b / cli }'
  done < <(java -cp "$cp" dev.archbench.workloads.compression.FidelityMain "$f" \
    | tee "$work/impl.txt" | grep '^archbench ')
  unset cli
done
echo "CLIs: $(zstd --version | head -1); $(lz4 --version | head -1)"
grep '^# ' "$work/impl.txt" | sed 's/^# /archbench /'
echo "java: $(java -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
