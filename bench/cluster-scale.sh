#!/usr/bin/env bash
# Scale-out over WebSocket: W (default 5) worker JVMs x A (default 18,000) pre-provisioned agents,
# all at once (`fleetsim run boot-storm.conf --local-workers W`), against W `fleetsim controller`
# processes on W loopback ports; the agents spread over the ports by EndpointID, so each
# controller holds about A sockets (each process here may open at most 20,000 files, and one
# source address reaches one port through at most 28,232 ephemeral ports). Then, back to back,
# the same with one JVM of A agents against one controller. Prints for each: the milestones (all
# connected, all Boot! acknowledged), heap after GC per agent (per worker), the coordinator's CPU
# and the Tick traffic from the workers.
# Usage: bench/cluster-scale.sh [workers] [agents-per-worker] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
W=${1:-5}
A=${2:-18000}
D=${3:-60}
BASE=${PORT:-18100}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
HZ=$(getconf CLK_TCK)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

controllers() { # $1 count; sets TARGET
  TARGET=
  for i in $(seq 1 "$1"); do
    local port=$((BASE + i)) log=/tmp/fleetsim-bench-cluster-ctrl-$i.log
    FLEETSIM_JAVA_OPTS="-Xmx1g" ./fleetsim controller --listen 127.0.0.1:$port --no-provisioning \
      --duration "PT$((D + 120))S" > "$log" 2>&1 &
    PIDS+=($!)
    TARGET="${TARGET:+$TARGET,}ws://127.0.0.1:$port/usp"
  done
  for i in $(seq 1 "$1"); do
    for _ in $(seq 1 200); do grep -q listening /tmp/fleetsim-bench-cluster-ctrl-$i.log && break; sleep 0.1; done
  done
}

report() { # $1 output folder, $2 run pid's CPU ticks, $3 wall seconds
  python3 - "$1" "$2" "$HZ" "$3" <<'PY'
import json, sys
out, ticks, hz, wall = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
s = json.load(open(out + "/summary.json"))
m = s["milestonesSeconds"]
print(f"agents {s['spawned']}, connected at end {s['connectedAtEnd']}, drops {sum(s['drops'].values())}")
print(f"all connected at {m['connected'].get('100%')} s, all Boot! acknowledged at {m['Boot! acknowledged'].get('100%')} s")
boot = s["latenciesMs"].get("Notify Boot!", {})
print(f"Notify Boot! count {boot.get('count')} p50 {boot.get('p50')} ms p99 {boot.get('p99')} ms max {boot.get('max')} ms")
print(f"heap after GC per agent: {s['heapBytesPerAgent']} B")
for w in s["workers"]:
    print(f"  worker {w['name']}: agents {w['agents']}, connected {w['connected']}, heap per agent {w.get('heapBytesPerAgent')} B")
print(f"run process CPU: {ticks / hz:.1f} s over {wall:.0f} s wall ({100 * ticks / hz / wall:.1f} % of one core)")
PY
}

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run() { # $1 label, $2 workers (0: one JVM), $3 agents
  local out=target/fleetsim/cluster-scale-$1 args=() t0 pid cpu=0
  controllers "$(( $2 > 0 ? $2 : 1 ))"
  if [ "$2" -gt 0 ]; then args=(--local-workers "$2"); fi
  t0=$(date +%s.%N)
  FLEETSIM_WORKER_JAVA_OPTS="-Xmx1500m" FLEETSIM_JAVA_OPTS="-Xmx1500m" ./fleetsim run \
    scenarios/examples/boot-storm.conf --agents "$3" --duration "${D}s" --target "$TARGET" \
    --output "$out" --measure-heap "${args[@]}" > /tmp/fleetsim-bench-cluster-$1.log 2>&1 &
  pid=$!
  while kill -0 $pid 2>/dev/null; do cpu=$(ticks $pid 2>/dev/null || echo "$cpu"); sleep 1; done
  wait $pid || true
  echo "== $1: $3 agents, $( [ "$2" -gt 0 ] && echo "$2 worker JVMs" || echo "one JVM")"
  grep -E "^cluster:|lost" /tmp/fleetsim-bench-cluster-$1.log || true
  report "$out" "$cpu" "$(echo "$(date +%s.%N) - $t0" | bc)"
  kill "${PIDS[@]}" 2>/dev/null || true
  wait "${PIDS[@]}" 2>/dev/null || true
  PIDS=()
}

run cluster "$W" $((W * A))
run single 0 "$A"
