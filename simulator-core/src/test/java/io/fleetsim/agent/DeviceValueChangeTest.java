package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Notify;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values the device changes by itself (profile {@code hop}: a radio's auto channel) reach
 * ValueChange subscribers from the fleet tick, with nothing stored per agent.
 */
class DeviceValueChangeTest {
  private static final String CHANNELS = "Device.WiFi.Radio.*.Channel";

  /** The test profile with every hop changing once a minute. */
  private static final Schema FAST =
      ProfileLoader.loadResource(
          "profiles/test-gateway.conf",
          ConfigFactory.parseString("profile.agent.value-change-every = 1m"));

  @Test
  void autoChannelChanges_reachSubscribers_onceEachWindow() {
    AgentHarness h = AgentHarness.booted();
    Subscriptions.add(h, "vc", "ValueChange", CHANNELS, "Persistent", "true");
    String radio1 = h.value("Device.WiFi.Radio.1.Channel");
    h.clearSent();

    // START is on a 12 h boundary: two 12 h windows hold exactly one change per radio each
    h.advanceTicking(24 * 3_600_000L);

    List<Notify.ValueChange> changes =
        h.notifications().stream().map(m -> notify(m).getValueChange()).toList();
    assertThat(changes).hasSize(4);
    assertThat(changes)
        .extracting(Notify.ValueChange::getParamPath)
        .containsOnly("Device.WiFi.Radio.1.Channel", "Device.WiFi.Radio.2.Channel");
    List<String> radio1Values =
        changes.stream()
            .filter(c -> c.getParamPath().equals("Device.WiFi.Radio.1.Channel"))
            .map(Notify.ValueChange::getParamValue)
            .toList();
    assertThat(radio1Values).hasSize(2).allMatch(v -> List.of("1", "6", "11").contains(v));
    assertThat(radio1Values.get(0)).isNotEqualTo(radio1);
    assertThat(radio1Values.get(1)).isNotEqualTo(radio1Values.get(0));
    // what was notified is what a Get reads now
    assertThat(h.value("Device.WiFi.Radio.1.Channel")).isEqualTo(radio1Values.get(1));
  }

  @Test
  void withoutASubscription_nothingIsSent() {
    AgentHarness h = AgentHarness.booted();
    h.advanceTicking(24 * 3_600_000L);
    assertThat(h.notifications()).isEmpty();
  }

  @Test
  void aChannelSetByTheController_staysPut() {
    AgentHarness h = AgentHarness.booted();
    Subscriptions.add(h, "vc", "ValueChange", CHANNELS, "Persistent", "true");
    Msg set =
        h.call(
            MsgType.SET,
            "set { update_objs { obj_path: 'Device.WiFi.Radio.1.' "
                + "param_settings { param: 'Channel' value: '13' required: true } } }");
    assertThat(set.getBody().hasResponse()).isTrue();
    h.clearSent();

    h.advanceTicking(24 * 3_600_000L);

    assertThat(h.notifications())
        .extracting(m -> notify(m).getValueChange().getParamPath())
        .containsOnly("Device.WiFi.Radio.2.Channel")
        .hasSize(2);
    assertThat(h.value("Device.WiFi.Radio.1.Channel")).isEqualTo("13");
  }

  @Test
  void valueChangeEvery_setsTheRateOfEveryHop() {
    AgentHarness h = new AgentHarness(FAST, 7);
    h.agent.onConnected(h.out);
    Subscriptions.add(h, "vc", "ValueChange", CHANNELS, "Persistent", "true");
    h.clearSent();

    h.advanceTicking(10 * 60_000L);

    assertThat(h.notifications()).hasSize(20); // 2 radios, one change a minute each
    ParamNode channel = FAST.object("Device.WiFi.Radio.{i}.").param("Channel");
    assertThat(FAST.changingParams()).containsExactly(channel);
    assertThat(channel.valueChangeIgnored()).isFalse();
  }

  @Test
  void ticksProcessedLate_stillAnnounceEachChangeOnce() {
    AgentHarness h = new AgentHarness(FAST, 7);
    h.agent.onConnected(h.out);
    Subscriptions.add(h, "vc", "ValueChange", CHANNELS, "Persistent", "true");
    h.clearSent();

    // a busy fleet: each 1 s tick, stamped when sent, is processed 30 s later
    long start = h.clock.millis();
    for (long t = start; t < start + 10 * 60_000L; t += 1_000) {
      h.clock.set(t + 1_000 + 30_000);
      h.agent.onTick(t, t + 1_000, h.out);
    }

    assertThat(h.notifications()).hasSize(20); // 2 radios, one change a minute each, no repeats
  }

  private static Notify notify(Msg m) {
    return m.getBody().getRequest().getNotify();
  }
}
