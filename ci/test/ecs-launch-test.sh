#!/usr/bin/env bash
# Tests ci/ecs/launch against ECS tasks the aws stub (ci/test/stubs/aws) plays with copies of a
# checked-in archbench record: --dry-run calls no AWS and prices both architectures from the
# serverless catalog; a launch deploys one task definition per size and architecture, runs the
# replicas, gathers their records into one report priced per task size, and deletes the stack; a task
# that never stops is stopped at the time limit; bad sizes, Spot with arm64 and a failed deploy are
# one-line errors; --status and --cleanup find stacks left behind.
# Needs: bash, python3, a JDK 17+ and the jar ($ARCHBENCH_JAR, else the launcher's build).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
scenario=ecs-launch
# shellcheck source=ci/test/tap.sh
source "$root/ci/test/tap.sh"
# shellcheck source=ci/test/launch-lib.sh
source "$root/ci/test/launch-lib.sh"
launcher=ci/ecs/launch
launch_args=(--bucket archbench-e2e --prefix runs/ecs --profile smoke
  --image 123456789012.dkr.ecr.us-east-1.amazonaws.com/archbench:test --stack-name archbench-ecs-e2e)
launch_env=(ARCHBENCH_LAUNCH_POLL_SECONDS=1)

scenario=ecs-dry-run
run_launch dry --dry-run
d=$tmp/dry
check "exits 0" test "$launch_rc" -eq 0
check "calls no AWS at all" test ! -s "$d/calls.log"
# us-east-1: arm64 0.03238/vCPU-h + 0.00356/GB-h, x86_64 0.04048 + 0.004445.
check "prices 1 vCPU / 2 GB on arm64" has_match "$d/console.log" '^1x2 +arm64 +1 +2 +3 +fargate-1x2-arm64 +0\.039500$'
check "and on x86_64" has_match "$d/console.log" '^1x2 +x86_64 +1 +2 +3 +fargate-1x2-x86_64 +0\.049370$'
check "prices 2 vCPU / 4 GB on both" bash -c "grep -qE '^2x4 +arm64 .* 0\\.079000$' '$d/console.log' &&
  grep -qE '^2x4 +x86_64 .* 0\\.098740$' '$d/console.log'"
# 12 tasks at (0.0395 + 0.04937 + 0.079 + 0.09874) x 3 = 0.79983 USD/h; 30 minutes at most: 0.40.
check "estimates the cost of all tasks" has_match "$d/console.log" '^Estimated cost: 12 task\(s\), USD [0-9.]+ at the plan .* at most USD 0\.40 at the time limit$'
check "names the price source" has_match "$d/console.log" '^Prices: .*(serverless-us-east-1\.csv|catalog)'
check "names the task definitions" has_match "$d/console.log" 'task definition\(s\): 1024-2048-ARM64 1024-2048-X86_64 2048-4096-ARM64 2048-4096-X86_64$'

scenario=ecs-bad-options
run_launch bad-size --task-sizes 1x2,3x5 --dry-run
check "refuses a size Fargate does not offer, in one line" bash -c "[[ \$(wc -l <'$tmp/bad-size/console.log') -eq 1 ]] &&
  grep -q \"^launch: not a Fargate task size: '3x5'\" '$tmp/bad-size/console.log'"
check "  ... exiting 1" test "$launch_rc" -eq 1
run_launch bad-spot --spot
check "refuses Fargate Spot with arm64" has_line "$tmp/bad-spot/console.log" \
  "launch: Fargate Spot does not run arm64 tasks: leave out --spot or run --architectures x86_64"
check "  ... before calling AWS" test ! -s "$tmp/bad-spot/calls.log"
run_launch bad-arch --architectures arm64,riscv64 --dry-run
check "refuses an unknown architecture" has_line "$tmp/bad-arch/console.log" \
  "launch: --architectures takes arm64 and x86_64, not 'riscv64'"

scenario=ecs-launch
run_launch launch --task-sizes 1x2,0.5x1 --replicas 2
d=$tmp/launch
check "exits 0" test "$launch_rc" -eq 0
check "deploys ci/ecs/tasks.yaml with one variant per size and architecture, tagged" bash -c "
  grep -E '^aws cloudformation deploy --template-file .*/ci/ecs/tasks.yaml --stack-name archbench-ecs-e2e ' '$d/calls.log' |
    grep -F ' --tags archbench=ecs archbench:prefix=runs/ecs ' |
    grep -qF ' TaskVariants=1024-2048-ARM64,1024-2048-X86_64,512-1024-ARM64,512-1024-X86_64 Image=123456789012.dkr.ecr.us-east-1.amazonaws.com/archbench:test '"
check "runs 2 Fargate tasks of every variant in the default subnets" bash -c "
  [[ \$(grep -cE '^aws ecs run-task --cluster archbench-ecs-e2e --task-definition archbench-ecs-e2e-[0-9]+-[0-9]+-(ARM64|X86_64) --count 2 --launch-type FARGATE --network-configuration awsvpcConfiguration=\\{subnets=\\[subnet-0e2e000000000000a,subnet-0e2e000000000000b\\],securityGroups=\\[sg-0e2e0000000000000\\],assignPublicIp=ENABLED\\} ' '$d/calls.log') -eq 4 ]]"
check "the run's command line travels as the container's override" has_match "$d/calls.log" \
  '"command": \["run", "--profile", "smoke", "--label", "fargate-0.5x1-x86_64", "--out", "/work/results", "--progress", "plain"\]'
check "gathers 8 records" test "$(find "$d/out/records" -name '*.json' | wc -l)" -eq 8
check "each labelled with its size and architecture" python3 -c '
import glob, json, sys
labels = sorted(json.load(open(f))["run"]["label"] for f in glob.glob(sys.argv[1] + "/*.json"))
want = sorted(2 * ["fargate-1x2-arm64", "fargate-1x2-x86_64", "fargate-0.5x1-arm64", "fargate-0.5x1-x86_64"])
sys.exit(0 if labels == want else f"labels {labels}")' "$d/out/records"
check "reports them in one report" test -s "$d/out/report/report.csv"
# 0.5 vCPU + 1 GB on arm64: 0.019750 USD/h; 1 vCPU + 2 GB on x86_64: 0.049370.
check "prices each label from its task size" python3 -c '
import json, sys
hosts = json.load(open(sys.argv[1]))["analysis"]["hosts"]
prices = {h["key"]: h.get("pricePerHour") for h in hosts}
text = json.dumps(hosts)
sys.exit(0 if "0.01975" in text and "0.04937" in text else f"hosts: {prices}")' "$d/out/report/report.json"
check "deletes the stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-ecs-e2e"

scenario=ecs-time-limit
STUB_SILENT_VARIANTS=1024-2048-X86_64 run_launch slow --task-sizes 1x2 --replicas 1 --time-limit 2s
d=$tmp/slow
check "exits 1 when tasks had to be stopped at the time limit" test "$launch_rc" -eq 1
check "stops the task that never ended" has_match "$d/calls.log" '^aws ecs stop-task --cluster archbench-ecs-e2e --task arn:aws:ecs:.* --reason archbench launch: time limit 2s$'
check "still reports the other task's record" test -s "$d/out/report/report.csv"
check "says so in one line" has_match "$d/console.log" '^launch: 1 task\(s\) were stopped at the time limit 2s'
check "deletes the stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-ecs-e2e"

scenario=ecs-deploy-fails
STUB_DEPLOY_FAIL=1 run_launch fail
d=$tmp/fail
check "exits non-zero" test "$launch_rc" -ne 0
check "runs no task" bash -c "! grep -q 'ecs run-task' '$d/calls.log'"
check "still deletes the stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-ecs-e2e"

scenario=ecs-status
check_leftover_stacks ecs

remove_tmp_unless_failed
tap_summary "ci/test/ecs-launch-test.sh"
