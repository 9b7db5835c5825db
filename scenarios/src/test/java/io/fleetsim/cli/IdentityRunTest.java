package io.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.TestPki;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.mqtt.Mosquitto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code fleetsim run} with per-device identities: mutual TLS against a Controller that requires
 * client certificates (from the scenario's {@code fleet.identity} block or from the flags), and
 * per-agent logins on a Mosquitto with a password file, whose secret appears in no output, log line
 * or result file.
 */
class IdentityRunTest {
  private static final int AGENTS = 20;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void mutualTls_fromTheScenarioBlock_orTheFlags_andRefusedWithout() throws Exception {
    TestPki pki = TestPki.create();
    try (Transports t = Transports.create(2);
        ReferenceController controller =
            ReferenceController.listen(
                t,
                new InetSocketAddress("127.0.0.1", 0),
                "/usp",
                "self::fleetsim-controller",
                true,
                false,
                Tls.server(pki.serverCert(), pki.serverKey(), pki.caCert()))) {
      String target =
          "controller = \"wss://127.0.0.1:%d/usp\", ca-cert = \"%s\""
              .formatted(controller.address().getPort(), pki.caCert());
      String identity =
          "identity { client-ca-cert = \"%s\", client-ca-key = \"%s\", client-cert-cn = \"{serial}\" }"
              .formatted(pki.caCert(), pki.caKey());
      Path withBlock = write("block.conf", scenario(target, identity, 100));
      assertThat(run("run", withBlock.toString(), "--output", dir.resolve("a").toString()))
          .as(out + "\n" + err)
          .isZero();
      assertThat(controller.connectRecords()).isEqualTo(AGENTS);

      Path bare = write("bare.conf", scenario(target, "", 100));
      assertThat(
              run(
                  "run",
                  bare.toString(),
                  "--output",
                  dir.resolve("b").toString(),
                  "--client-ca-cert",
                  pki.caCert().toString(),
                  "--client-ca-key",
                  pki.caKey().toString()))
          .as(out + "\n" + err)
          .isZero();
      assertThat(controller.connectRecords()).isEqualTo(2 * AGENTS);
      assertThat(controller.drops()).isEmpty();

      // without a certificate no agent gets past the handshake, and the run says why
      assertThat(run("run", bare.toString(), "--output", dir.resolve("c").toString())).isOne();
      assertThat(Files.readString(dir.resolve("c/summary.json"))).contains("\"tls\"");
      assertThat(controller.connectRecords()).isEqualTo(2 * AGENTS);
    }
  }

  @Test
  void perAgentLogins_onABrokerWithAPasswordFile_andTheSecretIsNeverPrinted() throws Exception {
    String secret = "S3cr3t-{serial}-x";
    Path passwd = dir.resolve("passwd");
    List<String[]> users = new ArrayList<>();
    users.add(new String[] {"u-", "S3cr3t--x"}); // the embedded Controller: no serial
    for (int i = 0; i < AGENTS; i++) {
      String serial = "HGW%08d".formatted(i);
      users.add(new String[] {"u-" + serial, "S3cr3t-" + serial + "-x"});
    }
    for (String[] u : users) {
      Mosquitto.addUser(passwd, u[0], u[1]);
    }
    Path secretFile = Files.writeString(dir.resolve("secret.txt"), secret + "\n");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    try (Mosquitto broker = Mosquitto.startSecured("password_file " + passwd + "\n")) {
      String target =
          "controller = embedded, mtp = websocket, broker = \"mqtt://127.0.0.1:%d\""
              .formatted(broker.port());
      String identity =
          "identity { username = \"u-{serial}\", password-file = \"%s\" }".formatted(secretFile);
      Path ok = write("ok.conf", scenario(target, identity, 100, "mtp = mqtt"));
      Path wrong = Files.writeString(dir.resolve("wrong.txt"), "S3cr3t-guess\n");
      PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
      System.setOut(capture);
      System.setErr(capture);
      int good = run("run", ok.toString(), "--output", dir.resolve("ok").toString());
      int bad =
          run(
              "run",
              ok.toString(),
              "--output",
              dir.resolve("bad").toString(),
              "--username",
              "u-{serial}",
              "--password-file",
              wrong.toString());
      System.setOut(stdout);
      System.setErr(stderr);
      assertThat(good).as(out + "\n" + err + "\n" + console).isZero();
      assertThat(bad).as("a wrong password fails the run").isOne();
      // the embedded Controller logs in with the same template (serial empty): refused too
      assertThat(err.toString()).contains("mqtt-connack").doesNotContain("\tat ");
      // every agent logged in and was provisioned by the Controller, logged in as well
      assertThat(Files.readString(dir.resolve("ok/summary.json")))
          .contains("\"controller Add\": {\"count\": " + AGENTS + ",");
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    StringBuilder everything = new StringBuilder(out + "\n" + err + "\n" + console);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!f.equals(secretFile)
            && !f.getFileName().toString().startsWith("wrong")
            && !f.equals(passwd)) {
          everything.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        }
      }
    }
    assertThat(everything.toString()).contains("connected").doesNotContain("S3cr3t");
  }

  @Test
  void aDeviceList_namesEachAgent_andLogsItInWithItsOwnRow() throws Exception {
    Path passwd = dir.resolve("passwd");
    Mosquitto.addUser(passwd, "fleetsim-controller", "ctl-secret");
    StringBuilder csv = new StringBuilder("eid,serial,mac,username,password\n");
    for (int i = 1; i <= AGENTS; i++) {
      csv.append(
          "oui:00D09E:LAB-%04d,LAB-%04d,00:D0:9E:AA:00:%02X,lab-%d,pw-%d\n"
              .formatted(i, i, i, i, i));
      Mosquitto.addUser(passwd, "lab-" + i, "pw-" + i);
    }
    Files.writeString(dir.resolve("devices.csv"), csv);
    Files.writeString(dir.resolve("ctl.txt"), "ctl-secret\n");
    try (Mosquitto broker = Mosquitto.startSecured("password_file " + passwd + "\n")) {
      String target =
          "controller = embedded, mtp = websocket, broker = \"mqtt://127.0.0.1:%d\""
              .formatted(broker.port());
      // the agents log in with their rows; the embedded Controller (in no row) by the template
      String identity =
          "identities = devices.csv\n"
              + "identity { username = \"fleetsim-controller\", password-file = ctl.txt }";
      Path scenario = write("listed.conf", scenario(target, identity, 100, "mtp = mqtt"));
      assertThat(run("run", scenario.toString(), "--output", dir.resolve("listed").toString()))
          .as(out + "\n" + err)
          .isZero();
      assertThat(Files.readString(dir.resolve("listed/summary.json")))
          .contains("\"controller Add\": {\"count\": " + AGENTS + ",");
      String log = Files.readString(broker.logFile());
      assertThat(log).contains("as oui:00D09E:LAB-0007 (").contains("u'lab-7'");
    }
  }

  @Test
  void agentsFromADeviceList_takeItsEndpointIds() throws Exception {
    Path csv = dir.resolve("agents.csv");
    java.nio.file.Files.writeString(
        csv, "eid,serial\noui:00D09E:LAB-1,LAB-1\noui:00D09E:LAB-2,LAB-2\n");
    try (io.fleetsim.mtp.Transports t = io.fleetsim.mtp.Transports.create(1);
        io.fleetsim.controller.ReferenceController c =
            io.fleetsim.controller.ReferenceController.start(
                t,
                new java.net.InetSocketAddress("127.0.0.1", 0),
                "/usp",
                "self::fleetsim-controller",
                false)) {
      StringWriter out = new StringWriter();
      CommandLine cli = Fleetsim.commandLine();
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(new StringWriter(), true));
      String target = "ws://127.0.0.1:" + c.address().getPort() + "/usp";
      int rc =
          cli.execute(
              "agents",
              "--count",
              "2",
              "--target",
              target,
              "--identities",
              csv.toString(),
              "--duration",
              "PT2S");
      assertThat(rc).isZero();
      assertThat(out.toString().lines()).containsExactly("oui:00D09E:LAB-1", "oui:00D09E:LAB-2");
      assertThat(c.connectRecords()).isEqualTo(2);
      // three agents from a list of two: refused before any connect
      assertThat(run("agents", "--count", "3", "--target", target, "--identities", csv.toString()))
          .isEqualTo(2);
    }
  }

  @Test
  void helpDocumentsTheIdentityFlags_onRunAgentsAndController() {
    for (String command : new String[] {"run", "agents", "controller"}) {
      StringWriter help = new StringWriter();
      CommandLine cli = Fleetsim.commandLine();
      cli.setOut(new PrintWriter(help, true));
      cli.execute(command, "--help");
      assertThat(help.toString())
          .as(command)
          .contains("--client-ca-cert", "--client-ca-key", "--client-certs", "--username")
          .contains("--password-file", "--password-env", "--identities");
    }
  }

  private static String scenario(String target, String identity, int connected, String... mtp) {
    String entry = mtp.length == 0 ? "" : ", " + mtp[0];
    return """
        scenario {
          duration = 4s
          target { %s }
          fleet {
            agents = %d
            mix = [ { profile = home-gateway, share = 100%s } ]
            %s
          }
          assertions = [ { connected-at-least = %d } ]
        }
        """
        .formatted(target, AGENTS, entry, identity, connected);
  }

  private int run(String... args) {
    CommandLine cli = Fleetsim.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
