#!/usr/bin/env bash
# Fuzzes each Jazzer target for a given time and prints its executions and findings.
# CI replays only the committed inputs (regression mode); this runs real fuzzing (JAZZER_FUZZ=1),
# one target per JVM, as libFuzzer needs. A finding is written by Jazzer into the target's
# src/test/resources/.../<Test>Inputs/<method>/ folder, where it stays as a regression input.
# Usage: bench/fuzz.sh [seconds-per-target] [Class#method ...]
#        bench/fuzz.sh seeds      (re-writes the seed inputs with io.fleetsim.fuzz.FuzzSeeds)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = seeds ]; then
  mvn -B -q -o -pl simulator-core test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/core-test.cp
  java -cp "simulator-core/target/test-classes:simulator-core/target/classes:$(cat target/core-test.cp)" \
    io.fleetsim.fuzz.FuzzSeeds
  exit 0
fi
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(RecordFuzzTest#decode AgentCoreFuzzTest#anyPayload AgentCoreFuzzTest#anyRecord
    PathParserFuzzTest#parse WsFramesFuzzTest#anyBytes MqttPacketsFuzzTest#anyBytes
    ControllerRecordFuzzTest#anyRecord ProfileLoaderFuzzTest#anyText)
fi
mvn -B -q -o install -DskipTests -Dspotless.check.skip=true
# Jazzer 0.24 takes a fuzz test's duration from its annotation only, so each run is stopped from
# outside after the given time; its executions are the last libFuzzer status line (#N ... exec/s).
for t in "${TARGETS[@]}"; do
  log="/tmp/fleetsim-fuzz-${t/\#/-}.log"
  JAZZER_FUZZ=1 timeout -s TERM "$SECONDS_EACH" mvn -B -o -pl simulator-core test -Dtest="$t" \
    -Dsurefire.failIfNoSpecifiedTests=false -Djunit.jupiter.execution.timeout.mode=disabled \
    -Dspotless.check.skip=true > "$log" 2>&1 || true
  pkill -f "surefire.*simulator-core" 2>/dev/null || true
  sleep 2
  status=$(grep -E "^#[0-9]+" "$log" | tail -1 || true)
  runs=$(echo "$status" | grep -oE "^#[0-9]+" | tr -d '#')
  rate=$(echo "$status" | grep -oE "exec/s: [0-9]+" | grep -oE "[0-9]+")
  cov=$(echo "$status" | grep -oE "cov: [0-9]+" | grep -oE "[0-9]+")
  finding=$(grep -m1 -oE "FuzzTestFindingException: .*|== Java Exception: .*" "$log" || true)
  echo "$t: ${runs:-?} executions in ${SECONDS_EACH} s (${rate:-?}/s, coverage ${cov:-?} edges)${finding:+; FINDING: $finding}"
done
