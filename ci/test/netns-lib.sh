#!/usr/bin/env bash
# Two hosts on one machine, for archbench's two-host runs: two network namespaces joined by a veth
# pair, the server's and the load generator's, each pinned to its own CPU. Sourced by
# ci/test/two-host-netns.sh (the CI test) and workloads/web/bench/two-host-compare.sh.
#
# Addresses exist only inside the two namespaces this file creates (10.203.0.1 and 10.203.0.2 on
# the veth pair, loopback in each for an IMDS stand-in); nothing else on the machine is touched
# but a cpu cgroup of our own (a starved generator), removed with the namespaces.
# Needs root, iproute2 (ip netns), util-linux (taskset), python3 and a JDK 17+.

netns_id=$$
ns_server=abs-srv-$netns_id
ns_load=abs-load-$netns_id
veth_server=abv-s$netns_id
veth_load=abv-l$netns_id
server_ip=10.203.0.1
load_ip=10.203.0.2
netns_pids=()
netns_cgroup=

# Whether this machine can run it; prints why not.
netns_possible() {
  if [[ $(id -u) != 0 ]]; then
    echo "needs root (ip netns, cgroups)"
    return 1
  fi
  for tool in ip taskset python3 java; do
    command -v "$tool" >/dev/null || { echo "needs $tool"; return 1; }
  done
  if [[ $(nproc) -lt 2 ]]; then
    echo "needs two CPUs (server and generator each pinned to one)"
    return 1
  fi
  if ! ip netns add "abs-probe-$netns_id" 2>/dev/null; then
    echo "ip netns add is not permitted here"
    return 1
  fi
  ip netns del "abs-probe-$netns_id"
}

netns_up() {
  ip netns add "$ns_server"
  ip netns add "$ns_load"
  ip link add "$veth_server" type veth peer name "$veth_load"
  ip link set "$veth_server" netns "$ns_server"
  ip link set "$veth_load" netns "$ns_load"
  ip -n "$ns_server" addr add "$server_ip/30" dev "$veth_server"
  ip -n "$ns_load" addr add "$load_ip/30" dev "$veth_load"
  for ns in "$ns_server" "$ns_load"; do
    ip -n "$ns" link set lo up
  done
  ip -n "$ns_server" link set "$veth_server" up
  ip -n "$ns_load" link set "$veth_load" up
}

# Ends what we started (by pid), the namespaces (the veth pair goes with them) and our cgroup.
netns_down() {
  local pid
  for pid in "${netns_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${netns_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  ip netns del "$ns_server" 2>/dev/null || true
  ip netns del "$ns_load" 2>/dev/null || true
  if [[ -n $netns_cgroup && -d $netns_cgroup ]]; then
    rmdir "$netns_cgroup" 2>/dev/null || true
  fi
}

# An IMDSv2 stand-in on the namespace's loopback that names this "host"'s instance type:
# imds_in NS TYPE DIR -> sets imds_url
imds_in() {
  local ns=$1 type=$2 dir=$3 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  rm -f "$dir/imds-$ns.port"
  ip netns exec "$ns" python3 "$root/imds_stub.py" --port-file "$dir/imds-$ns.port" --log "$dir/imds-$ns.log" \
    --instance-type "$type" --lifecycle on-demand &
  netns_pids+=($!)
  for _ in $(seq 100); do [[ -s $dir/imds-$ns.port ]] && break; sleep 0.1; done
  [[ -s $dir/imds-$ns.port ]] || { echo "the IMDS stand-in in $ns did not start" >&2; return 1; }
  # shellcheck disable=SC2034 # the result, read by the scripts that source this file
  imds_url="http://127.0.0.1:$(cat "$dir/imds-$ns.port")"
}

# archbench serve web in the server's namespace, on CPU 0: start_server JAR LOG [IMDS_URL]
start_server() {
  local jar=$1 log=$2 imds=${3:-}
  AWS_EC2_METADATA_SERVICE_ENDPOINT=$imds ip netns exec "$ns_server" taskset -c 0 \
    java -jar "$jar" serve web --bind "$server_ip" --port 8080 --threads 1 >"$log" 2>&1 &
  netns_pids+=($!)
  for _ in $(seq 300); do
    grep -q "serving web on" "$log" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "the server did not start:" >&2
  cat "$log" >&2
  return 1
}

# A cpu cgroup capped at QUOTA CPUs (e.g. 0.4): starve_cgroup QUOTA -> sets netns_cgroup.
# cgroup v2 (cpu.max) or v1 (cpu.cfs_quota_us); returns 1 when neither can be written.
starve_cgroup() {
  local quota_us
  quota_us=$(python3 -c "print(int(float('$1') * 100000))")
  if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
    grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control || echo +cpu >/sys/fs/cgroup/cgroup.subtree_control || return 1
    netns_cgroup=/sys/fs/cgroup/abs-starved-$netns_id
    mkdir "$netns_cgroup" && echo "$quota_us 100000" >"$netns_cgroup/cpu.max"
  elif [[ -d /sys/fs/cgroup/cpu ]]; then
    netns_cgroup=/sys/fs/cgroup/cpu/abs-starved-$netns_id
    mkdir "$netns_cgroup" && echo 100000 >"$netns_cgroup/cpu.cfs_period_us" &&
      echo "$quota_us" >"$netns_cgroup/cpu.cfs_quota_us"
  else
    return 1
  fi
}

# archbench run in the load namespace, on CPU 1 (in the starved cgroup when CGROUP is given):
# run_load LOG CGROUP-or-empty IMDS_URL-or-empty JAR archbench-run-args...
# The process joins the cgroup before `ip netns exec`, which mounts a fresh /sys without the cgroup
# hierarchies; inside, the cpu hierarchy is mounted again (read-only, in that mount namespace only)
# so that the JVM and archbench's generator see their CPU quota as they would in a container.
run_load() {
  local log=$1 cgroup=$2 imds=$3 remount
  shift 3
  if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
    remount='mount -t cgroup2 -o ro none /sys/fs/cgroup'
  else
    # shellcheck disable=SC2016 # expanded by the shell inside the namespace
    remount='c=$(sed -n "s/^[0-9]*:\([^:]*cpu[^:]*\):.*/\1/p" /proc/self/cgroup | grep -E "(^|,)cpu(,|$)" | head -n 1)
      mount -t tmpfs tmpfs /sys/fs/cgroup && mkdir -p "/sys/fs/cgroup/$c" && mount -t cgroup -o "ro,$c" cgroup "/sys/fs/cgroup/$c"'
  fi
  AWS_EC2_METADATA_SERVICE_ENDPOINT=$imds sh -c 'if [ -n "$1" ]; then echo $$ >"$1/cgroup.procs" || exit 1; fi; shift; exec "$@"' \
    load "$cgroup" ip netns exec "$ns_load" taskset -c 1 sh -c "{ $remount; } 2>/dev/null || true; exec java -jar \"\$@\"" \
    load "$@" >"$log" 2>&1
}
