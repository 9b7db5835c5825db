#!/usr/bin/env bash
# Steady state over WebSocket: N (default 18,000) pre-provisioned home gateways in one JVM
# (`fleetsim run steady-state.conf --target ws://...`: Periodic! every 5 min, one ValueChange per
# agent a minute) against `fleetsim controller` in a second JVM, both on loopback (each process may
# open at most 20,000 files here). Samples both JVMs' CPU time from /proc between the end of the
# ramp (+30 s) and the end of the run, and prints the run's report with heap per agent.
# Usage: [RUN_JAVA_OPTS="-XX:TieredStopAtLevel=1"] bench/steady-state.sh [agents] [seconds]
# (RUN_JAVA_OPTS: JVM options of the agents' JVM only)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-18000}
D=${2:-420}
FROM=${FROM:-90}
PORT=${PORT:-18084}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim controller --listen 127.0.0.1:$PORT --no-provisioning \
  --duration "PT$((D + 30))S" > /tmp/fleetsim-bench-steady-ctrl.log 2>&1 &
CTRL=$!
trap 'kill $CTRL 2>/dev/null || true' EXIT
for i in $(seq 1 100); do grep -q listening /tmp/fleetsim-bench-steady-ctrl.log && break; sleep 0.1; done
FLEETSIM_JAVA_OPTS="-Xmx4g ${RUN_JAVA_OPTS:-}" ./fleetsim run scenarios/examples/steady-state.conf --agents "$N" \
  --duration "${D}s" --target "ws://127.0.0.1:$PORT/usp" \
  --output "target/fleetsim/steady-state-$N" --measure-heap > /tmp/fleetsim-bench-steady.log 2>&1 &
RUN=$!
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
sleep "$FROM"
R0=$(ticks $RUN); C0=$(ticks $CTRL); T0=$(date +%s.%N)
sleep $((D - FROM - 5))
R1=$(ticks $RUN); C1=$(ticks $CTRL); T1=$(date +%s.%N)
wait $RUN || true
grep -v '^t=' /tmp/fleetsim-bench-steady.log
awk -v r0="$R0" -v r1="$R1" -v c0="$C0" -v c1="$C1" -v t0="$T0" -v t1="$T1" -v hz="$HZ" 'BEGIN {
  s = t1 - t0
  printf "steady-state CPU over %.0f s (%% of one core): simulator %.1f %%, controller %.1f %%\n",
    s, 100 * (r1 - r0) / hz / s, 100 * (c1 - c0) / hz / s }'
