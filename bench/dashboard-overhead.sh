#!/usr/bin/env bash
# What the live dashboard and Prometheus /metrics cost a boot storm: the same boot storm of N
# pre-provisioned agents (scenarios/examples/boot-storm.conf, in-memory MTP) runs twice in a row,
# first without the dashboard, then with it on, a browser-like client following /events (one
# snapshot a second) and /metrics scraped every second. Prints, for each run, the seconds until
# 100 % of the fleet's Boot! were acknowledged, and the ratio on/off of that same script run.
# Usage: [HEAP=8g] bench/dashboard-overhead.sh [agents] [seconds] [port]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
D=${2:-40}
PORT=${3:-19464}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
OUT=target/fleetsim/dashboard-overhead-$N

storm() { # $1: output folder; the rest: extra options
  local out=$1
  shift
  FLEETSIM_JAVA_OPTS="-Xmx${HEAP:-8g}" ./fleetsim run scenarios/examples/boot-storm.conf \
    --agents "$N" --duration "${D}s" --output "$out" "$@" >"$out.log"
}

booted() { # seconds until 100 % of Boot! were acknowledged, from summary.json
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["milestonesSeconds"]["Boot! acknowledged"]["100%"])' "$1/summary.json"
}

mkdir -p "$OUT"
storm "$OUT/off"

storm "$OUT/on" --dashboard-port "$PORT" &
RUN=$!
until curl -sf "http://127.0.0.1:$PORT/snapshot.json" >/dev/null; do
  kill -0 $RUN 2>/dev/null || { echo "the run ended before its dashboard answered" >&2; exit 1; }
  sleep 0.05
done
curl -sN "http://127.0.0.1:$PORT/events" >"$OUT/events.txt" 2>/dev/null &
EVENTS=$!
SCRAPES=0
while kill -0 $RUN 2>/dev/null; do
  curl -sf "http://127.0.0.1:$PORT/metrics" >"$OUT/metrics.txt" && SCRAPES=$((SCRAPES + 1))
  sleep 1
done
wait $RUN || true
kill $EVENTS 2>/dev/null || true

OFF=$(booted "$OUT/off")
ON=$(booted "$OUT/on")
echo "agents $N: Boot! 100 % acknowledged after ${OFF} s without, ${ON} s with the dashboard" \
  "(events received: $(grep -c '^data:' "$OUT/events.txt"), /metrics scrapes: $SCRAPES)"
python3 -c "import sys; on,off=float(sys.argv[1]),float(sys.argv[2]); print(f'ratio on/off {on/off:.3f} ({100*(on/off-1):+.1f} %)')" "$ON" "$OFF"
