#!/usr/bin/env bash
# Boot storm on the in-memory MTP: N (default 100,000) pre-provisioned home gateways start at once
# in one JVM and announce Boot! to the embedded controller (scenarios/examples/boot-storm.conf).
# Prints the milestones (seconds until 50/90/99/100 % connected and Boot! acknowledged), the
# latency table and the heap after GC per agent.
# Usage: [HEAP=8g] bench/boot-storm.sh [agents] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
D=${2:-60}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
FLEETSIM_JAVA_OPTS="-Xmx${HEAP:-8g}" ./fleetsim run scenarios/examples/boot-storm.conf \
  --agents "$N" --duration "${D}s" --output "target/fleetsim/boot-storm-$N" --measure-heap | grep -v '^t='
