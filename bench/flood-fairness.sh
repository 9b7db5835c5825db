#!/usr/bin/env bash
# One peer floods the Controller's WebSocket listener with Notify Records while real agents answer
# its Get workload: the victims' round trips with no flood, with a flood and no pace per connection,
# and with a flood at the default pace (--peer-records-per-second 1000), same JVM, same run.
# Usage: bench/flood-fairness.sh [victims] [gets-per-second] [flood-records-per-second] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pjmh -pl simulator-core -am -DskipTests -Dspotless.check.skip=true package
CP="simulator-core/target/classes:$(cat simulator-core/target/bench.classpath)"
exec java -Dlogback.configurationFile=bench/logback.xml -Xmx2g -cp "$CP" io.fleetsim.bench.FloodFairness "$@"
