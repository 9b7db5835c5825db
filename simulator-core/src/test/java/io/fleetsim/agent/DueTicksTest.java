package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.TextFormat;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fleet that ticks an agent only when something time brings is due for its subscribers sends
 * exactly what a fleet ticking it every second does: nothing lost, nothing doubled, and nothing
 * from before a subscription existed.
 */
class DueTicksTest {
  private static AgentHarness subscribed() {
    AgentHarness h = AgentHarness.booted();
    Subscriptions.add(h, "vc", "ValueChange", "Device.WiFi.Radio.*.Channel", "Persistent", "true");
    Subscriptions.add(h, "oc", "ObjectCreation", "Device.Hosts.Host.", "Persistent", "true");
    Subscriptions.add(h, "od", "ObjectDeletion", "Device.Hosts.Host.*.", "Persistent", "true");
    Subscriptions.add(h, "pe", "Event", "Device.LocalAgent.Periodic!", "Persistent", "true");
    h.call(
        io.fleetsim.usp.proto.UspMsg.Header.MsgType.SET,
        "set { update_objs { obj_path: 'Device.LocalAgent.Controller.1.' param_settings {"
            + " param: 'PeriodicNotifInterval' value: '3600' required: true } } }");
    h.clearSent();
    return h;
  }

  private static List<String> notifications(AgentHarness h) {
    return h.notifications().stream()
        .map(m -> TextFormat.shortDebugString(m.getBody().getRequest().getNotify()))
        .toList();
  }

  @Test
  void dueTicksOnly_sendWhatTicksEverySecondSend() {
    AgentHarness everySecond = subscribed();
    everySecond.advanceTicking(30 * 3_600_000L);
    List<String> expected = notifications(everySecond);

    AgentHarness due = subscribed();
    due.advanceDueTicking(30 * 3_600_000L);

    assertThat(expected).hasSizeGreaterThan(30); // 30 Periodic!, hosts, a channel or two
    assertThat(expected).anyMatch(n -> n.contains("value_change"));
    assertThat(expected).anyMatch(n -> n.contains("obj_creation"));
    assertThat(notifications(due)).isEqualTo(expected);
  }

  @Test
  void anIdleAgent_asksForATickOnlyWhenSomethingIsDue() {
    AgentHarness h = AgentHarness.booted();
    h.agent.afterWork();
    assertThat(h.timers.nextTick()).as("no subscription: never").isEqualTo(Long.MAX_VALUE);

    Subscriptions.add(h, "vc", "ValueChange", "Device.WiFi.Radio.*.Channel", "Persistent", "true");
    h.agent.afterWork();
    long asked = h.timers.nextTick();
    // the first channel change of either radio, hours away, not the next second
    assertThat(asked - h.clock.millis()).isGreaterThan(1_000);
    var dm = h.agent.dataModel();
    var channel = dm.schema().param("Device.WiFi.Radio.{i}.Channel");
    long first =
        Math.min(
            dm.nextChangeAfter(channel, new int[] {1}, h.clock.millis()),
            dm.nextChangeAfter(channel, new int[] {2}, h.clock.millis()));
    assertThat(asked).isEqualTo(first);
  }

  @Test
  void aNewSubscription_hearsNothingOfWhatChangedBeforeIt() {
    AgentHarness h = AgentHarness.booted();
    h.agent.afterWork();
    // a day passes without a tick (nothing was subscribed), hosts came and went meanwhile
    var hosts = h.agent.dataModel().schema().object("Device.Hosts.Host.{i}.");
    int[] before = h.agent.dataModel().instances(hosts, new int[0]);
    h.advance(24 * 3_600_000L);
    int[] after = h.agent.dataModel().instances(hosts, new int[0]);
    assertThat(
            java.util.stream.IntStream.of(after)
                .filter(n -> java.util.Arrays.binarySearch(before, n) < 0)
                .count())
        .as("rows that came during the day")
        .isGreaterThan(2);
    Subscriptions.add(h, "oc", "ObjectCreation", "Device.Hosts.Host.", "Persistent", "true");
    h.agent.afterWork();
    h.clearSent();
    // the agent's first tick covers only the time since the subscription
    long asked = h.timers.nextTick();
    h.advanceTo(asked - AgentHarness.START);
    h.timers.ticked(asked);
    h.agent.onDueTick(asked, h.out);
    List<Msg> sent = h.notifications();
    assertThat(sent).hasSizeLessThanOrEqualTo(1); // the one row that came at that instant, if any
  }
}
