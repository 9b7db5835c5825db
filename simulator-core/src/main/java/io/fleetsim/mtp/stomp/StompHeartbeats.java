package io.fleetsim.mtp.stomp;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The heart-beats of every STOMP connection of one client (STOMP 1.2 "Heart-beating"): one sweep
 * per event loop, not a timer per connection, sends an end-of-line on each connection that has
 * written nothing for its period and closes each whose broker has been silent for twice its own. A
 * connection is swept on the loop it is pinned to, so it needs no locking; a closed one leaves the
 * sweep's list at the next pass.
 */
final class StompHeartbeats {
  /** Sweeps at a quarter of the shortest period, between 100 ms and 1 s: beats are that late. */
  private final long periodMillis;

  private final Map<EventLoop, Sweep> sweeps = new ConcurrentHashMap<>();

  StompHeartbeats(StompConfig c) {
    long shortest = Long.MAX_VALUE;
    for (long ms : new long[] {c.outgoingHeartbeatMillis(), c.incomingHeartbeatMillis()}) {
      if (ms > 0) {
        shortest = Math.min(shortest, ms);
      }
    }
    this.periodMillis = Math.max(100, Math.min(1_000, shortest / 4));
  }

  /** Sweeps {@code connection} from now on; called on {@code loop}, the connection's own. */
  void add(EventLoop loop, StompConnectionHandler connection) {
    sweeps.computeIfAbsent(loop, Sweep::new).connections.add(connection);
  }

  private final class Sweep implements Runnable {
    private final List<StompConnectionHandler> connections = new ArrayList<>();

    Sweep(EventLoop loop) {
      loop.scheduleAtFixedRate(this, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
      long now = System.nanoTime();
      int kept = 0;
      for (StompConnectionHandler c : connections) {
        if (c.heartbeat(now)) {
          connections.set(kept++, c);
        }
      }
      connections.subList(kept, connections.size()).clear();
    }
  }
}
