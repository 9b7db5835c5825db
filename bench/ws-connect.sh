#!/usr/bin/env bash
# Connects per second and heap per connected agent: N WebSocket agents (default 18,000) in one JVM
# against `fleetsim controller` in a second JVM, both on loopback. Each process may open at most
# 20,000 files here, so one agents JVM holds ~19,000 sockets.
# Usage: [CONTROLLER_OPTS=--no-provisioning] bench/ws-connect.sh [agents] [profile]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-18000}
PROFILE=${2:-home-gateway}
PORT=${PORT:-18080}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim controller --listen 127.0.0.1:$PORT --duration PT10M ${CONTROLLER_OPTS:-} > /tmp/fleetsim-bench-controller.log 2>&1 &
CTRL=$!
trap 'kill $CTRL 2>/dev/null || true' EXIT
for i in $(seq 1 100); do grep -q listening /tmp/fleetsim-bench-controller.log && break; sleep 0.1; done
FLEETSIM_JAVA_OPTS="-Xmx4g -XX:+UseSerialGC" ./fleetsim agents --count "$N" --profile "$PROFILE" \
  --target "ws://127.0.0.1:$PORT/usp" --source-addresses ${SOURCES:-8} --report --duration PT5M
