#!/usr/bin/env bash
# End-to-end test of the EC2 user data: ci/ec2/user-data.sh exactly as CloudFormation renders it from
# ci/ec2/fleet.yaml (Fn::Sub with test parameters), run in a clean environment the way cloud-init runs
# it, with everything remote replaced by loopback stand-ins:
#  - ci/test/stubs on PATH: aws (s3 cp copies to/from a directory playing the bucket), dnf, apt-get,
#    snap, shutdown, poweroff, neuron-ls, nvidia-smi; each logs its calls;
#  - ci/test/imds_stub.py on 127.0.0.1: IMDSv2 (token required), a switchable instance type and spot
#    interruption notice, and the distribution download over HTTP;
#  - fixture device trees (ARCHBENCH_ROOT: dev/neuron0 or dev/nvidia0, the AMIs' PyTorch venvs under
#    opt/ as dist-info directories), the inf2 one shared with the Java fingerprint tests.
# The normal run uses the real archbench.jar ($ARCHBENCH_JAR, else the launcher builds or reuses
# harness/target/archbench.jar) on the hidden selftest workload, smoke profile. That workload holds a
# deliberately failing benchmark, so archbench exits 1 and still writes a complete record. The hung
# run and the spot interruption use ci/test/StubArchbench.java, compiled here.
# Then ci/ec2/launch runs against a fleet that the aws stub plays with copies of that record, and a
# mixed CPU/Neuron/GPU fleet with two replicas per type played from a checked-in archbench record with
# inference results, gathered into one report. Pairs (server and load roles, --load-generator):
# ci/test/user-data-pairs-e2e.sh.
# Needs: bash, curl, python3, a JDK 17+ (javac, jar). Takes about a minute plus the smoke run.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
# shellcheck source=ci/test/tap.sh
source "$root/ci/test/tap.sh"
# shellcheck source=ci/test/user-data-lib.sh
source "$root/ci/test/user-data-lib.sh"
has_file_like() { compgen -G "$1" >/dev/null; }

# --- the stub jar -----------------------------------------------------------------------------------
mkdir -p "$tmp/stub-classes"
"$java_home/bin/javac" -nowarn -XDignore.symbol.file -d "$tmp/stub-classes" "$root/ci/test/StubArchbench.java" 2>/dev/null
# The stub carries the real jar's jnilib/pytorch.properties: the user data reads DJL's libtorch version there.
mkdir -p "$tmp/stub-classes/jnilib"
unzip -p "$jar" jnilib/pytorch.properties >"$tmp/stub-classes/jnilib/pytorch.properties"
"$java_home/bin/jar" --create --file "$tmp/files/stub-archbench.jar" --main-class StubArchbench -C "$tmp/stub-classes" .
# The tarball form of the distribution is tested with the stub jar.
mkdir -p "$tmp/dist/archbench-stub"
cp "$tmp/files/stub-archbench.jar" "$tmp/dist/archbench-stub/archbench.jar"
tar -czf "$tmp/files/archbench-stub.tar.gz" -C "$tmp/dist" archbench-stub
stub_tgz_sha256=$(sha256sum "$tmp/files/archbench-stub.tar.gz" | cut -d' ' -f1)

# --- the loopback IMDS stub ------------------------------------------------------------------------
python3 "$root/ci/test/imds_stub.py" --port-file "$tmp/imds.port" --log "$tmp/imds.log" \
  --instance-type c7g.xlarge --instance-type-file "$tmp/imds-instance-type" --region us-east-1 --lifecycle spot \
  --spot-notice-file "$tmp/spot-notice" --files "$tmp/files" &
pids+=($!)
imds=http://127.0.0.1:$(wait_port_file "$tmp/imds.port")

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
    "DistSha256=$dist_sha256" JdkVersion=17 TimeLimit=10m ServerPort=8080 NetworkClasses= "$@" >"$dir/user-data.sh"
  local cmd=(env -i "PATH=$root/ci/test/stubs:$java_home/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
    "HOME=$dir" "ARCHBENCH_HOME=$dir/home" "ARCHBENCH_OS_RELEASE=$root/ci/test/os-release/$os"
    ARCHBENCH_SPOT_POLL_SECONDS=1 ARCHBENCH_KILL_GRACE=2s "AWS_EC2_METADATA_SERVICE_ENDPOINT=$imds"
    "STUB_LOG=$dir/calls.log" "STUB_BUCKET_ROOT=$dir/bucket" "STUB_ARCHBENCH_MODE=${STUB_MODE:-hang}"
    "STUB_ARCHBENCH_STARTED=$dir/stub-started" "ARCHBENCH_ROOT=${ROOT:-$tmp/root-cpu}"
    "STUB_DEVICE_CHECK_FAIL=${DEVICE_FAIL:-}"
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

mkdir -p "$tmp/root-cpu"
iid=i-0123456789abcdef0 # the IMDS stub's instance id

# --- 1. a normal run: AL2023, the jar over HTTP with checksum, real archbench, selftest smoke ------
scenario=normal
run_user_data normal al2023
d=$tmp/normal
results=$d/bucket/archbench-e2e/runs/e2e/c7g.xlarge/$iid
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
  check "record's fingerprint has the instance id and zone from IMDS" \
    test "$(json_field "$record" host.cloud.instanceId) $(json_field "$record" host.cloud.availabilityZone)" = \
    "$iid us-east-1b"
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
check "status.json names the instance, its zone and no accelerator" has_match "$results/status.json" \
  "^\\{\"instanceType\":\"c7g.xlarge\",\"instanceId\":\"$iid\",\"zone\":\"us-east-1b\",\"accelerator\":\"none\","
check "no role tag: the single-instance run" has_match "$results/status.json" '"role":"single"'
check "runs with --device auto" has_match "$results/logs/user-data.log" 'running: java -jar .* --device auto'
check "every metadata read carried the IMDSv2 token" bash -c "! grep -E '^GET /latest/meta-data/\\S+ - ' '$tmp/imds.log'"

# --- 2. ci/ec2/launch around a played fleet (the aws stub's deploy uploads copies of a record) ------
# run_launch (user-data-lib.sh): the fleet plays $FLEET_RECORD, by default the record of the normal run.
# csv_rows FILE TYPE BENCHMARK: the report's CSV rows of that host and benchmark, "status records cost".
csv_rows() {
  python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["host"] == sys.argv[2] and r["benchmark"] == sys.argv[3]:
        print(r["status"], r["records"], r["cost_per_million"] or "-", r["notes"] or "-")' "$@" 2>/dev/null
}
# has_row FILE HOST BENCHMARK REGEX: a CSV row of that host and benchmark matches REGEX.
has_row() { csv_rows "$1" "$2" "$3" | grep -qE -- "$4"; }
if [[ -f $record ]]; then
  scenario=launch
  run_launch launch
  d=$tmp/launch
  check "exits 0" test "$launch_rc" -eq 0
  check "sorts the types into AMI families" has_match "$d/calls.log" \
    ' X86InstanceTypes=c7i.xlarge ArmInstanceTypes=c7g.xlarge NeuronInstanceTypes= GpuInstanceTypes= '
  check "one replica in the first default subnet" has_match "$d/calls.log" ' ReplicaSlots=1.subnet-0e2e000000000000a '
  check "tags the stack so --status finds it" has_match "$d/calls.log" ' --tags archbench=fleet archbench:prefix=runs/launch '
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
  check "names the silent instance type" has_match "$d/console.log" 'too few status.json after .* from: c7g.xlarge'
  check "still reports on the other" has_file_like "$d/out/report/*.md"
  check "deletes the stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-e2e"

  scenario=launch-plan
  STUB_SILENT_TYPES=c7i.xlarge,c7g.xlarge run_launch launch-plan --profile standard --wait-timeout 3s \
    -- --workloads web
  d=$tmp/launch-plan
  # The web workload's standard plan is about 38 minutes (its budget is 60): 1.5 x that, above the
  # 30 minute floor.
  check "derives the time limit from the run's own plan" has_match "$d/calls.log" \
    ' TimeLimit=([4-9][0-9]|[1-9][0-9]{2,})m '

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
  run_launch launch-bad-replicas --replicas 0
  check "refuses --replicas 0 in one line" has_line "$tmp/launch-bad-replicas/console.log" \
    "launch: --replicas must be a whole number from 1 to 99"
  run_launch launch-bad-gpu --instance-types g5g.xlarge
  check "refuses an arm64 GPU type, saying why" has_match "$tmp/launch-bad-gpu/console.log" \
    '^launch: g5g.xlarge: arm64 GPU types are not supported'

  scenario=launch-deploy-fails
  STUB_DEPLOY_FAIL=1 run_launch launch-fail
  d=$tmp/launch-fail
  check "exits non-zero" test "$launch_rc" -ne 0
  check "deletes the half-made stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-e2e"

  # The accelerator third: a mixed list, two replicas per type, one report. The played record is a
  # real archbench record with inference results (reports' fixture); the stub adds the accelerator
  # and the same model's results on it, as the instances' runs would.
  mixed=c7g.xlarge,c7i.xlarge,inf2.xlarge,g6.xlarge
  scenario=launch-dry-run
  run_launch launch-dry --instance-types "$mixed" --dry-run --replicas 2
  d=$tmp/launch-dry
  check "exits 0" test "$launch_rc" -eq 0
  check "calls no AWS at all" test ! -s "$d/calls.log"
  check "shows each type's architecture, family, market and replicas" bash -c "
    grep -qE '^inf2.xlarge +x86_64 +neuron +spot +2 +0.7582' '$d/console.log' &&
    grep -qE '^g6.xlarge +x86_64 +gpu +spot +2 +0.8048' '$d/console.log' &&
    grep -qE '^c7g.xlarge +arm64 +arm +spot +2 ' '$d/console.log'"
  check "names the Neuron AMI parameter and why" has_match "$d/console.log" \
    'neuron \(inf2.xlarge\): /aws/service/neuron/dlami/multi-framework/ubuntu-24.04/latest/image_id'
  check "names the GPU AMI parameter and why" bash -c "grep -qF 'gpu (g6.xlarge): /aws/service/deeplearning/ami/x86_64/oss-nvidia-driver-gpu-pytorch-2.7-ubuntu-22.04/latest/ami-id' '$d/console.log' && grep -q 'why: NVIDIA GPU' '$d/console.log'"
  check "shows the time limit from the plan" has_match "$d/console.log" '^profile smoke, plan [0-9]+ min, time limit 30m per instance'
  # 8 instances: (0.145 + 0.1785 + 0.7582 + 0.8048) x 2 per hour, 30 minutes at most: USD 1.89.
  check "estimates the whole fleet's cost" has_match "$d/console.log" '^Estimated cost: 8 instance\(s\), .* at most USD 1\.89 '

  scenario=launch-mixed
  FLEET_RECORD=$root/reports/src/test/resources/records/v2/c7g-1.json \
    run_launch launch-mixed --instance-types "$mixed" --replicas 2 --ami-parameter gpu=/aws/service/deeplearning/ami/x86_64/test-gpu/latest/ami-id
  d=$tmp/launch-mixed
  check "exits 0" test "$launch_rc" -eq 0
  check "deploys each family with its own AMI parameter" bash -c "grep -E ' X86InstanceTypes=c7i.xlarge ArmInstanceTypes=c7g.xlarge NeuronInstanceTypes=inf2.xlarge GpuInstanceTypes=g6.xlarge ' '$d/calls.log' |
    grep -F ' NeuronAmi=/aws/service/neuron/dlami/multi-framework/ubuntu-24.04/latest/image_id GpuAmi=/aws/service/deeplearning/ami/x86_64/test-gpu/latest/ami-id ' | grep -qF ' X86Ami=/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 '"
  check "gives accelerator AMIs their Ubuntu root device and a large volume" has_match "$d/calls.log" \
    ' AcceleratorRootDeviceName=/dev/sda1 AcceleratorRootVolumeGiB=200 '
  check "spreads two replicas over two zones' subnets" has_match "$d/calls.log" \
    ' ReplicaSlots=1.subnet-0e2e000000000000a,2.subnet-0e2e000000000000b '
  check "gathers two records per type" bash -c "
    for t in c7g c7i inf2 g6; do
      [[ \$(grep -l '\"instanceType\": \"'\$t'.xlarge\"' '$d/out/records'/*.json | wc -l) -eq 2 ]] || exit 1
    done"
  check "each record carries its instance id and zone" python3 -c '
import glob, json, sys
clouds = [json.load(open(f))["host"]["cloud"] for f in glob.glob(sys.argv[1] + "/*.json")]
ids = {c["instanceId"] for c in clouds}
zones = {(c["instanceType"], c["availabilityZone"]) for c in clouds}
sys.exit(0 if len(ids) == 8 and all(i.startswith("i-") for i in ids) and len(zones) == 8 else 1)' "$d/out/records"
  report_csv=$d/out/report/report.csv
  # Rows are "status records cost-per-million notes"; two records per host: the instance level.
  check "one report with Neuron rows (2 records, cost per million)" \
    has_row "$report_csv" inf2.xlarge singlestream.mlp.pytorch-neuron '^ok 2 [0-9.]+ '
  check "and GPU rows" has_row "$report_csv" g6.xlarge singlestream.mlp.pytorch-gpu '^ok 2 [0-9.]+ '
  check "beside the CPU rows of the same model" has_row "$report_csv" c7g.xlarge singlestream.mlp.onnxruntime '^ok 2 [0-9.]+ '
  check "intervals include the instance level (no one-record caveat)" \
    has_row "$report_csv" inf2.xlarge singlestream.mlp.pytorch-neuron '^ok 2 [0-9.]+ -$'
  check "the report names the accelerators with their software" python3 -c '
import json, sys
hosts = {h["key"]: h for h in json.load(open(sys.argv[1]))["analysis"]["hosts"]}
acc = json.dumps(hosts["inf2.xlarge"]["accelerators"]) + json.dumps(hosts["g6.xlarge"]["accelerators"])
sys.exit(0 if "Inferentia2" in acc and "L4" in acc else 1)' "$d/out/report/report.json"

  scenario=launch-retry
  FLEET_RECORD=$root/reports/src/test/resources/records/v2/c7g-1.json STUB_INTERRUPT_TYPES=c7g.xlarge \
    run_launch launch-retry --retry-interrupted on-demand
  d=$tmp/launch-retry
  check "exits 0" test "$launch_rc" -eq 0
  check "retries the interrupted type once, on-demand, in its own stack" has_match "$d/calls.log" \
    '^aws cloudformation deploy .*--stack-name archbench-e2e-retry1 .* ArmInstanceTypes=c7g.xlarge NeuronInstanceTypes= .* Market=on-demand '
  check "reports the retried record, not the partial one" bash -c "
    [[ \$(grep -l '\"instanceType\": \"c7g.xlarge\"' '$d/out/records'/*.json | wc -l) -eq 1 ]] &&
    grep -l '\"instanceType\": \"c7g.xlarge\"' '$d/out/records'/*.json | xargs grep -q '\"lifecycle\": \"on-demand\"'"
  check "deletes both stacks" bash -c "grep -qx 'aws cloudformation delete-stack --stack-name archbench-e2e' '$d/calls.log' &&
    grep -qx 'aws cloudformation delete-stack --stack-name archbench-e2e-retry1' '$d/calls.log'"

  scenario=launch-leftovers
  STUB_LEFT_STACKS=archbench-fleet-20261201t000000z run_launch launch-status --status
  d=$tmp/launch-status
  check "--status lists a stack left by an earlier run and its instances" bash -c "
    grep -q '^archbench-fleet-20261201t000000z  CREATE_COMPLETE' '$d/console.log' &&
    grep -q 'i-0e2e00000000000ff  c7g.xlarge  us-east-1a  spot' '$d/console.log'"
  check "--status deletes nothing" bash -c "! grep -q delete-stack '$d/calls.log'"
  STUB_LEFT_STACKS=archbench-fleet-20261201t000000z run_launch launch-cleanup --cleanup
  check "--cleanup deletes it" has_line "$tmp/launch-cleanup/calls.log" \
    "aws cloudformation delete-stack --stack-name archbench-fleet-20261201t000000z"
else
  scenario=launch
  not_ok "skipped: the normal run gave no record"
fi

# --- 3. a hung run: Ubuntu, plain jar from file://, stub ignores SIGTERM, 3 s time limit ------------
scenario=time-limit
start=$SECONDS
STUB_MODE=hang run_user_data hung ubuntu-24.04 "DistUrl=file://$tmp/files/stub-archbench.jar" DistSha256= TimeLimit=3s
d=$tmp/hung
results=$d/bucket/archbench-e2e/runs/e2e/c7g.xlarge/$iid
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
results=$d/bucket/archbench-e2e/runs/e2e/c7g.xlarge/$iid
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
results=$d/bucket/archbench-e2e/runs/e2e/c7g.xlarge/$iid
check "user data exits non-zero" test "$user_data_rc" -ne 0
check "status is error" has_match "$results/status.json" '"status":"error","exitCode":-1,'
check "the log names the checksum mismatch" has_match "$results/logs/user-data.log" 'checksum mismatch'
check "powers off last" test "$(last_line "$d/calls.log")" = "shutdown -P now"
check "never ran archbench" test ! -e "$results/logs/archbench.log"

# --- 6. accelerator instances: device check, framework venv, the environment handed to DJL -----------
# The stub archbench (env mode) prints the arguments and DJL variables it was started with. The inf2
# tree is the Java fingerprint tests' fixture (dev/neuron0, a torch 2.7.1 Neuron venv); the others are
# built here: two Neuron venvs (only the older one has DJL's torch), the GPU AMI's /opt/pytorch.
djl_torch=$(unzip -p "$jar" jnilib/pytorch.properties | sed -n 's/^jni_version=\([0-9.]*\)-.*/\1/p')
inf2_tree=$root/harness/src/test/resources/fingerprint/inf2.xlarge
venv_tree() { # venv_tree DIR TORCH-VERSION: a venv as pip lays it out, without the libraries' bytes
  mkdir -p "$1/bin" "$1/lib/python3.10/site-packages/torch-$2.dist-info" "$1/lib/python3.10/site-packages/torch/lib"
}
mkdir -p "$tmp/root-trn/dev" "$tmp/root-g6/dev" "$tmp/root-g6-old/dev"
touch "$tmp/root-trn/dev/neuron0" "$tmp/root-g6/dev/nvidia0" "$tmp/root-g6-old/dev/nvidia0"
venv_tree "$tmp/root-trn/opt/aws_neuronx_venv_pytorch_2_7" "$djl_torch"
venv_tree "$tmp/root-trn/opt/aws_neuronx_venv_pytorch_2_9" 2.9.0
venv_tree "$tmp/root-g6/opt/pytorch" "$djl_torch+cu128"
venv_tree "$tmp/root-g6-old/opt/pytorch" 2.6.0+cu126
# run_accelerator NAME TYPE TREE [Param=Value...]: the user data on an instance of TYPE with device tree TREE.
run_accelerator() {
  local name=$1 type=$2 tree=$3
  shift 3
  echo "$type" >"$tmp/imds-instance-type"
  STUB_MODE=env ROOT=$tree run_user_data "$name" ubuntu-24.04 \
    "DistUrl=$imds/files/archbench-stub.tar.gz" "DistSha256=$stub_tgz_sha256" Workloads=inference "$@"
  rm -f "$tmp/imds-instance-type"
  d=$tmp/$name
  results=$d/bucket/archbench-e2e/runs/e2e/$type/$iid
  log=$results/logs/user-data.log
  run_log=$results/logs/archbench.log
}

scenario=inf2
run_accelerator inf2 inf2.xlarge "$inf2_tree"
check "user data exits 0" test "$user_data_rc" -eq 0
check "uploads under the type and the instance id" test -f "$results/status.json"
check "checks the device with neuron-ls" has_line "$d/calls.log" "neuron-ls "
check "logs the device check" has_match "$log" 'device check \(neuron, neuron-ls\): ok: instance-type: inf2.xlarge'
check "status.json says neuron, device check ok" has_match "$results/status.json" '"accelerator":"neuron","deviceCheck":"ok"'
check "hands DJL the Neuron venv" has_match "$run_log" \
  "stub archbench env: args=.*--device, auto, --python, $inf2_tree/opt/aws_neuronx_venv_pytorch_2_7/bin/python3, --neuron-env, $inf2_tree/opt/aws_neuronx_venv_pytorch_2_7"
check "logs the DJL environment" has_match "$log" "DJL environment \(archbench sets it from --neuron-env\): .*torch $djl_torch"
check "leaves the bundled CPU libtorch to the CPU benchmarks" has_match "$run_log" 'PYTORCH_LIBRARY_PATH=<unset>'

scenario=trn-two-venvs
run_accelerator trn trn1.2xlarge "$tmp/root-trn"
check "picks the venv whose torch is DJL's, not the newest" has_match "$run_log" \
  "--neuron-env, $tmp/root-trn/opt/aws_neuronx_venv_pytorch_2_7\\]"

scenario=g6
run_accelerator g6 g6.xlarge "$tmp/root-g6"
check "user data exits 0" test "$user_data_rc" -eq 0
check "checks the device with nvidia-smi" has_line "$d/calls.log" \
  "nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader"
check "status.json says gpu, device check ok" has_match "$results/status.json" '"accelerator":"gpu","deviceCheck":"ok"'
check "logs the device" has_match "$log" 'device check \(gpu, nvidia-smi\): ok: NVIDIA L4, 570.133.20'
check "hands DJL the venv's CUDA libtorch" bash -c "
  grep -qxF 'stub archbench env: PYTORCH_LIBRARY_PATH=$tmp/root-g6/opt/pytorch/lib/python3.10/site-packages/torch/lib' '$run_log' &&
  grep -qxF 'stub archbench env: PYTORCH_VERSION=$djl_torch' '$run_log' &&
  grep -qxF 'stub archbench env: PYTORCH_FLAVOR=cu128' '$run_log'"
check "traces TorchScript with the venv's Python, runs --device auto" has_match "$run_log" \
  "args=.*--device, auto, --python, $tmp/root-g6/opt/pytorch/bin/python3"

scenario=g6-other-torch
run_accelerator g6-old g6.xlarge "$tmp/root-g6-old"
check "user data exits 0" test "$user_data_rc" -eq 0
check "says clearly that the AMI's torch does not match DJL's" has_match "$log" \
  "gpu: $tmp/root-g6-old/opt/pytorch has torch 2.6.0\\+cu126, DJL drives libtorch $djl_torch only: not used"
check "hands DJL nothing, so archbench skips GPU with its reason" has_line "$run_log" \
  'stub archbench env: PYTORCH_LIBRARY_PATH=<unset>'

scenario=g6-user-options
run_accelerator g6-user g6.xlarge "$tmp/root-g6" "ExtraArgs=--device cpu --python /usr/bin/python3"
check "the user's own --device and --python win, each given once" has_match "$run_log" \
  'args=\[run, --profile, smoke, --label, g6.xlarge, --out, [^,]*, --workloads, inference, --device, cpu, --python, /usr/bin/python3\]$'

scenario=device-check-fails
DEVICE_FAIL=1 run_accelerator g6-broken g6.xlarge "$tmp/root-g6"
check "still runs (CPU rows; archbench says why GPU is missing)" test -f "$d/stub-started"
check "status.json says the device check failed" has_match "$results/status.json" '"accelerator":"gpu","deviceCheck":"failed"'
check "logs the tool's answer" has_match "$log" "device check \\(gpu, nvidia-smi\\): failed: NVIDIA-SMI has failed"


tap_summary user-data-e2e
