#!/usr/bin/env bash
# The README's screenshots, from real data: runs scenarios/examples/demo.conf with the live
# dashboard on, photographs the dashboard in headless Chromium 40 s into the run (the ramp done, a
# steady fleet), then the HTML report the run writes at its end. Writes docs/img/dashboard.png and
# docs/img/report.png. Needs interop/node_modules (npm ci in interop/) and Debian's chromium.
# Usage: bench/readme-screenshots.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-19465}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
mkdir -p docs/img target/fleetsim
./fleetsim run scenarios/examples/demo.conf --dashboard-port "$PORT" >target/fleetsim/demo-screenshots.log &
RUN=$!
until curl -sf "http://127.0.0.1:$PORT/snapshot.json" >/dev/null; do sleep 0.2; done
sleep 62 # past the reboot storm at 60 s
(cd interop && node page-check.js "http://127.0.0.1:$PORT/" ../docs/img/dashboard.png --live --seconds 1 --clip 2300)
wait $RUN
REPORT="file://$PWD/target/fleetsim/demo/report.html"
(cd interop && node page-check.js "$REPORT" ../docs/img/report.png --clip 2300)
