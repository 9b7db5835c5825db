package io.fleetsim.controller;

import io.fleetsim.metrics.ReasonCounts;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Records a Controller drops, by reason (undecodable, not addressed to it, of a type it does
 * not take, from a refused session, answers to no pending request): each counted, the first of each
 * reason logged with its detail, so a cause is named once however often it recurs.
 */
final class ControllerDrops {
  private static final Logger LOG = LoggerFactory.getLogger(ControllerDrops.class);

  private final ReasonCounts counts = new ReasonCounts();

  void drop(String reason, Object detail) {
    if (counts.count(reason)) {
      LOG.warn("dropped a Record ({}): {}; further ones are counted, not logged", reason, detail);
    }
  }

  long total() {
    return counts.snapshot().values().stream().mapToLong(Long::longValue).sum();
  }

  Map<String, Long> byReason() {
    return counts.snapshot();
  }
}
