#!/usr/bin/env bash
# A hostile peer at the Controller's listener: N raw TCP connections (default 15,000) that never send
# a WebSocket upgrade, held open by a Python client, against `fleetsim controller` in its own JVM.
# Measures how long the listener takes to close them all (its handshake timeout, default 5 s here),
# the Controller's open files at the peak and after, and then whether 500 agents still connect.
# Everything stays on loopback; the flood stops by itself.
# Usage: bench/idle-flood.sh [connections] [handshake-timeout]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-15000}
TIMEOUT=${2:-PT5S}
PORT=${PORT:-18090}
FLEETSIM_REBUILD=${FLEETSIM_REBUILD:-0} ./fleetsim --version >/dev/null
FLEETSIM_JAVA_OPTS="-Xmx1g" ./fleetsim controller --listen 127.0.0.1:$PORT --duration PT3M \
  --handshake-timeout "$TIMEOUT" --no-provisioning > /tmp/fleetsim-flood-controller.log 2>&1 &
trap 'pkill -f "controller --listen 127.0.0.1:$PORT" 2>/dev/null || true' EXIT
for i in $(seq 1 100); do grep -q listening /tmp/fleetsim-flood-controller.log && break; sleep 0.1; done
CTRL=$(pgrep -f "controller --listen 127.0.0.1:$PORT" | head -1)
fds() { ls /proc/"$CTRL"/fd | wc -l; }
echo "controller open files before: $(fds)"
python3 - "$N" "$PORT" "$CTRL" <<'PY'
import os, selectors, socket, sys, time
n, port, ctrl = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
sel = selectors.DefaultSelector()
start = time.monotonic()
for i in range(n):
    s = socket.socket()
    s.setblocking(False)
    s.connect_ex(("127.0.0.1", port))
    sel.register(s, selectors.EVENT_READ)
opened = time.monotonic() - start
peak = len(os.listdir(f"/proc/{ctrl}/fd"))
open_left, deadline = n, time.monotonic() + 120
while open_left and time.monotonic() < deadline:
    for key, _ in sel.select(timeout=1):
        try:
            data = key.fileobj.recv(1)
        except OSError:
            data = b""
        if not data:
            sel.unregister(key.fileobj)
            key.fileobj.close()
            open_left -= 1
print(f"{n} idle connections opened in {opened:.1f} s; controller open files at the peak {peak};"
      f" all closed by the listener {time.monotonic() - start:.1f} s after the first; left open {open_left}")
PY
echo "controller open files after: $(fds)"
FLEETSIM_JAVA_OPTS="-Xmx1g" ./fleetsim agents --count 500 --profile test-gateway \
  --target "ws://127.0.0.1:$PORT/usp" --report --duration PT1M
grep -o "transport events {[^}]*}" /tmp/fleetsim-flood-controller.log | tail -1 || true
