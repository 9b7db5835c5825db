package io.fleetsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fleet's firmware versions over time: how many agents run each SoftwareVersion, kept as a
 * sample whenever the distribution changed since the last one (so a 10-minute run without a rollout
 * holds one sample, and a rollout one per second it moves). It shows how far a rollout has got,
 * whether the embedded controller or the controller under test drives it.
 */
final class FirmwareSeries {
  /** Agents per version {@code seconds} into the run. */
  record Sample(double seconds, Map<String, Long> versions) {
    Sample {
      versions = Map.copyOf(versions);
    }
  }

  private final List<Sample> samples = new ArrayList<>();

  /** Records {@code versions} unless they equal the last sample's. */
  void observe(double seconds, Map<String, Long> versions) {
    if (samples.isEmpty() || !samples.get(samples.size() - 1).versions().equals(versions)) {
      samples.add(new Sample(seconds, versions));
    }
  }

  List<Sample> samples() {
    return List.copyOf(samples);
  }
}
