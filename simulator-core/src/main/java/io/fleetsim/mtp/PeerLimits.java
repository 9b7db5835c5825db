package io.fleetsim.mtp;

import io.fleetsim.usp.record.UspRecordCodec;
import java.time.Duration;

/**
 * What a listener grants one peer before it closes the connection or stops reading from it: a
 * connection that has not finished its handshake (TLS and WebSocket upgrade) within {@code
 * handshakeTimeout}, or that sends nothing for {@code idleTimeout} once up (USP agents keep the
 * session alive with WebSocket pings, R-WS.17), is closed and counted. Without them idle sockets
 * exhausted the open-file limit and locked new agents out.
 *
 * <p>{@code recordsPerSecond} paces each connection: it may be up to one second's worth of Records
 * ahead (its in-flight allowance); beyond that the listener stops reading from it until it is back
 * within, so TCP pushes back on the sender and nothing is lost. A peer flooding Records then costs
 * the event loop it shares with other peers no more than its allowance. {@code
 * connectionsPerSource} refuses connections from an address that already holds that many.
 *
 * @param idleTimeout zero: never closed for silence
 * @param recordsPerSecond Records a second taken from one connection; 0: no limit
 * @param connectionsPerSource live connections from one IP address; 0: no limit (a load test's
 *     agents usually share a handful of loopback addresses)
 * @param maxRecordBytes the largest Record taken from a peer; a larger WebSocket message closes the
 *     connection with 1009
 */
public record PeerLimits(
    Duration handshakeTimeout,
    Duration idleTimeout,
    int recordsPerSecond,
    int connectionsPerSource,
    int maxRecordBytes) {
  /** Default Records a second per connection: far above a device's own traffic. */
  public static final int DEFAULT_RECORDS_PER_SECOND = 1000;

  /**
   * 10 s to connect, 5 minutes of silence (five times the 60 s keep-alive of the agents), 1,000
   * Records a second per connection, any number of connections per address, Records of 5 MiB.
   */
  public static final PeerLimits DEFAULTS =
      new PeerLimits(Duration.ofSeconds(10), Duration.ofMinutes(5));

  public PeerLimits {
    if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("the handshake timeout must be > 0");
    }
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("the idle timeout must be >= 0");
    }
    if (recordsPerSecond < 0 || connectionsPerSource < 0) {
      throw new IllegalArgumentException(
          "records per second and connections per source must be >= 0 (0: no limit)");
    }
    if (maxRecordBytes < 1024) {
      throw new IllegalArgumentException("the Record size limit must be at least 1024 bytes");
    }
  }

  /** These timeouts with the default rate and Record size, and no limit per source. */
  public PeerLimits(Duration handshakeTimeout, Duration idleTimeout) {
    this(
        handshakeTimeout,
        idleTimeout,
        DEFAULT_RECORDS_PER_SECOND,
        0,
        UspRecordCodec.DEFAULT_MAX_RECORD_BYTES);
  }

  /** The same with another rate per connection (0: no limit). */
  public PeerLimits withRecordsPerSecond(int rate) {
    return new PeerLimits(
        handshakeTimeout, idleTimeout, rate, connectionsPerSource, maxRecordBytes);
  }

  /** The same with another limit of connections per address (0: no limit). */
  public PeerLimits withConnectionsPerSource(int max) {
    return new PeerLimits(handshakeTimeout, idleTimeout, recordsPerSecond, max, maxRecordBytes);
  }
}
