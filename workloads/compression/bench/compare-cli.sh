#!/usr/bin/env bash
# Fidelity check: archbench's compression speeds next to the native CLIs' own benchmarks on the
# same file and machine, at 1 MiB blocks, single thread: `zstd --single-thread -b1/-b3 -B1MiB`
# (--single-thread: otherwise the CLI compresses in an asynchronous worker, ~45% slower here) and
# `lz4 -b1 -B6`, against archbench's BlockBenchmark (the JMH benchmark the runner uses, via
# FidelityMain) for zstd 1, zstd 3 and lz4 1. Goal: archbench/CLI within 0.90-1.10.
#
# The CLIs and archbench run different builds (Debian's libzstd 1.5.4 and liblz4 1.9.4; zstd-jni
# and lz4-java ship their own, newer ones), so a C loop (native-loop.c) separates the two questions:
#   "C shipped": the libraries inside the zstd-jni and lz4-java jars, called from C as archbench
#                calls them through JNI. ab/C is archbench's own overhead (JNI, buffers, JMH).
#   "C system":  Debian's libraries, the code the CLIs run; C system vs cli shows how the CLIs'
#                own timing differs from a plain loop over the same code.
# Every figure is the best of its runs (the CLIs print their fastest run; archbench's is its fastest
# 1 s measurement iteration, "ab best"; "ab mean" is the mean that archbench records), and each
# round runs everything once, alternating, so a noisy neighbour hurts no column more than another.
# MB/s are 10^6 bytes of uncompressed data per second.
#
# Needs: apt-get install -y zstd lz4 gcc (without a C compiler the C columns are left out)
# Usage: [ROUNDS=2] workloads/compression/bench/compare-cli.sh [FILE...]
#        (default: the generated json-logs and text corpora; about 4 minutes per round)
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

# The native reference loop (native-loop.c), run on two libraries: the system's libzstd/liblz4 (the
# code the CLIs run) and the very files zstd-jni and lz4-java ship (the code archbench runs).
native=""
if command -v cc >/dev/null; then
  cc -O2 -o "$work/native-loop" "$here/native-loop.c" -ldl && native="$work/native-loop"
else
  echo "compare-cli: no C compiler (apt-get install -y gcc): native columns left out" >&2
fi
jar_arch=$(uname -m); [[ $jar_arch == x86_64 ]] && jar_arch=amd64
jar_of() { tr ':' '\n' <"$module/$target/classpath.txt" | grep "/$1-[0-9][^/]*\.jar$" | head -1; }
unzip -p "$(jar_of zstd-jni)" "linux/$jar_arch/libzstd-jni-*.so" >"$work/libzstd-jni.so"
unzip -p "$(jar_of lz4-java)" "net/jpountz/util/linux/$jar_arch/liblz4-java.so" >"$work/liblz4-java.so"
declare -A system_lib=([zstd]=$(ldconfig -p | awk '/libzstd\.so\.1 /{print $NF; exit}')
                      [lz4]=$(ldconfig -p | awk '/liblz4\.so\.1 /{print $NF; exit}'))
declare -A shipped_lib=([zstd]=$work/libzstd-jni.so [lz4]=$work/liblz4-java.so)

# Prints "compress decompress" MB/s from the last progress line of a CLI benchmark (its result).
cli_speeds() {
  "$@" 2>&1 | tr '\r' '\n' | grep -E 'MB/s.*MB/s' | tail -1 \
    | grep -oE '[0-9]+(\.[0-9]+)? MB/s' | awk '{printf "%s ", $1}'
}

rounds=${ROUNDS:-2}
declare -A best=()  # "<what> <file> <codec> <level> <op>" -> best MB/s over the rounds
keep_best() { # key value
  if [[ -z ${best[$1]:-} ]] || awk -v a="$2" -v b="${best[$1]}" 'BEGIN { exit !(a > b) }'; then
    best[$1]=$2
  fi
}
pairs=("zstd 1" "zstd 3" "lz4 1")
for round in $(seq "$rounds"); do
  echo "round $round of $rounds ..." >&2
  for f in "${files[@]}"; do
    [[ -f "$f" ]] || { echo "compare-cli: $f: not a file" >&2; exit 1; }
    name="$(basename "$f")"
    for pair in "${pairs[@]}"; do
      read -r codec level <<<"$pair"
      if [[ $codec == zstd ]]; then
        read -r c d <<<"$(cli_speeds zstd --single-thread "-b$level" -B1048576 "$f")"
      else
        read -r c d <<<"$(cli_speeds lz4 "-b$level" -B6 "$f")"
      fi
      keep_best "cli $name $codec $level compress" "$c"
      keep_best "cli $name $codec $level decompress" "$d"
      if [[ -n $native ]]; then
        for which in system shipped; do
          if [[ $which == system ]]; then lib=${system_lib[$codec]}; else lib=${shipped_lib[$codec]}; fi
          while read -r _ _ _ op b _; do
            keep_best "$which $name $codec $level $op" "$b"
          done < <("$native" "$lib" "$codec" "$level" "$f" 1 3)
        done
      fi
    done
    while read -r _ codec level op mean b; do
      keep_best "archbench $name $codec $level $op" "$b"
      keep_best "mean $name $codec $level $op" "$mean"
    done < <(java -cp "$cp" dev.archbench.workloads.compression.FidelityMain "$f" \
      | tee "$work/impl.txt" | grep '^archbench ')
  done
done

echo "MB/s (10^6 bytes of uncompressed data per second), best of $rounds rounds; C = native-loop.c"
printf '%-10s %-5s %-3s %-10s %8s %9s %9s %9s %9s %7s %7s\n' file codec lvl op cli \
  "C system" "C shipped" "ab best" "ab mean" "ab/C" "ab/cli"
for f in "${files[@]}"; do
  name="$(basename "$f")"
  for pair in "${pairs[@]}"; do
    read -r codec level <<<"$pair"
    for op in compress decompress; do
      k="$name $codec $level $op"
      awk -v n="$name" -v c="$codec" -v l="$level" -v o="$op" -v cli="${best[cli $k]}" \
        -v sys="${best[system $k]:-0}" -v shp="${best[shipped $k]:-0}" -v ab="${best[archbench $k]}" \
        -v m="${best[mean $k]}" 'BEGIN {
          printf "%-10s %-5s %-3s %-10s %8.1f %9s %9s %9.1f %9.1f %7s %7.2f\n", n, c, l, o, cli,
            (sys > 0 ? sprintf("%.1f", sys) : "-"), (shp > 0 ? sprintf("%.1f", shp) : "-"), ab, m,
            (shp > 0 ? sprintf("%.2f", ab / shp) : "-"), ab / cli }'
    done
  done
done
echo "CLIs: $(zstd --version | head -1); $(lz4 --version | head -1)"
echo "C system: ${system_lib[zstd]:-none}, ${system_lib[lz4]:-none}; C shipped: the libraries inside the zstd-jni and lz4-java jars"
grep '^# ' "$work/impl.txt" | sed 's/^# /archbench /'
echo "java: $(java -version 2>&1 | head -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
