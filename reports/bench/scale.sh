#!/bin/sh
# Times `report` on 1,000 records x 100 benchmarks (goal: under 10 s with a 1 GiB heap).
# First in-process rounds that split the time into read, analyze and write (round 1 is cold,
# later rounds show the JIT-warm cost), then the real thing: `./archbench report` in a fresh JVM.
# Usage: reports/bench/scale.sh [RECORDS] [BENCHMARKS]   (from the repository root)
set -eu
cd "$(dirname "$0")/../.."
cp_file=$(mktemp)
./mvnw -B -q -pl reports -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
cp="record/target/classes:record/target/test-classes:reports/target/classes:reports/target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"
dir=$(mktemp -d "${TMPDIR:-/tmp}/archbench-scale.XXXXXX")
trap 'rm -rf "$dir" "$dir-out" "$dir-cli"' EXIT
java -Xmx1g -cp "$cp" dev.archbench.reports.ScaleBenchmark "${1:-1000}" "${2:-100}" 3 "$dir/records"
./archbench --version >/dev/null # builds the distribution if needed, outside the timing
for round in 1 2 3; do
  start=$(date +%s%N)
  ARCHBENCH_JAVA_OPTS=-Xmx1g ./archbench report "$dir/records" --allow-noisy --out "$dir-cli" >/dev/null
  end=$(date +%s%N)
  echo "CLI round $round: ./archbench report (fresh JVM, -Xmx1g): $(( (end - start) / 1000000 )) ms wall"
done
