package io.fleetsim.datamodel;

/** What a simulated agent does when a command runs; chosen per command in the profile. */
public enum CommandBehavior {
  /**
   * Completes at once (sync) or after {@code duration} (async) with the declared output defaults.
   */
  COMPLETE,
  /**
   * {@code Device.Reboot()}: answer, then reboot; Boot! Cause=RemoteReboot with the command_key.
   */
  REBOOT,
  /**
   * {@code Device.FactoryReset()}: drop all written state and reboot with Cause=RemoteFactoryReset.
   */
  FACTORY_RESET,
  /**
   * {@code FirmwareImage.{i}.Download()}: fetch into this bank, TransferComplete!, optional
   * activate.
   */
  FIRMWARE_DOWNLOAD,
  /** {@code FirmwareImage.{i}.Activate()}: reboot into this bank when its time window opens. */
  FIRMWARE_ACTIVATE,
  /** {@code Device.ScheduleTimer()}: completes after DelaySeconds. */
  SCHEDULE_TIMER,
  /** {@code LocalAgent.Request.{i}.Cancel()}: cancels the request, which completes with 7023. */
  CANCEL_REQUEST,
  /** {@code LocalAgent.Controller.{i}.SendOnBoardRequest()}: an OnBoardRequest Notify (R-NOT.6). */
  SEND_ONBOARD_REQUEST;

  /** The profile spelling, e.g. {@code firmware-download}. */
  public String profileName() {
    return name().toLowerCase().replace('_', '-');
  }

  /** The behaviour for a profile spelling, or null. */
  public static CommandBehavior ofProfileName(String name) {
    for (CommandBehavior b : values()) {
      if (b.profileName().equals(name)) {
        return b;
      }
    }
    return null;
  }
}
