#!/bin/bash
# archbench on one EC2 instance (cloud-init user data, runs once as root at first boot):
# install a JDK, fetch the archbench distribution, set up the accelerator if there is one, run one
# profile, upload the run record and logs to s3://BUCKET/PREFIX/<instance-type>/<instance-id>/, then
# power off (the fleet launches instances with InstanceInitiatedShutdownBehavior=terminate, so
# powering off ends the billing).
#
# Roles (the instance tag archbench-role, read from IMDS; fleet.yaml enables tags in the metadata):
#  - single (no tag): the run above;
#  - server: one of a pair (ci/ec2/launch --load-generator): `archbench serve web` on ServerPort
#    until its load instance puts s3://BUCKET/PREFIX/_pairs/<server-instance-id>.done (or the time
#    limit); uploads its logs under its own type and id;
#  - load: waits for the server's agent (tags archbench-server-ip, -id, -type name it), runs the web
#    knee and closed-loop series with --server across the network and uploads the record, which is
#    the server's, under the server's type: PREFIX/<server-type>/<load-instance-id>/; then the
#    .done marker, on every exit path.
# NetworkClasses ("type=class;..." from describe-instance-types) gives ARCHBENCH_NETWORK_PERFORMANCE,
# which the record's network path carries (loadHost.network.bandwidth).
#
# Accelerators (the fleet starts inf/trn types on the Neuron Deep Learning AMI and g/p types on a GPU
# Deep Learning AMI): the device check is neuron-ls or nvidia-smi; the framework is the AMI's PyTorch
# venv (/opt/aws_neuronx_venv_pytorch*, /opt/pytorch). DJL's PyTorch engine can drive only the
# libtorch version of the JNI archbench bundles (it runs offline), so the venv is used only when its
# torch is that version: Neuron through --neuron-env, GPU through PYTORCH_LIBRARY_PATH/VERSION/FLAVOR.
# Otherwise the log says why, and so does the record (archbench skips those benchmarks with the reason).
#
# Safety nets, because an instance nobody watches must never bill forever:
#  - the benchmark runs under `timeout` (TIME_LIMIT, then SIGKILL after a grace period);
#  - a backstop `shutdown -P +N` is scheduled before anything else, covering a hung install or upload;
#  - an EXIT trap uploads whatever exists (partial record, logs, status.json) and powers off on every
#    path, including errors;
#  - a watcher polls IMDSv2 for a spot interruption notice, stops the run with SIGTERM (archbench
#    then writes its partial record) and uploads before the instance is reclaimed.
#
# The {{Name}} placeholders below are the CloudFormation parameters: ci/ec2/render-template turns
# them into ${Name} inside fleet.yaml's Fn::Sub. The ARCHBENCH_* environment variables read further
# down exist for the end-to-end test (ci/test/user-data-e2e.sh); cloud-init never sets them.
set -euo pipefail

bucket='{{Bucket}}'
prefix='{{Prefix}}'
profile='{{Profile}}'
workloads='{{Workloads}}'
extra_args='{{ExtraArgs}}'
dist_url='{{DistUrl}}'
dist_sha256='{{DistSha256}}'
jdk_version='{{JdkVersion}}'
time_limit='{{TimeLimit}}'
server_port='{{ServerPort}}'
network_classes='{{NetworkClasses}}'

home=${ARCHBENCH_HOME:-/opt/archbench}
os_release=${ARCHBENCH_OS_RELEASE:-/etc/os-release}
imds_endpoint=${AWS_EC2_METADATA_SERVICE_ENDPOINT:-http://169.254.169.254}
imds_endpoint=${imds_endpoint%/}
root=${ARCHBENCH_ROOT:-} # a fixture tree in tests: its dev/ and opt/ stand for /dev and /opt
spot_poll_seconds=${ARCHBENCH_SPOT_POLL_SECONDS:-5}
kill_grace=${ARCHBENCH_KILL_GRACE:-90s}
backstop_extra_minutes=${ARCHBENCH_BACKSTOP_EXTRA_MINUTES:-30}
server_bind=${ARCHBENCH_SERVER_BIND:-0.0.0.0}
pair_poll_seconds=${ARCHBENCH_PAIR_POLL_SECONDS:-15}

out=$home/results
logs=$home/logs
started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
status=error
run_rc=-1
dest=
watcher_pid=
accelerator=none
device_check=none
run_extra=()
role=single
label=
server_id=
server_url=

mkdir -p "$home/dist" "$out" "$logs"
cd "$home" # archbench keeps its work directory (.archbench: caches, models) under the current one
exec > >(tee -a "$logs/user-data.log") 2>&1
export HOME=${HOME:-/root}

# Messages go to stderr: stdout of some functions is their result.
log() { printf '%s archbench-user-data: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

check_param() {
  local name=$1 value=$2 pattern=$3
  [[ $value != *'{{'* ]] || die "parameter $name was not substituted (render the template with ci/ec2/render-template)"
  [[ $value =~ $pattern ]] || die "parameter $name='$value' does not match $pattern"
}

validate_params() {
  check_param Bucket "$bucket" '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$'
  check_param Prefix "$prefix" '^[A-Za-z0-9][A-Za-z0-9._/-]*[A-Za-z0-9]$|^[A-Za-z0-9]$'
  check_param Profile "$profile" '^(smoke|quick|standard|full)$'
  check_param Workloads "$workloads" '^[A-Za-z0-9,_-]*$'
  check_param ExtraArgs "$extra_args" '^[A-Za-z0-9 ,.=_/%:-]*$'
  check_param DistUrl "$dist_url" '^(s3|https?|file)://[^[:space:]]+$'
  check_param DistSha256 "$dist_sha256" '^([0-9a-f]{64})?$'
  check_param JdkVersion "$jdk_version" '^(17|21)$'
  check_param TimeLimit "$time_limit" '^[1-9][0-9]*[smh]$'
  check_param ServerPort "$server_port" '^[1-9][0-9]{0,4}$'
  check_param NetworkClasses "$network_classes" '^[A-Za-z0-9 .=;_-]*$'
}

# Whole minutes of a coreutils duration such as 90m, 3h or 20s (rounded up).
minutes_of() {
  local n=${1%?}
  case $1 in
    *h) echo $((n * 60)) ;;
    *m) echo "$n" ;;
    *s) echo $(((n + 59) / 60)) ;;
  esac
}

imds_new_token() {
  curl -fsS --noproxy '*' --max-time 2 -X PUT "$imds_endpoint/latest/api/token" \
    -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600'
}

# IMDSv2 GET of latest/meta-data/$1: prints the answer on 200; fails on 404 or no answer. A 401
# (token expired during a long run) fetches a new token once.
imds() {
  local answer code
  for _ in 1 2; do
    answer=$(curl -sS --noproxy '*' --max-time 2 -w '\n%{http_code}' \
      -H "X-aws-ec2-metadata-token: ${imds_token:-}" "$imds_endpoint/latest/meta-data/$1") || return 1
    code=${answer##*$'\n'}
    case $code in
      200) printf '%s\n' "${answer%$'\n'*}"; return 0 ;;
      401) imds_token=$(imds_new_token) || return 1 ;;
      *) return 1 ;;
    esac
  done
  return 1
}

upload() {
  local src=$1 key=$2 attempt
  for attempt in 1 2 3; do
    if aws s3 cp --only-show-errors "$src" "$dest/$key"; then
      return 0
    fi
    sleep $((attempt * 5))
  done
  log "upload of $src failed after 3 attempts"
  return 1
}

json_string() {
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

# Run records are <run-id>.json; archbench also writes <run-id>.jmh.json and <run-id>.log.
is_record() { [[ -f $1 && $1 == *.json && $1 != *.jmh.json ]]; }

write_status() {
  local records=() f list
  for f in "$out"/*; do
    if is_record "$f"; then records+=("$(json_string "${f##*/}")"); fi
  done
  list=$(IFS=,; echo "${records[*]}")
  printf '{"instanceType":%s,"instanceId":%s,"zone":%s,"accelerator":%s,"deviceCheck":%s,"status":%s,"exitCode":%d,"profile":%s,"role":%s,"records":[%s],"startedAt":%s,"endedAt":%s}\n' \
    "$(json_string "${instance_type:-unknown}")" "$(json_string "${instance_id:-unknown}")" \
    "$(json_string "${zone:-unknown}")" "$(json_string "$accelerator")" "$(json_string "$device_check")" \
    "$(json_string "$status")" "$run_rc" \
    "$(json_string "$profile")" "$(json_string "$role")" "$list" "$(json_string "$started_at")" \
    "$(json_string "$(date -u +%Y-%m-%dT%H:%M:%SZ)")" >"$1"
}

# EXIT trap: upload what exists, status.json last (the launcher waits for it), then power off.
finish() {
  local rc=$? f
  set +e
  trap - EXIT
  if [[ -n $watcher_pid ]]; then
    kill "$watcher_pid" 2>/dev/null
    wait "$watcher_pid" 2>/dev/null
  fi
  if [[ $status == error && $rc -ne 0 ]]; then
    log "stopped by an error (exit $rc)"
  fi
  if [[ -n $dest ]]; then
    for f in "$out"/*; do
      if is_record "$f"; then
        upload "$f" "${f##*/}"
      elif [[ -f $f ]]; then
        upload "$f" "logs/${f##*/}"
      fi
    done
    for f in "$logs"/*.log; do
      [[ -e $f ]] && upload "$f" "logs/${f##*/}"
    done
    write_status "$home/status.json"
    log "status: $(cat "$home/status.json")"
    upload "$home/status.json" status.json
    # The server serves until this marker: it must come on every path of a load instance.
    if [[ -n $server_id ]]; then
      aws s3 cp --only-show-errors "$home/status.json" "s3://$bucket/$prefix/_pairs/$server_id.done" ||
        log "could not signal the server; it stops at its time limit"
    fi
  else
    log "no upload destination (bad parameters or no instance type); nothing uploaded"
  fi
  log "powering off"
  shutdown -P now || poweroff -f
}

install_jdk() {
  local id=
  # shellcheck disable=SC1090 # the OS's own description
  id=$(. "$os_release" && echo "${ID:-}")
  case $id in
    amzn | rhel | fedora | centos | rocky | almalinux)
      dnf install -y -q "java-$jdk_version-amazon-corretto-headless" ;;
    ubuntu | debian)
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q
      apt-get install -y -q --no-install-recommends "openjdk-$jdk_version-jre-headless" curl ca-certificates
      if ! command -v aws >/dev/null; then
        snap install aws-cli --classic
      fi ;;
    *) die "unsupported OS '$id' in $os_release (expected Amazon Linux 2023 or Ubuntu)" ;;
  esac
  command -v java >/dev/null || die "no java on PATH after installing the JDK"
  log "JDK: $(java -version 2>&1 | head -n 1)"
}

# The torch version of venv $1 (its torch-<version>.dist-info), e.g. 2.7.1+cu128; fails when none.
venv_torch() {
  local d
  for d in "$1"/lib/python3*/site-packages/torch-*.dist-info; do
    [[ -d $d ]] || continue
    d=${d##*/torch-}
    echo "${d%.dist-info}"
    return 0
  done
  return 1
}

# The libtorch version DJL's bundled JNI drives (jnilib/pytorch.properties in the jar), e.g. 2.7.1.
djl_torch() {
  local props
  props=$(unzip -p "$1" jnilib/pytorch.properties 2>/dev/null ||
    python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("jnilib/pytorch.properties").decode())' "$1") ||
    return 1
  props=$(grep -oE 'jni_version=[0-9.]+' <<<"$props") || return 1
  echo "${props#jni_version=}"
}

# Device check and framework environment; sets $accelerator, $device_check and archbench's options.
setup_accelerator() {
  local jar=$1 want venv='' want_venv='' torch v site
  shopt -s nullglob
  local neuron=("$root"/dev/neuron[0-9]*) nvidia=("$root"/dev/nvidia[0-9]*)
  if [[ ${#neuron[@]} -gt 0 ]]; then
    accelerator=neuron
  elif [[ ${#nvidia[@]} -gt 0 ]]; then
    accelerator=gpu
  else
    log "accelerator: none (no $root/dev/neuron* or $root/dev/nvidia*)"
    return 0
  fi
  # cloud-init's PATH lacks the Neuron tools' directory (aws-neuronx-tools installs there).
  PATH=$PATH:/opt/aws/neuron/bin
  local check=(nvidia-smi '--query-gpu=name,driver_version,memory.total' '--format=csv,noheader')
  [[ $accelerator == gpu ]] || check=(neuron-ls)
  if timeout 60 "${check[@]}" >"$logs/device-check.log" 2>&1; then # a wedged driver must not hang the run
    device_check=ok
  else
    device_check=failed
  fi
  log "device check ($accelerator, ${check[0]}): $device_check: $(head -c 600 "$logs/device-check.log")"
  want=$(djl_torch "$jar") || { log "$accelerator: cannot read the bundled DJL libtorch version"; return 0; }
  if [[ $accelerator == neuron ]]; then
    # The newest venv whose torch is DJL's version; else the newest, which archbench then declines.
    for v in "$root"/opt/aws_neuronx_venv_pytorch*; do
      torch=$(venv_torch "$v") || continue
      venv=$v
      [[ ${torch%%+*} != "$want" ]] || want_venv=$v
    done
    venv=${want_venv:-$venv}
  else
    venv=$root/opt/pytorch
  fi
  if [[ -z $venv ]] || ! torch=$(venv_torch "$venv"); then
    log "$accelerator: no PyTorch venv on this AMI; its benchmarks will be skipped"
    return 0
  fi
  if [[ ${torch%%+*} != "$want" ]]; then
    log "$accelerator: $venv has torch $torch, DJL drives libtorch $want only: not used; the record says why"
    [[ $accelerator == gpu ]] || run_extra+=(--neuron-env "$venv")
    return 0
  fi
  run_extra+=(--python "$venv/bin/python3")
  if [[ $accelerator == neuron ]]; then
    run_extra+=(--neuron-env "$venv")
    log "DJL environment (archbench sets it from --neuron-env): $venv, torch $torch"
  else
    site=("$venv"/lib/python3*/site-packages)
    export PYTORCH_LIBRARY_PATH=${site[0]}/torch/lib PYTORCH_VERSION=$want
    PYTORCH_FLAVOR=${torch#*+}
    [[ $torch == *+cu* ]] || PYTORCH_FLAVOR=cpu
    export PYTORCH_FLAVOR
    log "DJL environment: PYTORCH_LIBRARY_PATH=$PYTORCH_LIBRARY_PATH PYTORCH_VERSION=$PYTORCH_VERSION PYTORCH_FLAVOR=$PYTORCH_FLAVOR"
  fi
}

# Fetches the distribution (a jar, or a .tar.gz/.tgz holding archbench.jar) and prints the jar path.
fetch_dist() {
  local path=${dist_url%%\?*} file
  file=$home/dist/${path##*/}
  case $dist_url in
    s3://*) aws s3 cp --only-show-errors "$dist_url" "$file" ;;
    *) curl -fsSL --retry 3 -o "$file" "$dist_url" ;;
  esac
  if [[ -n $dist_sha256 ]]; then
    echo "$dist_sha256  $file" | sha256sum -c --quiet - || die "checksum mismatch for $dist_url"
  fi
  case $file in
    *.jar) echo "$file" ;;
    *.tar.gz | *.tgz)
      tar -xzf "$file" -C "$home/dist"
      find "$home/dist" -name archbench.jar -type f -print -quit | grep . || die "no archbench.jar in $dist_url" ;;
    *) die "DistUrl must name a .jar, .tar.gz or .tgz: $dist_url" ;;
  esac
}

watch_spot() {
  local run_pid=$1 notice
  while sleep "$spot_poll_seconds"; do
    if notice=$(imds spot/instance-action); then
      log "spot interruption notice: $notice; stopping the run to upload partial results"
      : >"$home/spot-notice"
      kill -TERM "$run_pid" 2>/dev/null
      return 0
    fi
  done
}

status_of() {
  case $1 in
    0) echo completed ;;
    1) echo completed-with-failures ;;
    124 | 137) echo time-limit ;;
    130 | 143) echo interrupted ;;
    *) echo error ;;
  esac
}

# The load role's run drives the server across the network; the record is the server's.
run_archbench() {
  local jar=$1 args extra=() pid
  args=(run --profile "$profile" --label "$label" --out "$out")
  read -r -a extra <<<"$extra_args"
  if [[ $role == load ]]; then
    args+=(--workloads web --server "$server_url")
  else
    [[ -z $workloads ]] || args+=(--workloads "$workloads")
    # picocli refuses an option given twice: the user's own --device/--python/--neuron-env win.
    [[ " $extra_args" =~ \ --device[\ =] ]] || args+=(--device auto)
    [[ " $extra_args" =~ \ --(python|neuron-env)[\ =] ]] || args+=("${run_extra[@]}")
  fi
  args+=("${extra[@]}")
  log "running: java -jar $jar ${args[*]} (time limit $time_limit)"
  export DJL_OFFLINE=true OPT_OUT_TRACKING=true
  timeout --signal=TERM --kill-after="$kill_grace" "$time_limit" \
    java -jar "$jar" "${args[@]}" >"$logs/archbench.log" 2>&1 &
  pid=$!
  watch_spot "$pid" &
  watcher_pid=$!
  run_rc=0
  wait "$pid" || run_rc=$?
  kill "$watcher_pid" 2>/dev/null || true
  wait "$watcher_pid" 2>/dev/null || true
  watcher_pid=
  tail -n 20 "$logs/archbench.log"
  # archbench watches for the notice as well and may stop (143) before this script's watcher looks.
  if [[ -e $home/spot-notice ]] || { [[ $run_rc -eq 143 ]] && imds spot/instance-action >/dev/null; }; then
    status=spot-interrupted
  else
    status=$(status_of "$run_rc")
  fi
  log "archbench exited with $run_rc: $status"
}

# The server role: `serve web` until the load instance's marker appears. Its limit is the run's plus
# the 20 minutes the load instance may wait for it (the backstop shutdown comes 10 minutes later).
serve_until_done() {
  local jar=$1 pid marker=s3://$bucket/$prefix/_pairs/$instance_id.done limit
  limit=$(($(minutes_of "$time_limit") + 20))m
  log "serving web on $server_bind:$server_port until $marker (time limit $limit)"
  timeout --signal=TERM --kill-after="$kill_grace" "$limit" \
    java -jar "$jar" serve web --bind "$server_bind" --port "$server_port" >"$logs/archbench.log" 2>&1 &
  pid=$!
  run_rc=0
  until aws s3 cp --only-show-errors "$marker" "$home/load-done" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" || run_rc=$?
      status=$(status_of "$run_rc")
      log "the server stopped before the load side was done: exit $run_rc, $status"
      return 0
    fi
    sleep "$pair_poll_seconds"
  done
  kill -TERM "$pid" 2>/dev/null
  wait "$pid" || true
  status=completed
  log "the load side is done ($(cat "$home/load-done")); server stopped"
}

# The load role: the server's agent answers once its JDK is installed and serve is up (minutes).
wait_for_server() {
  local deadline=$((SECONDS + 20 * 60))
  until curl -fsS --noproxy '*' --max-time 5 -o /dev/null "$server_url/archbench/agent"; do
    ((SECONDS < deadline)) || die "the server's agent at $server_url/archbench/agent never answered"
    sleep "$pair_poll_seconds"
  done
  log "the server's agent answers at $server_url/archbench/agent"
}

main() {
  trap finish EXIT
  validate_params
  local backstop jar
  backstop=$(($(minutes_of "$time_limit") + backstop_extra_minutes))
  shutdown -P "+$backstop" "archbench backstop: time limit $time_limit exceeded" ||
    log "could not schedule the backstop shutdown"
  imds_token=$(imds_new_token) || die "IMDSv2 token request to $imds_endpoint failed"
  instance_type=$(imds instance-type) || die "IMDS gave no instance type"
  [[ $instance_type =~ ^[a-z0-9][a-z0-9.-]*$ ]] || die "unexpected instance type '$instance_type'"
  AWS_DEFAULT_REGION=$(imds placement/region) && export AWS_DEFAULT_REGION
  instance_id=$(imds instance-id) || die "IMDS gave no instance id"
  [[ $instance_id =~ ^i-[0-9a-f]{8,17}$ ]] || die "unexpected instance id '$instance_id'"
  zone=$(imds placement/availability-zone || echo unknown)
  role=$(imds tags/instance/archbench-role || echo single)
  label=$instance_type
  case $role in
    single | server) ;;
    load)
      local server_ip
      if ! { server_ip=$(imds tags/instance/archbench-server-ip) && server_id=$(imds tags/instance/archbench-server-id) &&
        label=$(imds tags/instance/archbench-server-type); }; then
        die "a load instance needs the tags archbench-server-ip, -id and -type"
      fi
      [[ $server_ip =~ ^[0-9.]+$ && $server_id =~ ^i-[0-9a-f]{8,17}$ && $label =~ ^[a-z0-9][a-z0-9.-]*$ ]] ||
        die "unexpected server tags: $server_ip $server_id $label"
      server_url=http://$server_ip:$server_port ;;
    *) die "unexpected role '$role'" ;;
  esac
  local net=";$network_classes;"
  net=${net#*;"$instance_type"=}
  if [[ $net != ";$network_classes;" ]]; then
    export ARCHBENCH_NETWORK_PERFORMANCE=${net%%;*}
  fi
  dest=s3://$bucket/$prefix/$label/$instance_id
  log "instance $instance_type $instance_id in $zone ($(imds instance-life-cycle || echo unknown)), role $role${server_url:+ of $server_url}, network ${ARCHBENCH_NETWORK_PERFORMANCE:-unknown}; results to $dest/"
  install_jdk
  jar=$(fetch_dist)
  case $role in
    server) serve_until_done "$jar" ;;
    load)
      wait_for_server
      run_archbench "$jar" ;;
    *)
      setup_accelerator "$jar"
      run_archbench "$jar" ;;
  esac
}

main "$@"
