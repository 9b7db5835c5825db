#!/usr/bin/env bash
# What an idle fleet costs: N (default 1,000,000) pre-provisioned home gateways on the in-memory MTP
# boot (scenarios/examples/boot-storm.conf), then sit with nothing due but their rare Periodic! and
# channel changes. The process's CPU time (utime + stime from /proc) is read at WARM seconds (default
# 70, after the boot and its collections) and again 60 s later: the share of one core the idle
# fleet used in that minute.
# Usage: [HEAP=8g] bench/idle-fleet.sh [agents] [warm seconds] [checkout]
set -euo pipefail
cd "${3:-$(dirname "$0")/..}"
N=${1:-1000000}
WARM=${2:-70}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
FLEETSIM_JAVA_OPTS="-Xmx${HEAP:-8g}" ./fleetsim run scenarios/examples/boot-storm.conf \
  --agents "$N" --duration "$((WARM + 70))s" --output "$OUT/run" > "$OUT/log" 2>&1 &
sleep 3
PID=$(pgrep -f "java.*boot-storm.conf" | head -1)
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
sleep $((WARM - 3))
A=$(ticks)
sleep 60
B=$(ticks)
wait || true
grep -E "^Boot! acknowledged:" "$OUT/log" || true
awk -v a="$A" -v b="$B" -v hz="$HZ" 'BEGIN { printf "idle minute: %.2f CPU-s, %.1f %% of one core\n", (b - a) / hz, (b - a) / hz / 60 * 100 }'
