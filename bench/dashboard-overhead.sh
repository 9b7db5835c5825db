#!/usr/bin/env bash
# What the live dashboard and Prometheus /metrics cost a boot storm: the same boot storm of N
# pre-provisioned agents (scenarios/examples/boot-storm.conf, in-memory MTP) runs without the
# dashboard, then with it on (bench/dashboard-client.py: one process following /events, one
# snapshot a second, and scraping /metrics every second over a keep-alive connection), PAIRS times, odd pairs off first and even pairs on first (this
# machine's speed drifts over minutes). Prints, for each run, the seconds until 100 % of the fleet's Boot! were
# acknowledged and the CPU seconds its JVM used, and the ratio of the means on/off of this one
# script run. The heap is fixed and touched at start (-Xms = -Xmx, AlwaysPreTouch; JAVA_EXTRA
# replaces the latter): with a growing heap, when G1 resizes it during the storm moved boot times
# by ±25 % run to run, which hid any effect of the dashboard.
# Usage: [HEAP=8g] [PAIRS=2] bench/dashboard-overhead.sh [agents] [seconds] [port]
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
  FLEETSIM_JAVA_OPTS="-Xms${HEAP:-8g} -Xmx${HEAP:-8g} ${JAVA_EXTRA--XX:+AlwaysPreTouch}" /usr/bin/time -f "%U %S" -o "$out.cpu" \
    ./fleetsim run scenarios/examples/boot-storm.conf \
    --agents "$N" --duration "${D}s" --output "$out" "$@" >"$out.log"
}

cpu() { # CPU seconds (user + system) the run's JVM used
  awk '{print $1 + $2}' "$1.cpu"
}

booted() { # seconds until 100 % of Boot! were acknowledged, from summary.json
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["milestonesSeconds"]["Boot! acknowledged"]["100%"])' "$1/summary.json"
}

mkdir -p "$OUT"
on() { # $1: output folder
  storm "$1" --dashboard-port "$PORT" &
  local run=$!
  until curl -sf "http://127.0.0.1:$PORT/snapshot.json" >/dev/null; do
    kill -0 $run 2>/dev/null || { echo "the run ended before its dashboard answered" >&2; exit 1; }
    sleep 0.05
  done
  python3 bench/dashboard-client.py "$PORT" >"$1.client" &
  local client=$!
  wait $run || true
  wait $client || true
  echo "  ($(cat "$1.client"))"
}

OFFS=()
ONS=()
for pair in $(seq 1 "${PAIRS:-2}"); do
  # odd pairs run off first, even pairs on first, so that a drift in the machine's speed cancels
  if [ $((pair % 2)) -eq 1 ]; then
    storm "$OUT/off-$pair"
    on "$OUT/on-$pair"
  else
    on "$OUT/on-$pair"
    storm "$OUT/off-$pair"
  fi
  OFFS+=("$(booted "$OUT/off-$pair")")
  ONS+=("$(booted "$OUT/on-$pair")")
  echo "pair $pair: off ${OFFS[-1]} s (CPU $(cpu "$OUT/off-$pair") s), on ${ONS[-1]} s (CPU $(cpu "$OUT/on-$pair") s)"
done
python3 - "${#OFFS[@]}" "${OFFS[@]}" "${ONS[@]}" <<'PY'
import sys
n = int(sys.argv[1]); off = list(map(float, sys.argv[2:2 + n])); on = list(map(float, sys.argv[2 + n:]))
a, b = sum(off) / n, sum(on) / n
print(f"agents booted (100 % Boot! acknowledged): off {off} mean {a:.1f} s, on {on} mean {b:.1f} s")
print(f"ratio of the means on/off {b / a:.3f} ({100 * (b / a - 1):+.1f} %)")
ratios = sorted(y / x for x, y in zip(off, on))
print("per-pair ratios " + ", ".join(f"{r:.3f}" for r in ratios)
      + f"; median {ratios[len(ratios) // 2] if len(ratios) % 2 else (ratios[len(ratios) // 2 - 1] + ratios[len(ratios) // 2]) / 2:.3f}")
PY
