package io.fleetsim.agent;

import java.util.List;

/**
 * What a boot must announce once the MTP is up: Boot! arguments, the firmware bank to switch to
 * during the restart (null for none), and requests that complete across the reboot.
 */
record BootInfo(
    String cause,
    String commandKey,
    boolean firmwareUpdated,
    int[] activateImage,
    List<Completion> completions) {

  BootInfo {
    completions = List.copyOf(completions);
  }

  BootInfo withFirmwareUpdated(boolean updated) {
    return new BootInfo(cause, commandKey, updated, null, completions);
  }
}
