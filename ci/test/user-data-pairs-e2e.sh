#!/usr/bin/env bash
# End-to-end test of a server/load pair (ci/ec2/launch --load-generator) on this machine: the user
# data exactly as CloudFormation renders it from ci/ec2/fleet.yaml, run twice as cloud-init would,
# once per role, the two "instances" talking over 127.0.0.1:
#  - each has its own IMDSv2: ci/test/imds_stub.py (instance type: the server c7g.xlarge, the load
#    host c7i.4xlarge) behind ci/test/imds_overlay.py, which answers the instance id and the instance
#    tags the fleet sets (archbench-role; on the load instance its server's id, IP and type);
#  - ci/test/stubs on PATH (aws s3 against one directory playing the bucket, dnf, shutdown, ...);
#  - the real archbench.jar ($ARCHBENCH_JAR, else the launcher's build): the server role runs
#    `archbench serve web`, the load role waits for its agent and runs the web knee and closed-loop
#    series with --server (smoke profile), uploads the record under the server's type and puts the
#    marker that stops the server.
# Then ci/ec2/launch --load-generator against a pair fleet that ci/test/stubs-pairs/aws plays with
# copies of that record (deploy parameters, two status.json per pair, one record per server type,
# the report), its refusals, and --dry-run (pairs, placement group, cost, no AWS call); and the
# template check on broken copies of fleet.yaml's pair resources.
# Needs: bash, curl, python3 with PyYAML, a JDK 17+. Takes about two minutes.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tmp=$(mktemp -d)
# shellcheck source=ci/test/tap.sh
source "$root/ci/test/tap.sh"
# shellcheck source=ci/test/user-data-lib.sh
source "$root/ci/test/user-data-lib.sh"

mkdir -p "$tmp/root-cpu" "$tmp/bucket"
server_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server_id=i-0a11000000000e2e1
load_id=i-0b22000000000e2e2

# instance NAME TYPE OVERLAY-ANSWERS...: an IMDS stub and its overlay; sets imds_url.
instance() {
  local name=$1 type=$2
  shift 2
  python3 "$root/ci/test/imds_stub.py" --port-file "$tmp/$name-imds.port" --log "$tmp/$name-imds.log" \
    --instance-type "$type" --region us-east-1 --lifecycle on-demand --files "$tmp/files" &
  pids+=($!)
  local answers=() a
  for a in "$@"; do answers+=(--answer "$a"); done
  python3 "$root/ci/test/imds_overlay.py" --upstream "http://127.0.0.1:$(wait_port_file "$tmp/$name-imds.port")" \
    --port-file "$tmp/$name-overlay.port" "${answers[@]}" &
  pids+=($!)
  imds_url=http://127.0.0.1:$(wait_port_file "$tmp/$name-overlay.port")
}
instance server c7g.xlarge "instance-id=$server_id" tags/instance/archbench-role=server
server_imds=$imds_url
instance load c7i.4xlarge "instance-id=$load_id" tags/instance/archbench-role=load \
  tags/instance/archbench-server-ip=127.0.0.1 "tags/instance/archbench-server-id=$server_id" \
  tags/instance/archbench-server-type=c7g.xlarge
load_imds=$imds_url

# user_data ROLE IMDS: runs (in $tmp/ROLE) the rendered user data as cloud-init would (env -i); both roles share
# the bucket directory, as the two instances share the S3 bucket.
user_data() {
  local imds=$2 dir=$tmp/$1
  mkdir -p "$dir/home"
  touch "$dir/calls.log"
  "$root/ci/ec2/template" user-data Bucket=archbench-e2e Prefix=runs/pairs Profile=smoke Workloads= \
    "ExtraArgs=--p99-target-ms 500" "DistUrl=http://127.0.0.1:$(cat "$tmp/server-imds.port")/files/archbench.jar" "DistSha256=$dist_sha256" \
    JdkVersion=17 TimeLimit=10m "ServerPort=$server_port" \
    "NetworkClasses=c7g.xlarge=Up to 12.5 Gigabit;c7i.4xlarge=12.5 Gigabit" >"$dir/user-data.sh"
  env -i "PATH=$root/ci/test/stubs:$java_home/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" \
    "HOME=$dir" "ARCHBENCH_HOME=$dir/home" "ARCHBENCH_OS_RELEASE=$root/ci/test/os-release/al2023" \
    "AWS_EC2_METADATA_SERVICE_ENDPOINT=$imds" "STUB_LOG=$dir/calls.log" "STUB_BUCKET_ROOT=$tmp/bucket" \
    "ARCHBENCH_ROOT=$tmp/root-cpu" ARCHBENCH_SERVER_BIND=127.0.0.1 ARCHBENCH_PAIR_POLL_SECONDS=1 \
    timeout 600 bash "$dir/user-data.sh" >"$dir/console.log" 2>&1
}

# --- 1. both roles on loopback ---------------------------------------------------------------------
scenario=pair
server_rc=0
user_data server "$server_imds" &
server_pid=$!
load_rc=0
user_data load "$load_imds" || load_rc=$?
wait "$server_pid" || server_rc=$?
results=$tmp/bucket/archbench-e2e/runs/pairs/c7g.xlarge
check "both user data scripts exit 0" test "$server_rc $load_rc" = "0 0"
check "the server served web on the server port" has_match "$results/$server_id/logs/archbench.log" \
  "serving web on http://127.0.0.1:$server_port"
check "the load instance waited for the server's agent" has_match "$results/$load_id/logs/user-data.log" \
  "the server's agent answers at http://127.0.0.1:$server_port/archbench/agent"
check "the load instance ran the web series with --server" has_match "$results/$load_id/logs/user-data.log" \
  "running: java -jar .* run --profile smoke --label c7g.xlarge --out .* --workloads web --server http://127.0.0.1:$server_port --p99-target-ms 500 "
check "the load instance signalled the server" test -s "$tmp/bucket/archbench-e2e/runs/pairs/_pairs/$server_id.done"
check "the server stopped on that signal" has_match "$results/$server_id/logs/user-data.log" 'the load side is done .*server stopped'
check "the server's status.json: role server, completed, no record" has_match "$results/$server_id/status.json" \
  '"instanceType":"c7g.xlarge",.*"status":"completed","exitCode":0,"profile":"smoke","role":"server","records":\[\]'
check "the load's status.json: role load, one record" has_match "$results/$load_id/status.json" \
  '"instanceType":"c7i.4xlarge",.*"status":"completed(-with-failures)?","exitCode":[01],"profile":"smoke","role":"load","records":\["[^"]+"\]'
check "both power off last" test "$(last_line "$tmp/server/calls.log") $(last_line "$tmp/load/calls.log")" = \
  "shutdown -P now shutdown -P now"
check "every metadata read carried the IMDSv2 token" bash -c "! grep -hE '^GET /latest/meta-data/\\S+ - ' '$tmp/server-imds.log' '$tmp/load-imds.log'"
records=()
for f in "$results/$load_id"/*.json; do [[ $f == */status.json || $f == *.jmh.json || ! -f $f ]] || records+=("$f"); done
check "one record, uploaded under the server's type" test "${#records[@]}" -eq 1
pair_record=${records[0]:-/nonexistent}
check "the record is the server's: its instance type and id" test \
  "$(json_field "$pair_record" host.cloud.instanceType) $(json_field "$pair_record" host.cloud.instanceId)" = \
  "c7g.xlarge $server_id"
check "labelled with the server's type" test "$(json_field "$pair_record" run.label)" = c7g.xlarge
check "the load host beside it" test \
  "$(json_field "$pair_record" loadHost.host.cloud.instanceType) $(json_field "$pair_record" loadHost.host.cloud.instanceId)" = \
  "c7i.4xlarge $load_id"
check "the server URL driven" test "$(json_field "$pair_record" loadHost.server)" = "http://127.0.0.1:$server_port"
check "both network paths carry their type's bandwidth class" test \
  "$(json_field "$pair_record" loadHost.serverNetwork.bandwidth)|$(json_field "$pair_record" loadHost.network.bandwidth)" = \
  "Up to 12.5 Gigabit|12.5 Gigabit"
check "the network paths list interfaces (the driver recorded: ena on EC2)" python3 -c '
import json, sys
l = json.load(open(sys.argv[1]))["loadHost"]
sys.exit(0 if all(l[n]["interfaces"] and all(i.get("driver") for i in l[n]["interfaces"]) for n in ("network", "serverNetwork")) else 1)' "$pair_record"
check "only the web knee and closed-loop series ran, with the server's CPU" python3 -c '
import json, sys
rs = json.load(open(sys.argv[1]))["results"]
names = {r["benchmark"] for r in rs}
ok = names == {"closed.http", "knee.http"} and all(r["workload"] == "web" for r in rs)
ok = ok and any((r.get("cpu") or {}).get("serverRequestsPerCpuSecond") for r in rs if r["status"] == "ok")
print("  benchmarks:", ", ".join(sorted(names)))
sys.exit(0 if ok else 1)' "$pair_record"

# --- 2. ci/ec2/launch --load-generator against a played pair fleet -----------------------------------
# run_launch (user-data-lib.sh) with the pair stub in front of the AWS CLI stub, playing the pair's record.
launch_stubs=$root/ci/test/stubs-pairs:$root/ci/test/stubs
record=$pair_record
if [[ -f $pair_record ]]; then
  scenario=launch-pairs
  run_launch launch --load-generator c7i.4xlarge --replicas 2
  d=$tmp/launch
  check "exits 0" test "$launch_rc" -eq 0
  check "asks EC2 for the load generator's architecture and every type's network class" has_match "$d/calls.log" \
    '^aws ec2 describe-instance-types --instance-types c7i.xlarge c7g.xlarge c7i.4xlarge .*NetworkInfo.NetworkPerformance'
  check "deploys pairs, not single instances, with the load generator and the port" has_match "$d/calls.log" \
    ' X86InstanceTypes= ArmInstanceTypes= NeuronInstanceTypes= GpuInstanceTypes= X86PairTypes=c7i.xlarge ArmPairTypes=c7g.xlarge LoadGeneratorType=c7i.4xlarge LoadGeneratorArch=x86 ServerPort=8080 '
  check "hands every type's network class to the instances" bash -c "grep ' NetworkClasses=' '$d/calls.log' |
    grep -F 'c7i.4xlarge=12.5 Gigabit' | grep -F 'c7g.xlarge=Up to 12.5 Gigabit' | grep -qF 'c7i.xlarge=Up to 12.5 Gigabit'"
  check "two pairs per type over two zones" has_match "$d/calls.log" ' ReplicaSlots=1.subnet-0e2e000000000000a,2.subnet-0e2e000000000000b '
  check "waits for the server's and the load's status.json" bash -c \
    "grep -q 'c7g.xlarge: 4 of 4 instance(s) reported' '$d/console.log' && grep -q 'c7i.xlarge: 4 of 4 instance(s) reported' '$d/console.log'"
  check "gathers one record per pair, attributed to the server" python3 -c '
import glob, json, sys
rs = [json.load(open(f)) for f in glob.glob(sys.argv[1] + "/*.json")]
types = sorted(r["host"]["cloud"]["instanceType"] for r in rs)
loads = {r["loadHost"]["host"]["cloud"]["instanceType"] for r in rs}
sys.exit(0 if types == ["c7g.xlarge"] * 2 + ["c7i.xlarge"] * 2 and loads == {"c7i.4xlarge"} else 1)' "$d/out/records"
  check "writes the report, one host per server type" python3 -c '
import json, sys
hosts = sorted(h["key"] for h in json.load(open(sys.argv[1]))["analysis"]["hosts"])
sys.exit(0 if hosts == ["c7g.xlarge", "c7i.xlarge"] else 1)' "$d/out/report/report.json"
  check "deletes the stack last" test "$(last_line "$d/calls.log")" = \
    "aws cloudformation wait stack-delete-complete --stack-name archbench-e2e"

  scenario=launch-pairs-silent
  STUB_SILENT_TYPES=c7g.xlarge run_launch silent --load-generator c7i.4xlarge --wait-timeout 3s
  d=$tmp/silent
  check "exits 1 when a pair never reports" test "$launch_rc" -eq 1
  check "names its server type" has_match "$d/console.log" 'too few status.json after .* from: c7g.xlarge'
  check "deletes the stack" has_line "$d/calls.log" "aws cloudformation delete-stack --stack-name archbench-e2e"

  scenario=launch-pairs-refusals
  run_launch retry --load-generator c7i.4xlarge --retry-interrupted on-demand
  check "refuses --retry-interrupted for pairs, in one line" has_match "$tmp/retry/console.log" \
    '^launch: --retry-interrupted does not apply to pairs'
  run_launch gpu --instance-types c7g.xlarge,g6.xlarge --load-generator c7i.4xlarge
  check "refuses a GPU server type" has_match "$tmp/gpu/console.log" '^launch: g6.xlarge: --load-generator pairs CPU instance types only'
  run_launch workloads --load-generator c7i.4xlarge --workloads inference
  check "refuses --workloads" has_match "$tmp/workloads/console.log" '^launch: --load-generator runs the web load scenarios only'
  check "deploys nothing when refusing" bash -c "! cat '$tmp'/{retry,gpu,workloads}/calls.log | grep -q 'cloudformation deploy'"
else
  scenario=launch-pairs
  not_ok "skipped: the pair gave no record"
fi

# --- 3. --dry-run: pairs, placement group, cost; no AWS call ------------------------------------------
scenario=launch-pairs-dry-run
run_launch dry --instance-types c7g.xlarge,c7i.xlarge --dry-run --load-generator c7i.4xlarge
d=$tmp/dry
check "exits 0" test "$launch_rc" -eq 0
check "calls no AWS at all" test ! -s "$d/calls.log"
check "pairs each server type with a load instance in a cluster placement group" bash -c "
  grep -qE '^c7g.xlarge +arm64 +4 +c7i.4xlarge +16 +archbench-e2e-c7g-xlarge +0.145 \+ 0.714 = 0.8590' '$d/console.log' &&
  grep -qE '^c7i.xlarge +x86_64 +4 +c7i.4xlarge +16 +archbench-e2e-c7i-xlarge +0.1785 \+ 0.714 = 0.8925' '$d/console.log' &&
  grep -q 'strategy cluster' '$d/console.log'"
check "plans the web load scenarios against the server" has_match "$d/console.log" 'web knee and closed-loop series with --server'
check "names each architecture's AMI, the load generator's by its own" bash -c "
  grep -qF '  x86 (c7i.xlarge,c7i.4xlarge (load)): /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64' '$d/console.log' &&
  grep -qF '  arm (c7g.xlarge): /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64' '$d/console.log'"
check "says where the network bandwidth class comes from" has_match "$d/console.log" \
  '^Network bandwidth class: not in the embedded price catalog'
# 4 instances: (0.859 + 0.8925) per hour, 30 + 20 minutes at most: USD 1.46.
check "estimates the pairs' cost" has_match "$d/console.log" '^Estimated cost: 4 instance\(s\), .* at most USD 1\.46 at the time limit \+ 20 min'

# --- 4. the template check catches broken pairs ----------------------------------------------------
scenario=template-pairs
# broken NAME PYTHON-EXPRESSION-ON-s: a copy of fleet.yaml changed by the expression; sets broken_out.
broken_says() { grep -qF -- "$1" <<<"$broken_out"; }
broken() {
  python3 -c 'import sys; s = open(sys.argv[1]).read(); t = eval(sys.argv[2]); assert t != s, "no change"; open(sys.argv[3], "w").write(t)' \
    "$root/ci/ec2/fleet.yaml" "$2" "$tmp/$1.yaml"
  broken_out=$("$root/ci/ec2/template" check "$tmp/$1.yaml" 2>&1 || true)
}
check "fleet.yaml passes" "$root/ci/ec2/template" check
broken spread 's.replace("Strategy: cluster", "Strategy: spread")'
check "a placement group that is not cluster" broken_says 'needs one placement group with Strategy cluster'
broken open 's.replace("SourceSecurityGroupId: {Fn::GetAtt: [SecurityGroup, GroupId]}", "CidrIp: 0.0.0.0/0")'
check "a server port open to the world" broken_says 'ServerPortIngress: inbound only from within'
broken no-tags 's.replace("          InstanceMetadataTags: enabled\n", "")'
check "roles without instance tags in IMDS" broken_says 'InstanceMetadataTags must be enabled'
broken public-ip 's.replace("Server\", PrivateIp]", "Server\", PublicIp]", 1)'
check "a load instance pointed at its server's public address" broken_says 'tag archbench-server-ip must be'
broken cross 's.replace("PlacementGroupName: {Ref: \"ArmPair&{TypeName}R&{Slot}Group\"}", "PlacementGroupName: {Ref: \"X86Pair&{TypeName}R&{Slot}Group\"}", 1)'
check "a reference to another loop's resource" broken_says "Ref to unknown 'X86Pair&{TypeName}R&{Slot}Group'"
check "and the server outside its pair's placement group" broken_says "not in the pair's placement group"

tap_summary user-data-pairs-e2e
