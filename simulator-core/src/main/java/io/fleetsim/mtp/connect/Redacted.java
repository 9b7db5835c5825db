package io.fleetsim.mtp.connect;

import java.net.URI;

/**
 * A URL as fleetsim prints or stores it: a password in its user info becomes {@code ***}, so a
 * target such as {@code ws://admin:secret@host/usp} never reaches a log, summary.json or a report.
 */
public final class Redacted {
  private Redacted() {}

  public static String url(URI url) {
    return url == null ? "null" : url(url.toString());
  }

  /** The same for a URL still in text (one that may not even parse). */
  public static String url(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int from = scheme + 3;
    int slash = url.indexOf('/', from);
    int end = slash < 0 ? url.length() : slash;
    int at = url.lastIndexOf('@', end - 1);
    if (at < from) {
      return url;
    }
    int colon = url.indexOf(':', from);
    if (colon < 0 || colon > at) {
      return url; // a user name alone is no secret
    }
    return url.substring(0, colon + 1) + "***" + url.substring(at);
  }
}
