package io.fleetsim.scenario;

import io.fleetsim.usp.message.Json;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Mass disconnects the scenario did not cause: the target failed (a Controller or broker crash, a
 * network cut). Sessions the peer or the network closed (not the agents' own reboots, link drops or
 * stops) numbering at least {@link #SHARE} of the connected agents, and {@link #MIN_LOST} or more,
 * within {@link #WINDOW_MILLIS}, outside every scenario incident's window (plus {@link
 * #GRACE_SECONDS} for its effects), are one observed incident; the next may only be detected once
 * the fleet is back to 95 % of where it was, or two minutes later. Fed at each milestone sample, on
 * one thread; holds a 2 s window of counts for the whole run, nothing per agent.
 */
final class OutageDetector {
  static final double SHARE = 0.05;
  static final long MIN_LOST = 10;
  static final long WINDOW_MILLIS = 2_000;
  static final double GRACE_SECONDS = 10;
  private static final long REARM_AFTER_MILLIS = 120_000;

  /**
   * The scenario's incidents in which the peer closes sessions: the embedded Controller's outage,
   * and its 1003 close of misbehaving agents (R-WS.16). The others act on the agents themselves
   * (flapping, churn, replayed drops and reboots, reboot storms, firmware reboots): the agent
   * closes its own session, which is not counted as lost, so they need no window and a target that
   * fails during one of them is still seen.
   */
  private static final Set<String> PEER_CLOSES = Set.of("outage", "misbehaving");

  /** An observed incident: {@code lost} of {@code connectedBefore} agents at {@code at} seconds. */
  record Observed(double at, long lost, long connectedBefore) {
    String what() {
      return String.format(
          Locale.ROOT,
          "%d of %d agents lost their session within %d s, not caused by the scenario",
          lost,
          connectedBefore,
          WINDOW_MILLIS / 1000);
    }
  }

  /** The incidents as a JSON array (summary.json {@code observedIncidents}). */
  static String json(List<Observed> observed) {
    return Json.array(
        observed,
        o ->
            String.format(
                Locale.ROOT,
                "{\"at\": %.1f, \"lost\": %d, \"connectedBefore\": %d, \"what\": %s}",
                o.at(),
                o.lost(),
                o.connectedBefore(),
                Json.quote(o.what())));
  }

  private final List<RunTimeline.Event> causedByTheScenario;
  private final long[] window;
  private int next;
  private int filled;
  private long recoverTo = -1;
  private long detectedAtMillis;

  OutageDetector(List<RunTimeline.Event> timeline, long sampleEveryMillis) {
    this.causedByTheScenario =
        timeline.stream().filter(e -> PEER_CLOSES.contains(e.kind())).toList();
    this.window = new long[(int) (WINDOW_MILLIS / sampleEveryMillis) + 1];
  }

  /**
   * One sample {@code millis} into the run: {@code connected} agents now, {@code lostTotal}
   * sessions lost since the start; returns the incident detected now, or null.
   */
  Observed sample(long millis, long connected, long lostTotal) {
    if (recoverTo >= 0) {
      if (connected * 100 < recoverTo * 95 && millis - detectedAtMillis < REARM_AFTER_MILLIS) {
        return null;
      }
      recoverTo = -1;
      filled = 0; // a fresh window: the samples from before the incident are not compared
      next = 0;
    }
    window[next] = lostTotal;
    next = (next + 1) % window.length;
    filled = Math.min(filled + 1, window.length);
    long oldest = lostTotal;
    for (int i = 0; i < filled; i++) {
      oldest = Math.min(oldest, window[i]);
    }
    long lost = lostTotal - oldest;
    long before = connected + lost;
    double at = millis / 1000.0;
    if (lost < MIN_LOST || lost < SHARE * before || scenarioCaused(at)) {
      return null;
    }
    recoverTo = before;
    detectedAtMillis = millis;
    return new Observed(at, lost, before);
  }

  private boolean scenarioCaused(double at) {
    for (RunTimeline.Event e : causedByTheScenario) {
      if (at >= e.at() && at <= e.until() + GRACE_SECONDS) {
        return true;
      }
    }
    return false;
  }
}
