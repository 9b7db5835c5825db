package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.Provisioning;
import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pre-provisioned fleet replays the Controller's Add once per device model; every other agent
 * takes the result over, and ends in the very state a replay would have given it.
 */
class ProvisionedSnapshotsTest {
  private static final Msg ADD = UspMessages.request("p", MsgType.ADD, Provisioning.REQUEST);
  private static final String TABLE = "Device.LocalAgent.Subscription.{i}.";

  private final ManualClock clock = new ManualClock(AgentHarness.START);
  private final DeviceModel device = new DeviceModel(AgentHarness.TEST_PROFILE, 42, clock);
  private final AgentEnvironment env =
      AgentEnvironment.of(device, new ManualTimers(), AgentStats.NOOP);

  private AgentCore agent(int index) {
    return AgentCore.create(env, index);
  }

  /** Every row of the subscription table with every value, as text. */
  private static List<String> subscriptions(AgentCore agent) {
    AgentDataModel dm = agent.dataModel();
    ObjectNode table = dm.schema().object(TABLE);
    List<String> rows = new ArrayList<>();
    for (int n : dm.instances(table, new int[0])) {
      StringBuilder row = new StringBuilder(Integer.toString(n));
      for (ParamNode p : table.params().values()) {
        row.append(' ').append(p.name()).append('=').append(dm.value(p, new int[] {n}));
      }
      rows.add(row.toString());
    }
    return rows;
  }

  @Test
  void laterAgents_adoptTheFirstOnesState_whichIsWhatAReplayGives() {
    ProvisionedSnapshots snapshots = new ProvisionedSnapshots();
    AgentCore first = agent(3);
    AgentCore later = agent(8);
    AgentCore replayed = agent(8);

    assertThat(snapshots.restore(first, ADD, AgentHarness.CONTROLLER)).isTrue();
    // a later start: the fleet's provisioning instant (CreationDate) stays the first agent's
    clock.set(AgentHarness.START + 1_500);
    assertThat(snapshots.restore(later, ADD, AgentHarness.CONTROLLER)).isTrue();
    AgentCore replayedLater = agent(8);
    assertThat(replayedLater.restore(ADD, AgentHarness.CONTROLLER)).isTrue();
    clock.set(AgentHarness.START);
    assertThat(replayed.restore(ADD, AgentHarness.CONTROLLER)).isTrue();

    assertThat(subscriptions(first)).hasSize(6);
    assertThat(subscriptions(later)).isEqualTo(subscriptions(replayed));
    // it was adopted, not replayed: a replay a second and a half later dates its rows then
    assertThat(subscriptions(later)).isNotEqualTo(subscriptions(replayedLater));
    assertThat(later.dataModel().pristine()).isFalse();
  }

  @Test
  void anAgentThatWroteSomething_replays_andARefusedAdd_isNotShared() {
    ProvisionedSnapshots snapshots = new ProvisionedSnapshots();
    assertThat(snapshots.restore(agent(1), ADD, "self::no-such-controller")).isFalse();
    AgentCore fresh = agent(2);
    assertThat(snapshots.restore(fresh, ADD, "self::no-such-controller")).isFalse();
    assertThat(fresh.dataModel().pristine()).isTrue();

    assertThat(snapshots.restore(agent(4), ADD, AgentHarness.CONTROLLER)).isTrue();
    AgentCore written = agent(5);
    ParamNode name = written.dataModel().schema().param("Device.DeviceInfo.FriendlyName");
    written.dataModel().set(name, new int[0], "kitchen");
    assertThat(snapshots.restore(written, ADD, AgentHarness.CONTROLLER)).isTrue();
    assertThat(written.dataModel().value(name, new int[0])).isEqualTo("kitchen");
    assertThat(subscriptions(written)).hasSize(6);
  }

  @Test
  void agentsWithTheSameWrites_shareTheirParsedSubscriptions() {
    ProvisionedSnapshots snapshots = new ProvisionedSnapshots();
    AgentCore a = agent(1);
    AgentCore b = agent(2);
    assertThat(snapshots.restore(a, ADD, AgentHarness.CONTROLLER)).isTrue();
    assertThat(snapshots.restore(b, ADD, AgentHarness.CONTROLLER)).isTrue();
    assertThat(SubscriptionRows.table(AgentHarness.TEST_PROFILE).sameOnEveryAgent()).isTrue();
    // parsed once for the writes both hold, not once per agent
    assertThat(SubscriptionRows.all(b.dataModel()))
        .hasSize(6)
        .isSameAs(SubscriptionRows.all(a.dataModel()));
    // a write of one agent's own makes its rows its own again
    ParamNode enable = SubscriptionRows.table(AgentHarness.TEST_PROFILE).param("Enable");
    b.dataModel().set(enable, new int[] {1}, "false");
    assertThat(SubscriptionRows.all(b.dataModel()))
        .isNotSameAs(SubscriptionRows.all(a.dataModel()));
    assertThat(SubscriptionRows.all(b.dataModel()).get(0).enabled()).isFalse();
    assertThat(SubscriptionRows.all(a.dataModel()).get(0).enabled()).isTrue();
    // objects whose values differ per agent or move are never shared so
    var schema = AgentHarness.TEST_PROFILE;
    assertThat(schema.object("Device.DeviceInfo.").sameOnEveryAgent()).isFalse(); // serial
    assertThat(schema.object("Device.Hosts.Host.{i}.").sameOnEveryAgent()).isFalse(); // churn
  }
}
