#!/usr/bin/env bash
# End-to-end test of the EC2 user data: ci/ec2/user-data.sh exactly as CloudFormation renders it from
# ci/ec2/fleet.yaml (Fn::Sub with test parameters), run in a clean environment the way cloud-init runs
# it, with everything remote replaced by loopback stand-ins:
#  - ci/test/stubs on PATH: aws (s3 cp copies to/from a directory playing the bucket), dnf, apt-get,
#    snap, shutdown, poweroff; each logs its calls;
#  - ci/test/imds_stub.py on 127.0.0.1: IMDSv2 (token required), a switchable spot interruption
#    notice, and the distribution download over HTTP.
# The normal run uses the real archbench.jar ($ARCHBENCH_JAR, else the launcher builds or reuses
# harness/target/archbench.jar) on the hidden selftest workload, smoke profile. That workload holds a
# deliberately failing benchmark, so archbench exits 1 and still writes a complete record. The hung
# run and the spot interruption use ci/test/StubArchbench.java, compiled here.
# Then ci/ec2/launch runs against a fleet that the aws stub plays with copies of that record.
# Needs: bash, curl, python3, a JDK 17+ (javac, jar). Takes about a minute plus the smoke run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
imds_pid=
# shellcheck source=ci/test/tap.sh
source "$root/ci/test/tap.sh"
cleanup() {
  [[ -z $imds_pid ]] || kill "$imds_pid" 2>/dev/null || true
  remove_tmp_unless_failed
}
trap cleanup EXIT
# json_field FILE a.b.c: prints that field, or <missing>.
json_field() {
  python3 -c '
import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v.get(k) if isinstance(v, dict) else None
print("<missing>" if v is None else v)' "$1" "$2" 2>/dev/null || echo "<unreadable>"
}
last_line() { tail -n 1 "$1"; }
has_file_like() { compgen -G "$1" >/dev/null; }

# --- the archbench jar and the stub jar ------------------------------------------------------------
if [[ -n ${ARCHBENCH_JAR:-} ]]; then
  jar=$ARCHBENCH_JAR
else
  "$root/archbench" --version >/dev/null # builds harness/target/archbench.jar when missing or stale
  jar=$root/harness/target/archbench.jar
fi
[[ -f $jar ]] || { echo "no archbench jar at $jar"; exit 1; }
java_bin=$(command -v java)
java_home=$(dirname "$(dirname "$(readlink -f "$java_bin")")")
mkdir -p "$tmp/stub-classes" "$tmp/files"
"$java_home/bin/javac" -nowarn -XDignore.symbol.file -d "$tmp/stub-classes" "$root/ci/test/StubArchbench.java" 2>/dev/null
"$java_home/bin/jar" --create --file "$tmp/files/stub-archbench.jar" --main-class StubArchbench -C "$tmp/stub-classes" .
# The real jar is served as is (it is large); the tarball form is tested with the stub jar.
ln -s "$(readlink -f "$jar")" "$tmp/files/archbench.jar"
dist_sha256=$(sha256sum "$jar" | cut -d' ' -f1)
mkdir -p "$tmp/dist/archbench-stub"
cp "$tmp/files/stub-archbench.jar" "$tmp/dist/archbench-stub/archbench.jar"
tar -czf "$tmp/files/archbench-stub.tar.gz" -C "$tmp/dist" archbench-stub
stub_tgz_sha256=$(sha256sum "$tmp/files/archbench-stub.tar.gz" | cut -d' ' -f1)

# --- the loopback IMDS stub ------------------------------------------------------------------------
python3 "$root/ci/test/imds_stub.py" --port-file "$tmp/imds.port" --log "$tmp/imds.log" \
  --instance-type c7g.xlarge --region us-east-1 --lifecycle spot \
  --spot-notice-file "$tmp/spot-notice" --files "$tmp/files" &
imds_pid=$!
for _ in $(seq 100); do [[ -s $tmp/imds.port ]] && break; sleep 0.1; done
port=$(cat "$tmp/imds.port")
imds=http://127.0.0.1:$port

# run_user_data NAME OS-RELEASE [Param=Value...]: renders the user data from fleet.yaml with the
# default test parameters overridden by the arguments, then runs it as cloud-init would (env -i).
# Runs in the background when ASYNC=1 (the caller waits for $user_data_pid).
run_user_data() {
  local name=$1 os=$2 dir
  shift 2
  dir=$tmp/$name
  mkdir -p "$dir/home" "$dir/bucket"
  "$root/ci/ec2/template" user-data Bucket=archbench-e2e Prefix=runs/e2e Profile=smoke \
    Workloads=selftest ExtraArgs= "DistUrl=$imds/files/archbench.jar" \
    "DistSha256=$dist_sha256" JdkVersion=17 TimeLimit=10m "$@" >"$dir/user-data.sh"
  local cmd=(env -i "PATH=$root/ci/test/stubs:$java_home/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
    "HOME=$dir" "ARCHBENCH_HOME=$dir/home" "ARCHBENCH_OS_RELEASE=$root/ci/test/os-release/$os"
    ARCHBENCH_SPOT_POLL_SECONDS=1 ARCHBENCH_KILL_GRACE=2s "AWS_EC2_METADATA_SERVICE_ENDPOINT=$imds"
    "STUB_LOG=$dir/calls.log" "STUB_BUCKET_ROOT=$dir/bucket" "STUB_ARCHBENCH_MODE=${STUB_MODE:-hang}"
    "STUB_ARCHBENCH_STARTED=$dir/stub-started"
    timeout 900 bash "$dir/user-data.sh")
  touch "$dir/calls.log"
  if [[ ${ASYNC:-0} == 1 ]]; then
    "${cmd[@]}" >"$dir/console.log" 2>&1 &
    user_data_pid=$!
  else
    user_data_rc=0
    "${cmd[@]}" >"$dir/console.log" 2>&1 || user_data_rc=$?
  fi
}

# --- 1. a normal run: AL2023, the jar over HTTP with checksum, real archbench, selftest smoke ------
scenario=normal
run_user_data normal al2023
d=$tmp/normal
results=$d/bucket/archbench-e2e/runs/e2e/c7g.xlarge
check "user data exits 0" test "$user_data_rc" -eq 0
check "installs Corretto 17 with dnf" has_line "$d/calls.log" "dnf install -y -q java-17-amazon-corretto-headless"
check "schedules the backstop shutdown (10m + 30m)" has_match "$d/calls.log" '^shutdown -P \+40 '
check "powers off last" test "$(last_line "$d/calls.log")" = "shutdown -P now"
check "uploads status.json" test -f "$results/status.json"
records=()
for f in "$results"/*.json; do [[ $f == */status.json || $f == *.jmh.json || ! -f $f ]] || records+=("$f"); done
check "uploads exactly one record" test "${#records[@]}" -eq 1
record=${records[0]:-/nonexistent}
if [[ -f $record ]]; then
  check "status.json lists the record" grep -qF "\"records\":[\"${record##*/}\"]" "$results/status.json"
  check "status is completed or completed-with-failures" \
    has_match "$results/status.json" '"status":"completed(-with-failures)?","exitCode":[01],'
  check "record has schemaVersion 2" test "$(json_field "$record" schemaVersion)" = 2
  check "record says profile smoke" test "$(json_field "$record" run.profile)" = smoke
  check "record is labelled with the instance type" test "$(json_field "$record" run.label)" = c7g.xlarge
  check "record's fingerprint has the instance type from IMDS" \
    test "$(json_field "$record" host.cloud.instanceType)" = c7g.xlarge
  check "record has results, at least one ok" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
sys.exit(0 if r["results"] and any(x["status"] == "ok" for x in r["results"]) else 1)' "$record"
  report_rc=0
  java -jar "$jar" report "$record" --format md,html --out "$d/report" --allow-noisy >"$d/report.log" 2>&1 ||
    report_rc=$?
  check "archbench report accepts the uploaded record" test "$report_rc" -eq 0
  check "archbench report wrote Markdown" has_file_like "$d/report/*.md"
fi
check "uploads the user-data log" has_match "$results/logs/user-data.log" 'archbench exited with [01]: completed'
check "uploads the archbench log" test -s "$results/logs/archbench.log"
check "every metadata read carried the IMDSv2 token" bash -c "! grep -E '^GET /latest/meta-data/\\S+ - ' '$tmp/imds.log'"

# --- 2. ci/ec2/launch around a played fleet (the aws stub's deploy uploads copies of that record) ---
# run_launch NAME [launch options...]: runs ci/ec2/launch with the stubs; sets launch_rc.
run_launch() {
  local name=$1 dir=$tmp/$1
  shift
  mkdir -p "$dir/bucket"
  touch "$dir/calls.log"
  launch_rc=0
  env "PATH=$root/ci/test/stubs:$PATH" "STUB_LOG=$dir/calls.log" "STUB_BUCKET_ROOT=$dir/bucket" \
    "STUB_FLEET_RECORD=$record" "ARCHBENCH_JAR=$jar" ARCHBENCH_LAUNCH_POLL_SECONDS=1 \
    timeout 300 "$root/ci/ec2/launch" --bucket archbench-e2e --prefix runs/launch --profile smoke \
    --instance-types c7i.xlarge,c7g.xlarge --out "$dir/out" --stack-name archbench-e2e "$@" \
    >"$dir/console.log" 2>&1 || launch_rc=$?
}
if [[ -f $record ]]; then
  scenario=launch
  run_launch launch
  d=$tmp/launch
  check "exits 0" test "$launch_rc" -eq 0
  check "splits the types by architecture" has_match "$d/calls.log" \
    ' X86InstanceTypes=c7i.xlarge ArmInstanceTypes=c7g.xlarge '
  # The distribution is the jar, or (when lib/ sits beside it) a tarball of the jar and lib/.
  dist=archbench.jar
  [[ -d $(dirname "$jar")/lib ]] && dist=archbench.tar.gz
  uploaded=$d/bucket/archbench-e2e/runs/launch/_dist/$dist
  check "uploads the distribution it deploys" test -s "$uploaded"
  check "deploys the uploaded distribution with its checksum" has_match "$d/calls.log" \
    "DistUrl=s3://archbench-e2e/runs/launch/_dist/$dist DistSha256=$(sha256sum "$uploaded" 2>/dev/null | cut -d' ' -f1) "
  check "gives a smoke fleet a 30 minute time limit" has_match "$d/calls.log" ' TimeLimit=30m '
  check "deploys with IAM and macro capabilities" has_match "$d/calls.log" \
    '^aws cloudformation deploy .*--capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND'
  check "downloads both records" test "$(find "$d/out/records" -name '*.json' | wc -l)" -eq 2
  check "writes the report" has_file_like "$d/out/report/*.md"
  check "deletes the stack last" test "$(last_line "$d/calls.log")" = \
    "aws cloudformation wait stack-delete-complete --stack-name archbench-e2e"

  scenario=launch-timeout
  STUB_SILENT_TYPES=c7g.xlarge run_launch launch-timeout --wait-timeout 3s
  d=$tmp/launch-timeout
  check "exits 1 when an instance never reports" test "$launch_rc" -eq 1
  check "names the silent instance type" has_match "$d/console.log" 'no status after .* from: c7g.xlarge'
  check "still reports on the other" has_file_like "$d/out/report/*.md"
  check "deletes the stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-e2e"

  scenario=launch-plan
  STUB_SILENT_TYPES=c7i.xlarge,c7g.xlarge run_launch launch-plan --profile standard --wait-timeout 3s \
    -- --workloads web
  d=$tmp/launch-plan
  # The web workload's standard plan is about 42 minutes: 1.5 x that, well above the 30 minute floor.
  check "derives the time limit from the run's own plan" has_match "$d/calls.log" \
    ' TimeLimit=([6-9][0-9]|[1-9][0-9]{2,})m '

  scenario=launch-user-jar
  user_jar=$root/harness/target/user-jmh/uber-1.21/benchmarks.jar
  user_cp=$root/harness/target/user-jmh/1.37/jopt-simple-5.0.4.jar:$root/harness/target/user-jmh/1.37/commons-math3-3.6.1.jar
  run_launch launch-user-jar -- --jmh-jar "$user_jar" --jmh-classpath "$user_cp" --include HelloWorld
  d=$tmp/launch-user-jar
  check "exits 0 with a user's JMH jar" test "$launch_rc" -eq 0
  uploaded=$d/bucket/archbench-e2e/runs/launch/_dist/archbench.tar.gz
  check "carries the user's jar and class path in the distribution" bash -c \
    "tar -tzf '$uploaded' | grep -qx './user/benchmarks.jar' && tar -tzf '$uploaded' | grep -qx './user/commons-math3-3.6.1.jar'"
  check "the instances' run options name the copies" has_match "$d/calls.log" \
    ' ExtraArgs=--jmh-jar dist/user/benchmarks.jar --jmh-classpath dist/user/jopt-simple-5.0.4.jar:dist/user/commons-math3-3.6.1.jar --include HelloWorld '

  scenario=launch-bad-options
  run_launch launch-bad -- --workloads no-such-workload
  d=$tmp/launch-bad
  check "exits 1 on run options that do not plan" test "$launch_rc" -eq 1
  check "says why in one line" has_match "$d/console.log" '^launch: the run options do not plan: .*no-such-workload'
  check "deploys nothing" bash -c "! grep -q 'cloudformation deploy' '$d/calls.log'"

  scenario=launch-deploy-fails
  STUB_DEPLOY_FAIL=1 run_launch launch-fail
  d=$tmp/launch-fail
  check "exits non-zero" test "$launch_rc" -ne 0
  check "deletes the half-made stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-e2e"
else
  scenario=launch
  not_ok "skipped: the normal run gave no record"
fi

# --- 3. a hung run: Ubuntu, plain jar from file://, stub ignores SIGTERM, 3 s time limit ------------
scenario=time-limit
start=$SECONDS
STUB_MODE=hang run_user_data hung ubuntu-24.04 "DistUrl=file://$tmp/files/stub-archbench.jar" DistSha256= TimeLimit=3s
d=$tmp/hung
results=$d/bucket/archbench-e2e/runs/e2e/c7g.xlarge
check "ends within 60 s" test $((SECONDS - start)) -lt 60
check "installs OpenJDK 17 with apt-get" has_line "$d/calls.log" \
  "apt-get install -y -q --no-install-recommends openjdk-17-jre-headless curl ca-certificates"
check "schedules the backstop shutdown (1m + 30m)" has_match "$d/calls.log" '^shutdown -P \+31 '
check "the stub run was started" test -f "$d/stub-started"
check "status is time-limit after SIGKILL" has_match "$results/status.json" '"status":"time-limit","exitCode":137,'
check "uploads the logs" has_match "$results/logs/archbench.log" 'stub archbench hang'
check "powers off last" test "$(last_line "$d/calls.log")" = "shutdown -P now"

# --- 4. a spot interruption notice during the run (distribution as a tarball over HTTP) ----------
scenario=spot
STUB_MODE=interruptible ASYNC=1 run_user_data spot al2023 "DistUrl=$imds/files/archbench-stub.tar.gz" \
  "DistSha256=$stub_tgz_sha256"
d=$tmp/spot
results=$d/bucket/archbench-e2e/runs/e2e/c7g.xlarge
for _ in $(seq 300); do [[ -f $d/stub-started ]] && break; sleep 0.1; done
touch "$tmp/spot-notice"
spot_rc=0
wait "$user_data_pid" || spot_rc=$?
rm -f "$tmp/spot-notice"
check "user data exits 0" test "$spot_rc" -eq 0
check "status is spot-interrupted with archbench's SIGTERM exit" \
  has_match "$results/status.json" '"status":"spot-interrupted","exitCode":143,'
check "uploads the partial record" has_match "$results/00000000-0000-4000-8000-000000000001.json" '"interrupted"'
check "logs the notice" has_match "$results/logs/user-data.log" 'spot interruption notice: .*terminate'
check "runs the jar from the unpacked tarball" has_match "$results/logs/user-data.log" \
  'running: java -jar .*/dist/archbench-stub/archbench.jar run '

check "powers off last" test "$(last_line "$d/calls.log")" = "shutdown -P now"

# --- 5. a distribution with the wrong checksum: an error still uploads logs and powers off --------
scenario=bad-checksum
run_user_data bad al2023 "DistUrl=file://$tmp/files/stub-archbench.jar" "DistSha256=$(printf '0%.0s' {1..64})"
d=$tmp/bad
results=$d/bucket/archbench-e2e/runs/e2e/c7g.xlarge
check "user data exits non-zero" test "$user_data_rc" -ne 0
check "status is error" has_match "$results/status.json" '"status":"error","exitCode":-1,'
check "the log names the checksum mismatch" has_match "$results/logs/user-data.log" 'checksum mismatch'
check "powers off last" test "$(last_line "$d/calls.log")" = "shutdown -P now"
check "never ran archbench" test ! -e "$results/logs/archbench.log"

tap_summary user-data-e2e
