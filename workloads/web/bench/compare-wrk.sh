#!/usr/bin/env bash
# Fidelity of archbench's load generator, and where our server stands.
#
# 1. Starts the web workload's server on loopback and drives /plaintext and /json with wrk and with
#    archbench's own closed-loop generator (the code the scenarios use), at the same connection and
#    thread count and duration; prints both throughputs and their ratio. Runs alternate
#    (wrk, archbench, wrk, archbench, ...) and the best run of each counts, so a noisy neighbour
#    penalises neither side more. archbench's generator runs in a fresh JVM and gets a JIT warm-up
#    first (wrk is native code and needs none).
# 2. Prints the server's throughput per core used (CPU time of the server process during the wrk
#    runs) next to nginx returning the same fixed body with as many workers as our event loops.
#
# Everything stays on 127.0.0.1. Env: DURATION (s, default 10), CONNECTIONS (16), CLIENT_THREADS (1),
# SERVER_THREADS (vCPUs), ROUNDS (2), WARMUP (s, 5), PORT (18080), NGINX_PORT (18090).
# Needs: wrk, nginx (Debian packages wrk, nginx-light or nginx), a JDK 17+.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
duration=${DURATION:-10}
connections=${CONNECTIONS:-16}
client_threads=${CLIENT_THREADS:-1}
server_threads=${SERVER_THREADS:-$(nproc)}
rounds=${ROUNDS:-2}
warmup=${WARMUP:-5}
port=${PORT:-18080}
nginx_port=${NGINX_PORT:-18090}
for tool in wrk nginx java; do
  command -v "$tool" >/dev/null || { echo "compare-wrk: needs $tool (apt-get install wrk nginx-light)" >&2; exit 1; }
done
# shellcheck source=classpath.sh
source "$here/classpath.sh"

tmp=$(mktemp -d)
server_pid=
nginx_started=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [[ -n $nginx_started ]]; then nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -s stop 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# CPU seconds (user + system) used so far by a process and its children threads/processes.
cpu_seconds() {
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}

wrk_rps() { # url -> req/s
  wrk -t"$client_threads" -c"$connections" -d"${duration}s" "$1" | awk '/^Requests\/sec:/ { print $2 }'
}

ours_rps() { # endpoint -> req/s
  java -cp "$WEB_CP" dev.archbench.workloads.web.tools.LoadMain "$port" "$1" "$connections" \
      "$client_threads" "$duration" "$warmup" | tee -a "$tmp/ours.log" | sed -E 's/.*: ([0-9]+) req\/s.*/\1/'
}

max() { printf '%s\n' "$@" | sort -g | tail -1; }

java -cp "$WEB_CP" dev.archbench.workloads.web.tools.ServeMain "$port" "$server_threads" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$tmp/server.log" && break; sleep 0.1; done
grep -q listening "$tmp/server.log" || { echo "compare-wrk: server did not start:" >&2; cat "$tmp/server.log" >&2; exit 1; }
echo "server: $(head -1 "$tmp/server.log")"
echo "host: $(nproc) vCPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) (shared machine: numbers are noisy)"
echo "runs: ${duration}s each, $connections connections, $client_threads client thread(s), best of $rounds"
# Warm the server's JIT so that the first measured tool is not penalised.
wrk -t"$client_threads" -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/json" >/dev/null
wrk -t"$client_threads" -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/plaintext" >/dev/null

declare -A server_per_core
echo
printf '%-10s %12s %12s %8s\n' endpoint "wrk req/s" "archbench" ratio
for endpoint in plaintext json; do
  w=() o=()
  for _ in $(seq "$rounds"); do
    before=$(cpu_seconds "$server_pid")
    w+=("$(wrk_rps "http://127.0.0.1:$port/$endpoint")")
    after=$(cpu_seconds "$server_pid")
    # Per core of the best wrk round (the one least disturbed by neighbours).
    if [[ ${w[-1]} == "$(max "${w[@]}")" ]]; then
      server_per_core[$endpoint]=$(awk -v r="${w[-1]}" -v c="$(awk -v a="$after" -v b="$before" 'BEGIN{print a-b}')" \
          -v d="$duration" 'BEGIN { printf "%.0f", (c > 0 ? r / (c / d) : 0) }')
    fi
    o+=("$(ours_rps "$endpoint")")
  done
  bw=$(max "${w[@]}") bo=$(max "${o[@]}")
  printf '%-10s %12.0f %12.0f %7.1f%%\n' "$endpoint" "$bw" "$bo" "$(awk -v a="$bo" -v b="$bw" 'BEGIN { print 100 * a / b }')"
  echo "  wrk $endpoint runs: ${w[*]} req/s" >>"$tmp/wrk.log"
done
echo "every run:"
sed 's/^/  /' "$tmp/wrk.log" "$tmp/ours.log"

# nginx with the same fixed body, as many workers as our event loops, loopback only.
mkdir -p "$tmp/nginx/logs"
cat >"$tmp/nginx/nginx.conf" <<CONF
worker_processes $server_threads;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 10000000;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    location = /plaintext { default_type text/plain; return 200 "Hello, World!"; }
  }
}
CONF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf"
nginx_started=1
sleep 0.5
nginx_pids=$(cat "$tmp/nginx/nginx.pid" && pgrep -P "$(cat "$tmp/nginx/nginx.pid")")
wrk -t"$client_threads" -c"$connections" -d"${warmup}s" "http://127.0.0.1:$nginx_port/plaintext" >/dev/null
n=()
nginx_per_core=0
for _ in $(seq "$rounds"); do
  # shellcheck disable=SC2086 # a list of pids
  before=$(cpu_seconds $nginx_pids)
  n+=("$(wrk_rps "http://127.0.0.1:$nginx_port/plaintext")")
  # shellcheck disable=SC2086
  after=$(cpu_seconds $nginx_pids)
  [[ ${n[-1]} == "$(max "${n[@]}")" ]] || continue
  nginx_per_core=$(awk -v r="${n[-1]}" -v c="$(awk -v a="$after" -v b="$before" 'BEGIN{print a-b}')" \
      -v d="$duration" 'BEGIN { printf "%.0f", (c > 0 ? r / (c / d) : 0) }')
done
echo
echo "server throughput per core used (best wrk round; req/s divided by the server's CPU cores used):"
printf '  %-28s %10s req/s per core\n' "archbench /plaintext" "${server_per_core[plaintext]}"
printf '  %-28s %10s req/s per core\n' "archbench /json" "${server_per_core[json]}"
printf '  %-28s %10s req/s per core  (%.0f req/s)\n' "nginx $(nginx -v 2>&1 | sed 's/.*\///') /plaintext" "$nginx_per_core" "$(max "${n[@]}")"
