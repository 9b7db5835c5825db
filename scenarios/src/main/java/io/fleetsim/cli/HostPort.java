package io.fleetsim.cli;

import java.net.InetSocketAddress;

/** A {@code HOST:PORT} option (an IPv6 host in brackets), checked as it is read. */
final class HostPort {
  private HostPort() {}

  /**
   * @throws IllegalArgumentException naming the option and the expected form
   */
  static InetSocketAddress parse(String option, String value) {
    int colon = value.lastIndexOf(':');
    try {
      if (colon <= 0) {
        throw new NumberFormatException();
      }
      String host = value.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      return new InetSocketAddress(host, Integer.parseInt(value.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option + " takes HOST:PORT with a port of 0..65535, got " + value);
    }
  }
}
