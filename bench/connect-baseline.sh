#!/usr/bin/env bash
# The machine's connect ceiling without USP, for comparison with bench/ws-connect.sh: N (default
# 18,000) plain TCP connects, then N WebSocket handshakes on fleetsim's Netty client and server
# (v1.usp, no Records), each from one JVM to a server in a second JVM on loopback, 512 in flight,
# spread over 8 source addresses, like `fleetsim agents`.
# Usage: bench/connect-baseline.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-18000}
mvn -B -q -Pjmh -pl simulator-core -am -DskipTests -Dspotless.check.skip=true package
CP="simulator-core/target/classes:$(cat simulator-core/target/bench.classpath)"
for MODE in tcp ws; do
  PORT=$((18090 + RANDOM % 100))
  java -Dlogback.configurationFile=bench/logback.xml -Xmx2g -cp "$CP" io.fleetsim.bench.ConnectBaseline server $MODE $PORT 60 > /tmp/fleetsim-baseline-server.log 2>&1 &
  SRV=$!
  for i in $(seq 1 100); do grep -q listening /tmp/fleetsim-baseline-server.log && break; sleep 0.1; done
  java -Dlogback.configurationFile=bench/logback.xml -Xmx4g -XX:+UseSerialGC -cp "$CP" io.fleetsim.bench.ConnectBaseline client $MODE $PORT "$N" 8
  kill $SRV 2>/dev/null || true
  wait $SRV 2>/dev/null || true
done
