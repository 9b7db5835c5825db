#!/usr/bin/env bash
# MQTT 5 connect storm against a mature client, back to back through one Mosquitto on loopback:
# N (default 5,000) fleetsim agents connect and subscribe (`fleetsim agents --target mqtt://...
# --report`, 512 connects in flight), then N mqtt.js 4.x clients do the same (interop/
# mqtt-connect.js, 512 in flight), ROUNDS times (default 2), alternating. Prints each one's JSON
# line: connects per second and heap per agent or client.
# Usage: bench/mqtt-vs-mqttjs.sh [N] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5000}
ROUNDS=${2:-2}
PORT=${PORT:-18885}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
[ -d interop/node_modules/mqtt ] || (cd interop && npm ci)
MDIR=$(mktemp -d)
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nmax_connections -1\nuser root\n' "$PORT" > "$MDIR/m.conf"
/usr/sbin/mosquitto -c "$MDIR/m.conf" > "$MDIR/mosquitto.log" 2>&1 &
BROKER=$!
trap 'kill $BROKER 2>/dev/null || true; rm -rf "$MDIR"' EXIT
sleep 1
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r: fleetsim"
  FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim agents --target "mqtt://127.0.0.1:$PORT" --mqtt-version 5 \
    --count "$N" --duration PT5S --report 2>/dev/null | grep '^{' || true
  echo "== round $r: mqtt.js"
  (cd interop && node --expose-gc mqtt-connect.js "mqtt://127.0.0.1:$PORT" "$N" 512)
done
