package io.fleetsim.mtp.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.controller.Workload;
import io.fleetsim.mtp.ConnectFailure;
import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.RabbitMq;
import io.fleetsim.testing.ReadParam;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.WorkloadChecks;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The STOMP MTP through a real RabbitMQ with its STOMP plugin (Debian's rabbitmq-server): the
 * default destinations are ones RabbitMQ takes, the embedded Controller provisions, reboots and
 * queries a fleet, and a virtual host RabbitMQ does not have is refused with an ERROR frame that
 * the agent reports as such. One broker for the class: it takes seconds to start.
 */
class RabbitMqStompIT {
  private static RabbitMq broker;

  @BeforeAll
  static void start() throws Exception {
    broker = RabbitMq.start();
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void controllerOnRabbitMq_provisionsRebootsAndQueriesAFleet() throws Exception {
    int port = broker.stompPort();
    try (Transports t = Transports.create(2);
        ReferenceController controller = ArtemisStompIT.controller(t, port, true);
        TestFleet fleet =
            ArtemisStompIT.fleet(t, StompConfig.agents("127.0.0.1", port, 1 << 20), 5)) {
      fleet.start();
      Await.until(
          () ->
              controller.provisioned() == ArtemisStompIT.AGENTS
                  && controller.boots() == ArtemisStompIT.AGENTS,
          Duration.ofSeconds(60));
      for (int i = 0; i < ArtemisStompIT.AGENTS; i++) {
        Msg m =
            controller
                .request(fleet.endpointId(i), MsgType.GET, SerialGet.request())
                .get(10, TimeUnit.SECONDS);
        assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(i));
      }
      assertThat(controller.dropped()).isZero();
      assertThat(t.events().counts()).isEmpty();
    }
  }

  @Test
  void getSetAndOperate_throughRabbitMq_areAllAnswered_andTheSetIsReal() throws Exception {
    int port = broker.stompPort();
    try (Transports t = Transports.create(2);
        ReferenceController controller = ArtemisStompIT.controller(t, port, false);
        TestFleet fleet =
            ArtemisStompIT.fleet(t, StompConfig.agents("127.0.0.1", port, 1 << 20), 6)) {
      fleet.start();
      Await.until(() -> controller.provisioned() == ArtemisStompIT.AGENTS, Duration.ofSeconds(60));
      Workload.Spec spec =
          new Workload.Spec(
              200,
              6,
              2,
              2,
              List.of("Device.DeviceInfo.SerialNumber"),
              "Device.DeviceInfo.ProvisioningCode",
              "over-stomp",
              "Device.SelfTestDiagnostics()");
      Workload workload = Workload.start(controller, spec, t.group().next(), 5);
      Await.until(() -> workload.sent() >= 300, Duration.ofSeconds(30));
      workload.close();
      WorkloadChecks.allAnswered(controller, workload);
      // the Sets reached agents: some of them now hold the workload's value
      long set = 0;
      for (String eid : fleet.endpointIds()) {
        set +=
            "over-stomp".equals(ReadParam.of(controller, eid, "Device.DeviceInfo.ProvisioningCode"))
                ? 1
                : 0;
      }
      assertThat(set).isPositive();
    }
  }

  @Test
  void tp469_6_11_overStomps_agentsCheckTheBrokersCertificate_andTalk() throws Exception {
    io.fleetsim.mtp.TestPki pki = io.fleetsim.mtp.TestPki.create();
    io.fleetsim.mtp.TestPki other = io.fleetsim.mtp.TestPki.create();
    try (RabbitMq tls = RabbitMq.start(pki);
        Transports t = Transports.create(2)) {
      StompConfig c = StompConfig.agents("127.0.0.1", tls.stompPort(), 1 << 20);
      // a CA that did not sign the broker's certificate: the TLS handshake fails, named so
      CompletableFuture<String> refused = new CompletableFuture<>();
      new StompClient(t, c, io.fleetsim.mtp.Tls.client(other.caCert()))
          .connect(
              "proto::untrusting",
              ArtemisStompIT.CONTROLLER,
              failures(refused),
              t.group().next(),
              null);
      assertThat(refused.get(20, TimeUnit.SECONDS)).startsWith("tls: ");
      // trusting the right CA, the Controller and a fleet talk through the TLS-only listener
      io.netty.handler.ssl.SslContext trust = io.fleetsim.mtp.Tls.client(pki.caCert());
      try (ReferenceController controller =
              ReferenceController.overBroker(
                  t,
                  new StompClient(t, c.asController(StompConfig.CONTROLLER_DESTINATION), trust),
                  "stomps://127.0.0.1:" + tls.stompPort(),
                  ArtemisStompIT.CONTROLLER,
                  true,
                  false);
          TestFleet fleet =
              TestFleet.of(
                  io.fleetsim.testing.TestModels.gateway(7),
                  t,
                  new StompClient(t, c, trust),
                  ArtemisStompIT.CONTROLLER,
                  5,
                  1)) {
        fleet.start();
        Await.until(() -> controller.provisioned() == 5, Duration.ofSeconds(60));
        Msg m =
            controller
                .request(fleet.endpointId(2), MsgType.GET, SerialGet.request())
                .get(10, TimeUnit.SECONDS);
        assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(2));
      }
    }
  }

  /** A listener that completes {@code outcome} with how the connect ended. */
  private static MtpListener failures(CompletableFuture<String> outcome) {
    return new MtpListener() {
      @Override
      public void onConnected(MtpSession s) {
        outcome.complete("connected");
      }

      @Override
      public boolean onRecord(MtpSession s, byte[] record) {
        return true;
      }

      @Override
      public void onDisconnected(MtpSession s, String cause) {
        outcome.complete(cause);
      }

      @Override
      public void onConnectFailed(MtpSession s, ConnectFailure f, String detail) {
        outcome.complete(f.label() + ": " + detail);
      }
    };
  }

  @Test
  void anUnknownVirtualHost_isAnErrorFrame_reportedAsStompError() throws Exception {
    StompConfig d = StompConfig.agents("127.0.0.1", broker.stompPort(), 4096);
    // what a client that sends its target's host would send
    StompConfig wrongHost = d.withConnect("127.0.0.1", null, null).withHeartbeats(0);
    CompletableFuture<String> failed = new CompletableFuture<>();
    try (Transports t = Transports.create(1)) {
      new StompClient(t, wrongHost, null)
          .connect(
              "proto::wrong-vhost",
              ArtemisStompIT.CONTROLLER,
              failures(failed),
              t.group().next(),
              null);
      assertThat(failed.get(20, TimeUnit.SECONDS))
          .startsWith("stomp-error: ERROR frame: ")
          .contains("127.0.0.1");
      assertThat(t.events().counts()).containsEntry("client: STOMP ERROR frame (closed)", 1L);
    }
  }
}
