#!/usr/bin/env bash
# End-to-end test of the Lambda handler: the image's Lambda entry point (ci/container/archbench-lambda)
# starts AWS's real Java runtime interface client with archbench.jar and the handler's jars
# (lambda/target), against ci/test/lambda_runtime_stub.py on loopback playing the Runtime API with four
# events: three slices of the selftest workload's sum benchmark (smoke profile), then a bad event.
# Checks: the first answer is cold and its record says so (host.platform.lambdaFunction.start), the
# others warm, all with the function's label; each record is a complete archbench record of the
# selected benchmark, ok; the bad event comes back as Lambda's error shape with a one-line message, and
# the runtime goes on serving. Then `archbench report` of the three records, as ci/lambda/launch runs
# it: one host of the cold invocation and one of the two warm ones (its interval resamples both),
# priced alike from the memory size, a cold and a warm curve against memory size.
# Needs: bash, python3, a JDK 17+, the jar ($ARCHBENCH_JAR, else harness/target/archbench.jar) and the
# handler module built (./mvnw -pl lambda -am package).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
scenario=lambda-handler
stub_pid=
runtime_pid=
# shellcheck source=ci/test/tap.sh
source "$root/ci/test/tap.sh"
cleanup() {
  [[ -z $runtime_pid ]] || kill "$runtime_pid" 2>/dev/null || true
  [[ -z $stub_pid ]] || kill "$stub_pid" 2>/dev/null || true
  remove_tmp_unless_failed
}
trap cleanup EXIT
jar=${ARCHBENCH_JAR:-$root/harness/target/archbench.jar}
[[ -f $jar ]] || { echo "lambda-handler-e2e: no jar at $jar (./archbench --version builds it)" >&2; exit 1; }
if ! compgen -G "$root/lambda/target/archbench-lambda-*.jar" >/dev/null || [[ ! -d $root/lambda/target/lambda-lib ]]; then
  echo "lambda-handler-e2e: build the handler first: ./mvnw -B -pl lambda -am package -DskipTests" >&2
  exit 1
fi

# /opt/archbench as the image has it.
home=$tmp/opt/archbench
mkdir -p "$home/lambda"
ln -s "$jar" "$home/archbench.jar"
cp "$root"/lambda/target/archbench-lambda-*.jar "$root"/lambda/target/lambda-lib/*.jar "$home/lambda/"

cat >"$tmp/events.json" <<'EOF'
[{"workloads": "selftest", "include": ["selftest/sum$"], "profile": "smoke", "sliceSeconds": 60, "label": "lambda-x86_64-1024"},
 {"workloads": "selftest", "include": ["selftest/sum$"], "profile": "smoke", "sliceSeconds": 60, "label": "lambda-x86_64-1024"},
 {"workloads": "selftest", "include": ["selftest/sum$"], "profile": "smoke", "sliceSeconds": 60, "label": "lambda-x86_64-1024"},
 {"workloads": "selftest", "sliceSeconds": 5000}]
EOF
python3 "$root/ci/test/lambda_runtime_stub.py" --port-file "$tmp/port" --log "$tmp/runtime.log" --dir "$tmp/answers" \
  --events "$tmp/events.json" --timeout-seconds 300 &
stub_pid=$!
for _ in $(seq 50); do [[ -s $tmp/port ]] && break; sleep 0.1; done
[[ -s $tmp/port ]] || { echo "lambda-handler-e2e: the Runtime API stub did not start" >&2; exit 1; }

# The environment Lambda gives a function (the client reads these).
env -i "PATH=$PATH" "HOME=$tmp" "JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
  "ARCHBENCH_HOME=$home" "AWS_LAMBDA_RUNTIME_API=127.0.0.1:$(cat "$tmp/port")" \
  AWS_LAMBDA_FUNCTION_NAME=archbench-e2e-x86_64-1024 "AWS_LAMBDA_FUNCTION_VERSION=\$LATEST" \
  AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024 AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 \
  AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/archbench-e2e-x86_64-1024 AWS_LAMBDA_LOG_STREAM_NAME=stream \
  AWS_LAMBDA_INITIALIZATION_TYPE=on-demand "TMPDIR=$tmp" "DJL_CACHE_DIR=$tmp/djl" \
  "$root/ci/container/archbench-lambda" dev.archbench.lambda.BenchmarkHandler::handleRequest >"$tmp/runtime.out" 2>&1 &
runtime_pid=$!
for _ in $(seq 600); do
  [[ -f $tmp/answers/req-4.error.json || -f $tmp/answers/req-4.response.json ]] && break
  kill -0 "$runtime_pid" 2>/dev/null || break
  sleep 0.5
done

answer() { # answer N FIELD: a field of the N-th response
  python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))
v = a
for k in sys.argv[2].split("."):
    v = v.get(k) if isinstance(v, dict) else None
print(v)' "$tmp/answers/req-$1.response.json" "$2" 2>/dev/null || echo "<no response>"
}
check "the runtime interface client asked for the next event" has_match "$tmp/runtime.log" '^GET /2018-06-01/runtime/invocation/next$'
check "the first invocation answered" test -f "$tmp/answers/req-1.response.json"
check "  ... cold" test "$(answer 1 start)" == cold
check "  ... and its record says so" test "$(answer 1 record.host.platform.lambdaFunction.start)" == cold
check "  ... with the function's label" test "$(answer 1 record.run.label)" == lambda-x86_64-1024
check "the second answered warm" test "$(answer 2 start)" == warm
check "  ... and its record says so" test "$(answer 2 record.host.platform.lambdaFunction.start)" == warm
check "  ... with the same label" test "$(answer 2 record.run.label)" == lambda-x86_64-1024
check "the third answered warm" test "$(answer 3 record.host.platform.lambdaFunction.start)" == warm
check "every record holds the selected benchmark, ok" python3 -c '
import json, sys
for f in sys.argv[1:]:
    a = json.load(open(f))
    results = a["record"]["results"]
    assert a["exitCode"] == 0, a["exitCode"]
    assert [r["benchmark"] for r in results] == ["sum"], [r["benchmark"] for r in results]
    assert all(r["status"] == "ok" for r in results), results
    assert a["record"]["run"]["id"], a["record"]["run"]
' "$tmp/answers/req-1.response.json" "$tmp/answers/req-2.response.json" "$tmp/answers/req-3.response.json"
check "a bad event comes back as an error" test -f "$tmp/answers/req-4.error.json"
check "  ... with a one-line message" python3 -c '
import json, sys
e = json.load(open(sys.argv[1]))
sys.exit(0 if e.get("errorMessage") == "event: \"sliceSeconds\" must be from 1 to 840" else f"error: {e}")' \
  "$tmp/answers/req-4.error.json"
check "the runtime keeps serving after it" kill -0 "$runtime_pid"

# The report ci/lambda/launch makes of the records: one host per function and start.
mkdir -p "$tmp/records"
for i in 1 2 3; do
  python3 -c 'import json, sys; json.dump(json.load(open(sys.argv[1]))["record"], open(sys.argv[2], "w"))' \
    "$tmp/answers/req-$i.response.json" "$tmp/records/invocation-$i.json" 2>/dev/null || true
done
java -jar "$jar" report "$tmp/records" --allow-noisy --format json,md --out "$tmp/report" >"$tmp/report.out" 2>&1 || true
check "a report of the records keeps the cold invocation apart from the two warm ones" python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["analysis"]
hosts = {h["key"]: h for h in a["hosts"]}
assert {k: len(h["runIds"]) for k, h in hosts.items()} == {"lambda-x86_64-1024mb-cold": 1, "lambda-x86_64-1024mb-warm": 2}, hosts.keys()
assert {h["usdPerHour"] for h in hosts.values()} == {0.0600001}, [h["usdPerHour"] for h in hosts.values()]
cell = [c for r in a["benchmarks"] for c in r["cells"] if c["host"] == "lambda-x86_64-1024mb-warm"][0]
assert cell["sample"]["records"] == 2 and cell["score"]["lower"] <= cell["score"]["value"] <= cell["score"]["upper"], cell
assert {(c["arch"], c["start"]) for c in a["lambdaSizes"]} == {("x86_64", "cold"), ("x86_64", "warm")}, a["lambdaSizes"]
' "$tmp/report/report.json"
check "  ... labelled in the Markdown report" has_match "$tmp/report/report.md" '^\| sum .*\| x86\\_64 \| warm \| 1024 MB \| lambda-x86\\_64-1024mb-warm \|'
[[ $failed -eq 0 ]] || tail -n 40 "$tmp/runtime.out"
tap_summary "ci/test/lambda-handler-e2e.sh"
