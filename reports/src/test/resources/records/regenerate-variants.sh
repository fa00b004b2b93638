#!/usr/bin/env bash
# Regenerates the fixture of a run of variants, variants/selftest-variants.json, from a real run of
# the harness (the reports' variant tests read it; the golden reports do not):
#
#   reports/src/test/resources/records/regenerate-variants.sh     # from the repository root, ~1 min
#
# Three variants of selftest's sum, four rounds each: the baseline, an identical variant (an A/A
# pair) and one whose forks run in the interpreter (-Xint: a regression no noise hides). Smoke's
# short iterations, since the record exercises the pairing and the drawing, not the numbers.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../../../.." && pwd)
here="$root/reports/src/test/resources/records"
jar="$root/harness/target/archbench.jar"
[[ -f $jar ]] || (cd "$root" && ./mvnw -B -q -pl harness -am package -DskipTests)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
java -jar "$jar" run --workloads selftest --include 'selftest/sum$' --profile smoke \
  --jmh '-f 4 -wi 1 -w 200ms -i 3 -r 200ms' --label variants \
  --variant base= --variant same= --variant interpreted='--jvm-args -Xint' \
  --progress plain --out "$tmp/out"
for f in "$tmp"/out/*.json; do
  [[ $f == *.jmh.json ]] || cp "$f" "$here/variants/selftest-variants.json"
done
echo "wrote $here/variants/selftest-variants.json"
