package io.fleetsim.scenario;

import io.fleetsim.fleet.ConnectsInFlight;
import io.fleetsim.identity.Identities;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.profiles.FleetMix;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A validated scenario, immutable: where the fleet connects, what it is made of, how agents are
 * started, what the embedded Controller does, which incidents happen when, what must hold at the
 * end, and where the results go. Built by {@link ScenarioLoader}.
 */
public record Scenario(
    String name,
    String source,
    Duration duration,
    long seed,
    Target target,
    int agents,
    FleetMix mix,
    Map<String, String> profileOverrides,
    boolean provisioned,
    InjectionPlan plan,
    Behaviour behaviour,
    List<Incident> incidents,
    List<Assertion> assertions,
    Path output,
    Cluster cluster) {

  /**
   * How the run spreads over worker JVMs, from the scenario's {@code cluster} block.
   *
   * @param bind the coordinator's HOST:PORT, or null
   * @param workers how many workers to wait for (0: not given)
   * @param localWorkers worker JVMs to start on this machine (0: none)
   * @param failOnWorkerLoss {@code on-worker-loss = fail}: a lost worker ends the run, exit 1
   */
  public record Cluster(
      String bind,
      int workers,
      int localWorkers,
      Duration workersTimeout,
      boolean failOnWorkerLoss) {
    /** No cluster block: one JVM, unless the command line says otherwise. */
    public static final Cluster NONE = new Cluster(null, 0, 0, Duration.ofSeconds(60), false);
  }

  public Scenario {
    incidents = List.copyOf(incidents);
    assertions = List.copyOf(assertions);
    profileOverrides = Map.copyOf(profileOverrides);
  }

  /** Agents the fleet can hold: the scenario's, plus every device that joins through churn. */
  public int capacity() {
    int joiners = 0;
    for (Incident i : incidents) {
      if (i instanceof Incident.Churn c) {
        joiners += c.rounds() * c.perRound(agents);
      }
    }
    return agents + joiners;
  }

  /** The same scenario writing to {@code dir}. */
  public Scenario withOutput(Path dir) {
    return with(agents, plan, behaviour, incidents, dir);
  }

  /**
   * The share of this scenario a cluster worker runs: {@code n} of its agents ({@link
   * ScenarioPart}).
   */
  public Scenario part(int n) {
    return ScenarioPart.of(this, n);
  }

  /** The same scenario with {@code n} agents, every phase scaled in proportion. */
  public Scenario withAgents(int n) {
    return with(n, plan.scaledTo(n), behaviour, incidents, output);
  }

  /** The same scenario with {@code n} agents and these phases, behaviour and incidents. */
  Scenario with(int n, InjectionPlan p, Behaviour b, List<Incident> inc) {
    return with(n, p, b, inc, output);
  }

  private Scenario with(int n, InjectionPlan p, Behaviour b, List<Incident> inc, Path dir) {
    return new Scenario(
        name,
        source,
        duration,
        seed,
        target,
        n,
        mix,
        profileOverrides,
        provisioned,
        p,
        b,
        inc,
        assertions,
        dir,
        cluster);
  }

  /**
   * Where the agents connect.
   *
   * @param caCert PEM of the CAs a wss://, mqtts:// or stomps:// server certificate is checked
   *     against, or null for the JDK's
   * @param brokers the mqtt[s]:// and stomp[s]:// brokers (at most one of each) of fleet-mix
   *     entries with {@code mtp = mqtt} or {@code mtp = stomp} when the target itself is a
   *     WebSocket one (the embedded controller joins them too)
   * @param stomp destinations, heart-beats and frame limit over STOMP
   * @param identities each agent's client certificate and login ({@code fleet.identity})
   */
  public record Target(
      Kind kind,
      URI url,
      String controllerId,
      boolean mqtt5,
      Path caCert,
      List<URI> brokers,
      List<URI> urls,
      Connectors.Stomp stomp,
      Identities identities,
      int connectsInFlight) {

    public Target(
        Kind kind,
        URI url,
        String controllerId,
        boolean mqtt5,
        Path caCert,
        List<URI> brokers,
        List<URI> urls,
        Connectors.Stomp stomp) {
      this(kind, url, controllerId, mqtt5, caCert, brokers, urls, stomp, Identities.NONE, 0);
    }

    /**
     * @param url the (first) external target, or null for the embedded Controller
     * @param urls every external target, agents spread over them by EndpointID; {@code url} alone
     *     when null
     * @param connectsInFlight the scenario's {@code target.connects-in-flight}; 0 for {@link
     *     #connectLimit()}'s default
     */
    public Target {
      urls = urls != null ? List.copyOf(urls) : url == null ? List.of() : List.of(url);
      brokers = brokers == null ? List.of() : List.copyOf(brokers);
      stomp = stomp == null ? Connectors.Stomp.defaults() : stomp;
      identities = identities == null ? Identities.NONE : identities;
    }

    /** The same target with agents proving who they are by {@code i}. */
    public Target withIdentities(Identities i) {
      return new Target(
          kind, url, controllerId, mqtt5, caCert, brokers, urls, stomp, i, connectsInFlight);
    }

    /** The same target with at most {@code n} connects outstanding (0: the default). */
    public Target withConnectsInFlight(int n) {
      return new Target(
          kind, url, controllerId, mqtt5, caCert, brokers, urls, stomp, identities, n);
    }

    /** Whether every agent is in memory with the embedded Controller: no socket, no broker. */
    public boolean inMemoryOnly() {
      return kind == Kind.EMBEDDED_MEMORY && brokers.isEmpty();
    }

    /**
     * MTP connects outstanding at most: the scenario's {@code target.connects-in-flight}, else
     * {@link ConnectsInFlight#to} the targets and brokers, and no limit in memory.
     */
    public int connectLimit() {
      if (connectsInFlight > 0) {
        return connectsInFlight;
      }
      return inMemoryOnly()
          ? Integer.MAX_VALUE
          : ConnectsInFlight.to(Stream.concat(urls.stream(), brokers.stream()).toList());
    }

    /** Whether the target or one of the brokers is reached over TLS. */
    public boolean anySecure() {
      boolean secure = false;
      for (URI u : urls) {
        secure |= Connectors.secure(u);
      }
      for (URI b : brokers) {
        secure |= Connectors.secure(b);
      }
      return secure;
    }

    /** The broker of mix entries with {@code mtp} ("mqtt" or "stomp"), or null. */
    public URI broker(String mtp) {
      for (URI b : brokers) {
        if (String.valueOf(b.getScheme()).startsWith(mtp)) {
          return b;
        }
      }
      return null;
    }

    /**
     * How the agents use the MTP beyond the URL: CA file, MQTT version, STOMP settings, client
     * identities.
     */
    public Connectors.Options options() {
      return Connectors.Options.defaults(caCert, mqtt5).withStomp(stomp).withIdentities(identities);
    }

    public enum Kind {
      /** The embedded Controller in this JVM over loopback WebSocket sockets. */
      EMBEDDED_WEBSOCKET,
      /** The embedded Controller in this JVM over the in-memory MTP (no sockets). */
      EMBEDDED_MEMORY,
      /** An external Controller at a ws:// or wss:// URL. */
      WEBSOCKET,
      /** An external broker at an mqtt:// or mqtts:// URL. */
      MQTT,
      /** An external broker at a stomp:// or stomps:// URL. */
      STOMP
    }

    public boolean embedded() {
      return kind == Kind.EMBEDDED_WEBSOCKET || kind == Kind.EMBEDDED_MEMORY;
    }
  }

  /**
   * What the embedded Controller does besides answering, and what the devices do by themselves.
   *
   * @param workloadRate Get/Set/Operate per second over the fleet (0: none)
   * @param getWeight relative share of Get in the workload; likewise setWeight, operateWeight
   * @param rebootAfterProvisioning Operate Device.Reboot() on each agent once subscribed
   * @param periodicInterval every agent's PeriodicNotifInterval (Periodic! to subscribers), ZERO
   *     for the profile's
   * @param valueChangeEvery how often each device changes each of its self-changing values (the
   *     profile's {@code hop} generators, e.g. Wi-Fi auto channel), ZERO for the profile's
   * @param hostChurnEvery the shortest presence cycle of hosts (and other churning rows), the
   *     longest keeping the profile's ratio to it; ZERO for the profile's (8-24 h for gateways)
   */
  public record Behaviour(
      double workloadRate,
      int getWeight,
      int setWeight,
      int operateWeight,
      boolean rebootAfterProvisioning,
      Duration periodicInterval,
      Duration valueChangeEvery,
      Duration hostChurnEvery) {}

  /** Something that happens to the fleet at a time since the start. */
  public sealed interface Incident {
    Duration at();

    /**
     * Whether the fleet does it to itself, so it works with any target; the others are the embedded
     * Controller's doing (outage, reboot storm, firmware rollout) and need it.
     */
    default boolean fleetSide() {
      return !(this instanceof Outage
          || this instanceof RebootStorm
          || this instanceof FirmwareRollout);
    }

    /**
     * {@code percent} of the agents lose power, each at a seeded moment within {@code within}:
     * their sessions drop without a DisconnectRecord, each stays dark for a seeded time between
     * {@code darkMin} and {@code darkMax}, then boots with Boot! Cause LocalReboot (and is
     * resubscribed by a Controller that provisions at Boot!), as after a regional power cut.
     */
    record PowerOutage(
        Duration at, double percent, Duration within, Duration darkMin, Duration darkMax)
        implements Incident {}

    /**
     * The fleet's network link to its target is cut for {@code length}: every session drops and
     * every connect fails until it is back; then the agents return along their retry wait.
     */
    record NetworkOutage(Duration at, Duration length) implements Incident {}

    /** The Controller is unreachable for {@code length}; agents reconnect by the retry wait. */
    record Outage(Duration at, Duration length) implements Incident {}

    /**
     * {@code percent} of the connected agents are rebooted by the Controller within {@code within}.
     */
    record RebootStorm(Duration at, double percent, Duration within) implements Incident {}

    /**
     * The embedded Controller rolls firmware {@code image} ({@code size} bytes, served at {@code
     * rate} bytes/s per download, over HTTP with the embedded WebSocket controller and modelled
     * with the in-memory MTP) out to {@code percent} of the connected agents, starting {@code
     * agentsPerSecond} with at most {@code inFlight} at once; {@code failures} percent of the
     * downloads fail, and on {@code rollbacks} percent of the agents the new image fails to boot
     * and the device rolls back to its old one (bank ActivationFailed).
     */
    record FirmwareRollout(
        Duration at,
        double percent,
        String image,
        long size,
        long rate,
        double failures,
        double rollbacks,
        double agentsPerSecond,
        int inFlight)
        implements Incident {}

    /**
     * From {@code at} until {@code until}, every {@code every} a fresh seeded {@code percent} of
     * the connected agents lose their link without a DisconnectRecord and reconnect by the retry
     * wait.
     */
    record Flapping(Duration at, double percent, Duration every, Duration until)
        implements Incident {}

    /**
     * From {@code at} until {@code until}, every {@code every} a seeded {@code percent} of the
     * fleet leaves for good (DisconnectRecord, R-MTP.7) and as many new devices join: customers
     * cancel, new ones are installed.
     */
    record Churn(Duration at, double percent, Duration every, Duration until) implements Incident {
      /** How many rounds run. */
      public int rounds() {
        return (int) ((until.toMillis() - at.toMillis() + every.toMillis() - 1) / every.toMillis());
      }

      /** Devices that leave (and join) per round in a fleet of {@code agents}. */
      public int perRound(int agents) {
        return (int) Math.round(agents * percent / 100.0);
      }
    }

    /**
     * {@code agents} agents each send {@code garbage} undecodable Records and flood {@code flood}
     * unsolicited Notify messages.
     */
    record Misbehaving(Duration at, int agents, int garbage, int flood) implements Incident {}

    /** Replays {@code timeline} starting at {@code at}. */
    record Replay(Duration at, Timeline timeline) implements Incident {}
  }

  /** What must hold at the end of the run. */
  public sealed interface Assertion {
    /** The {@code percentile} of latency {@code metric} is below {@code limit}. */
    record LatencyBelow(String metric, double percentile, Duration limit) implements Assertion {}

    /** At least {@code percent} of the fleet is connected at the end. */
    record ConnectedAtLeast(double percent) implements Assertion {}

    /** No more than {@code max} inputs were dropped. */
    record MaxDrops(long max) implements Assertion {}
  }
}
