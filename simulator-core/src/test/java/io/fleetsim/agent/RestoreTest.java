package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import org.junit.jupiter.api.Test;

/** A deployed device's subscriptions, restored before its first connect without any traffic. */
class RestoreTest {
  private static final Msg ADD = add();

  @Test
  void restoredSubscriptions_fireAtTheFirstConnect_andNothingCountsAsTraffic() {
    AgentHarness h = new AgentHarness(AgentHarness.TEST_PROFILE, 7);

    assertThat(h.agent.restore(ADD, AgentHarness.CONTROLLER)).isTrue();
    assertThat(h.out.sent).isEmpty();
    assertThat(h.stats.handled()).isEmpty();
    assertThat(h.stats.messagesToAgents()).isEmpty();

    h.agent.onConnected(h.out);
    assertThat(h.notifications())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.getBody().getRequest().getNotify().getSubscriptionId())
                    .isEqualTo("boot"));
    assertThat(h.stats.messagesFromAgents()).containsEntry("NOTIFY", 1L);
  }

  @Test
  void bootIsAnnounced_whenItsNotifyRespArrives() {
    AgentHarness h = new AgentHarness(AgentHarness.TEST_PROFILE, 7);
    h.agent.restore(ADD, AgentHarness.CONTROLLER);
    Subscriptions.add(
        h, "boot2", "Event", "Device.Boot!", "Persistent", "true", "NotifRetry", "true");
    h.clearSent();

    h.agent.onConnected(h.out);
    assertThat(h.out.lifecycle).doesNotContain(AgentLifecycle.BOOTED);
    Msg boot =
        h.notifications().stream()
            .filter(m -> m.getBody().getRequest().getNotify().getSendResp())
            .findFirst()
            .orElseThrow();

    h.agent.onRecord(h.recordBytes(UspMessages.notifyResp(boot)), h.out);
    assertThat(h.out.lifecycle).containsExactly(AgentLifecycle.BOOTED);
  }

  @Test
  void aReconnectThatIsNotAReboot_announcesTheAgentAtOnce() {
    AgentHarness h = new AgentHarness(AgentHarness.TEST_PROFILE, 7);
    h.agent.restore(ADD, AgentHarness.CONTROLLER);
    h.agent.onConnected(h.out);
    h.clearSent();
    h.out.lifecycle.clear();

    h.agent.onConnected(h.out); // an outage or a Controller restart, not a reboot
    assertThat(h.notifications()).as("no second Boot!").isEmpty();
    assertThat(h.out.lifecycle).containsExactly(AgentLifecycle.BOOTED);
  }

  @Test
  void aReconnectBeforeTheBootIsAcknowledged_staysBootingUntilTheNotifyResp() {
    AgentHarness h = new AgentHarness(AgentHarness.TEST_PROFILE, 7);
    h.agent.restore(ADD, AgentHarness.CONTROLLER);
    Subscriptions.add(
        h, "boot2", "Event", "Device.Boot!", "Persistent", "true", "NotifRetry", "true");
    h.agent.onConnected(h.out);
    Msg boot =
        h.notifications().stream()
            .filter(m -> m.getBody().getRequest().getNotify().getSendResp())
            .findFirst()
            .orElseThrow();

    h.agent.onConnected(h.out); // the link dropped before the NotifyResp came
    assertThat(h.out.lifecycle).doesNotContain(AgentLifecycle.BOOTED);

    h.agent.onRecord(h.recordBytes(UspMessages.notifyResp(boot)), h.out);
    assertThat(h.out.lifecycle).containsExactly(AgentLifecycle.BOOTED);
  }

  @Test
  void anUnknownController_isRefused() {
    AgentHarness h = new AgentHarness(AgentHarness.TEST_PROFILE, 7);
    assertThat(h.agent.restore(ADD, "self::someone-else")).isFalse();
    assertThat(h.value("Device.LocalAgent.SubscriptionNumberOfEntries")).isEqualTo("0");
  }

  private static Msg add() {
    try {
      return UspMessages.request(
          "restore",
          MsgType.ADD,
          TextFormat.parse(
              "add { allow_partial: false create_objs { obj_path: 'Device.LocalAgent.Subscription.'"
                  + " param_settings { param: 'ID' value: 'boot' required: true }"
                  + " param_settings { param: 'Enable' value: 'true' required: true }"
                  + " param_settings { param: 'NotifType' value: 'Event' required: true }"
                  + " param_settings { param: 'ReferenceList' value: 'Device.Boot!' required: true }"
                  + " param_settings { param: 'Persistent' value: 'true' required: true } } }",
              Request.class));
    } catch (TextFormat.ParseException e) {
      throw new AssertionError(e);
    }
  }
}
