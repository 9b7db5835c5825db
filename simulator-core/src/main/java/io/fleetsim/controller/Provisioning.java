package io.fleetsim.controller;

import io.fleetsim.usp.proto.UspMsg.Add;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  /**
   * What a Controller that restarted asks an agent whose provisioning Add failed: the agent's
   * subscriptions and its Controller table, to tell "already provisioned by me" (the Add failed on
   * the unique key Recipient+ID, TR-181 Device.LocalAgent.Subscription.{i}.) from a real failure.
   */
  public static final Request HELD =
      Request.newBuilder()
          .setGet(
              Get.newBuilder()
                  .addParamPaths("Device.LocalAgent.Subscription.*.")
                  .addParamPaths("Device.LocalAgent.Controller.*.EndpointID"))
          .build();

  private static final List<String> IDS =
      List.of(BOOT, TRANSFER, SOFTWARE_VERSION, CHANNEL, PERIODIC, OPERATIONS);

  private Provisioning() {}

  /**
   * Whether the GetResp to {@link #HELD} shows every subscription of {@link #REQUEST} held for the
   * Controller {@code controllerId}.
   */
  static boolean held(Msg getResp, String controllerId) {
    if (!getResp.getBody().hasResponse() || !getResp.getBody().getResponse().hasGetResp()) {
      return false;
    }
    Set<String> mine = new HashSet<>(); // Device.LocalAgent.Controller.N, as Recipient holds it
    List<GetResp.ResolvedPathResult> subscriptions = new ArrayList<>();
    for (GetResp.RequestedPathResult r :
        getResp.getBody().getResponse().getGetResp().getReqPathResultsList()) {
      for (GetResp.ResolvedPathResult row : r.getResolvedPathResultsList()) {
        String path = row.getResolvedPath();
        if (controllerId.equals(row.getResultParamsMap().get("EndpointID"))) {
          mine.add(path.endsWith(".") ? path.substring(0, path.length() - 1) : path);
        } else if (path.startsWith("Device.LocalAgent.Subscription.")) {
          subscriptions.add(row);
        }
      }
    }
    Set<String> ids = new HashSet<>();
    for (GetResp.ResolvedPathResult row : subscriptions) {
      String recipient = row.getResultParamsMap().getOrDefault("Recipient", "");
      if (mine.contains(
          recipient.endsWith(".") ? recipient.substring(0, recipient.length() - 1) : recipient)) {
        ids.add(row.getResultParamsMap().get("ID"));
      }
    }
    return ids.containsAll(IDS);
  }

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
