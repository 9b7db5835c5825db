#!/usr/bin/env bash
# Where the CPU goes when the dashboard is on: one boot storm of N agents (as in
# dashboard-overhead.sh: bench/dashboard-client.py following /events and scraping /metrics) under Java Flight
# Recorder's profiling settings; prints the share of execution samples that were in the
# dashboard, the report code or the Prometheus client. Wall-clock ratios of boot storms on this
# machine vary by ±15 % run to run; this share is the precise figure of what the dashboard costs.
# Usage: [HEAP=8g] bench/dashboard-profile.sh [agents] [seconds] [port]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
D=${2:-35}
PORT=${3:-19466}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
OUT=target/fleetsim/dashboard-profile-$N
mkdir -p "$OUT"
FLEETSIM_JAVA_OPTS="-Xmx${HEAP:-8g} -XX:StartFlightRecording=filename=$OUT/run.jfr,settings=profile" \
  ./fleetsim run scenarios/examples/boot-storm.conf --agents "$N" --duration "${D}s" \
  --output "$OUT/run" --dashboard-port "$PORT" >"$OUT/run.log" &
RUN=$!
until curl -sf "http://127.0.0.1:$PORT/snapshot.json" >/dev/null; do sleep 0.05; done
python3 bench/dashboard-client.py "$PORT"
wait $RUN || true
jfr print --stack-depth 128 --events jdk.ExecutionSample "$OUT/run.jfr" >"$OUT/samples.txt"
python3 - "$OUT/samples.txt" <<'PY'
import re, sys
samples = open(sys.argv[1]).read().split('jdk.ExecutionSample')[1:]
pattern = re.compile(r'io\.fleetsim\.(dashboard|report)\.|io\.prometheus\.|RunReport\.json|TimeSeries\.json')
hits = sum(1 for s in samples if pattern.search(s))
print(f"execution samples: {len(samples)}, in the dashboard, report or Prometheus code: {hits}"
      f" ({100.0 * hits / max(1, len(samples)):.2f} %)")
PY
