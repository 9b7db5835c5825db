package io.fleetsim.mtp;

import java.time.Duration;

/**
 * What a listener grants one peer before it closes the connection: a connection that has not
 * finished its handshake (TLS and WebSocket upgrade) within {@code handshakeTimeout}, or that sends
 * nothing for {@code idleTimeout} once up (USP agents keep the session alive with WebSocket pings,
 * R-WS.17), is closed and counted. Without them idle sockets exhausted the open-file limit and
 * locked new agents out.
 *
 * @param idleTimeout zero: never closed for silence
 */
public record PeerLimits(Duration handshakeTimeout, Duration idleTimeout) {
  /** 10 s to connect, 5 minutes of silence (five times the 60 s keep-alive of the agents). */
  public static final PeerLimits DEFAULTS =
      new PeerLimits(Duration.ofSeconds(10), Duration.ofMinutes(5));

  public PeerLimits {
    if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("the handshake timeout must be > 0");
    }
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("the idle timeout must be >= 0");
    }
  }
}
