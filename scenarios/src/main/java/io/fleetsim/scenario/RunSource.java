package io.fleetsim.scenario;

import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.Latencies;
import java.util.Map;

/**
 * What a run's report, progress line, live dashboard and Prometheus endpoint read: the fleet's
 * metrics and counts and the embedded Controller's. A run in one JVM reads its own fleet ({@link
 * LocalRun}); a cluster coordinator reads the sum of its workers'.
 */
public interface RunSource {
  /** The fleet's counters and latencies. */
  FleetMetrics metrics();

  /** Agents started so far. */
  int spawned();

  /** Agents the fleet can hold. */
  int total();

  /** The fleet's timer rounds so far (see {@code ActorFleet#tickRounds}). */
  long tickRounds();

  /** Timer firings put off to a later round so far. */
  long ticksDeferred();

  /** The embedded Controller's latencies, or null when the target is an external one. */
  Latencies controllerLatencies();

  /** Boot! events the embedded Controller received (0 without one). */
  long controllerBoots();

  /** Records the embedded Controller dropped, or -1 without one. */
  long controllerDropped();

  /** The MTP's transport events so far, by reason (refused handshakes, oversized frames, ...). */
  Map<String, Long> transportEvents();
}
