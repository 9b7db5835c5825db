#!/usr/bin/env bash
# Runs every test of fleetsim. Installs what the tests need when it is missing (Mosquitto, RabbitMQ
# and Chromium from Debian, the interop folder's npm packages), then runs `mvn -B -Pjmh verify`:
# unit tests (Surefire, *Test), integration tests against real parts (Failsafe, *IT),
# the format check (Spotless, google-java-format), and (-Pjmh) a compile of the benchmarks in
# src/jmh, so a change that breaks one fails here rather than when someone next measures.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v mosquitto >/dev/null 2>&1 || [ -x /usr/sbin/mosquitto ] || need_apt+=(mosquitto)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# RabbitMQ with its STOMP plugin (the tests start private instances; the plugin ships in the package)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need_apt+=(rabbitmq-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "test.sh: installing ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${need_apt[@]}"
fi

# The interop folder holds the npm side of the interop tests (usp-js as an independent controller).
# Install when missing, or when the lockfile changed since the last install (npm keeps a copy of
# it in node_modules/.package-lock.json).
if [ -f interop/package-lock.json ] && { [ ! -d interop/node_modules ] ||
  [ interop/package-lock.json -nt interop/node_modules/.package-lock.json ]; }; then
  echo "test.sh: npm ci in interop/"
  (cd interop && npm ci --no-audit --no-fund)
fi

exec mvn -B -Pjmh verify "$@"
