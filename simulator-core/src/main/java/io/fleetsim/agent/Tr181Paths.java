package io.fleetsim.agent;

/**
 * The TR-181 Device:2 paths the agent itself acts on (beyond answering requests), in one place:
 * supported-path forms as the schema keys its objects.
 */
final class Tr181Paths {
  private Tr181Paths() {}

  static final String DEVICE_INFO = "Device.DeviceInfo.";
  static final String ETHERNET_INTERFACE = "Device.Ethernet.Interface.{i}.";
  static final String FIRMWARE_IMAGE = "Device.DeviceInfo.FirmwareImage.{i}.";

  /** A FirmwareImage reference as BootFirmwareImage and ActiveFirmwareImage hold it, less N. */
  static final String FIRMWARE_IMAGE_REF = "Device.DeviceInfo.FirmwareImage.";

  static final String LOCAL_AGENT = "Device.LocalAgent.";
  static final String CONTROLLER = "Device.LocalAgent.Controller.{i}.";

  /** The agent's own STOMP destination (TR-181 2.12, TP-469 6.6, 6.10). */
  static final String STOMP_DESTINATION = "Device.LocalAgent.MTP.{i}.STOMP.Destination";

  /** Where a STOMP broker's subscribe-dest shows (TR-181 2.12, TP-469 6.5). */
  static final String DESTINATION_FROM_SERVER =
      "Device.LocalAgent.MTP.{i}.STOMP.DestinationFromServer";

  /** A Controller reference as Subscription.Recipient holds it, less N. */
  static final String CONTROLLER_REF = "Device.LocalAgent.Controller.";

  static final String BOOT_PARAMETER = "Device.LocalAgent.Controller.{i}.BootParameter.{i}.";
  static final String SUBSCRIPTION = "Device.LocalAgent.Subscription.{i}.";
  static final String REQUEST = "Device.LocalAgent.Request.{i}.";
  static final String PERIODIC_EVENT = "Device.LocalAgent.Periodic!";
}
