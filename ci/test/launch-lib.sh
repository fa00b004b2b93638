# shellcheck shell=bash disable=SC2154,SC2034 # $root, $tmp, $launcher and $launch_args are the caller's; it reads launch_rc
# Sourced by the launcher tests (ci/test/ecs-launch-test.sh, ci/test/lambda-launch-test.sh, and through
# user-data-lib.sh the ci/ec2/launch tests) after tap.sh: the jar ($ARCHBENCH_JAR, else the
# launcher's build), the checked-in record the aws stub (ci/test/stubs/aws) answers with, run_launch
# and check_leftover_stacks. The caller sets $launcher (the launcher under test, relative to $root),
# $launch_args (the options every run of it takes) and, if it needs any, $launch_env (NAME=VALUE
# settings for it) and $launch_stubs (the stub directories in front of PATH; default ci/test/stubs).
jar=${ARCHBENCH_JAR:-}
if [[ -z $jar ]]; then
  "$root/archbench" --version >/dev/null # builds harness/target/archbench.jar when missing or stale
  jar=$root/harness/target/archbench.jar
fi
record=$root/reports/src/test/resources/records/v2/c7g-1.json
launch_env=()

# run_launch NAME [launch options...]: the launcher with the stubs, its files in $tmp/NAME (calls.log:
# every aws call; bucket/: the S3 bucket; out/: --out; console.log); sets launch_rc. The stubs play
# $FLEET_RECORD, by default $record.
run_launch() {
  local dir=$tmp/$1
  shift
  mkdir -p "$dir/bucket"
  touch "$dir/calls.log"
  launch_rc=0
  env "PATH=${launch_stubs:-$root/ci/test/stubs}:$PATH" "STUB_LOG=$dir/calls.log" "STUB_BUCKET_ROOT=$dir/bucket" \
    "STUB_FLEET_RECORD=${FLEET_RECORD:-$record}" "ARCHBENCH_JAR=$jar" "${launch_env[@]}" \
    timeout 300 "$root/$launcher" "${launch_args[@]}" --out "$dir/out" "$@" >"$dir/console.log" 2>&1 || launch_rc=$?
}

# check_leftover_stacks KIND: --status lists a stack of this launcher (tag archbench=KIND) left
# behind, and --cleanup deletes it.
check_leftover_stacks() {
  local old=archbench-$1-old
  STUB_LEFT_STACKS=$old run_launch status --status
  check "lists a stack left behind" has_match "$tmp/status/console.log" "^$old  CREATE_COMPLETE"
  check "finds it by its tag" has_match "$tmp/status/calls.log" "Key=='archbench' && Value=='$1'"
  STUB_LEFT_STACKS=$old run_launch cleanup --cleanup
  check "--cleanup deletes it" has_line "$tmp/cleanup/calls.log" "aws cloudformation delete-stack --stack-name $old"
}
