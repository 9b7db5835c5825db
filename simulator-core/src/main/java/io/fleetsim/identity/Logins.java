package io.fleetsim.identity;

/**
 * The fleet's login rule, applied per device at each connect (nothing is stored per agent): a user
 * name template and an optional secret, or a device list's {@code username} and {@code password}
 * columns, which win for the devices the list has.
 *
 * @param username the user name template, or null when the list gives every user name
 * @param password null when the broker or Controller takes a user name only
 * @param list a device list with credential columns, or null
 */
public record Logins(LoginTemplate username, Secret password, DeviceList list) {

  public Logins {
    if (username == null && (list == null || !list.has("username"))) {
      throw new IllegalArgumentException("a login needs a user name template or column");
    }
  }

  public Logins(LoginTemplate username, Secret password) {
    this(username, password, null);
  }

  /**
   * {@code device}'s user name and password; null for an endpoint that has neither (one the list
   * does not name, with no template).
   */
  public Credentials forDevice(DeviceId device) {
    String user = list == null ? null : list.value("username", device.index());
    String pass = list == null ? null : list.value("password", device.index());
    if (user == null && username != null) {
      user = username.expand(device);
    }
    if (pass == null && password != null) {
      pass = password.expand(device);
    }
    return user == null ? null : new Credentials(user, pass);
  }
}
