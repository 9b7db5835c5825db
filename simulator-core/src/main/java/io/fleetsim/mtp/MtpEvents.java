package io.fleetsim.mtp;

import io.fleetsim.metrics.ReasonCounts;
import java.util.Map;
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

  private final ReasonCounts counts = new ReasonCounts();

  /**
   * One occurrence of {@code reason}; {@code detail} (for example the peer) goes to the log once.
   */
  public void count(String reason, Object detail) {
    if (counts.count(reason)) {
      LOG.warn("{} ({}); further ones are counted, not logged", reason, detail);
    }
  }

  /** Occurrences so far, by reason. */
  public Map<String, Long> counts() {
    return counts.snapshot();
  }
}
