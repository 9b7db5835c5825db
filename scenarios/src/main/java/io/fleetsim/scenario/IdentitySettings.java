package io.fleetsim.scenario;

import io.fleetsim.identity.CertificateAuthority;
import io.fleetsim.identity.ClientCertificates;
import io.fleetsim.identity.DeviceList;
import io.fleetsim.identity.Identities;
import io.fleetsim.identity.LoginTemplate;
import io.fleetsim.identity.Logins;
import io.fleetsim.identity.Secret;
import io.fleetsim.identity.StoredCertificates;
import java.nio.file.Path;
import java.util.Map;

/**
 * How agents prove who they are, as written in a scenario's {@code fleet.identity} block or on the
 * command line (the same names): minted certificates ({@code client-ca-cert}, {@code
 * client-ca-key}, {@code client-cert-cn}) or existing ones ({@code client-certs}, a folder or
 * PKCS#12 file, opened with the password in environment variable {@code
 * client-certs-password-env}), logins ({@code username} template, password from {@code
 * password-file} or {@code password-env}), and a device list ({@code identities}, a CSV whose
 * {@code username} and {@code password} columns win over the template). Any may be null.
 */
public record IdentitySettings(
    Path clientCaCert,
    Path clientCaKey,
    String clientCertCn,
    Path clientCerts,
    String clientCertsPasswordEnv,
    String username,
    Path passwordFile,
    String passwordEnv,
    Path deviceList) {

  public static final IdentitySettings NONE =
      new IdentitySettings(null, null, null, null, null, null, null, null, null);

  /** A setting that cannot be used: which one ({@code client-ca-key}, ...) and why. */
  public static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    Problem(String setting, String message) {
      super(message);
      this.setting = setting;
    }

    /** The setting's name, as in a scenario and (with {@code --}) on the command line. */
    public String setting() {
      return setting;
    }
  }

  /** Whether agents present client certificates. */
  public boolean certificates() {
    return clientCaKey != null || clientCerts != null;
  }

  /** Whether agents log in. */
  public boolean logins() {
    return username != null;
  }

  /**
   * The identities these settings give, every file read now (so a bad one fails before any agent
   * exists).
   *
   * @param env where {@code password-env} and {@code client-certs-password-env} are looked up
   * @throws Problem naming the setting at fault
   */
  public Identities build(Map<String, String> env) {
    DeviceList list = null;
    if (deviceList != null) {
      try {
        list = DeviceList.load(deviceList);
      } catch (IllegalArgumentException e) {
        throw new Problem("identities", e.getMessage());
      }
    }
    return new Identities(certificatesFrom(env), loginsFrom(env, list), list);
  }

  private ClientCertificates certificatesFrom(Map<String, String> env) {
    if (clientCerts != null && clientCaKey != null) {
      throw new Problem(
          "client-certs", "either existing certificates or a CA to mint them, not both");
    }
    if (clientCertsPasswordEnv != null && clientCerts == null) {
      throw new Problem("client-certs-password-env", "only with client-certs");
    }
    if (clientCertCn != null && clientCaKey == null) {
      throw new Problem("client-cert-cn", "only with client-ca-key (minted certificates)");
    }
    if (clientCerts != null) {
      char[] password = new char[0];
      if (clientCertsPasswordEnv != null) {
        String v = env.get(clientCertsPasswordEnv);
        if (v == null) {
          throw new Problem(
              "client-certs-password-env",
              "environment variable " + clientCertsPasswordEnv + " is not set");
        }
        password = v.toCharArray();
      }
      try {
        return StoredCertificates.open(clientCerts, password);
      } catch (IllegalArgumentException e) {
        throw new Problem("client-certs", e.getMessage());
      }
    }
    if (clientCaKey == null) {
      return null;
    }
    if (clientCaCert == null) {
      throw new Problem("client-ca-key", "needs client-ca-cert, the CA's certificate");
    }
    LoginTemplate cn;
    try {
      cn = LoginTemplate.parse(clientCertCn == null ? "{eid}" : clientCertCn);
    } catch (IllegalArgumentException e) {
      throw new Problem("client-cert-cn", e.getMessage());
    }
    try {
      return CertificateAuthority.load(clientCaCert, clientCaKey, cn);
    } catch (IllegalArgumentException e) {
      throw new Problem(
          e.getMessage().contains(clientCaKey.toString()) ? "client-ca-key" : "client-ca-cert",
          e.getMessage());
    }
  }

  private Logins loginsFrom(Map<String, String> env, DeviceList list) {
    if (passwordFile != null && passwordEnv != null) {
      throw new Problem("password-env", "either password-file or password-env, not both");
    }
    boolean listed = list != null && list.has("username");
    if (username == null && listed) {
      return new Logins(null, secret(env), list);
    }
    if (username == null) {
      if (passwordFile != null || passwordEnv != null) {
        throw new Problem(
            passwordFile != null ? "password-file" : "password-env", "needs a username template");
      }
      return null;
    }
    LoginTemplate user;
    try {
      user = LoginTemplate.parse(username);
    } catch (IllegalArgumentException e) {
      throw new Problem("username", e.getMessage());
    }
    return new Logins(user, secret(env), list);
  }

  private Secret secret(Map<String, String> env) {
    try {
      return passwordFile != null
          ? Secret.fromFile(passwordFile)
          : passwordEnv != null ? Secret.fromEnv(passwordEnv, env) : null;
    } catch (IllegalArgumentException e) {
      throw new Problem(passwordFile != null ? "password-file" : "password-env", e.getMessage());
    }
  }
}
