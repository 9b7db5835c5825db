package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.identity.CertificateAuthority;
import io.fleetsim.identity.ClientCertificates;
import io.fleetsim.identity.DeviceId;
import io.fleetsim.identity.LoginTemplate;
import io.fleetsim.mtp.ClientTls;
import io.fleetsim.mtp.TestPki;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.record.UspRecordCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutual TLS over wss:// against the embedded Controller listening with {@code
 * --require-client-cert}: each agent presents its own minted certificate naming its EndpointID; an
 * agent without a certificate of the trusted CA is refused in the handshake; an agent presenting
 * another device's certificate gets its Records rejected, counted by reason.
 */
class ClientCertificatesIT {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final int AGENTS = 20;
  private static TestPki pki;
  private static CertificateAuthority ca;

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.create();
    ca = CertificateAuthority.load(pki.caCert(), pki.caKey(), LoginTemplate.parse("{eid}"));
  }

  private static ReferenceController controller(Transports t) {
    return ReferenceController.listen(
        t,
        new InetSocketAddress("127.0.0.1", 0),
        "/usp",
        CONTROLLER,
        true,
        false,
        Tls.server(pki.serverCert(), pki.serverKey(), pki.caCert()));
  }

  private static TestFleet fleet(Transports t, ReferenceController c, ClientTls tls) {
    return TestFleet.of(
        TestModels.gateway(3),
        t,
        new WsClient(
            t,
            URI.create("wss://127.0.0.1:" + c.address().getPort() + "/usp"),
            UspRecordCodec.DEFAULT_MAX_RECORD_BYTES,
            60,
            tls,
            null),
        CONTROLLER,
        AGENTS,
        1);
  }

  @Test
  void agentsWithTheirOwnCertificates_areAccepted_andProvisioned() throws Exception {
    try (Transports t = Transports.create(2);
        ReferenceController c = controller(t);
        TestFleet fleet = fleet(t, c, ClientTls.perDevice(pki.caCert(), ca))) {
      fleet.start();
      Await.until(() -> c.provisioned() == AGENTS, Duration.ofSeconds(30));
      assertThat(c.connectedAgents()).containsExactlyInAnyOrderElementsOf(fleet.endpointIds());
      assertThat(c.drops()).isEmpty();
    }
  }

  @Test
  void agentsWithoutACertificateOfTheTrustedCa_failTheHandshake() throws Exception {
    TestPki other = TestPki.create();
    CertificateAuthority untrusted =
        CertificateAuthority.load(other.caCert(), other.caKey(), LoginTemplate.parse("{eid}"));
    try (Transports t = Transports.create(2);
        ReferenceController c = controller(t);
        TestFleet anonymous = fleet(t, c, ClientTls.of(Tls.client(pki.caCert())));
        TestFleet foreign = fleet(t, c, ClientTls.perDevice(pki.caCert(), untrusted))) {
      anonymous.start();
      foreign.start();
      Await.until(
          () ->
              anonymous.metrics().connectFailures().getOrDefault("tls", 0L) >= AGENTS
                  && foreign.metrics().connectFailures().getOrDefault("tls", 0L) >= AGENTS,
          Duration.ofSeconds(30));
      assertThat(c.connectedAgents()).isEmpty();
      assertThat(c.provisioned()).isZero();
    }
  }

  @Test
  void anAgentPresentingAnotherDevicesCertificate_hasItsRecordsRejected() throws Exception {
    ClientCertificates borrowed = d -> ca.forDevice(DeviceId.of("os::someone-else"));
    try (Transports t = Transports.create(2);
        ReferenceController c = controller(t);
        TestFleet fleet = fleet(t, c, ClientTls.perDevice(pki.caCert(), borrowed))) {
      fleet.start();
      String reason = "from_id differs from the client certificate's EndpointID";
      Await.until(() -> c.drops().getOrDefault(reason, 0L) >= AGENTS, Duration.ofSeconds(30));
      assertThat(c.connectedAgents()).isEmpty();
      assertThat(c.provisioned()).isZero();
    }
  }
}
