package io.fleetsim.mtp;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the transports did to protect themselves, by reason ("listener: handshake timeout", "client:
 * text frame", …): refused handshakes, timeouts, frames USP does not allow. Counted for the process
 * (one per {@link Transports}), never per connection; the first of each reason is logged, later
 * ones only counted, so a hostile peer cannot flood the log either.
 */
public final class MtpEvents {
  private static final Logger LOG = LoggerFactory.getLogger(MtpEvents.class);

  private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

  /**
   * One occurrence of {@code reason}; {@code detail} (for example the peer) goes to the log once.
   */
  public void count(String reason, Object detail) {
    LongAdder n = counts.get(reason);
    if (n == null) {
      LongAdder fresh = new LongAdder();
      n = counts.putIfAbsent(reason, fresh);
      if (n == null) {
        n = fresh;
        LOG.warn("{} ({}); further ones are counted, not logged", reason, detail);
      }
    }
    n.increment();
  }

  /** Occurrences so far, by reason. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
