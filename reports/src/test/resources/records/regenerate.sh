#!/usr/bin/env bash
# Regenerates the report fixtures in this folder from real runs of the harness: the golden reports
# (../golden) and the producer/consumer tests read these records, never hand-written ones.
#
#   reports/src/test/resources/records/regenerate.sh            # from the repository root, ~10 min
#   reports/src/test/resources/records/regenerate.sh platforms  # only the Fargate and Lambda records, ~2 min
#
# What it makes (schema 2, quick profile on the representative grid (quick alone runs the core grid,
# which has no selftest benchmarks), threads 1 and 2 where a benchmark scales with threads, a
# selection that covers every typed quantity: JMH
# throughput and sample mode with latency histograms, a scenario, a deliberate failure, a skip,
# a compression corpus, the web knee, the inference server scenario and single-stream latency):
#   v2/c7g-1.json, v2/c7g-2.json  two runs reported as c7g.xlarge (the instance level of one host)
#   v2/c7i-1.json                 one run reported as c7i.xlarge
#   two-host/two-host.json, two-host/starved.json   two-host runs (below; root only)
# The instance types come from a loopback IMDSv2 stub (ci/test/imds_stub.py); the hardware is the
# machine that runs this script, so the numbers are real but the types are stand-ins.
# v1/ holds a record written by the version-1 harness (commit 3de65f2); it is kept, not regenerated.
#
# Platforms paid for by size (smoke profile on the representative grid at one thread, selftest/sum and
# sum.latency, so their rows meet the EC2 records'; noisy by design, so
# reports include them with --allow-noisy):
#   v2/fargate-1.json      a Fargate task of 1 vCPU and 2 GB: ECS_CONTAINER_METADATA_URI_V4 points at a
#                          loopback stub of the task metadata endpoint (ci/test/ecs_metadata_stub.py)
#                          answering the documented-shape fixtures in harness/src/test/resources/ecs-metadata/
#   v2/lambda-1024-cold.json, v2/lambda-1024-warm.json   Lambda functions of 1024 and 1769 MB, two
#   v2/lambda-1769-cold.json, v2/lambda-1769-warm.json   invocations each of the Lambda handler
#                          (lambda/, built here if it is not) in one execution environment: the image's
#                          entry point (ci/container/archbench-lambda, AWS's runtime interface client)
#                          against the loopback Runtime API stand-in (ci/test/lambda_runtime_stub.py),
#                          with the Lambda runtime's variables; the first is cold, the second warm, as
#                          the handler stamps them (no credentials are set, and none would be recorded)
#
# Then relabel-accelerator.py (beside this script) makes v2/inf2-1.json, the stand-in accelerator host.
# Afterwards regenerate the golden reports: ./mvnw -pl reports test -Dtest=GoldenFilesTest -Darchbench.updateGolden=true
set -euo pipefail
root=$(cd "$(dirname "$0")/../../../../.." && pwd)
here="$root/reports/src/test/resources/records"
jar="$root/harness/target/archbench.jar"
[[ -f $jar ]] || (cd "$root" && ./mvnw -B -q -pl harness -am package -DskipTests)
if ! compgen -G "$root/lambda/target/archbench-lambda-*.jar" >/dev/null || [[ ! -d $root/lambda/target/lambda-lib ]]; then
  (cd "$root" && ./mvnw -B -q -pl lambda -am package -DskipTests)
fi
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
tmp=$(mktemp -d)
trap 'kill "${runtime:-}" "${stub:-}" 2>/dev/null || true; rm -rf "$tmp"' EXIT

save_record() { # run-output-dir output-name: the run's record, not JMH's own JSON beside it
  mkdir -p "$here/v2"
  local f
  for f in "$1"/*.json; do
    [[ $f == *.jmh.json ]] || cp "$f" "$here/v2/$2.json"
  done
}

# shellcheck disable=SC2054 # the commas separate workloads inside one argument
selection=(--workloads selftest,compression,web,inference --grid representative --threads 1,2 --include 'selftest/' --include 'web/knee.http$' --include 'inference/server.mlp.onnxruntime$'
  --include 'inference/singlestream.mlp.onnxruntime$' --include 'compression/zstd.compress$')

run_as() { # instance-type output-name
  rm -f "$tmp/imds.port"
  python3 "$root/ci/test/imds_stub.py" --port-file "$tmp/imds.port" --log "$tmp/imds.log" \
    --instance-type "$1" --lifecycle on-demand &
  stub=$!
  for _ in $(seq 50); do [[ -s $tmp/imds.port ]] && break; sleep 0.1; done
  local out="$tmp/$2"
  AWS_EC2_METADATA_SERVICE_ENDPOINT="http://127.0.0.1:$(cat "$tmp/imds.port")" \
    java -jar "$jar" run --profile quick "${selection[@]}" --progress plain --out "$out" || true
  kill "$stub"; wait "$stub" 2>/dev/null || true
  save_record "$out" "$2"
}

platform_selection=(--workloads selftest --profile smoke --grid representative --threads 1 --include 'selftest/sum$'
  --include 'selftest/sum.latency$')

run_fargate() { # output-name
  rm -f "$tmp/ecs.port"
  local ecs="$root/harness/src/test/resources/ecs-metadata"
  python3 "$root/ci/test/ecs_metadata_stub.py" --port-file "$tmp/ecs.port" --log "$tmp/ecs.log" \
    --task "$ecs/fargate-task.json" --container "$ecs/fargate-container.json" &
  stub=$!
  for _ in $(seq 50); do [[ -s $tmp/ecs.port ]] && break; sleep 0.1; done
  local out="$tmp/$1"
  AWS_EC2_METADATA_DISABLED=true ECS_CONTAINER_METADATA_URI_V4="http://127.0.0.1:$(cat "$tmp/ecs.port")/v4/archbench" \
    java -jar "$jar" run "${platform_selection[@]}" --progress plain --out "$out" || true
  kill "$stub"; wait "$stub" 2>/dev/null || true
  grep -qx 'GET /v4/archbench/task 200' "$tmp/ecs.log" || { echo "the ECS stub was not asked" >&2; exit 1; }
  save_record "$out" "$1"
}

run_lambda() { # memory-mb: two invocations of one execution environment, lambda-MB-cold and -warm
  local out="$tmp/lambda-$1" home="$tmp/lambda-$1/opt/archbench" i
  mkdir -p "$home/lambda"
  ln -s "$jar" "$home/archbench.jar"
  cp "$root"/lambda/target/archbench-lambda-*.jar "$root"/lambda/target/lambda-lib/*.jar "$home/lambda/"
  # platform_selection as an event (the handler's runs take no grid or threads: smoke's are the same here)
  local event='{"workloads": "selftest", "include": ["selftest/sum$", "selftest/sum.latency$"], "profile": "smoke",
    "sliceSeconds": 120, "label": "lambda-MB"}'
  event=${event/MB/$1}
  echo "[$event, $event]" >"$out/events.json"
  python3 "$root/ci/test/lambda_runtime_stub.py" --port-file "$out/port" --log "$out/runtime.log" --dir "$out/answers" \
    --events "$out/events.json" --timeout-seconds 300 --function "archbench-$1" &
  stub=$!
  for _ in $(seq 50); do [[ -s $out/port ]] && break; sleep 0.1; done
  env -i "PATH=$PATH" "HOME=$out" "JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}" \
    "ARCHBENCH_HOME=$home" "AWS_LAMBDA_RUNTIME_API=127.0.0.1:$(cat "$out/port")" AWS_EC2_METADATA_DISABLED=true \
    "AWS_LAMBDA_FUNCTION_NAME=archbench-$1" "AWS_LAMBDA_FUNCTION_VERSION=\$LATEST" "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=$1" \
    AWS_LAMBDA_INITIALIZATION_TYPE=on-demand AWS_EXECUTION_ENV=AWS_Lambda_java17 AWS_REGION=us-east-1 \
    "AWS_LAMBDA_LOG_GROUP_NAME=/aws/lambda/archbench-$1" AWS_LAMBDA_LOG_STREAM_NAME=stream "TMPDIR=$out" \
    "$root/ci/container/archbench-lambda" dev.archbench.lambda.BenchmarkHandler::handleRequest >"$out/runtime.out" 2>&1 &
  runtime=$!
  for _ in $(seq 600); do
    [[ -f $out/answers/req-2.response.json || -f $out/answers/req-2.error.json ]] && break
    kill -0 "$runtime" 2>/dev/null || break
    sleep 0.5
  done
  kill "$runtime" "$stub" 2>/dev/null || true
  wait "$runtime" "$stub" 2>/dev/null || true
  for i in 1 2; do
    python3 - "$out/answers/req-$i.response.json" "$here/v2/lambda-$1" <<'EOF' || { tail -n 20 "$out/runtime.out" >&2; exit 1; }
import json, sys
answer = json.load(open(sys.argv[1]))
with open(f"{sys.argv[2]}-{answer['start']}.json", "w") as f:
    json.dump(answer["record"], f, indent=2)
    f.write("\n")
EOF
  done
}

if [[ ${1:-} != platforms ]]; then
  run_as c7g.xlarge c7g-1
  run_as c7g.xlarge c7g-2
  run_as c7i.xlarge c7i-1
fi
run_fargate fargate-1
run_lambda 1024
run_lambda 1769
echo "regenerated: $(ls "$here/v2")"

# two-host/: records of two-host runs (the server in one network namespace, named c7g.xlarge; the
# load generator in another, c7i.4xlarge; once on its own CPU, once starved by a CPU quota), made by
# the CI test that checks them end to end. Needs root; about 2 minutes.
if [[ ${1:-} == platforms ]]; then
  exit 0
elif [[ $(id -u) == 0 ]]; then
  ARCHBENCH_JAR=$jar ARCHBENCH_REQUIRE_NETNS=1 "$root/ci/test/two-host-netns.sh" "$tmp/two-host"
  mkdir -p "$here/two-host"
  cp "$(ls "$tmp/two-host/records"/*.json | grep -v '\.jmh\.json$')" "$here/two-host/two-host.json"
  cp "$(ls "$tmp/two-host/starved"/*.json | grep -v '\.jmh\.json$')" "$here/two-host/starved.json"
  echo "regenerated: $(ls "$here/two-host")"
else
  echo "two-host/ kept as it is: regenerating it needs root (network namespaces, a cgroup)"
fi
