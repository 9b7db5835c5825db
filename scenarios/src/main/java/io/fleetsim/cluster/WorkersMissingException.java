package io.fleetsim.cluster;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Fewer workers joined than the run asked for, within its time: who did, and how many did not. */
public final class WorkersMissingException extends Exception {
  private static final long serialVersionUID = 1L;

  WorkersMissingException(int wanted, List<Coordinator.Joined> joined, Duration after) {
    super(
        String.format(
            "%d of %d workers joined within %d s%s; %d missing (start them with `fleetsim worker"
                + " --join` this coordinator's address, or lower --workers)",
            joined.size(),
            wanted,
            after.toSeconds(),
            joined.isEmpty()
                ? ""
                : ": "
                    + joined.stream()
                        .map(j -> j.info().toString())
                        .collect(Collectors.joining(", ")),
            wanted - joined.size()));
  }
}
