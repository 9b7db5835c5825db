package io.fleetsim.datamodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.InstantSource;
import org.junit.jupiter.api.Test;

/** The per-agent overlay stores only writes, shares equal state across agents, and rolls back. */
class AgentDataModelTest {
  private static final Schema SCHEMA = ProfileLoader.loadResource("profiles/test-gateway.conf");
  private static final DeviceModel DEVICE = new DeviceModel(SCHEMA, 1, InstantSource.system());
  private static final int[] ROOT = new int[0];

  @Test
  void unwrittenAgent_storesNothing() {
    AgentDataModel a = DEVICE.newAgent(1);
    AgentDataModel b = DEVICE.newAgent(2);
    assertThat(a.writtenRows()).isZero();
    assertThat(a.sharesStateWith(b)).isTrue();
  }

  @Test
  void identicalWrites_shareOneOverlay_differentWritesDoNot() {
    ParamNode code = SCHEMA.param("Device.DeviceInfo.ProvisioningCode");
    AgentDataModel a = DEVICE.newAgent(1);
    AgentDataModel b = DEVICE.newAgent(2);
    AgentDataModel c = DEVICE.newAgent(3);
    a.set(code, ROOT, new String("campaign-7"));
    b.set(code, ROOT, new String("campaign-7"));
    c.set(code, ROOT, "other");
    assertThat(a.sharesStateWith(b)).isTrue();
    assertThat(a.sharesStateWith(c)).isFalse();
    assertThat(a.value(code, ROOT)).isEqualTo("campaign-7");
  }

  @Test
  void addAndDelete_instanceNumbersAreMonotonic() {
    ObjectNode subs = SCHEMA.object("Device.LocalAgent.Subscription.{i}.");
    AgentDataModel a = DEVICE.newAgent(1);
    assertThat(a.addInstance(subs, ROOT)).isEqualTo(1);
    assertThat(a.addInstance(subs, ROOT)).isEqualTo(2);
    a.deleteInstance(subs, new int[] {2});
    assertThat(a.addInstance(subs, ROOT)).as("never reused (R-ARC.8)").isEqualTo(3);
    assertThat(a.instances(subs, ROOT)).containsExactly(1, 3);
  }

  @Test
  void deleteInstance_dropsItsValuesAndChildren() {
    ObjectNode controllers = SCHEMA.object("Device.LocalAgent.Controller.{i}.");
    ObjectNode mtp = SCHEMA.object("Device.LocalAgent.Controller.{i}.MTP.{i}.");
    AgentDataModel a = DEVICE.newAgent(1);
    int n = a.addInstance(controllers, ROOT);
    assertThat(a.instances(mtp, new int[] {n})).as("tables below a new row start empty").isEmpty();
    a.addInstance(mtp, new int[] {n});
    a.set(SCHEMA.param("Device.LocalAgent.Controller.{i}.MTP.{i}.Order"), new int[] {n, 1}, "4");
    a.deleteInstance(controllers, new int[] {n});
    assertThat(a.exists(controllers, new int[] {n})).isFalse();
    assertThat(a.writtenRows()).isZero();
  }

  @Test
  void rollback_restoresTheMarkedState() {
    ParamNode code = SCHEMA.param("Device.DeviceInfo.ProvisioningCode");
    AgentDataModel a = DEVICE.newAgent(1);
    AgentDataModel.Mark mark = a.mark();
    a.set(code, ROOT, "x");
    a.addInstance(SCHEMA.object("Device.LocalAgent.Subscription.{i}."), ROOT);
    a.rollbackTo(mark);
    assertThat(a.value(code, ROOT)).isEmpty();
    assertThat(a.instances(SCHEMA.object("Device.LocalAgent.Subscription.{i}."), ROOT)).isEmpty();
  }
}
