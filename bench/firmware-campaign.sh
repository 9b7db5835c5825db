#!/usr/bin/env bash
# A firmware rollout by the embedded Controller: N WebSocket agents (default 1,000, test-gateway
# profile: 5 s reboot) in one JVM, `fleetsim controller` in a second JVM serving a SIZE-byte image
# (default 4 MB) at RATE bytes/s per download (default 2 MB/s), starting CAMPAIGN_RATE agents/s with
# at most IN_FLIGHT at once. MODE=simulate hands out simulate:// URLs instead of serving bytes.
# Prints the Controller's status lines, the campaign outcome and its latency table.
# Usage: [MODE=simulate] bench/firmware-campaign.sh [agents] [size] [rate]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
SIZE=${2:-4000000}
RATE=${3:-2000000}
PORT=${PORT:-18082}
SIM=""
[ "${MODE:-serve}" = "simulate" ] && SIM="--firmware-simulate"
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim controller --listen 127.0.0.1:$PORT \
  --firmware "fsim-2.0.0.bin:$SIZE" --firmware-rate "$RATE" $SIM \
  --campaign fsim-2.0.0.bin --campaign-version 2.0.0 --campaign-after PT15S \
  --campaign-rate "${CAMPAIGN_RATE:-100}" --campaign-in-flight "${IN_FLIGHT:-200}" \
  --duration "PT${D:-120}S" > /tmp/fleetsim-bench-campaign.log 2>&1 &
CTRL=$!
trap 'kill $CTRL 2>/dev/null || true' EXIT
for i in $(seq 1 100); do grep -q listening /tmp/fleetsim-bench-campaign.log && break; sleep 0.1; done
FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim agents --count "$N" --profile test-gateway \
  --target "ws://127.0.0.1:$PORT/usp" --duration "PT$((${D:-120} + 10))S" >/dev/null &
AGENTS=$!
wait $CTRL
kill $AGENTS 2>/dev/null || true
cat /tmp/fleetsim-bench-campaign.log
