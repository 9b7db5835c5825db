#!/usr/bin/env bash
# Controller-side round trips under a paced workload: N WebSocket agents (default 5,000) in one JVM,
# `fleetsim controller --workload-rate R` (default 5,000 requests/s, Get/Set/Operate 8/1/1) in a
# second JVM, both on loopback, for D (default 60 s) after all agents are connected. Prints the
# Controller's latency table (open loop: each round trip counts from when the request was due).
# Usage: bench/controller-workload.sh [agents] [rate] [duration] [profile]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
RATE=${2:-5000}
D=${3:-60}
PROFILE=${4:-home-gateway}
PORT=${PORT:-18081}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
# the agents connect in the first ~5 s; the workload starts 15 s in, so it measures steady state
FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim controller --listen 127.0.0.1:$PORT \
  --workload-rate "$RATE" --workload-after PT15S --duration "PT$((D + 15))S" > /tmp/fleetsim-bench-workload.log 2>&1 &
CTRL=$!
trap 'kill $CTRL 2>/dev/null || true' EXIT
for i in $(seq 1 100); do grep -q listening /tmp/fleetsim-bench-workload.log && break; sleep 0.1; done
FLEETSIM_JAVA_OPTS="-Xmx4g" ./fleetsim agents --count "$N" --profile "$PROFILE" \
  --target "ws://127.0.0.1:$PORT/usp" --source-addresses 4 --duration "PT$((D + 20))S" >/dev/null &
AGENTS=$!
wait $CTRL
kill $AGENTS 2>/dev/null || true
cat /tmp/fleetsim-bench-workload.log
