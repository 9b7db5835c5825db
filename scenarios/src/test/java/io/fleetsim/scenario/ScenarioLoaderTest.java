package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  @TempDir Path dir;

  private static final String FULL =
      """
      scenario {
        name = full
        duration = 90s
        seed = 7
        target { controller = embedded, mtp = memory }
        fleet {
          agents = 1000
          mix = [
            { profile = home-gateway, share = 70 }
            { profile = wifi-extender, share = 20 }
            { profile = iot-hub, share = 10 }
          ]
        }
        phases = [
          { at-once = 100 }
          { ramp = 800, over = 20s }
          { pause = 5s }
          { rate = 10, during = 10s }
        ]
        behaviour {
          workload { rate = 50, mix = [6, 2, 2] }, reboot-after-provisioning = true
          periodic-interval = 5m, value-change-every = 2m, host-churn-every = 30m
        }
        incidents = [
          { at = 40s, outage = 5s }
          { at = 60s, reboot-storm = 20, within = 10s }
        ]
        assertions = [
          { latency = "Notify Boot!", percentile = 99, below = 2s }
          { connected-at-least = 99.9 }
          { max-drops = 0 }
        ]
        output = "out/full"
      }
      """;

  @Test
  void aFullScenario_isReadIntoValues() throws IOException {
    Scenario s = ScenarioLoader.load(write("full.conf", FULL), Map.of());

    assertThat(s.name()).isEqualTo("full");
    assertThat(s.duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.target().kind()).isEqualTo(Scenario.Target.Kind.EMBEDDED_MEMORY);
    assertThat(s.agents()).isEqualTo(1000);
    assertThat(s.mix().entries()).hasSize(3);
    assertThat(s.plan().steps())
        .containsExactly(
            new InjectionStep.AtOnce(100),
            new InjectionStep.Ramp(800, Duration.ofSeconds(20)),
            new InjectionStep.Pause(Duration.ofSeconds(5)),
            new InjectionStep.ConstantRate(10, Duration.ofSeconds(10)));
    assertThat(s.behaviour())
        .isEqualTo(
            new Scenario.Behaviour(
                50,
                6,
                2,
                2,
                true,
                Duration.ofMinutes(5),
                Duration.ofMinutes(2),
                Duration.ofMinutes(30)));
    // device-side behaviour becomes profile configuration of every profile in the mix
    assertThat(s.profileOverrides())
        .containsEntry(
            "objects.\"Device.LocalAgent.Controller.{i}.\".params.PeriodicNotifInterval.default",
            "300")
        .containsEntry("agent.value-change-every", "120000ms")
        .containsEntry("agent.host-churn-every", "1800000ms");
    // hosts of the gateways now come and go every 30-90 min (the profile's 8-24 h, same spread)
    var hosts =
        s.mix().schemas(s.profileOverrides()).get(0).object("Device.Hosts.Host.{i}.").churn();
    assertThat(hosts.minPeriodMillis()).isEqualTo(30 * 60_000L);
    assertThat(hosts.maxPeriodMillis()).isEqualTo(90 * 60_000L);
    assertThat(s.mix().schemas(s.profileOverrides()))
        .allSatisfy(
            schema ->
                assertThat(
                        schema
                            .object("Device.LocalAgent.Controller.{i}.")
                            .param("PeriodicNotifInterval")
                            .source()
                            .value(null))
                    .isEqualTo("300"));
    assertThat(s.incidents())
        .containsExactly(
            new Scenario.Incident.Outage(Duration.ofSeconds(40), Duration.ofSeconds(5)),
            new Scenario.Incident.RebootStorm(Duration.ofSeconds(60), 20, Duration.ofSeconds(10)));
    assertThat(s.assertions())
        .containsExactly(
            new Scenario.Assertion.LatencyBelow("Notify Boot!", 99, Duration.ofSeconds(2)),
            new Scenario.Assertion.ConnectedAtLeast(99.9),
            new Scenario.Assertion.MaxDrops(0));
    assertThat(s.output()).isEqualTo(Path.of("out/full"));
  }

  @Test
  void overridesFromTheCommandLineWin() throws IOException {
    Scenario s =
        ScenarioLoader.load(
            write("full.conf", FULL), Map.of("scenario.duration", "120s", "scenario.seed", "11"));
    assertThat(s.duration()).isEqualTo(Duration.ofSeconds(120));
    assertThat(s.seed()).isEqualTo(11);
  }

  @Test
  void aMinimalScenario_startsAllHomeGatewaysAtOnceOnTheInMemoryMtp() throws IOException {
    Scenario s =
        ScenarioLoader.load(
            write("min.conf", "scenario { duration = 5s, fleet.agents = 10 }"), Map.of());
    assertThat(s.target().kind()).isEqualTo(Scenario.Target.Kind.EMBEDDED_MEMORY);
    assertThat(s.plan().steps()).containsExactly(new InjectionStep.AtOnce(10));
    assertThat(s.mix().entries().get(0).profile()).isEqualTo("home-gateway");
  }

  @Test
  void errorsNameFileLineAndKey() throws IOException {
    assertError(
        """
        scenario {
          duration = 5s
          fleet { agents = 10, agnets = 3 }
        }
        """,
        "bad.conf:3: scenario.fleet.agnets: unknown key");
    assertError(
        """
        scenario {
          duration = 5s
          fleet.agents = 10
          phases = [
            { ramp = 5, over = soon }
          ]
        }
        """,
        "bad.conf:5: scenario.phases[0].over: must be a duration");
    assertError(
        """
        scenario {
          duration = 5s
          fleet.agents = 10
          phases = [ { ramp = 5, over = 2s } ]
        }
        """,
        "bad.conf:4: scenario.phases: the phases start 5 agents but scenario.fleet.agents is 10");
    assertError(
        """
        scenario {
          duration = 5s
          fleet.agents = 10
          target { controller = "coap://127.0.0.1:5683" }
        }
        """,
        "bad.conf:4: scenario.target.controller: embedded, ws[s]://HOST:PORT/PATH, mqtt[s]://");
    assertError(
        """
        scenario {
          duration = 5s
          fleet.agents = 10
          target { controller = "ws://127.0.0.1:8080/usp" }
          incidents = [ { at = 1s, outage = 1s } ]
        }
        """,
        "bad.conf:5: scenario.incidents[0]: this incident needs the embedded controller");
    assertError(
        """
        scenario {
          duration = 5s
          fleet {
            agents = 10
            mix = [ { profile = home-gateway, share = 60 } ]
          }
        }
        """,
        "bad.conf:5: scenario.fleet.mix: shares must add up to 100");
    assertError(
        """
        scenario {
          fleet.agents = 10
        }
        """,
        "scenario.duration: missing");
    assertError(
        """
        scenario {
          duration = 5s
          fleet.agents = 10
          incidents = [ { at = 9s, outage = 1s } ]
        }
        """,
        "bad.conf:4: scenario.incidents[0].at: after the end of the run");
    assertError(
        """
        scenario {
          duration = 5s
          fleet.agents = 10
          incidents = [ { at = 1s, churn = 5, every = 0s } ]
        }
        """,
        "bad.conf:4: scenario.incidents[0].every: must be > 0");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10, behaviour.periodic-interval = 1500ms }",
        "bad.conf:1: scenario.behaviour.periodic-interval: whole seconds >= 1s");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10, behaviour.value-change-every = 10ms }",
        "bad.conf:1: scenario.behaviour.value-change-every: a duration >= 1s");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10, target = [1] }",
        "bad.conf: 1: target has type LIST rather than OBJECT");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10, output = \"out\\u0000put\" }",
        "bad.conf:1: scenario.output: not a usable file path: Nul character not allowed");
    assertError(
        "scenario {\n  duration = 5s\n  fleet {\n    agents = 10\n}\n",
        "expecting a close brace '}' here, not: end of file (the '{' on line 3 is not closed)");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10, target.controller ="
            + " \"ws://127.0.0.1:99999/usp\" }",
        "bad.conf:1: scenario.target.controller: port 99999 is out of range 1..65535");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10,"
            + " target { controller = \"ws://127.0.0.1:1/usp\", ca-cert = ca.pem } }",
        "bad.conf:1: scenario.target.ca-cert: only for wss://, mqtts:// and stomps://");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10,"
            + " target { controller = \"wss://127.0.0.1:1/usp\", ca-cert = nowhere.pem } }",
        "bad.conf:1: scenario.target.ca-cert: unusable CA file");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10, endpoint-id = \"acme-{index}\" } }",
        "bad.conf:1: scenario.fleet.endpoint-id: scheme:authority:instance with a TR-369 scheme");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10, endpoint-id = \"proto::acme\" } }",
        "bad.conf:1: scenario.fleet.endpoint-id: needs {index} or {hex}");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10, endpoint-id = \"proto::a b{index}\" } }",
        "bad.conf:1: scenario.fleet.endpoint-id: an instance-id holds only");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10, endpoint-id = \"proto::a{idx}\" } }",
        "bad.conf:1: scenario.fleet.endpoint-id: unknown placeholder {idx}");
    String mqttHubs =
        " mix = [ { profile = home-gateway, share = 50 }, { profile = iot-hub, share = 50, mtp ="
            + " mqtt } ] }";
    assertError(
        "scenario { duration = 5s, fleet { agents = 10," + mqttHubs + " }",
        "bad.conf:1: scenario.fleet.mix[1].mtp: the in-memory target has one MTP");
    assertError(
        "scenario { duration = 5s, target { controller = embedded, mtp = websocket },"
            + " fleet { agents = 10,"
            + mqttHubs
            + " }",
        "bad.conf:1: scenario.fleet.mix[1].mtp: needs target.broker");
    assertError(
        "scenario { duration = 5s, target { controller = embedded, mtp = websocket,"
            + " broker = \"ws://127.0.0.1:1/usp\" }, fleet.agents = 10 }",
        "bad.conf:1: scenario.target.broker: mqtt[s]://HOST:PORT");
    assertError(
        "scenario { duration = 5s, target.controller = \"mqtt://127.0.0.1:1883\", fleet {"
            + " agents = 10, mix = [ { profile = iot-hub, share = 100, mtp = websocket } ] } }",
        "bad.conf:1: scenario.fleet.mix[0].mtp: needs a ws[s]:// target");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10,"
            + " mix = [ { profile = iot-hub, share = 100, mtp = coap } ] } }",
        "bad.conf:1: scenario.fleet.mix[0].mtp: websocket, mqtt or stomp, not coap");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10, assertions = [ { p99 = 1 } ] }",
        "bad.conf:1: scenario.assertions[0]: an assertion is");
  }

  @Test
  void aCaCertBesideTheScenario_isCheckedAndKept() throws Exception {
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-nodes",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "1",
                "-subj",
                "/CN=fleetsim-scenario-test")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    openssl.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(openssl.waitFor()).isZero();
    Path conf =
        write(
            "tls.conf",
            "scenario { duration = 5s, fleet.agents = 10,"
                + " target { controller = \"mqtts://127.0.0.1:8883\", ca-cert = ca.pem } }");

    Scenario s = ScenarioLoader.load(conf, Map.of());

    assertThat(s.target().kind()).isEqualTo(Scenario.Target.Kind.MQTT);
    assertThat(s.target().caCert()).isEqualTo(dir.resolve("ca.pem").toAbsolutePath());
  }

  @Test
  void anEndpointIdPattern_namesEveryAgentOfEveryProfile() throws IOException {
    Scenario s =
        ScenarioLoader.load(
            write(
                "eid.conf",
                """
                scenario {
                  duration = 5s
                  fleet {
                    agents = 10
                    endpoint-id = "proto::acme-{index:05}"
                    mix = [ { profile = home-gateway, share = 50 }, { profile = iot-hub, share = 50 } ]
                  }
                }
                """),
            Map.of());

    for (var schema : s.mix().schemas(s.profileOverrides())) {
      var device =
          new io.fleetsim.datamodel.DeviceModel(schema, 1, java.time.InstantSource.system());
      var agent = device.newAgent(7);
      var eid = schema.object("Device.LocalAgent.").param("EndpointID");
      assertThat(agent.value(eid, new int[0])).isEqualTo("proto::acme-00007");
    }
  }

  @Test
  void aMissingFileIsSaidSo() {
    assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("nope.conf"), Map.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessageEndingWith("nope.conf: no such scenario file");
  }

  @Test
  void severalTargets_asAListOrSeparatedByCommas_spreadTheAgents() throws IOException {
    for (String controller :
        List.of(
            "[\"ws://127.0.0.1:9001/usp\", \"ws://127.0.0.1:9002/usp\"]",
            "\"ws://127.0.0.1:9001/usp, ws://127.0.0.1:9002/usp\"")) {
      Scenario s =
          ScenarioLoader.load(
              write(
                  "two.conf",
                  "scenario { duration = 5s, fleet.agents = 10, target.controller = "
                      + controller
                      + " }"),
              Map.of());
      assertThat(s.target().kind()).isEqualTo(Scenario.Target.Kind.WEBSOCKET);
      assertThat(s.target().urls()).extracting(java.net.URI::getPort).containsExactly(9001, 9002);
    }
    assertError(
        "scenario { duration = 5s, fleet.agents = 10\n"
            + " target.controller = [\"ws://127.0.0.1:9001/usp\", \"mqtt://127.0.0.1:1883\"] }",
        "bad.conf:2: scenario.target.controller: the targets must all be ws[s]://, all mqtt[s]://"
            + " or all stomp[s]://");
  }

  @Test
  void connectsInFlight_defaultByWhatTheAgentsConnectTo_andTheScenarioOrCommandLineWin()
      throws IOException {
    Map<String, Integer> limits = new java.util.LinkedHashMap<>();
    limits.put("", Integer.MAX_VALUE); // in memory: nothing to overflow
    limits.put("target { controller = embedded, mtp = websocket }", 512);
    limits.put("target.controller = \"ws://127.0.0.1:9001/usp\"", 512);
    limits.put("target.controller = \"mqtt://127.0.0.1:1883\"", 64);
    limits.put("target.controller = \"stomp://127.0.0.1:61613\"", 64);
    limits.put(
        "target { controller = embedded, mtp = websocket, broker = \"mqtt://127.0.0.1:1\" }", 64);
    limits.put("target { controller = \"mqtt://127.0.0.1:1883\", connects-in-flight = 300 }", 300);
    for (Map.Entry<String, Integer> e : limits.entrySet()) {
      Scenario s =
          ScenarioLoader.load(
              write(
                  "limit.conf",
                  "scenario { duration = 5s, fleet.agents = 10, " + e.getKey() + " }"),
              Map.of());
      assertThat(s.target().connectLimit()).as(e.getKey()).isEqualTo(e.getValue());
    }
    Scenario overridden =
        ScenarioLoader.load(
            write("limit.conf", "scenario { duration = 5s, fleet.agents = 10 }"),
            Map.of("scenario.target.connects-in-flight", "7"));
    assertThat(overridden.target().connectLimit()).isEqualTo(7);
    assertError(
        "scenario { duration = 5s, fleet.agents = 10\n target.connects-in-flight = 0 }",
        "bad.conf:2: scenario.target.connects-in-flight: must be > 0");
  }

  @Test
  void theClusterBlock_isReadAndChecked() throws IOException {
    Scenario s =
        ScenarioLoader.load(
            write(
                "cluster.conf",
                "scenario { duration = 5s, fleet.agents = 10, cluster { local-workers = 3,"
                    + " workers-timeout = 2m, on-worker-loss = fail } }"),
            Map.of());
    assertThat(s.cluster())
        .isEqualTo(new Scenario.Cluster(null, 0, 3, java.time.Duration.ofMinutes(2), true));
    assertThat(
            ScenarioLoader.load(
                    write("none.conf", "scenario { duration = 5s, fleet.agents = 10 }"), Map.of())
                .cluster())
        .isEqualTo(Scenario.Cluster.NONE);
    assertError(
        "scenario { duration = 5s, fleet.agents = 10\n cluster { on-worker-loss = stop } }",
        "bad.conf:2: scenario.cluster.on-worker-loss: continue or fail");
  }

  @Test
  void aStompTarget_readsItsSettings_andItsAgentsControllerId() throws IOException {
    Scenario s =
        ScenarioLoader.load(
            write(
                "stomp.conf",
                """
                scenario {
                  duration = 5s
                  fleet.agents = 10
                  target {
                    controller = "stomp://fleet:secret@127.0.0.1:61613/lab"
                    controller-id = "proto::acs"
                    stomp {
                      agent-destination = "/queue/cpe.{eid}"
                      controller-destination = "/queue/acs"
                      heartbeat = 10s
                      max-frame-bytes = 64KiB
                    }
                  }
                }
                """),
            Map.of());
    assertThat(s.target().kind()).isEqualTo(Scenario.Target.Kind.STOMP);
    assertThat(s.target().stomp())
        .isEqualTo(
            new io.fleetsim.mtp.connect.Connectors.Stomp(
                "/queue/cpe.{eid}", "/queue/acs", 10_000, 65_536));
    // the agents' Controller.1 is the target's Controller, and their data model says STOMP
    io.fleetsim.datamodel.AgentDataModel agent =
        new io.fleetsim.datamodel.DeviceModel(
                ScenarioLoader.profiles(s).get(0), 1, java.time.InstantSource.system())
            .newAgent(0);
    assertThat(value(agent, "Device.LocalAgent.Controller.{i}.EndpointID", 1))
        .isEqualTo("proto::acs");
    assertThat(value(agent, "Device.STOMP.Connection.{i}.VirtualHost", 1)).isEqualTo("lab");
    assertThat(value(agent, "Device.STOMP.Connection.{i}.Username", 1)).isEqualTo("fleet");
    assertThat(value(agent, "Device.STOMP.Connection.{i}.OutgoingHeartbeat", 1)).isEqualTo("10000");
    assertThat(value(agent, "Device.LocalAgent.MTP.{i}.STOMP.Destination", 1))
        .startsWith("/queue/cpe.os%3A%3A");
  }

  @Test
  void badStompSettings_areNamedWithFileLineAndKey() throws IOException {
    assertError(
        "scenario { duration = 5s, fleet.agents = 10\n"
            + " target { controller = \"stomp://127.0.0.1:61613\", stomp { beat = 1s } } }",
        "bad.conf:2: scenario.target.stomp.beat: unknown key");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10\n"
            + " target { controller = \"stomp://127.0.0.1:61613\", stomp { heartbeat = x } } }",
        "bad.conf:2: scenario.target.stomp.heartbeat: must be a duration");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10, target { controller = embedded\n"
            + " mtp = websocket, broker = \"stomp://127.0.0.1:1,stomps://127.0.0.1:2\" } }",
        "bad.conf:2: scenario.target.broker: one MQTT and one STOMP broker at most");
    assertError(
        "scenario { duration = 5s, fleet.agents = 10, target { controller ="
            + " \"stomp://127.0.0.1:61613\" }\n"
            + " fleet.mix = [ { profile = iot-hub, share = 100, mtp = mqtt } ] }",
        "bad.conf:2: scenario.fleet.mix[0].mtp: the target stomp://127.0.0.1:61613 serves no mqtt");
  }

  private static String value(io.fleetsim.datamodel.AgentDataModel agent, String path, int i) {
    int[] instances =
        path.indexOf("{i}") == path.lastIndexOf("{i}") ? new int[] {i} : new int[] {i, i};
    return agent.value(agent.schema().param(path), instances);
  }

  @Test
  void anIdentityBlock_mintsCertificatesWithTheCaBesideTheScenario() throws Exception {
    io.fleetsim.mtp.TestPki pki = io.fleetsim.mtp.TestPki.create();
    java.nio.file.Files.copy(pki.caCert(), dir.resolve("ca.pem"));
    java.nio.file.Files.copy(pki.caKey(), dir.resolve("ca.key"));
    Path f =
        write(
            "id.conf",
            "scenario { duration = 5s, fleet { agents = 10\n"
                + " identity { client-ca-cert = ca.pem, client-ca-key = ca.key, username = \"{eid}\" } }\n"
                + " target { controller = \"wss://127.0.0.1:8443/usp\" } }");
    Scenario s = ScenarioLoader.load(f, Map.of());
    io.fleetsim.identity.Identities ids = s.target().options().identities();
    assertThat(ids.certificates()).isInstanceOf(io.fleetsim.identity.CertificateAuthority.class);
    assertThat(ids.logins().username().toString()).isEqualTo("{eid}");
    assertThat(
            io.fleetsim.identity.CertifiedEndpoint.of(
                ids.certificates()
                    .forDevice(io.fleetsim.identity.DeviceId.of("os::x-1"))
                    .certificate()))
        .isEqualTo("os::x-1");
  }

  @Test
  void badIdentitySettings_areNamedWithFileLineAndKey() throws Exception {
    io.fleetsim.mtp.TestPki pki = io.fleetsim.mtp.TestPki.create();
    io.fleetsim.mtp.TestPki other = io.fleetsim.mtp.TestPki.create();
    String wss = ", target { controller = \"wss://127.0.0.1:8443/usp\" } }";
    assertError(
        "scenario { duration = 5s, fleet { agents = 10\n identity { user = x } }" + wss,
        "bad.conf:2: scenario.fleet.identity.user: unknown key");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10\n identity { username = \"{serail}\" } }"
            + wss,
        "bad.conf:2: scenario.fleet.identity.username: unknown placeholder {serail}");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10, identity {\n client-ca-cert = \""
            + pki.caCert()
            + "\"\n client-ca-key = \""
            + other.caKey()
            + "\" } }"
            + wss,
        "bad.conf:3: scenario.fleet.identity.client-ca-key: client CA key "
            + other.caKey()
            + " is not the key of");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10, identity {\n client-ca-cert = \""
            + pki.caCert()
            + "\", client-ca-key = \""
            + pki.caKey()
            + "\" } }\n target { controller = \"ws://127.0.0.1:8080/usp\" } }",
        "bad.conf:2: scenario.fleet.identity.client-ca-key: client certificates need a wss://");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10\n identity { username = x } } }",
        "bad.conf:2: scenario.fleet.identity.username: logins are for an external Controller");
    assertError(
        "scenario { duration = 5s, fleet { agents = 10\n identity { password-env = X } }" + wss,
        "bad.conf:2: scenario.fleet.identity.password-env: needs a username template");
  }

  @Test
  void powerAndNetworkOutages_workWithAnyTarget_controllerIncidentsDoNot() throws IOException {
    Path f =
        write(
            "ext.conf",
            "scenario { duration = 60s, fleet.agents = 10\n"
                + " target { controller = \"ws://127.0.0.1:8080/usp\" }\n"
                + " incidents = [ { at = 5s, power-outage = 30, within = 2s, dark-max = 20s }\n"
                + " { at = 30s, network-outage = 10s } ] }");
    Scenario s = ScenarioLoader.load(f, Map.of());
    assertThat(s.incidents())
        .containsExactly(
            new Scenario.Incident.PowerOutage(
                Duration.ofSeconds(5),
                30,
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                Duration.ofSeconds(20)),
            new Scenario.Incident.NetworkOutage(Duration.ofSeconds(30), Duration.ofSeconds(10)));
    assertThat(s.incidents()).allMatch(Scenario.Incident::fleetSide);
    assertError(
        "scenario { duration = 60s, fleet.agents = 10\n"
            + " target { controller = \"ws://127.0.0.1:8080/usp\" }\n"
            + " incidents = [ { at = 5s, reboot-storm = 30, within = 2s } ] }",
        "bad.conf:3: scenario.incidents[0]: this incident needs the embedded controller");
    assertError(
        "scenario { duration = 60s, fleet.agents = 10\n"
            + " incidents = [ { at = 5s, power-outage = 30,\n dark-min = 30s, dark-max = 20s } ] }",
        "bad.conf:3: scenario.incidents[0].dark-max: dark-max (PT20S) is below dark-min (PT30S)");
    assertError(
        "scenario { duration = 60s, fleet.agents = 10\n"
            + " incidents = [ { at = 5s, power-outage = 130 } ] }",
        "bad.conf:2: scenario.incidents[0].power-outage: a percentage in (0, 100]");
  }

  @Test
  void aDeviceList_givesEachAgentItsRow_andMustCoverTheFleet() throws Exception {
    java.nio.file.Files.writeString(
        dir.resolve("devices.csv"),
        "eid,serial,mac\n"
            + "oui:00D09E:LAB-A,LAB-A,00:D0:9E:AA:00:01\n"
            + "oui:00D09E:LAB-B,LAB-B,00:D0:9E:AA:00:02\n");
    Path f =
        write(
            "list.conf",
            "scenario { duration = 5s, fleet { agents = 2, identities = devices.csv } }");
    Scenario s = ScenarioLoader.load(f, Map.of());
    io.fleetsim.datamodel.AgentDataModel agent =
        new io.fleetsim.datamodel.DeviceModel(
                ScenarioLoader.profiles(s).get(0), 1, java.time.InstantSource.system())
            .newAgent(1);
    assertThat(agent.value(agent.schema().param("Device.LocalAgent.EndpointID"), new int[0]))
        .isEqualTo("oui:00D09E:LAB-B");
    assertThat(agent.value(agent.schema().param("Device.DeviceInfo.SerialNumber"), new int[0]))
        .isEqualTo("LAB-B");
    assertThat(value(agent, "Device.Ethernet.Interface.{i}.MACAddress", 1))
        .isEqualTo("00:D0:9E:AA:00:02");
    assertThat(value(agent, "Device.Ethernet.Interface.{i}.MACAddress", 2))
        .isNotEqualTo("00:D0:9E:AA:00:02"); // the other ports keep the profile's MACs
    assertError(
        "scenario { duration = 5s, fleet {\n agents = 3, identities = devices.csv } }",
        "bad.conf:2: scenario.fleet.identities: "
            + dir.resolve("devices.csv")
            + " lists 2 devices for a fleet of 3");
  }

  private void assertError(String text, String expected) throws IOException {
    Path f = write("bad.conf", text);
    assertThatThrownBy(() -> ScenarioLoader.load(f, Map.of()))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(expected.replace("bad.conf", f.toString()));
  }

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }
}
