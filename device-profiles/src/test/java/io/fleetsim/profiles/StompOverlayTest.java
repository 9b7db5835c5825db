package io.fleetsim.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.mtp.stomp.StompConfig;
import io.fleetsim.mtp.stomp.StompFrames;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A profile on the STOMP MTP (TP-469 6.1, 6.6): Device.STOMP.Connection.1 and the STOMP parts of
 * the MTP tables carry the run's connection, each agent's Destination is the very one it subscribes
 * to, and every built-in profile so extended still conforms to TR-181 2.19.1.
 */
class StompOverlayTest {
  private static final StompConfig LAB =
      new StompConfig(
          "broker.lab",
          61613,
          "usp",
          "fleet",
          "secret",
          StompConfig.AGENT_DESTINATION,
          "/queue/ctl",
          10_000,
          20_000,
          1 << 20,
          StompConfig.MAX_LINE_BYTES);

  /** The Controller.1 of the built-in profiles. */
  private static final String LAB_CONTROLLER = "self::fleetsim-controller";

  static Schema onStomp(String profile) {
    return BuiltinProfiles.load(profile, null, Map.of(), raw -> StompOverlay.of(LAB, false, raw));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"home-gateway", "wifi-extender", "iot-hub"})
  void everyBuiltInProfileOnStomp_conformsToTr181(String profile) {
    assertThat(Tr181Validator.validate(onStomp(profile), Tr181ValidatorTest.MODEL)).isEmpty();
  }

  @Test
  void theDataModelSaysWhatTheAgentDoes() {
    AgentDataModel agent =
        new DeviceModel(onStomp("iot-hub"), 3, InstantSource.system()).newAgent(42);
    String eid = value(agent, "Device.LocalAgent.EndpointID", new int[0]);
    int[] one = {1};
    int[] oneOne = {1, 1};
    assertThat(value(agent, "Device.LocalAgent.MTP.{i}.Protocol", one)).isEqualTo("STOMP");
    assertThat(value(agent, "Device.LocalAgent.MTP.{i}.STOMP.Destination", one))
        .isEqualTo(StompFrames.destination(StompConfig.AGENT_DESTINATION, eid))
        .isEqualTo("/queue/usp.agent.os%3A%3A00D09E-HUB00000042");
    assertThat(value(agent, "Device.LocalAgent.MTP.{i}.STOMP.Reference", one))
        .isEqualTo("Device.STOMP.Connection.1");
    assertThat(value(agent, "Device.LocalAgent.Controller.{i}.MTP.{i}.Protocol", oneOne))
        .isEqualTo("STOMP");
    assertThat(value(agent, "Device.LocalAgent.Controller.{i}.MTP.{i}.STOMP.Destination", oneOne))
        .isEqualTo("/queue/ctl");
    String c = "Device.STOMP.Connection.{i}.";
    assertThat(value(agent, c + "Host", one)).isEqualTo("broker.lab");
    assertThat(value(agent, c + "Port", one)).isEqualTo("61613");
    assertThat(value(agent, c + "VirtualHost", one)).isEqualTo("usp");
    assertThat(value(agent, c + "Username", one)).isEqualTo("fleet");
    assertThat(value(agent, c + "Password", one)).isEmpty(); // TR-181: reads back empty
    assertThat(value(agent, c + "EnableHeartbeats", one)).isEqualTo("true");
    assertThat(value(agent, c + "OutgoingHeartbeat", one)).isEqualTo("10000");
    assertThat(value(agent, c + "IncomingHeartbeat", one)).isEqualTo("20000");
    assertThat(value(agent, c + "ServerRetryInitialInterval", one)).isEqualTo("60");
    assertThat(value(agent, "Device.STOMP.ConnectionNumberOfEntries", new int[0])).isEqualTo("1");
    assertThat(value(agent, "Device.LocalAgent.SupportedProtocols", new int[0])).contains("STOMP");
  }

  @Test
  void tp469_6_5_aDestinationFromTheBroker_showsInDestinationFromServer_untilItGoes() {
    io.fleetsim.agent.AgentCore core = gatewayOnStomp(7);
    AgentDataModel dm = core.dataModel();
    String path = "Device.LocalAgent.MTP.{i}.STOMP.DestinationFromServer";
    core.mtpAddressFromServer("");
    assertThat(dm.writtenRows()).as("nothing stored when nothing differs").isZero();
    core.mtpAddressFromServer("/queue/given");
    assertThat(value(dm, path, new int[] {1})).isEqualTo("/queue/given");
    core.mtpAddressFromServer(""); // the next broker gives none
    assertThat(value(dm, path, new int[] {1})).isEmpty();
  }

  @Test
  void tp469_6_10_aControllerSettingTheDestination_movesTheSubscription_andKeepsIt() {
    io.fleetsim.agent.AgentCore core = gatewayOnStomp(7);
    assertThat(core.configuredMtpAddress()).as("the profile's: the connector's own").isNull();
    java.util.List<String> moved = new java.util.ArrayList<>();
    java.util.List<byte[]> sent = new java.util.ArrayList<>();
    io.fleetsim.agent.Outbox out =
        new io.fleetsim.agent.Outbox() {
          @Override
          public boolean send(String controllerId, byte[] record) {
            return sent.add(record);
          }

          @Override
          public void mtpAddress(String address) {
            moved.add(address);
          }
        };
    var set =
        io.fleetsim.usp.proto.UspMsg.Request.newBuilder()
            .setSet(
                io.fleetsim.usp.proto.UspMsg.Set.newBuilder()
                    .addUpdateObjs(
                        io.fleetsim.usp.proto.UspMsg.Set.UpdateObject.newBuilder()
                            .setObjPath("Device.LocalAgent.MTP.1.STOMP.")
                            .addParamSettings(
                                io.fleetsim.usp.proto.UspMsg.Set.UpdateParamSetting.newBuilder()
                                    .setParam("Destination")
                                    .setValue("/queue/moved")
                                    .setRequired(true))))
            .build();
    byte[] record =
        io.fleetsim.usp.message.UspMessages.encodeRecord(
            "1.4",
            core.endpointId(),
            LAB_CONTROLLER,
            io.fleetsim.usp.message.UspMessages.request(
                "set-1", io.fleetsim.usp.proto.UspMsg.Header.MsgType.SET, set));
    core.onRecord(record, out);
    assertThat(moved).containsExactly("/queue/moved");
    assertThat(core.configuredMtpAddress()).isEqualTo("/queue/moved");
  }

  @Test
  void theDestinationTemplate_encodesTheEidButKeepsItsPlaceholders() {
    assertThat(StompOverlay.agentDestination("/queue/a.{eid}", "os::00D09E-HUB{index:08}"))
        .isEqualTo("/queue/a.os%3A%3A00D09E-HUB{index:08}");
    assertThat(StompOverlay.agentDestination("/queue/fixed", "os::x{index}"))
        .isEqualTo("/queue/fixed");
  }

  private static io.fleetsim.agent.AgentCore gatewayOnStomp(int index) {
    DeviceModel model = new DeviceModel(onStomp("home-gateway"), 3, InstantSource.system());
    return io.fleetsim.agent.AgentCore.create(
        io.fleetsim.agent.AgentEnvironment.of(
            model, (i, due, t) -> {}, io.fleetsim.metrics.AgentStats.NOOP),
        index);
  }

  private static String value(AgentDataModel agent, String path, int[] instances) {
    return agent.value(agent.schema().param(path), instances);
  }
}
