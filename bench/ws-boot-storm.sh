#!/usr/bin/env bash
# Boot storm over WebSocket: N (default 18,000) pre-provisioned home gateways in one JVM
# (`fleetsim run boot-storm.conf --target ws://...`) against `fleetsim controller` in a second JVM,
# both on loopback; each process may open at most 20,000 files here. Prints the milestones and the
# latency table (Notify Boot! is measured by the agents: Boot! sent -> NotifyResp).
# Usage: bench/ws-boot-storm.sh [agents] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-18000}
D=${2:-45}
PORT=${PORT:-18083}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim controller --listen 127.0.0.1:$PORT --no-provisioning \
  --duration "PT$((D + 30))S" > /tmp/fleetsim-bench-wsboot.log 2>&1 &
CTRL=$!
trap 'kill $CTRL 2>/dev/null || true' EXIT
for i in $(seq 1 100); do grep -q listening /tmp/fleetsim-bench-wsboot.log && break; sleep 0.1; done
FLEETSIM_JAVA_OPTS="-Xmx4g" ./fleetsim run scenarios/examples/boot-storm.conf --agents "$N" \
  --duration "${D}s" --target "ws://127.0.0.1:$PORT/usp" --output "target/fleetsim/ws-boot-storm-$N" \
  --measure-heap | grep -v '^t='
