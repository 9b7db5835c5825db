package io.fleetsim.mtp.websocket;

import io.fleetsim.mtp.MtpEvents;
import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live connections per source address at one listener, refused over the limit: a peer opening
 * sockets in a loop cannot take the process's open files from the others. One entry per address
 * with live connections; the entry goes with its last connection.
 */
final class SourceLimit {
  private final int max;
  private final MtpEvents events;
  private final String reason;
  private final ConcurrentHashMap<InetAddress, Integer> live = new ConcurrentHashMap<>();

  /**
   * @param max connections per address; 0: no limit
   */
  SourceLimit(int max, MtpEvents events) {
    this.max = max;
    this.events = events;
    this.reason = "listener: over " + max + " connections from one address (refused)";
  }

  /**
   * Whether {@code ch}, just accepted, may stay; when it may, its close gives its place back. A
   * refused one is counted (the first logged with its address) and must be closed by the caller.
   */
  boolean admit(Channel ch) {
    if (max == 0 || !(ch.remoteAddress() instanceof InetSocketAddress remote)) {
      return true;
    }
    InetAddress source = remote.getAddress();
    if (live.merge(source, 1, Integer::sum) > max) {
      release(source);
      events.count(reason, source);
      return false;
    }
    ch.closeFuture().addListener(f -> release(source));
    return true;
  }

  private void release(InetAddress source) {
    live.computeIfPresent(source, (a, n) -> n == 1 ? null : n - 1);
  }
}
