package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.TestPki;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.record.UspRecordCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A fleet over wss:// to the embedded reference Controller listening with a certificate of a
 * self-signed test CA: every agent shares one client TLS context, connects, and is provisioned (its
 * subscriptions created over the encrypted session).
 */
class WssFleetIT {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final int AGENTS = 50;

  @Test
  void agents_connectOverWss_andAreProvisioned() throws Exception {
    TestPki pki = TestPki.create();
    try (Transports t = Transports.create(2);
        ReferenceController controller =
            ReferenceController.listen(
                t,
                new InetSocketAddress("127.0.0.1", 0),
                "/usp",
                CONTROLLER,
                true,
                false,
                Tls.server(pki.serverCert(), pki.serverKey()));
        TestFleet fleet =
            TestFleet.of(
                TestModels.gateway(5),
                t,
                new WsClient(
                    t,
                    URI.create("wss://127.0.0.1:" + controller.address().getPort() + "/usp"),
                    UspRecordCodec.DEFAULT_MAX_RECORD_BYTES,
                    60,
                    Tls.client(pki.caCert())),
                CONTROLLER,
                AGENTS,
                1)) {
      fleet.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (controller.provisioned() < AGENTS) {
        assertThat(System.nanoTime()).as("all provisioned within 30 s").isLessThan(deadline);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      }
      assertThat(controller.connectedAgents()).hasSize(AGENTS);
      assertThat(controller.dropped()).isZero();
    }
  }
}
