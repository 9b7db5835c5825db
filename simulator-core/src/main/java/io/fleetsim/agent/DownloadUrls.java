package io.fleetsim.agent;

import java.net.URI;

/**
 * How a firmware {@code Download()} URL is fetched. {@code http://} and {@code https://} are real
 * transfers when the fleet has {@link FileTransfers}. {@code simulate://HOST/PATH?size=BYTES&rate=
 * BYTES_PER_SECOND} (what the embedded firmware server hands out in its simulate mode) models only
 * the transfer time, size / rate, so a 100,000-agent rollout needs no sockets; {@code size} may be
 * left to the Download()'s FileSize argument.
 */
final class DownloadUrls {
  static final String SIMULATE = "simulate";

  private DownloadUrls() {}

  static boolean isHttp(String url) {
    return url.regionMatches(true, 0, "http://", 0, 7)
        || url.regionMatches(true, 0, "https://", 0, 8);
  }

  static boolean isSimulated(String url) {
    return url.regionMatches(true, 0, SIMULATE + "://", 0, SIMULATE.length() + 3);
  }

  /**
   * The modelled transfer time of a simulate:// URL in milliseconds, or -1 when the URL does not
   * say both a size (or FileSize is &gt; 0) and a rate &gt; 0.
   */
  static long simulatedMillis(String url, long fileSize) {
    long size = query(url, "size", fileSize);
    long rate = query(url, "rate", 0);
    if (size < 0 || rate <= 0) {
      return -1;
    }
    return size > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE / rate : size * 1000 / rate;
  }

  /**
   * Whether a simulate:// transfer fails: the URL's {@code fail} percent against a draw seeded by
   * the agent and the request, so the same run fails the same agents.
   */
  static boolean simulatedFailure(String url, long seed) {
    return seededShare(url, "fail", seed);
  }

  /**
   * Whether the image behind any URL fails to boot once activated: the URL's {@code rollback}
   * percent (what the embedded firmware server adds to model a bad release) against a draw seeded
   * by the agent and the request. The image itself carries no such fault, so a simulator decides it
   * when the download lands, the way a real release breaks on a share of the hardware.
   */
  static boolean failsToBoot(String url, long seed) {
    return seededShare(url, "rollback", seed);
  }

  private static boolean seededShare(String url, String key, long seed) {
    double percent = queryDouble(url, key);
    // salted by key: a download's failure and its image's boot failure are independent draws
    return percent > 0
        && new java.util.SplittableRandom(seed * 31 + key.hashCode()).nextDouble() * 100 < percent;
  }

  /** The simulated size in bytes: the URL's {@code size}, else {@code fileSize}. */
  static long simulatedBytes(String url, long fileSize) {
    return query(url, "size", fileSize);
  }

  /** The last path segment without query ({@code fsim-2.0.1.bin}), or the URL if it has none. */
  static String fileName(String url) {
    String path;
    try {
      path = URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      path = null;
    }
    if (path == null || path.isEmpty()) {
      return url;
    }
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.isEmpty() ? url : file;
  }

  private static double queryDouble(String url, String key) {
    int q = url.indexOf('?');
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        if (pair.startsWith(key + "=")) {
          try {
            return Double.parseDouble(pair.substring(key.length() + 1));
          } catch (NumberFormatException e) {
            return 0;
          }
        }
      }
    }
    return 0;
  }

  private static long query(String url, String key, long fallback) {
    int q = url.indexOf('?');
    if (q < 0) {
      return fallback;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      if (pair.startsWith(key + "=")) {
        try {
          return Long.parseLong(pair.substring(key.length() + 1));
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return fallback;
  }
}
