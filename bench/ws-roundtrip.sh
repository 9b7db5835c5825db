#!/usr/bin/env bash
# Get->GetResp round trips per second over the USP WebSocket MTP vs a raw Netty WebSocket echo of the
# same message sizes, same JVM, same run, loopback.
# Usage: bench/ws-roundtrip.sh [connections] [window] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pjmh -pl simulator-core -am -DskipTests -Dspotless.check.skip=true package
CP="simulator-core/target/classes:$(cat simulator-core/target/bench.classpath)"
exec java -Dlogback.configurationFile=bench/logback.xml -Xmx2g -cp "$CP" io.fleetsim.bench.WsRoundTrip "$@"
