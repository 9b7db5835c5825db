package io.fleetsim.cli;

import io.fleetsim.identity.Identities;
import io.fleetsim.scenario.IdentitySettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The per-device identity flags of {@code run}, {@code agents} and {@code controller}: the same
 * settings as a scenario's {@code fleet.identity} block ({@link IdentitySettings}); on {@code run}
 * they replace the block's.
 */
final class IdentityOptions {
  @Option(
      names = "--client-ca-cert",
      paramLabel = "FILE",
      description =
          "PEM certificate of the CA that issues client certificates: with --client-ca-key each"
              + " agent presents its own, minted at connect (EC P-256, CN from --client-cert-cn,"
              + " subjectAltName urn:bbf:usp:id:<EndpointID>). On controller: the CA whose"
              + " certificates --require-client-cert accepts.")
  Path clientCaCert;

  @Option(
      names = "--client-ca-key",
      paramLabel = "FILE",
      description = "PEM private key of --client-ca-cert (PKCS#8 or EC/RSA PRIVATE KEY).")
  Path clientCaKey;

  @Option(
      names = "--client-cert-cn",
      paramLabel = "TEMPLATE",
      description =
          "Subject CN of minted certificates: {eid} (default), {serial}, {index}, {mac}, text.")
  String clientCertCn;

  @Option(
      names = "--client-certs",
      paramLabel = "DIR|FILE.p12",
      description =
          "Existing per-device certificates: a folder of EID.pem (certificate, then chain) and"
              + " EID.key, or a PKCS#12 file whose aliases are the EndpointIDs.")
  Path clientCerts;

  @Option(
      names = "--client-certs-password-env",
      paramLabel = "NAME",
      description = "Environment variable holding the PKCS#12 file's password.")
  String clientCertsPasswordEnv;

  @Option(
      names = "--username",
      paramLabel = "TEMPLATE",
      description =
          "Per-device login: MQTT user name, STOMP login, or WebSocket HTTP Basic user;"
              + " placeholders {eid}, {serial}, {index}, {mac}.")
  String username;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description =
          "File whose first line is the password (may hold the same placeholders). Never"
              + " printed or logged.")
  Path passwordFile;

  @Option(
      names = "--password-env",
      paramLabel = "NAME",
      description = "Environment variable holding the password, as --password-file.")
  String passwordEnv;

  @Option(
      names = "--identities",
      paramLabel = "FILE.csv",
      description =
          "The lab's device list: agent i is row i, with its EndpointID, serial, MAC and login"
              + " (header: eid,serial,mac,username,password; eid required).")
  Path identities;

  /** Whether any identity flag was given. */
  boolean given() {
    return !settings().equals(IdentitySettings.NONE);
  }

  /**
   * The flags as overrides of a scenario's {@code fleet.identity} block: every setting, so a flag
   * not given hides the block's (null); files made absolute, as the command line means them.
   */
  Map<String, String> asScenarioOverrides() {
    Map<String, String> o = new LinkedHashMap<>();
    String k = "scenario.fleet.identity.";
    o.put(k + "client-ca-cert", absolute(clientCaCert));
    o.put(k + "client-ca-key", absolute(clientCaKey));
    o.put(k + "client-cert-cn", clientCertCn);
    o.put(k + "client-certs", absolute(clientCerts));
    o.put(k + "client-certs-password-env", clientCertsPasswordEnv);
    o.put(k + "username", username);
    o.put(k + "password-file", absolute(passwordFile));
    o.put(k + "password-env", passwordEnv);
    if (identities != null) {
      o.put("scenario.fleet.identities", absolute(identities));
    }
    return o;
  }

  private static String absolute(Path p) {
    return p == null ? null : p.toAbsolutePath().toString();
  }

  IdentitySettings settings() {
    return new IdentitySettings(
        clientCaCert,
        clientCaKey,
        clientCertCn,
        clientCerts,
        clientCertsPasswordEnv,
        username,
        passwordFile,
        passwordEnv,
        identities);
  }

  /**
   * The identities the flags give.
   *
   * @throws IllegalArgumentException naming the flag at fault
   */
  Identities identities(Map<String, String> env) {
    try {
      return settings().build(env);
    } catch (IdentitySettings.Problem p) {
      throw new IllegalArgumentException("--" + p.setting() + ": " + p.getMessage(), p);
    }
  }
}
