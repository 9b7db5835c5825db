#!/usr/bin/env bash
# Heap after GC per agent of a recorded profile against the built-in one it was recorded from,
# back to back: fleetsim's own home-gateway agent 3 is dumped with `fleetsim usp` (GetSupportedDM
# and Get of Device.), recorded with `fleetsim profile record --from-dump`, then N in-memory agents
# (default 100,000) of each run for 30 s with --measure-heap.
# Usage: bench/recorded-heap.sh [agents]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
mkdir -p "$DIR/dump"
./fleetsim usp --agent 3 GET_SUPPORTED_DM \
  "get_supported_dm { obj_paths: 'Device.' return_commands: true return_events: true return_params: true return_unique_key_sets: true }" \
  > "$DIR/dump/supported-dm.txt"
./fleetsim usp --agent 3 GET "get { param_paths: 'Device.' }" > "$DIR/dump/get.txt"
./fleetsim profile record --from-dump "$DIR/dump" --output "$DIR/recorded-gateway.conf" | tail -1
for profile in home-gateway "$DIR/recorded-gateway.conf"; do
  cat > "$DIR/s.conf" <<CONF
scenario {
  name = heap
  duration = 30s
  target { controller = embedded, mtp = memory }
  fleet { agents = $N, mix = [ { profile = "$profile", share = 100 } ] }
  phases = [ { ramp = $N, over = 10s } ]
}
CONF
  echo "== $profile"
  FLEETSIM_JAVA_OPTS="-Xmx4g -XX:+UseSerialGC" ./fleetsim run "$DIR/s.conf" --output "$DIR/out" \
    --measure-heap > "$DIR/run.log" 2>&1 || true
  grep -o '"heapBytesPerAgent": [0-9-]*' "$DIR/out/summary.json"
done
