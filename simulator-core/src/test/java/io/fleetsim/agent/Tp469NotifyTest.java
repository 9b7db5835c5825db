package io.fleetsim.agent;

import static io.fleetsim.agent.AgentHarness.assertMsg;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.NotifyResp;
import io.fleetsim.usp.proto.UspMsg.Response;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** TP-469 section 1 Notify cases. */
class Tp469NotifyTest {
  private final AgentHarness h = AgentHarness.booted();

  private void setProvisioningCode(String value) {
    h.call(
        MsgType.SET,
        "set { update_objs { obj_path: 'Device.LocalAgent.Controller.1.' "
            + "param_settings { param: 'ProvisioningCode' value: '"
            + value
            + "' } } }");
  }

  private void ack(Msg notify) {
    Msg resp = UspMessages.notifyResp(notify);
    assertThat(h.agent.onRecord(h.recordBytes(resp), h.out)).isNull();
  }

  @Test
  @DisplayName("TP-469 1.52 ValueChange notification on Controller.1.ProvisioningCode")
  void tp469_1_52() {
    Subscriptions.add(
        h, "Notify52", "ValueChange", "Device.LocalAgent.Controller.1.ProvisioningCode");
    h.clearSent();
    setProvisioningCode("TP-1.52");
    List<Msg> notes = h.notifications();
    assertThat(notes).hasSize(1);
    assertMsg(
        notes.get(0),
        """
        header { msg_id: "notify-1" msg_type: NOTIFY }
        body { request { notify {
          subscription_id: "Notify52"
          value_change { param_path: "Device.LocalAgent.Controller.1.ProvisioningCode" param_value: "TP-1.52" }
        } } }
        """);
    // the same value again is no change
    h.clearSent();
    setProvisioningCode("TP-1.52");
    assertThat(h.notifications()).isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.53 A deleted subscription notifies nothing")
  void tp469_1_53() {
    String sub =
        Subscriptions.add(
            h, "Notify53", "ValueChange", "Device.LocalAgent.Controller.1.ProvisioningCode");
    h.call(MsgType.DELETE, "delete { obj_paths: '" + sub + "' }");
    h.clearSent();
    setProvisioningCode("after-delete");
    assertThat(h.notifications()).isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.54 Unacknowledged notifications are retried at 5-10 s, then 10-20 s later")
  void tp469_1_54() {
    Subscriptions.add(
        h,
        "Notify54",
        "ValueChange",
        "Device.LocalAgent.Controller.1.ProvisioningCode",
        "NotifRetry",
        "true");
    h.clearSent();
    setProvisioningCode("retry");
    long first = h.clock.millis();
    assertThat(h.notifications()).hasSize(1);
    assertThat(h.notifications().get(0).getBody().getRequest().getNotify().getSendResp()).isTrue();
    long firstRetryAt = h.timers.scheduled().get(0).dueMillis();
    assertThat(firstRetryAt - first).isBetween(5_000L, 10_000L);
    h.advanceTo(firstRetryAt - AgentHarness.START);
    assertThat(h.notifications()).hasSize(2);
    assertThat(h.notifications().get(1).getHeader().getMsgId())
        .isEqualTo(h.notifications().get(0).getHeader().getMsgId());
    long secondRetryAt = h.timers.scheduled().get(0).dueMillis();
    assertThat(secondRetryAt - firstRetryAt).isBetween(10_000L, 20_000L);
    ack(h.notifications().get(0));
    assertThat(h.agent.pendingNotifications()).isZero();
    // the round trip is counted once, under the notification type, from the first attempt
    assertThat(h.stats.latencies().names())
        .filteredOn(n -> n.startsWith("Notify"))
        .containsExactly("Notify VALUE_CHANGE");
    assertThat(h.stats.latencies().total("Notify VALUE_CHANGE").getTotalCount()).isEqualTo(1);
    h.advance(60_000);
    assertThat(h.notifications()).hasSize(2);
  }

  @Test
  @DisplayName("TP-469 1.55 TimeToLive deletes the subscription")
  void tp469_1_55() {
    Subscriptions.add(
        h,
        "Notify55",
        "ValueChange",
        "Device.LocalAgent.Controller.1.ProvisioningCode",
        "TimeToLive",
        "30");
    h.advance(29_000);
    setProvisioningCode("alive");
    assertThat(h.notifications()).hasSize(1);
    h.advance(2_000);
    h.clearSent();
    setProvisioningCode("expired");
    assertThat(h.notifications()).isEmpty();
    Msg get =
        h.call(MsgType.GET, "get { param_paths: 'Device.LocalAgent.SubscriptionNumberOfEntries' }");
    assertThat(
            get.getBody()
                .getResponse()
                .getGetResp()
                .getReqPathResults(0)
                .getResolvedPathResults(0)
                .getResultParamsMap())
        .containsEntry("SubscriptionNumberOfEntries", "0");
    Msg ttl = h.call(MsgType.GET, "get { param_paths: 'Device.LocalAgent.Subscription.' }");
    assertThat(
            ttl.getBody()
                .getResponse()
                .getGetResp()
                .getReqPathResults(0)
                .getResolvedPathResultsList())
        .isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.56 NotifExpiration stops retries")
  void tp469_1_56() {
    Subscriptions.add(
        h,
        "Notify56",
        "ValueChange",
        "Device.LocalAgent.Controller.1.ProvisioningCode",
        "NotifRetry",
        "true",
        "NotifExpiration",
        "25");
    h.clearSent();
    setProvisioningCode("expire");
    h.advance(600_000);
    int sent = h.notifications().size();
    // retries at 5-10 s and 10-20 s later fit in 25 s at most twice; then it gives up
    assertThat(sent).isBetween(2, 3);
    assertThat(h.agent.pendingNotifications()).isZero();
    assertThat(h.stats.drops()).containsEntry("NOTIFY_EXPIRED", 1L);
  }

  @Test
  @DisplayName("TP-469 1.57 ObjectCreation notification with unique keys")
  void tp469_1_57() {
    Subscriptions.add(
        h, "Notify57", "ObjectCreation", "Device.LocalAgent.Controller.1.BootParameter.");
    h.clearSent();
    h.call(
        MsgType.ADD,
        "add { create_objs { obj_path: 'Device.LocalAgent.Controller.1.BootParameter.' "
            + "param_settings { param: 'ParameterName' value: 'Device.DeviceInfo.SerialNumber' } } }");
    assertMsg(
        h.notifications().get(0),
        """
        header { msg_id: "notify-1" msg_type: NOTIFY }
        body { request { notify {
          subscription_id: "Notify57"
          obj_creation {
            obj_path: "Device.LocalAgent.Controller.1.BootParameter.1."
            unique_keys { key: "Alias" value: "cpe-1" }
            unique_keys { key: "ParameterName" value: "Device.DeviceInfo.SerialNumber" }
          }
        } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.58 ObjectDeletion notification")
  void tp469_1_58() {
    h.call(
        MsgType.ADD,
        "add { create_objs { obj_path: 'Device.LocalAgent.Controller.1.BootParameter.' } }");
    Subscriptions.add(
        h, "Notify58", "ObjectDeletion", "Device.LocalAgent.Controller.1.BootParameter.*.");
    h.clearSent();
    h.call(
        MsgType.DELETE, "delete { obj_paths: 'Device.LocalAgent.Controller.1.BootParameter.1.' }");
    assertMsg(
        h.notifications().get(0),
        """
        header { msg_id: "notify-1" msg_type: NOTIFY }
        body { request { notify {
          subscription_id: "Notify58"
          obj_deletion { obj_path: "Device.LocalAgent.Controller.1.BootParameter.1." }
        } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.59 Periodic! every PeriodicNotifInterval, aligned on PeriodicNotifTime")
  void tp469_1_59() {
    h.call(
        MsgType.SET,
        "set { update_objs { obj_path: 'Device.LocalAgent.Controller.1.' "
            + "param_settings { param: 'PeriodicNotifInterval' value: '60' } "
            + "param_settings { param: 'PeriodicNotifTime' value: '2019-01-01T00:00:00Z' } } }");
    h.advanceTicking(15_000);
    Subscriptions.add(h, "Notify59", "Event", "Device.LocalAgent.Periodic!");
    h.clearSent();
    h.advanceTicking(130_000);
    List<Msg> notes = h.notifications();
    assertThat(notes).hasSize(2);
    assertMsg(
        notes.get(0),
        """
        header { msg_id: "notify-1" msg_type: NOTIFY }
        body { request { notify {
          subscription_id: "Notify59"
          event { obj_path: "Device.LocalAgent." event_name: "Periodic!" }
        } } }
        """);
  }

  @Test
  @DisplayName("TP-469 1.60 OnBoardRequest via SendOnBoardRequest()")
  void tp469_1_60() {
    h.call(
        MsgType.OPERATE,
        "operate { command: 'Device.LocalAgent.Controller.1.SendOnBoardRequest()' send_resp: true }");
    assertMsg(
        h.notifications().get(0),
        """
        header { msg_id: "notify-1" msg_type: NOTIFY }
        body { request { notify {
          subscription_id: "" send_resp: true
          on_board_req { oui: "00D09E" product_class: "GW" serial_number: "FSIM00000007" agent_supported_protocol_versions: "1.0,1.1,1.2,1.3,1.4" }
        } } }
        """);
    assertThat(h.agent.pendingNotifications()).isEqualTo(1);
    h.advance(3_600_000);
    assertThat(h.agent.pendingNotifications()).as("OnBoardRequest never expires").isEqualTo(1);
  }

  @Test
  @DisplayName("TP-469 1.78 Subscriptions are removed with their Controller")
  void tp469_1_78() {
    h.call(
        MsgType.ADD,
        "add { create_objs { obj_path: 'Device.LocalAgent.Controller.' "
            + "param_settings { param: 'EndpointID' value: 'self::second' } } }");
    Subscriptions.add(h, "mine", "ValueChange", "Device.DeviceInfo.FriendlyName");
    h.call(MsgType.DELETE, "delete { obj_paths: 'Device.LocalAgent.Controller.1.' }");
    assertThat(
            h.agent
                .dataModel()
                .instances(
                    AgentHarness.TEST_PROFILE.object("Device.LocalAgent.Subscription.{i}."),
                    new int[0]))
        .isEmpty();
  }

  @Test
  @DisplayName("TP-469 1.84 ReferenceList with a search path")
  void tp469_1_84() {
    Subscriptions.add(h, "Notify84", "ValueChange", "Device.WiFi.SSID.[Name==\"wl2\"].SSID");
    h.clearSent();
    h.call(
        MsgType.SET,
        "set { update_objs { obj_path: 'Device.WiFi.SSID.*.' param_settings { param: 'SSID' value: 'x' } } }");
    assertThat(h.notifications())
        .singleElement()
        .satisfies(
            n ->
                assertThat(n.getBody().getRequest().getNotify().getValueChange().getParamPath())
                    .isEqualTo("Device.WiFi.SSID.2.SSID"));
  }

  @Test
  @DisplayName("TP-469 1.93 TriggerAction Config applies TriggerConfigSettings without notifying")
  void tp469_1_93() {
    Subscriptions.add(
        h,
        "Notify93",
        "ValueChange",
        "Device.LocalAgent.Controller.1.ProvisioningCode",
        "TriggerAction",
        "Config",
        "TriggerConfigSettings",
        "Device.DeviceInfo.FriendlyName=Configured");
    h.clearSent();
    setProvisioningCode("go");
    assertThat(h.notifications()).isEmpty();
    Msg get = h.call(MsgType.GET, "get { param_paths: 'Device.DeviceInfo.FriendlyName' }");
    assertThat(
            get.getBody()
                .getResponse()
                .getGetResp()
                .getReqPathResults(0)
                .getResolvedPathResults(0)
                .getResultParamsMap())
        .containsEntry("FriendlyName", "Configured");
  }

  @Test
  @DisplayName("TP-469 1.94 TriggerAction NotifyAndConfig notifies and applies")
  void tp469_1_94() {
    Subscriptions.add(
        h,
        "Notify94",
        "ValueChange",
        "Device.LocalAgent.Controller.1.ProvisioningCode",
        "TriggerAction",
        "NotifyAndConfig",
        "TriggerConfigSettings",
        "Device.DeviceInfo.FriendlyName=Both");
    Subscriptions.add(h, "Watch", "ValueChange", "Device.DeviceInfo.FriendlyName");
    h.clearSent();
    setProvisioningCode("go");
    assertThat(h.notifications())
        .extracting(n -> n.getBody().getRequest().getNotify().getSubscriptionId())
        .containsExactly("Notify94", "Watch");
  }

  @Test
  void valueChange_objectPathCoversEverythingBelow_andDisabledSubscriptionIsSilent() {
    Subscriptions.add(h, "all-info", "ValueChange", "Device.DeviceInfo.");
    Subscriptions.add(h, "off", "ValueChange", "Device.DeviceInfo.", "Enable", "false");
    h.clearSent();
    h.call(
        MsgType.SET,
        "set { update_objs { obj_path: 'Device.DeviceInfo.FirmwareImage.2.' param_settings { param: 'Available' value: 'false' } } }");
    assertThat(h.notifications())
        .extracting(n -> n.getBody().getRequest().getNotify().getSubscriptionId())
        .containsExactly("all-info");
  }

  @Test
  void notifyResp_forUnknownMsgId_isCountedDrop() {
    Msg resp =
        UspMessages.response(
            "nope",
            MsgType.NOTIFY_RESP,
            Response.newBuilder().setNotifyResp(NotifyResp.getDefaultInstance()).build());
    assertThat(h.agent.onRecord(h.recordBytes(resp), h.out))
        .isEqualTo(io.fleetsim.usp.record.RecordDropReason.UNMATCHED_NOTIFY_RESP);
  }
}
