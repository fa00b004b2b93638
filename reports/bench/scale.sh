#!/bin/sh
# Times `report` on 1,000 records x 100 benchmarks (goal: under 10 s with a 1 GiB heap).
# Usage: reports/bench/scale.sh [RECORDS] [BENCHMARKS]   (from the repository root)
set -eu
cd "$(dirname "$0")/../.."
cp_file=$(mktemp)
./mvnw -B -q -pl reports -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
cp="reports/target/classes:reports/target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"
exec java -Xmx1g -cp "$cp" dev.archbench.reports.ScaleBenchmark "${1:-1000}" "${2:-100}"
