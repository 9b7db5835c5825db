package io.fleetsim.controller;

import io.fleetsim.usp.proto.UspMsg.Add;
import io.fleetsim.usp.proto.UspMsg.Request;

/**
 * What the reference Controller subscribes every agent to on first contact, built once and shared
 * by every agent (protobuf messages are immutable): Boot! and TransferComplete! with NotifRetry so
 * neither is lost while the Controller is unreachable (TR-369 retry, R-NOT.1-4), ValueChange on
 * SoftwareVersion (how a firmware campaign sees its result) and on the Wi-Fi radios' Channel (the
 * classic Wi-Fi optimisation subscription; auto channel changes it), Periodic!, and
 * OperationComplete for every async command (filtered by the object path {@code Device.},
 * R-NOT.0c). All are Persistent: TR-181 removes non-persistent subscriptions on reboot, and a
 * Controller wants Boot! after one.
 */
public final class Provisioning {
  /** The ID of the Boot! subscription; Notify subscription_id values name the one that fired. */
  static final String BOOT = "boot";

  static final String TRANSFER = "transfer";
  static final String SOFTWARE_VERSION = "sw";
  static final String CHANNEL = "channel";
  static final String PERIODIC = "periodic";
  static final String OPERATIONS = "ops";

  /** One Add of all subscriptions, atomic (allow_partial=false, R-ADD.2). */
  public static final Request REQUEST =
      Request.newBuilder()
          .setAdd(
              Add.newBuilder()
                  .setAllowPartial(false)
                  .addCreateObjs(subscription(BOOT, "Event", "Device.Boot!", true))
                  .addCreateObjs(
                      subscription(TRANSFER, "Event", "Device.LocalAgent.TransferComplete!", true))
                  .addCreateObjs(
                      subscription(
                          SOFTWARE_VERSION,
                          "ValueChange",
                          "Device.DeviceInfo.SoftwareVersion",
                          false))
                  .addCreateObjs(
                      subscription(CHANNEL, "ValueChange", "Device.WiFi.Radio.*.Channel", false))
                  .addCreateObjs(
                      subscription(PERIODIC, "Event", "Device.LocalAgent.Periodic!", false))
                  .addCreateObjs(subscription(OPERATIONS, "OperationComplete", "Device.", false)))
          .build();

  private Provisioning() {}

  private static Add.CreateObject subscription(String id, String type, String refs, boolean retry) {
    Add.CreateObject.Builder co =
        Add.CreateObject.newBuilder().setObjPath("Device.LocalAgent.Subscription.");
    String[][] settings = {
      {"ID", id},
      {"Enable", "true"},
      {"NotifType", type},
      {"ReferenceList", refs},
      {"Persistent", "true"},
      {"NotifRetry", Boolean.toString(retry)}
    };
    for (String[] s : settings) {
      co.addParamSettings(
          Add.CreateParamSetting.newBuilder().setParam(s[0]).setValue(s[1]).setRequired(true));
    }
    return co.build();
  }
}
