package io.fleetsim.identity;

/**
 * The fleet's login rule: a user name template and an optional secret, expanded per device at each
 * connect (nothing is stored per agent).
 *
 * @param password null when the broker or Controller takes a user name only
 */
public record Logins(LoginTemplate username, Secret password) {

  public Logins {
    if (username == null) {
      throw new IllegalArgumentException("a login needs a user name template");
    }
  }

  /** {@code device}'s user name and password. */
  public Credentials forDevice(DeviceId device) {
    return new Credentials(
        username.expand(device), password == null ? null : password.expand(device));
  }
}
