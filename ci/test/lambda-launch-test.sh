#!/usr/bin/env bash
# Tests ci/lambda/launch against functions the aws stub (ci/test/stubs/aws) plays: --dry-run calls no
# AWS and prices every architecture and memory size; a launch deploys one function per architecture
# and memory size from the per-architecture images, invokes each in a row, stores the records locally
# and in S3, reports them priced per memory size from the catalog with the cold invocation of each
# function one host and its warm ones another (one result per function and start, its invocations the
# records of that host), prints that result and deletes the stack; a function that answers with an error fails the launch after the report; bad
# options are one-line errors; --status and --cleanup find stacks left behind.
# Needs: bash, python3, a JDK 17+ and the jar ($ARCHBENCH_JAR, else the launcher's build).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
scenario=lambda-launch
# shellcheck source=ci/test/tap.sh
source "$root/ci/test/tap.sh"
# shellcheck source=ci/test/launch-lib.sh
source "$root/ci/test/launch-lib.sh"
image=123456789012.dkr.ecr.us-east-1.amazonaws.com/archbench:test
launcher=ci/lambda/launch
launch_args=(--bucket archbench-e2e --prefix runs/lambda --image "$image" --stack-name archbench-lambda-e2e)

scenario=lambda-dry-run
run_launch dry --dry-run
d=$tmp/dry
check "exits 0" test "$launch_rc" -eq 0
check "calls no AWS at all" test ! -s "$d/calls.log"
# arm64 0.0000133334 USD per GB-s, x86_64 0.0000166667; 1024 MB for an hour: 0.048000 and 0.060000.
check "prices 1024 MB on arm64 per hour and per invocation (180 s at most + a request)" has_match "$d/console.log" \
  '^arm64 +1024MB +archbench-lambda-e2e-arm64-1024 +0\.048000 +0\.002400$'
check "and on x86_64" has_match "$d/console.log" '^x86_64 +1024MB +archbench-lambda-e2e-x86_64-1024 +0\.060000 +0\.003000$'
check "plans 3008 MB on both" bash -c "grep -qE '^arm64 +3008MB ' '$d/console.log' && grep -qE '^x86_64 +3008MB ' '$d/console.log'"
check "estimates the cost of 60 invocations" has_match "$d/console.log" '^Estimated cost: 60 invocation\(s\), at most USD [0-9.]+ '
check "names the price source" has_match "$d/console.log" '^Prices: '

scenario=lambda-bad-options
run_launch bad-memory --memory-sizes 1024,64 --dry-run
check "refuses a memory size Lambda does not offer, in one line" has_line "$tmp/bad-memory/console.log" \
  "launch: not a Lambda memory size: '64' (MB, 128 to 10240)"
run_launch bad-slice --slice-seconds 900 --dry-run
check "refuses a slice beyond Lambda's 15 minutes" has_match "$tmp/bad-slice/console.log" '^launch: --slice-seconds must be from 10 to 840'

scenario=lambda-launch
run_launch launch --memory-sizes 1024,1769 --invocations 3
d=$tmp/launch
check "exits 0" test "$launch_rc" -eq 0
check "deploys ci/lambda/functions.yaml with the per-architecture images, tagged" bash -c "
  grep -E '^aws cloudformation deploy --template-file .*/ci/lambda/functions.yaml --stack-name archbench-lambda-e2e ' '$d/calls.log' |
    grep -F ' --tags archbench=lambda archbench:prefix=runs/lambda ' |
    grep -qF ' ArmMemorySizes=1024,1769 X86MemorySizes=1024,1769 ArmImage=$image-arm64 X86Image=$image-amd64 TimeoutSeconds=180'"
check "invokes each of the 4 functions 3 times" test "$(grep -c '^aws lambda invoke --function-name archbench-lambda-e2e-' "$d/calls.log")" -eq 12
check "tells each invocation its benchmark, slice and label" has_match "$d/calls.log" \
  '--payload \{"workloads": "compression", "include": \["compression/zstd.compress\$"\], "sliceSeconds": 120, "label": "lambda-arm64-1769"\}'
check "keeps one cold and two warm records per function, labelled alike" python3 -c '
import collections, glob, json, sys
seen = collections.Counter()
for f in glob.glob(sys.argv[1] + "/*.json"):
    r = json.load(open(f))
    seen[(r["run"]["label"], r["host"]["platform"]["lambdaFunction"]["start"])] += 1
want = {}
for f in ("arm64-1024", "arm64-1769", "x86_64-1024", "x86_64-1769"):
    want[("lambda-" + f, "warm")] = 2
    want[("lambda-" + f, "cold")] = 1
sys.exit(0 if seen == want else f"label and start {dict(seen)}")' "$d/out/records"
check "stores the records in S3" test "$(find "$d/bucket/archbench-e2e/runs/lambda/records" -name '*.json' | wc -l)" -eq 12
# 1769 MB on x86_64: 1769/1024 GB x 0.0000166667 x 3600 = 0.103653 USD/h; 1024 MB on arm64: 0.0480002.
check "reports one host per function and start, its invocations its records, priced from the catalog" python3 -c '
import json, sys
hosts = {h["key"]: h for h in json.load(open(sys.argv[1]))["analysis"]["hosts"]}
want = {}
for f in ("arm64-1024mb", "arm64-1769mb", "x86_64-1024mb", "x86_64-1769mb"):
    want["lambda-" + f + "-cold"] = 1
    want["lambda-" + f + "-warm"] = 2
got = {k: len(h["runIds"]) for k, h in hosts.items()}
assert got == want, got
assert all(h["priceSource"].startswith("embedded serverless catalog") for h in hosts.values()), hosts
price = {k: h["usdPerHour"] for k, h in hosts.items()}
assert price["lambda-x86_64-1769mb-cold"] == price["lambda-x86_64-1769mb-warm"] == 0.103653, price
assert price["lambda-arm64-1024mb-cold"] == price["lambda-arm64-1024mb-warm"] == 0.0480002, price
' "$d/out/report/report.json"
check "  ... with an interval over the warm invocations" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["analysis"]
cells = [c for r in a["benchmarks"] for c in r["cells"] if c["host"] == "lambda-arm64-1769mb-warm" and c["status"] == "ok"]
assert cells and all(c["sample"]["records"] == 2 and c["sample"]["scope"] == "records, forks and iterations" for c in cells), cells[:1]
' "$d/out/report/report.json"
check "  ... and cold and warm curves against memory size" python3 -c '
import json, sys
curves = json.load(open(sys.argv[1]))["analysis"]["lambdaSizes"]
got = {(c["arch"], c.get("start")) for c in curves}
want = {(a, s) for a in ("aarch64", "x86_64") for s in ("cold", "warm")}
sys.exit(0 if got == want else f"curves {got}")' "$d/out/report/report.json"
check "  ... in the Markdown report too, labelled" has_match "$d/out/report/report.md" '^\| .* \| aarch64 \| cold \| 1769 MB \| lambda-arm64-1769mb-cold \|'
check "prints the result of each function and start" has_match "$d/console.log" '^lambda-x86_64-1024mb-warm +2  '
check "deletes the stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-lambda-e2e"

scenario=lambda-errors
STUB_FAILING_FUNCTIONS=x86_64-1024 run_launch failing --memory-sizes 1024 --invocations 2
d=$tmp/failing
check "exits 1 when a function answers without a record" test "$launch_rc" -eq 1
check "says what Lambda answered" has_match "$d/console.log" '^launch: x86_64-1024 #1: Unhandled .*Task timed out'
check "still reports the other function" test -s "$d/out/report/report.csv"
check "deletes the stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-lambda-e2e"

scenario=lambda-status
check_leftover_stacks lambda

remove_tmp_unless_failed
tap_summary "ci/test/lambda-launch-test.sh"
