#!/usr/bin/env bash
# Scale-out on the in-memory MTP: N (default 2,000,000) pre-provisioned agents, all at once
# (`fleetsim run boot-storm.conf`), over W (default 2) worker JVMs on this machine, each with its
# own embedded Controller in memory (no sockets). Prints when every agent was connected and its
# Boot! acknowledged, the heap after GC per agent in each worker, and the Tick traffic.
# Usage: bench/cluster-memory.sh [agents] [workers] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000000}
W=${2:-2}
D=${3:-120}
OUT=target/fleetsim/cluster-memory-$N
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
FLEETSIM_WORKER_JAVA_OPTS="${FLEETSIM_WORKER_JAVA_OPTS:--Xmx7g}" FLEETSIM_JAVA_OPTS="-Xmx1g" \
  ./fleetsim run scenarios/examples/boot-storm.conf --agents "$N" --duration "${D}s" \
  --local-workers "$W" --measure-heap --output "$OUT" | grep -v '^t='
python3 - "$OUT" <<'PY'
import json, sys
s = json.load(open(sys.argv[1] + "/summary.json"))
m = s["milestonesSeconds"]
print(f"all connected at {m['connected'].get('100%')} s, all Boot! acknowledged at {m['Boot! acknowledged'].get('100%')} s")
for w in s["workers"]:
    print(f"worker {w['name']}: {w['agents']} agents, heap after GC per agent {w['heapBytesPerAgent']} B")
PY
