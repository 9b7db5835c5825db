#!/usr/bin/env python3
"""What watches a run with the dashboard on, as one long-lived process (as a browser tab and a
Prometheus server would be, rather than a new process a second): follows /events, and scrapes
/metrics once a second over one keep-alive connection, until the run's server goes away. Prints
how many events and scrapes it got. Usage: dashboard-client.py PORT"""
import http.client
import sys
import threading
import time

port = int(sys.argv[1])
events = 0
scrapes = 0


def follow():
    global events
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        c.request("GET", "/events")
        r = c.getresponse()
        while True:
            line = r.readline()
            if not line:
                return
            if line.startswith(b"data:"):
                events += 1
    except OSError:
        return


t = threading.Thread(target=follow, daemon=True)
t.start()
c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
while True:
    try:
        c.request("GET", "/metrics")
        body = c.getresponse().read()
        if body:
            scrapes += 1
    except (OSError, http.client.HTTPException):
        break
    time.sleep(1)
t.join(5)
print(f"events received: {events}, /metrics scrapes: {scrapes}")
