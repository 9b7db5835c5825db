#!/usr/bin/env bash
# Soak: N (default 18,000) pre-provisioned WebSocket agents live for D seconds (default 3,800: an
# hour after the ramp, and long enough that the last samples of both JVMs, about 70 s of forced GCs
# after 61.5 minutes, are taken while the run is still live) with Periodic!, ValueChange, 1 % of
# the links flapping every minute (scenarios/examples/soak.conf) and a workload of R (default 100)
# Get/Set/Operate a second from `fleetsim controller` in a second JVM, both on loopback (one process
# may hold ~19,000 sockets here).
# At each sample time (default 11.5 and 61.5 minutes after the start) it records in both JVMs the
# CPU of the WINDOW seconds before (default 600, from after the workload starts at 90 s: shorter
# windows swung by 10-25 % with the machine's other load), the simulator's CPU per 1,000 USP messages
# of that window (its traffic varies with the flapping), then the heap after GC as the median of
# three forced GCs 10 s apart (one sample swung by up to 9 % with what was in flight), open files and
# threads; then prints the run's report (drops, latencies) and the controller's latency table.
# Usage: bench/soak.sh [agents] [seconds] [workload-rate]   SAMPLES="690 3690", WINDOW=600 override
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-18000}
D=${2:-3800}
RATE=${3:-100}
SAMPLES=${SAMPLES:-690 3690}
WINDOW=${WINDOW:-600}
PORT=${PORT:-18085}
OUT=target/fleetsim/soak-$N
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
mkdir -p "$OUT"
# The workload comes from the controller JVM, so the run's own copy of the scenario goes without it.
sed '/workload/d' scenarios/examples/soak.conf > "$OUT/soak-external.conf"
FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim controller --listen 127.0.0.1:$PORT --no-provisioning \
  --workload-rate "$RATE" --workload-after PT90S --duration "PT$((D + 120))S" \
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
heap_after_gc() { # the median of three forced GCs 10 s apart, KiB
  for _ in 1 2 3; do
    jcmd "$1" GC.run >/dev/null
    jcmd "$1" GC.heap_info | grep -oE "used [0-9]+K" | head -1 | grep -oE "[0-9]+"
    sleep 10
  done | sort -n | sed -n 2p
}
messages() { # USP messages the run's progress lines count between run seconds $1 and $2
  awk -v a="$1" -v b="$2" '/^t=/ { t = $0; sub(/^t= */, "", t); t += 0
    if (t > a && t <= b) for (i = 1; i < NF; i++) if ($i == "msgs/s") n += $(i + 1) }
    END { print n + 0 }' /tmp/fleetsim-bench-soak.log
}
sample() { # $1 pid, $2 name, $3 its CPU ticks in the window, $4 messages in the window or ""
  local cpu=$3 per=""
  [ -n "$4" ] && per=$(echo "$cpu $HZ $4" | awk '{printf ", %.1f ms CPU per 1,000 messages (%d)", 1e6 * $1 / $2 / $3, $3}')
  printf "%-10s CPU of the last %d s %5.1f %% of one core%s; heap after GC %7d KiB (median of 3), open files %6d, threads %4d\n" \
    "$2" "$WINDOW" "$(echo "$cpu $HZ $WINDOW" | awk '{print 100 * $1 / $2 / $3}')" "$per" \
    "$(heap_after_gc "$1")" "$(ls "/proc/$1/fd" | wc -l)" \
    "$(awk '/^Threads/ {print $2}' "/proc/$1/status")"
}
for s in $SAMPLES; do
  sleep $(( T0 + s - WINDOW - $(date +%s) ))
  r0=$(ticks $RUN); c0=$(ticks $CTRL)
  sleep "$WINDOW"
  r1=$(ticks $RUN); c1=$(ticks $CTRL)
  echo "at $((s / 60)).$(( (s % 60) * 10 / 60 )) min:"
  # CPU first (before the forced GCs), then the heaps
  sample $RUN simulator $((r1 - r0)) "$(messages $((s - WINDOW)) "$s")"
  sample $CTRL controller $((c1 - c0)) ""
done | tee "$OUT/soak-samples.txt"
wait $RUN || true
grep -v '^t=' /tmp/fleetsim-bench-soak.log
wait $CTRL || true
grep -v '^t=' /tmp/fleetsim-bench-soak-ctrl.log | tail -25
