#!/usr/bin/env bash
# Heap after GC per agent for N agents (default 100,000) that each answered a Get and a Set.
# Usage: bench/heap-per-agent.sh [agents] [profile-resource]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pjmh -pl simulator-core -am -DskipTests -Dspotless.check.skip=true package
CP="simulator-core/target/classes:$(cat simulator-core/target/bench.classpath)"
exec java -Dlogback.configurationFile=bench/logback.xml -Xmx4g -XX:+UseSerialGC -cp "$CP" io.fleetsim.bench.HeapPerAgent "$@"
