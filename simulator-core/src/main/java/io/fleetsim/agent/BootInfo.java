package io.fleetsim.agent;

import java.util.List;

/**
 * What a boot must announce once the MTP is up: Boot! arguments, the firmware bank to switch to
 * during the restart (null for none), requests that complete across the reboot, and the values the
 * restart changed (SoftwareVersion after new firmware), which ValueChange subscribers hear of after
 * Boot!.
 */
record BootInfo(
    String cause,
    String commandKey,
    boolean firmwareUpdated,
    int[] activateImage,
    List<Completion> completions,
    List<Change> changes) {

  BootInfo {
    completions = List.copyOf(completions);
    changes = List.copyOf(changes);
  }

  /** A boot with nothing carried across it but its cause and pending completions. */
  static BootInfo of(String cause, String commandKey, int[] activateImage, List<Completion> done) {
    return new BootInfo(cause, commandKey, false, activateImage, done, List.of());
  }

  /** The boot after a failed image: back on the old one, with what the failure changed. */
  BootInfo rolledBack(List<Completion> done, List<Change> failureChanges) {
    return new BootInfo(cause, commandKey, false, null, done, failureChanges);
  }

  BootInfo afterImageSwitch(boolean updated, List<Change> restartChanges) {
    return new BootInfo(cause, commandKey, updated, null, completions, restartChanges);
  }
}
