package io.fleetsim.fleet;

/**
 * Checks, before spawning, that the heap can hold the fleet, so a run too big for its JVM fails at
 * once with the figure and the advice instead of an OutOfMemoryError halfway through. The costs are
 * the heap after GC per agent measured in docs/BENCHMARKS.md plus headroom for what differs by
 * profile and use: the data-model state of an agent is 46 B when agents share their values and up
 * to 409 B when every agent was written a different one.
 */
public final class HeapBudget {
  /** An agent on the in-memory MTP: actor, core and state (1,586 B measured) plus headroom. */
  static final long IN_MEMORY_BYTES = 2_100;

  /**
   * An agent with a socket, plus headroom: 4,549 B measured per connected WebSocket agent, 4,230 B
   * per MQTT one, 4,778 B per STOMP one (Netty's STOMP decoder and aggregator are per connection).
   */
  static final long SOCKET_BYTES = 5_300;

  /**
   * TLS on an agent's socket (engine, session, buffers): 11,007 B against 4,549 B measured per
   * connected wss:// agent, plus headroom.
   */
  static final long TLS_BYTES = 7_000;

  /**
   * A client certificate of the agent's own on top (its TLS context, key and mutual-TLS session):
   * 16,120 B against 11,007 B measured per connected wss:// agent, plus headroom.
   */
  static final long IDENTITY_BYTES = 5_600;

  /** The embedded Controller's end of one agent's socket in the same JVM (channel, link). */
  static final long CONTROLLER_END_BYTES = 3_100;

  /** The JVM's own, the profiles, the histograms, Pekko and Netty. */
  static final long BASE_BYTES = 96L << 20;

  private HeapBudget() {}

  /**
   * The problem with {@code agents} agents in this JVM, or null when they fit.
   *
   * @param sockets whether the agents connect over sockets (not the in-memory MTP)
   * @param controllerInJvm whether the embedded Controller's ends of those sockets are here too
   */
  public static String check(long agents, boolean sockets, boolean controllerInJvm) {
    return check(agents, sockets, controllerInJvm, false, false);
  }

  /**
   * As above, for agents whose sockets run TLS ({@code tls}), each with a client certificate of its
   * own ({@code identities}).
   */
  public static String check(
      long agents, boolean sockets, boolean controllerInJvm, boolean tls, boolean identities) {
    long perAgent =
        sockets
            ? SOCKET_BYTES
                + (controllerInJvm ? CONTROLLER_END_BYTES : 0)
                + (tls ? TLS_BYTES : 0)
                + (tls && identities ? IDENTITY_BYTES : 0)
            : IN_MEMORY_BYTES;
    return problem(agents, perAgent, Runtime.getRuntime().maxMemory());
  }

  /** Pure form of {@link #check}, for tests. */
  static String problem(long agents, long bytesPerAgent, long maxHeap) {
    long needed = BASE_BYTES + agents * bytesPerAgent;
    if (agents <= 0 || needed <= maxHeap) {
      return null;
    }
    long fit = Math.max(0, (maxHeap - BASE_BYTES) / bytesPerAgent);
    return String.format(
        java.util.Locale.ROOT,
        "this run needs about %,d MiB of heap (%,d agents at %,d B each, as measured in"
            + " docs/BENCHMARKS.md, plus %d MiB), but this JVM may use %,d MiB: about %,d agents"
            + " fit. Give it more (FLEETSIM_JAVA_OPTS=\"-Xmx%dg\"), run fewer agents, or split the"
            + " fleet over several processes.",
        needed >> 20,
        agents,
        bytesPerAgent,
        BASE_BYTES >> 20,
        maxHeap >> 20,
        fit,
        Math.max(1, (needed + (1L << 30) - 1) >> 30));
  }
}
