package io.fleetsim.scenario;

import com.typesafe.config.Config;
import io.fleetsim.config.HoconReader;
import io.fleetsim.identity.DeviceList;
import io.fleetsim.identity.Identities;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@code fleet.identity}: each agent's client certificate and login (see {@link
 * IdentitySettings}), files beside the scenario, every file read at load so a problem fails as
 * file:line: key.
 *
 * <pre>
 * identity {
 *   client-ca-cert = "ca.pem"        # mint a certificate per agent with this CA...
 *   client-ca-key = "ca.key"
 *   client-cert-cn = "{serial}"      # {eid} by default
 *   # client-certs = "devices/"      # ...or use existing ones: EID.pem + EID.key, or a .p12
 *   username = "{eid}"               # MQTT/STOMP login, WebSocket Basic authorization
 *   password-file = "secret.txt"     # or password-env = "FLEET_PASSWORD"
 * }
 * </pre>
 */
final class IdentityReader {
  private static final String[] KEYS = {
    "client-ca-cert",
    "client-ca-key",
    "client-cert-cn",
    "client-certs",
    "client-certs-password-env",
    "username",
    "password-file",
    "password-env"
  };

  private final HoconReader in;
  private final String source;

  IdentityReader(HoconReader in, String source) {
    this.in = in;
    this.source = source;
  }

  /**
   * The block's identities with the fleet's device list ({@code fleet.identities}, checked to have
   * a row per agent), {@link Identities#NONE} without either.
   */
  Identities read(
      Config fleet, String fleetKey, Scenario.Target target, int agents, Map<String, String> env) {
    Path devices = fleet.hasPath("identities") ? file(fleet, fleetKey, "identities") : null;
    if (devices != null) {
      DeviceList list;
      try {
        list = DeviceList.load(devices);
      } catch (IllegalArgumentException e) {
        throw new ScenarioException(e.getMessage()); // the device list's own file:line
      }
      if (list.rows() < agents) {
        throw in.error(
            fleet.getValue("identities"),
            fleetKey + ".identities",
            devices + " lists " + list.rows() + " devices for a fleet of " + agents);
      }
    }
    if (!fleet.hasPath("identity")) {
      return devices == null
          ? Identities.NONE
          : withDevices(IdentitySettings.NONE, devices).build(env);
    }
    String key = fleetKey + ".identity";
    in.keys(fleet.getObject("identity"), key, KEYS);
    Config c = fleet.getConfig("identity");
    IdentitySettings s =
        new IdentitySettings(
            file(c, key, "client-ca-cert"),
            file(c, key, "client-ca-key"),
            text(c, "client-cert-cn"),
            file(c, key, "client-certs"),
            text(c, "client-certs-password-env"),
            text(c, "username"),
            file(c, key, "password-file"),
            text(c, "password-env"),
            devices);
    if (s.certificates() && !target.anySecure()) {
      String at = s.clientCerts() != null ? "client-certs" : "client-ca-key";
      throw in.error(
          c.getValue(at),
          key + "." + at,
          "client certificates need a wss://, mqtts:// or stomps:// target or broker");
    }
    if (s.logins() && target.embedded() && target.brokers().isEmpty()) {
      throw in.error(
          c.getValue("username"),
          key + ".username",
          "logins are for an external Controller or a broker; the embedded Controller takes none");
    }
    try {
      return s.build(env);
    } catch (IdentitySettings.Problem p) {
      throw in.error(
          c.hasPath(p.setting()) ? c.getValue(p.setting()) : fleet.getValue("identity"),
          key + "." + p.setting(),
          p.getMessage());
    }
  }

  private static IdentitySettings withDevices(IdentitySettings s, Path devices) {
    return new IdentitySettings(
        s.clientCaCert(),
        s.clientCaKey(),
        s.clientCertCn(),
        s.clientCerts(),
        s.clientCertsPasswordEnv(),
        s.username(),
        s.passwordFile(),
        s.passwordEnv(),
        devices);
  }

  private Path file(Config c, String key, String name) {
    return c.hasPath(name) ? TargetReader.besideScenario(source, in.path(c, name, key)) : null;
  }

  private String text(Config c, String name) {
    return c.hasPath(name) ? in.string(c, name) : null;
  }
}
