#!/usr/bin/env bash
# Soak: N (default 18,000) pre-provisioned WebSocket agents live for D seconds (default 3,720: an
# hour after the ramp) with Periodic!, ValueChange, 1 % of the links flapping every minute
# (scenarios/examples/soak.conf) and a workload of R (default 100) Get/Set/Operate a second from
# `fleetsim controller` in a second JVM, both on loopback (one process may hold ~19,000 sockets here).
# At each sample time (default 10 and 60 minutes after the start) it forces a GC in both JVMs and
# records heap after GC, open files, threads and the CPU of the WINDOW seconds before (default 300:
# one minute swings by a fifth with the machine's other load); then prints the run's report (drops,
# latencies) and the controller's latency table.
# Usage: bench/soak.sh [agents] [seconds] [workload-rate]   SAMPLES="600 3600", WINDOW=300 override
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-18000}
D=${2:-3720}
RATE=${3:-100}
SAMPLES=${SAMPLES:-600 3600}
WINDOW=${WINDOW:-300}
PORT=${PORT:-18085}
OUT=target/fleetsim/soak-$N
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
mkdir -p "$OUT"
# The workload comes from the controller JVM, so the run's own copy of the scenario goes without it.
sed '/workload/d' scenarios/examples/soak.conf > "$OUT/soak-external.conf"
FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim controller --listen 127.0.0.1:$PORT --no-provisioning \
  --workload-rate "$RATE" --workload-after PT90S --duration "PT$((D + 20))S" \
  > /tmp/fleetsim-bench-soak-ctrl.log 2>&1 &
CTRL=$!
trap 'kill $CTRL $RUN 2>/dev/null || true' EXIT
RUN=
for i in $(seq 1 100); do grep -q listening /tmp/fleetsim-bench-soak-ctrl.log && break; sleep 0.1; done
T0=$(date +%s)
FLEETSIM_JAVA_OPTS="-Xmx4g" ./fleetsim run "$OUT/soak-external.conf" --agents "$N" \
  --duration "${D}s" --target "ws://127.0.0.1:$PORT/usp" --output "$OUT" \
  > /tmp/fleetsim-bench-soak.log 2>&1 &
RUN=$!
HZ=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
heap_after_gc() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | grep -oE "used [0-9]+K" | head -1 | grep -oE "[0-9]+"
}
sample() { # $1 pid, $2 name, $3 cpu ticks WINDOW seconds before
  local cpu=$(( $(ticks "$1") - $3 ))
  printf "%-10s heap after GC %7d KiB, open files %6d, threads %4d, CPU of the last %d s %5.1f %% of one core\n" \
    "$2" "$(heap_after_gc "$1")" "$(ls "/proc/$1/fd" | wc -l)" \
    "$(awk '/^Threads/ {print $2}' "/proc/$1/status")" "$WINDOW" \
    "$(echo "$cpu $HZ $WINDOW" | awk '{print 100 * $1 / $2 / $3}')"
}
for s in $SAMPLES; do
  sleep $(( T0 + s - WINDOW - $(date +%s) ))
  r0=$(ticks $RUN); c0=$(ticks $CTRL)
  sleep "$WINDOW"
  echo "at $((s / 60)) min:"
  sample $RUN simulator "$r0"
  sample $CTRL controller "$c0"
done | tee "$OUT/soak-samples.txt"
wait $RUN || true
grep -v '^t=' /tmp/fleetsim-bench-soak.log
wait $CTRL || true
grep -v '^t=' /tmp/fleetsim-bench-soak-ctrl.log | tail -25
