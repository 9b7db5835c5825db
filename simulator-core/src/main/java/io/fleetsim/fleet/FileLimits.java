package io.fleetsim.fleet;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Checks, before connecting, that the process may open the sockets a run needs, so a fleet fails at
 * once with advice instead of halfway through with "Too many open files". Every socket is a file
 * descriptor; an agent and the embedded Controller in one JVM cost two per agent.
 */
public final class FileLimits {
  /** Descriptors the JVM itself, jars, logs and listeners use. */
  static final long RESERVE = 200;

  private FileLimits() {}

  /** The problem with opening {@code sockets} more descriptors now, or null when they fit. */
  public static String check(long sockets) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof com.sun.management.UnixOperatingSystemMXBean unix)) {
      return null;
    }
    return problem(sockets, unix.getOpenFileDescriptorCount(), unix.getMaxFileDescriptorCount());
  }

  /** Pure form of {@link #check}, for tests. */
  static String problem(long sockets, long open, long max) {
    long needed = sockets + open + RESERVE;
    if (needed <= max) {
      return null;
    }
    long fit = Math.max(0, max - open - RESERVE);
    return "this run needs "
        + sockets
        + " sockets, but the process may open "
        + max
        + " files and "
        + open
        + " are open: at most "
        + fit
        + " more fit. Raise the limit (ulimit -n, up to the hard limit `ulimit -Hn`), run fewer"
        + " agents per process, or split the fleet over several processes (and run the Controller"
        + " in its own process: an agent and an in-JVM Controller cost 2 descriptors each).";
  }
}
