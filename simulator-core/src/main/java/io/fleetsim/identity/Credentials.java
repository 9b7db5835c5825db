package io.fleetsim.identity;

/**
 * One device's login at one connect: MQTT user name and password, STOMP login and passcode, or the
 * WebSocket upgrade's HTTP Basic authorization. Its {@link #toString} hides the password.
 *
 * @param password null when the login has no password
 */
public record Credentials(String username, String password) {

  @Override
  public String toString() {
    return "Credentials[username="
        + username
        + ", password="
        + (password == null ? "none" : "***")
        + "]";
  }
}
