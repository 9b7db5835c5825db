package io.fleetsim.fleet;

import io.fleetsim.mtp.connect.Connectors;
import java.net.URI;
import java.util.Collection;

/**
 * How many MTP connects a fleet keeps outstanding at most, from the TCP SYN to the session being up
 * ({@link InFlightGate}): a burst past the server's listen backlog has its SYNs dropped, each sent
 * again by the kernel a second later.
 */
public final class ConnectsInFlight {
  private ConnectsInFlight() {}

  /**
   * To a Controller's own sockets: far below the listen backlog of a Netty server (the kernel's
   * somaxconn, 4,096 here).
   */
  public static final int SOCKET = 512;

  /**
   * Through a broker, whose listen backlog may be small (Mosquitto's is 100): 512 connects at once
   * overflowed it (383 SYNs dropped in a 5,000-agent connect storm), and 64 made the same storm
   * about 1.5× faster with none dropped (docs/BENCHMARKS.md [7/7]).
   */
  public static final int BROKER = 64;

  /** The limit for agents that connect to {@code peers}: {@link #BROKER} when one is a broker. */
  public static int to(Collection<URI> peers) {
    return peers.stream().anyMatch(Connectors::broker) ? BROKER : SOCKET;
  }
}
