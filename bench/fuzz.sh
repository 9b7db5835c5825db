#!/usr/bin/env bash
# Fuzzes each Jazzer target for a given time and prints its executions and findings.
# CI replays only the committed inputs (regression mode); this runs real fuzzing (JAZZER_FUZZ=1),
# one target per JVM, as libFuzzer needs. A finding is written by Jazzer into the target's
# src/test/resources/.../<Test>Inputs/<method>/ folder, where it stays as a regression input.
# Usage: bench/fuzz.sh [seconds-per-target] [Class#method[=seconds] ...]
#        (a target's own =seconds wins over the first argument; the rates differ up to 5x, so reaching
#        one number of executions per target takes different times)
#        FUZZ_BUILD=0 skips the build when the classes and classpath files are already there.
#        bench/fuzz.sh seeds      (re-writes the seed inputs with io.fleetsim.fuzz.FuzzSeeds)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = seeds ]; then
  mvn -B -q -o -pl simulator-core test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/core-test.cp
  java -cp "simulator-core/target/test-classes:simulator-core/target/classes:$(cat simulator-core/target/core-test.cp)" \
    io.fleetsim.fuzz.FuzzSeeds
  exit 0
fi
SECONDS_EACH=${1:-60}
# The fuzzing JVM: Java 25 when the machine has it. Under Jazzer's instrumentation the JDK 17 JVM
# here (17.0.15, Debian) crashed inside itself (SIGSEGV in the C1 compiler, then in G1) on the
# profile target; Java 25 ran the same inputs clean. FUZZ_JAVA overrides.
if [ -z "${FUZZ_JAVA:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  FUZZ_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(RecordFuzzTest#decode AgentCoreFuzzTest#anyPayload AgentCoreFuzzTest#anyRecord
    PathParserFuzzTest#parse WsFramesFuzzTest#anyBytes MqttPacketsFuzzTest#anyBytes
    StompFramesFuzzTest#anyBytes
    ControllerRecordFuzzTest#anyRecord ProfileLoaderFuzzTest#anyText ScenarioLoaderFuzzTest#anyText)
fi
if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  mvn -B -q -o install -DskipTests -Dspotless.check.skip=true
  for m in simulator-core scenarios; do
    mvn -B -q -o -pl "$m" dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/fuzz-test.cp
  done
fi
# Jazzer 0.24 takes a fuzz test's duration from its annotation only (2 h on each target here, a
# ceiling), so each target runs in its own JVM (FuzzMain) that is stopped after the given time; its executions are the last libFuzzer
# status line (#N ... exec/s). A target runs in its module's folder, where Jazzer keeps its inputs.
LOGBACK="$PWD/bench/logback.xml" # at ERROR: see the file
for entry in "${TARGETS[@]}"; do
  t=${entry%%=*}
  seconds=$SECONDS_EACH
  [ "$entry" != "$t" ] && seconds=${entry#*=}
  log="/tmp/fleetsim-fuzz-${t/\#/-}.log"
  source=$(grep -rl "class ${t%%#*} " simulator-core/src/test/java scenarios/src/test/java | head -1)
  module=${source%%/src/*}
  class=$(echo "${source#*/src/test/java/}" | sed 's|\.java$||; s|/|.|g')
  CP="$PWD/$module/target/test-classes:$PWD/$module/target/classes:$(cat "$module/target/fuzz-test.cp")"
  (cd "$module" && JAZZER_FUZZ=1 timeout -s INT "$seconds" "${FUZZ_JAVA:-java}" -Xmx2g \
    -Dlogback.configurationFile="$LOGBACK" -Dfleetsim.log.level=ERROR ${FUZZ_JAVA_OPTS:-} \
    -cp "$CP" io.fleetsim.fuzz.FuzzMain "$class#${t#*#}") > "$log" 2>&1 || true
  status=$(grep -a -E "^#[0-9]+" "$log" | tail -1 || true)
  runs=$(echo "$status" | grep -oE "^#[0-9]+" | tr -d '#' || true)
  rate=$(echo "$status" | grep -oE "exec/s: [0-9]+" | grep -oE "[0-9]+" || true)
  cov=$(echo "$status" | grep -oE "cov: [0-9]+" | grep -oE "[0-9]+" || true)
  finding=$(grep -a -m1 -oE "FuzzTestFindingException: .*|== Java Exception: .*|A fatal error has been detected by the Java Runtime" "$log" || true)
  echo "$t: ${runs:-?} executions in ${seconds} s (${rate:-?}/s, coverage ${cov:-?} edges)${finding:+; FINDING: $finding}"
done
