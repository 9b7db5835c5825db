#!/usr/bin/env bash
# STOMP vs MQTT 5 through real brokers, back to back in one run, everything on loopback:
# 1. Boot storm: N (default 10,000) pre-provisioned home gateways in one JVM
#    (`fleetsim run scenarios/examples/boot-storm.conf --target stomp://...`) against
#    `fleetsim controller --broker stomp://...` in a second JVM, through ActiveMQ Artemis 2.44 in a
#    third JVM; then the same through Mosquitto over MQTT 5. Prints, for each, the milestones (all
#    connected, all Boot! acknowledged), the latency table and the heap per agent.
# 2. Get->GetResp round trips per second (io.fleetsim.bench.BrokerRoundTrip): RT agents (default
#    200) with WINDOW (default 4) Gets in flight each, for S seconds (default 20), STOMP then MQTT.
# Each process may open at most 20,000 files here: 10,000 agents is one socket each in the agents'
# JVM and one in the broker.
# Usage: bench/stomp-vs-mqtt.sh [agents] [seconds] [rt-agents] [window] [rt-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
D=${2:-60}
RT=${3:-200}
WINDOW=${4:-4}
RTS=${5:-20}
APORT=${APORT:-18613}
MPORT=${MPORT:-18883}
# the launcher's build first: a plain build drops the benchmark classes the -Pjmh one compiles
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
mvn -B -q -Pjmh -pl simulator-core -am -DskipTests -Dspotless.check.skip=true install
mvn -B -q -o -pl simulator-core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/core-test.cp
TEST_CP="simulator-core/target/test-classes:simulator-core/target/classes:$(cat simulator-core/target/core-test.cp)"
BENCH_CP="simulator-core/target/classes:$(cat simulator-core/target/bench.classpath)"
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT

java -Xmx2g -Dlogback.configurationFile=bench/artemis-logback.xml -cp "$TEST_CP" io.fleetsim.testing.Artemis "$APORT" \
  > /tmp/fleetsim-bench-artemis.log 2>&1 &
PIDS+=($!)
MDIR=$(mktemp -d)
printf 'listener %s 127.0.0.1\nallow_anonymous true\npersistence false\nuser root\n' "$MPORT" > "$MDIR/m.conf"
/usr/sbin/mosquitto -c "$MDIR/m.conf" > /tmp/fleetsim-bench-mosquitto.log 2>&1 &
PIDS+=($!)
for i in $(seq 1 200); do grep -q "artemis listening" /tmp/fleetsim-bench-artemis.log && break; sleep 0.1; done

boot_storm() { # $1 = broker URL, $2 = name
  FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim controller --broker "$1" --no-provisioning \
    --duration "PT$((D + 30))S" > "/tmp/fleetsim-bench-$2-ctrl.log" 2>&1 &
  local ctrl=$!
  PIDS+=($ctrl)
  for i in $(seq 1 100); do grep -q subscribed "/tmp/fleetsim-bench-$2-ctrl.log" && break; sleep 0.1; done
  echo "== $2: $N agents, boot storm through $1"
  FLEETSIM_JAVA_OPTS="-Xmx4g" ./fleetsim run scenarios/examples/boot-storm.conf --agents "$N" \
    --duration "${D}s" --target "$1" --output "target/fleetsim/$2-boot-storm-$N" --measure-heap |
    grep -v '^t=' || true
  kill "$ctrl" 2>/dev/null || true
  wait "$ctrl" 2>/dev/null || true
}
boot_storm "stomp://127.0.0.1:$APORT" stomp
boot_storm "mqtt://127.0.0.1:$MPORT" mqtt

echo "== Get round trips: $RT agents, $WINDOW in flight each, ${RTS} s, STOMP then MQTT 5"
java -Xmx2g -Dlogback.configurationFile=bench/logback.xml -cp "$BENCH_CP" io.fleetsim.bench.BrokerRoundTrip \
  "$RT" "$WINDOW" "$RTS" "stomp://127.0.0.1:$APORT" "mqtt://127.0.0.1:$MPORT"
