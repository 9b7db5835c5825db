#!/usr/bin/env bash
# Heap after GC per agent for N agents (default 100,000) in the 70/20/10 mix, idle and after 10
# simulated minutes of movement with a controller subscription on every agent.
# Usage: bench/mix-heap-per-agent.sh [agents] [subscription spread in ms: 1 shares rows, 1000 shares none]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pjmh -pl device-profiles -am -DskipTests -Dspotless.check.skip=true package
CP="device-profiles/target/classes:$(cat device-profiles/target/bench.classpath)"
exec java -Dlogback.configurationFile=bench/logback.xml -Xmx8g -XX:+UseSerialGC -cp "$CP" io.fleetsim.profiles.MixHeapPerAgent "$@"
