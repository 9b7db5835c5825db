package io.fleetsim.mtp.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.identity.CertificateAuthority;
import io.fleetsim.identity.ClientCertificates;
import io.fleetsim.identity.DeviceId;
import io.fleetsim.identity.LoginTemplate;
import io.fleetsim.identity.Logins;
import io.fleetsim.identity.Secret;
import io.fleetsim.mtp.ClientTls;
import io.fleetsim.mtp.TestPki;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Per-device identities against a Mosquitto that lets no anonymous client in, as a production
 * broker is set up: mqtts with {@code require_certificate} and {@code use_identity_as_username}
 * (each client's user name is its certificate's CN, here the EndpointID) and an ACL that lets each
 * user read only its own agent topic; and a {@code password_file} of per-agent logins.
 */
class MosquittoIdentityIT {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final int AGENTS = 10;
  private static final long SEED = 3;

  /** Each agent reads only its own topic; the Controller may do anything. */
  private static final String ACL =
      "pattern read /usp/agent/%u\n"
          + "pattern write /usp/controller\n"
          + "user "
          + CONTROLLER
          + "\ntopic readwrite #\n";

  @Test
  void mqtts_eachAgentLogsInWithItsOwnCertificate_andReachesOnlyItsOwnTopic() throws Exception {
    TestPki pki = TestPki.create();
    CertificateAuthority ca =
        CertificateAuthority.load(pki.caCert(), pki.caKey(), LoginTemplate.parse("{eid}"));
    ClientTls tls = ClientTls.perDevice(pki.caCert(), ca);
    try (Mosquitto broker = Mosquitto.startSecured(certificateListener(pki));
        Transports t = Transports.create(2);
        ReferenceController controller = controller(t, broker, tls, null, true);
        TestFleet fleet = fleet(t, broker, tls, null)) {
      fleet.start();
      Await.until(() -> controller.provisioned() == AGENTS, Duration.ofSeconds(60));
      Msg m =
          controller
              .request(fleet.endpointId(4), MsgType.GET, SerialGet.request())
              .get(10, TimeUnit.SECONDS);
      assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(4));
      assertThat(controller.dropped()).isZero();
    }
  }

  @Test
  void mqtts_anotherDevicesCertificate_orAnUntrustedCa_isRefused() throws Exception {
    TestPki pki = TestPki.create();
    TestPki other = TestPki.create();
    CertificateAuthority ca =
        CertificateAuthority.load(pki.caCert(), pki.caKey(), LoginTemplate.parse("{eid}"));
    CertificateAuthority untrusted =
        CertificateAuthority.load(other.caCert(), other.caKey(), LoginTemplate.parse("{eid}"));
    ClientCertificates borrowed = d -> ca.forDevice(DeviceId.of("os::someone-else"));
    try (Mosquitto broker = Mosquitto.startSecured(certificateListener(pki));
        Transports t = Transports.create(2);
        ReferenceController controller =
            controller(t, broker, ClientTls.perDevice(pki.caCert(), ca), null, false);
        TestFleet impostors = fleet(t, broker, ClientTls.perDevice(pki.caCert(), borrowed), null)) {
      impostors.start();
      // the broker knows each of them as os::someone-else: they may publish to the Controller...
      Await.until(() -> controller.connectRecords() == AGENTS, Duration.ofSeconds(30));
      // ...but what is sent to their own topic is never delivered to them: the ACL holds
      CompletableFuture<Msg> get =
          controller.request(impostors.endpointId(0), MsgType.GET, SerialGet.request());
      assertThatThrownBy(() -> get.get(3, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
    }
    try (Mosquitto broker = Mosquitto.startSecured(certificateListener(pki));
        Transports t = Transports.create(2);
        TestFleet foreign = fleet(t, broker, ClientTls.perDevice(pki.caCert(), untrusted), null)) {
      foreign.start();
      Await.until(
          () -> foreign.metrics().connectFailures().getOrDefault("tls", 0L) >= AGENTS,
          Duration.ofSeconds(30));
      assertThat(foreign.connected()).isZero();
    }
  }

  @Test
  void passwordFile_perAgentLoginsLetTheFleetIn_andAWrongPasswordIsRefused() throws Exception {
    Path dir = Files.createTempDirectory("mosquitto-logins");
    Path passwords = dir.resolve("passwd");
    List<String> users = new ArrayList<>();
    users.add("fleetsim-controller ctl-secret");
    for (int i = 0; i < AGENTS; i++) {
      // Mosquitto user names may not hold ':', so not the EndpointID: a user per serial number
      users.add("dev-" + SerialGet.expected(i) + " pw-" + SerialGet.expected(i) + "-" + i);
    }
    for (String user : users) {
      String[] u = user.split(" ");
      Mosquitto.addUser(passwords, u[0], u[1]);
    }
    Path secret = Files.writeString(dir.resolve("secret"), "pw-{serial}-{index}\n");
    Logins logins = new Logins(LoginTemplate.parse("dev-{serial}"), Secret.fromFile(secret));
    Logins controllerLogin =
        new Logins(LoginTemplate.parse("fleetsim-controller"), Secret.of("ctl-secret", "test"));
    try (Mosquitto broker = Mosquitto.startSecured("password_file " + passwords + "\n");
        Transports t = Transports.create(2);
        ReferenceController controller = controller(t, broker, null, controllerLogin, true);
        TestFleet fleet = fleet(t, broker, null, logins)) {
      fleet.start();
      Await.until(() -> controller.provisioned() == AGENTS, Duration.ofSeconds(60));
    }
    Path wrong = Files.writeString(dir.resolve("wrong"), "guess\n");
    Logins guessed = new Logins(LoginTemplate.parse("dev-{serial}"), Secret.fromFile(wrong));
    try (Mosquitto broker = Mosquitto.startSecured("password_file " + passwords + "\n");
        Transports t = Transports.create(2);
        TestFleet fleet = fleet(t, broker, null, guessed)) {
      fleet.start();
      Await.until(
          () -> fleet.metrics().connectFailures().getOrDefault("mqtt-connack", 0L) >= AGENTS,
          Duration.ofSeconds(30));
      assertThat(fleet.connected()).isZero();
    }
  }

  private static String certificateListener(TestPki pki) throws IOException {
    Path acl = Files.writeString(Files.createTempFile("acl", ".conf"), ACL);
    return "certfile "
        + pki.serverCert()
        + "\nkeyfile "
        + pki.serverKey()
        + "\ncafile "
        + pki.caCert()
        + "\nrequire_certificate true\nuse_identity_as_username true\nacl_file "
        + acl
        + "\n";
  }

  private static ReferenceController controller(
      Transports t, Mosquitto broker, ClientTls tls, Logins logins, boolean provision) {
    return ReferenceController.overBroker(
        t,
        new MqttClient(
            t,
            MqttConfig.controller("127.0.0.1", broker.port, true, "/usp/controller"),
            1 << 20,
            tls,
            logins),
        (tls == null ? "mqtt" : "mqtts") + "://127.0.0.1:" + broker.port,
        CONTROLLER,
        provision,
        false);
  }

  private static TestFleet fleet(Transports t, Mosquitto broker, ClientTls tls, Logins logins) {
    return TestFleet.of(
        TestModels.gateway(SEED),
        t,
        new MqttClient(t, MqttConfig.agents("127.0.0.1", broker.port, true), 1 << 20, tls, logins),
        CONTROLLER,
        AGENTS,
        1);
  }
}
