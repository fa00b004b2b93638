# shellcheck shell=bash disable=SC2154,SC2034 # $root and $tmp are the caller's; it reads what this sets
# Sourced by the EC2 user-data tests (ci/test/user-data-e2e.sh, ci/test/user-data-pairs-e2e.sh) after
# tap.sh: launch-lib.sh set up for ci/ec2/launch (run_launch NAME [options...]; the instance types
# c7i.xlarge,c7g.xlarge unless the options name others), the jar checked and served from
# $tmp/files/archbench.jar with its $dist_sha256, $java_home, the cleanup of the stubs in $pids, and
# wait_port_file.
pids=() # the loopback stubs the test started, stopped when it ends
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  remove_tmp_unless_failed
}
trap cleanup EXIT

# shellcheck source=ci/test/launch-lib.sh
source "$root/ci/test/launch-lib.sh"
launcher=ci/ec2/launch
launch_args=(--bucket archbench-e2e --prefix runs/launch --profile smoke --instance-types "c7i.xlarge,c7g.xlarge"
  --stack-name archbench-e2e)
launch_env=(ARCHBENCH_LAUNCH_POLL_SECONDS=1)

[[ -f $jar ]] || { echo "no archbench jar at $jar"; exit 1; }
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
# The real jar is served as is (it is large), for the user data to download and check.
mkdir -p "$tmp/files"
ln -s "$(readlink -f "$jar")" "$tmp/files/archbench.jar"
dist_sha256=$(sha256sum "$jar" | cut -d' ' -f1)

# wait_port_file FILE: the port a stub wrote.
wait_port_file() {
  for _ in $(seq 100); do [[ -s $1 ]] && break; sleep 0.1; done
  cat "$1"
}
