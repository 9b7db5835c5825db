#!/usr/bin/env bash
# Per-device identities on vs off, back to back: N wss:// agents (default 18,000) in one JVM
# against `fleetsim controller` over TLS in a second JVM, on loopback.
#   off: one client TLS context for all agents, no client certificate;
#   on:  the controller requires client certificates (--require-client-cert) and checks each
#        Record's from_id against the certificate; every agent presents its own EC P-256
#        certificate, minted at connect from the device CA (--client-ca-cert/--client-ca-key).
# Prints each run's --report JSON (connect time, connects/s, heap per connected agent).
# Usage: bench/identities.sh [agents]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-18000}
PORT=${PORT:-18443}
PKI=$(mktemp -d)
trap 'rm -rf "$PKI"' EXIT
(
  cd "$PKI"
  EC=(-newkey ec -pkeyopt ec_paramgen_curve:prime256v1)
  openssl req -x509 -nodes "${EC[@]}" -keyout ca.key -out ca.pem -days 2 -subj /CN=bench-ca 2>/dev/null
  openssl req -new -nodes "${EC[@]}" -keyout server.key -out server.csr -subj /CN=127.0.0.1 2>/dev/null
  echo "subjectAltName=IP:127.0.0.1" > server.ext
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem \
    -days 2 -extfile server.ext 2>/dev/null
)
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null

one_run() { # label, controller flags, agents flags
  local log=/tmp/fleetsim-bench-identities-$1.log
  FLEETSIM_JAVA_OPTS="-Xmx2g" ./fleetsim controller --listen 127.0.0.1:$PORT \
    --tls-cert "$PKI/server.pem" --tls-key "$PKI/server.key" $2 --duration PT10M > "$log" 2>&1 &
  local ctrl=$!
  for _ in $(seq 1 100); do grep -q listening "$log" && break; sleep 0.1; done
  echo "== identities $1"
  FLEETSIM_JAVA_OPTS="-Xmx4g -XX:+UseSerialGC" ./fleetsim agents --count "$N" \
    --target "wss://127.0.0.1:$PORT/usp" --ca-cert "$PKI/ca.pem" $3 \
    --source-addresses ${SOURCES:-8} --report --duration PT5M
  kill $ctrl; wait $ctrl 2>/dev/null || true
  grep -E "drops|dropped" "$log" | tail -2 || true
}

one_run off "" ""
one_run on "--require-client-cert --client-ca-cert $PKI/ca.pem" \
  "--client-ca-cert $PKI/ca.pem --client-ca-key $PKI/ca.key"
