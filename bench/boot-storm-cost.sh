#!/usr/bin/env bash
# What a boot storm costs the simulator: N (default 100,000) pre-provisioned home gateways on the
# in-memory MTP start at once and announce Boot! to the embedded controller
# (scenarios/examples/boot-storm.conf, D seconds, default 25). Prints when the Boot! were all
# acknowledged, the whole process's CPU time (user + sys, JVM start included) and peak RSS from
# /usr/bin/time, and the run's own cost line from the report (CPU per agent and per message).
# Run it in another checkout to compare: bench/boot-storm-cost.sh 100000 25 /path/to/checkout
# Usage: [HEAP=4g] bench/boot-storm-cost.sh [agents] [seconds] [checkout]
set -euo pipefail
cd "${3:-$(dirname "$0")/..}"
N=${1:-100000}
D=${2:-25}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
FLEETSIM_JAVA_OPTS="-Xmx${HEAP:-4g}" /usr/bin/time -f "process: %U s user + %S s sys CPU, peak RSS %M KB, %e s wall" \
  ./fleetsim run scenarios/examples/boot-storm.conf --agents "$N" --duration "${D}s" \
  --output "$OUT/run" > "$OUT/log" 2>&1 || true
grep -E "^Boot! acknowledged:|^simulator:|^process:|^connected:" "$OUT/log" || tail -20 "$OUT/log"
