#!/usr/bin/env bash
# Builds simulator-core with its JMH benchmarks (-Pjmh) and runs them; JSON goes to bench/results/.
# Usage: bench/jmh.sh [JMH regexp and options], e.g. bench/jmh.sh GetRoundTrip
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pjmh -pl simulator-core -am -DskipTests -Dspotless.check.skip=true package
mkdir -p bench/results
CP="simulator-core/target/classes:$(cat simulator-core/target/bench.classpath)"
exec java -cp "$CP" org.openjdk.jmh.Main -rf json -rff bench/results/jmh-$(date +%Y%m%d-%H%M%S).json "$@"
