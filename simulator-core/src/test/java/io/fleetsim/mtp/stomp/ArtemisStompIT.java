package io.fleetsim.mtp.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Artemis;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The STOMP MTP through a real ActiveMQ Artemis broker: the embedded Controller on one broker
 * connection, a fleet of agents each on its own. Every agent connects (TP-469 6.2), announces
 * itself with a STOMPConnectRecord (6.12), is provisioned and rebooted, announces Boot!, and
 * answers the Controller at the reply-to-dest it gave.
 */
class ArtemisStompIT {
  static final String CONTROLLER = "self::fleetsim-controller";
  static final int AGENTS = 20;

  @Test
  void controllerOnArtemis_provisionsRebootsAndQueriesAFleet() throws Exception {
    try (Artemis broker = Artemis.start();
        Transports t = Transports.create(2);
        ReferenceController controller = controller(t, broker.port(), true);
        TestFleet fleet = fleet(t, StompConfig.agents("127.0.0.1", broker.port(), 1 << 20), 4)) {
      fleet.start();
      Await.until(
          () -> controller.provisioned() == AGENTS && controller.boots() == AGENTS,
          Duration.ofSeconds(60));
      assertThat(controller.connectedAgents()).hasSize(AGENTS);
      for (int i = 0; i < AGENTS; i++) {
        Msg m =
            controller
                .request(fleet.endpointId(i), MsgType.GET, SerialGet.request())
                .get(10, TimeUnit.SECONDS);
        assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(i));
      }
      // Artemis acknowledges ack:auto deliveries in a task of its own, which can fail (AMQ229027
      // "Could not find reference on consumer"): the message then comes again to the agent's
      // next session, marked redelivered, and the agent answers it again. Every answer the
      // Controller could not match must be such a redelivery, and nothing else may be dropped.
      long redelivered =
          t.events().counts().getOrDefault("client: STOMP message redelivered by the broker", 0L);
      assertThat(controller.drops().keySet())
          .isSubsetOf(java.util.Set.of("answer to no pending request"));
      assertThat(controller.dropped())
          .as("%s", controller.drops())
          .isLessThanOrEqualTo(redelivered);
      assertThat(t.events().counts().keySet())
          .isSubsetOf(java.util.Set.of("client: STOMP message redelivered by the broker"));
    }
  }

  @Test
  void heartBeats_keepAnIdleAgentPastTheBrokersTtl_whileOneWithoutIsDropped() throws Exception {
    // the broker drops a STOMP connection silent for 1.5 s unless it asked for heart-beats
    try (Artemis broker = Artemis.start(Artemis.freePort(), 1_500);
        Transports t = Transports.create(1)) {
      StompConfig beating =
          StompConfig.agents("127.0.0.1", broker.port(), 4096).withHeartbeats(500);
      StompConfig silent = beating.withHeartbeats(0);
      Recorder a = new Recorder();
      Recorder b = new Recorder();
      new StompClient(t, beating, null)
          .connect("proto::beating", CONTROLLER, a, t.group().next(), null);
      new StompClient(t, silent, null)
          .connect("proto::silent", CONTROLLER, b, t.group().next(), null);
      Await.until(() -> a.up() && b.up());
      // TP-469 6.8: the silent one goes (so the TTL is real); the one with heart-beats, as idle,
      // stays
      Await.until(b::down, Duration.ofSeconds(30));
      assertThat(a.down()).isFalse();
      assertThat(broker.connections()).isEqualTo(1);
    }
  }

  @Test
  void brokerRestart_controllerAndAgentsComeBackWithTheStompRetry_andTalkAgain() throws Exception {
    int port = Artemis.freePort();
    Artemis broker = Artemis.start(port, 60_000);
    try (Transports t = Transports.create(2);
        ReferenceController controller = controller(t, port, false);
        TestFleet fleet =
            TestFleet.of(
                TestModels.gateway(4, TestModels.onStomp(2, 30)),
                t,
                new StompClient(t, StompConfig.agents("127.0.0.1", port, 1 << 20), null),
                CONTROLLER,
                AGENTS,
                1)) {
      fleet.start();
      Await.until(() -> controller.provisioned() == AGENTS, Duration.ofSeconds(60));
      long before = controller.connectRecords();
      broker.close();
      Await.until(() -> controller.connectedAgents().isEmpty());
      broker = Artemis.start(port, 60_000);
      // each agent retries after 0..2 s (ServerRetryInitialInterval 2) and announces itself again
      Await.until(() -> controller.connectRecords() == before + AGENTS, Duration.ofSeconds(60));
      Msg m =
          controller
              .request(fleet.endpointId(7), MsgType.GET, SerialGet.request())
              .get(10, TimeUnit.SECONDS);
      assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(7));
      assertThat(controller.provisioned()).isEqualTo(AGENTS); // not provisioned twice
    } finally {
      broker.close();
    }
  }

  @Test
  void aRecordOverTheAgentsFrameLimit_isDroppedAndCounted_theAgentStaysAndAnswers()
      throws Exception {
    try (Artemis broker = Artemis.start();
        Transports t = Transports.create(2);
        ReferenceController controller = controller(t, broker.port(), false);
        TestFleet fleet = fleet(t, StompConfig.agents("127.0.0.1", broker.port(), 2_000), 4)) {
      fleet.start();
      Await.until(() -> controller.connectedAgents().size() == AGENTS, Duration.ofSeconds(60));
      String eid = fleet.endpointId(3);
      // a Set whose Record is far over the agent's 2,000-byte limit never reaches it
      var big =
          controller.request(
              eid,
              MsgType.SET,
              io.fleetsim.usp.proto.UspMsg.Request.newBuilder()
                  .setSet(
                      io.fleetsim.usp.proto.UspMsg.Set.newBuilder()
                          .addUpdateObjs(
                              io.fleetsim.usp.proto.UspMsg.Set.UpdateObject.newBuilder()
                                  .setObjPath("Device.LocalAgent.Controller.1.")
                                  .addParamSettings(
                                      io.fleetsim.usp.proto.UspMsg.Set.UpdateParamSetting
                                          .newBuilder()
                                          .setParam("ProvisioningCode")
                                          .setValue("x".repeat(10_000)))))
                  .build());
      Await.until(
          () -> t.events().counts().containsKey("client: STOMP frame over 2000 bytes (dropped)"));
      assertThat(big).isNotDone();
      Msg m = controller.request(eid, MsgType.GET, SerialGet.request()).get(10, TimeUnit.SECONDS);
      assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(3));
    }
  }

  /** One connection's session, as a test watches it. */
  static final class Recorder implements io.fleetsim.mtp.MtpListener {
    private volatile io.fleetsim.mtp.MtpSession session;
    private volatile String cause;

    boolean up() {
      return session != null;
    }

    boolean down() {
      return cause != null;
    }

    String cause() {
      return cause;
    }

    @Override
    public void onConnected(io.fleetsim.mtp.MtpSession s) {
      session = s;
    }

    @Override
    public boolean onRecord(io.fleetsim.mtp.MtpSession s, byte[] record) {
      return true;
    }

    @Override
    public void onDisconnected(io.fleetsim.mtp.MtpSession s, String why) {
      cause = why;
    }
  }

  static ReferenceController controller(Transports t, int port, boolean reboot) {
    StompConfig c =
        StompConfig.agents("127.0.0.1", port, 1 << 20)
            .asController(StompConfig.CONTROLLER_DESTINATION);
    return ReferenceController.overBroker(
        t, new StompClient(t, c, null), "stomp://127.0.0.1:" + port, CONTROLLER, true, reboot);
  }

  static TestFleet fleet(Transports t, StompConfig agents, long seed) {
    return TestFleet.of(
        TestModels.gateway(seed), t, new StompClient(t, agents, null), CONTROLLER, AGENTS, 1);
  }
}
