package io.fleetsim.cli;

import io.fleetsim.dashboard.DashboardServer;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.ConnectsInFlight;
import io.fleetsim.fleet.FileLimits;
import io.fleetsim.fleet.FleetShape;
import io.fleetsim.fleet.HeapBudget;
import io.fleetsim.fleet.HttpFileTransfers;
import io.fleetsim.identity.Identities;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.HeapAfterGc;
import io.fleetsim.mtp.ClientTls;
import io.fleetsim.mtp.ListenException;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.mtp.stomp.StompConfig;
import io.fleetsim.mtp.stomp.StompFrames;
import io.fleetsim.profiles.BuiltinProfiles;
import io.fleetsim.profiles.StompOverlay;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleetsim agents}: N agents of one profile connected to a Controller until stopped. */
@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description =
        "Starts N agents (one Pekko actor each, as in a run) connected to a Controller; prints each"
            + " agent's endpoint ID.")
final class AgentsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin IdentityOptions identity;

  @Mixin MetricsOptions metricsOptions;

  /** Built once from {@link #identity} when the command starts. */
  private Identities identities = Identities.NONE;

  @Option(names = "--count", defaultValue = "1", description = "How many agents.")
  int count;

  @Option(
      names = {"-p", "--profile"},
      defaultValue = "home-gateway",
      description = "Built-in profile or file.")
  String profile;

  @Option(
      names = "--target",
      required = true,
      description =
          "ws://HOST:PORT/PATH (wss:// for TLS) of the Controller, or a broker: mqtt://HOST:PORT"
              + " or stomp://[USER:PASS@]HOST:PORT[/VHOST] (mqtts://, stomps:// for TLS; the STOMP"
              + " virtual host is \"/\" when absent).")
  URI target;

  @Option(
      names = "--ca-cert",
      description =
          "PEM file of the CA certificates to trust for wss://, mqtts:// and stomps:// (default:"
              + " the JDK's).")
  Path caCert;

  @Option(
      names = "--controller-id",
      defaultValue = "self::fleetsim-controller",
      description =
          "The Controller's endpoint ID: Device.LocalAgent.Controller.1.EndpointID of every agent.")
  String controllerId;

  @Option(
      names = "--source-addresses",
      defaultValue = "1",
      description = "Spread connections over 127.0.0.1..127.0.0.N.")
  int sourceAddresses;

  @Option(
      names = "--connects-in-flight",
      description =
          "Connects outstanding at most, from TCP SYN to the session being up (default: 64 through"
              + " a broker, whose listen backlog is small, 512 to a Controller).")
  Integer connectsInFlight;

  @Option(
      names = "--first-index",
      defaultValue = "0",
      description =
          "Index of the first agent (default ${DEFAULT-VALUE}): agents are numbered from here, and"
              + " their EndpointIDs and serial numbers follow. Give processes that share a Controller"
              + " disjoint ranges (e.g. 0 and 10000 with --count 10000), or their agents collide.")
  int firstIndex;

  @Option(names = "--seed", defaultValue = "1", description = "Fleet seed.")
  long seed;

  @Option(
      names = "--mqtt-version",
      defaultValue = "5",
      description =
          "MQTT protocol version for mqtt:// targets: 3.1.1 or 5 (default ${DEFAULT-VALUE}).")
  String mqttVersion;

  @Option(
      names = "--controller-topic",
      defaultValue = "/usp/controller",
      description = "The Controller's MQTT topic (default ${DEFAULT-VALUE}).")
  String controllerTopic;

  @Option(
      names = "--agent-topic-pattern",
      defaultValue = "/usp/agent/{eid}",
      description = "Each agent's MQTT topic; {eid} is its endpoint ID (default ${DEFAULT-VALUE}).")
  String agentTopicPattern;

  @Option(
      names = "--controller-destination",
      defaultValue = StompConfig.CONTROLLER_DESTINATION,
      description = "The Controller's STOMP destination (default ${DEFAULT-VALUE}).")
  String controllerDestination;

  @Option(
      names = "--agent-destination-pattern",
      defaultValue = StompConfig.AGENT_DESTINATION,
      description =
          "Each agent's STOMP destination; {eid} is its endpoint ID with ':' '/' '%%' and blanks"
              + " percent-encoded (default ${DEFAULT-VALUE}, a name Artemis and RabbitMQ both"
              + " take).")
  String agentDestinationPattern;

  @Option(
      names = "--stomp-heartbeat",
      defaultValue = "PT30S",
      description =
          "STOMP heart-beats offered and asked for, both ways (default ${DEFAULT-VALUE}; PT0S for"
              + " none: then a broker's idle timeout may close quiet agents).")
  Duration stompHeartbeat;

  @Option(
      names = "--duration",
      description = "Stop after this long (e.g. PT30S); default: until stopped.")
  Duration duration;

  @Option(
      names = "--connect-bound",
      defaultValue = "PT30S",
      description =
          "Exit with status 1 when no agent has connected after this long (default"
              + " ${DEFAULT-VALUE}); the causes of the failed connects are printed.")
  Duration connectBound;

  @Option(
      names = "--report",
      description =
          "Print, as JSON, how long all agents took to connect, connects per second, and heap per"
              + " connected agent (heap after GC, agents and connections included); then stop.")
  boolean report;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      Connectors.check(target);
    } catch (IllegalArgumentException e) {
      err.println("fleetsim: --target " + e.getMessage());
      return 2;
    }
    try {
      metricsOptions.check();
      identities = identity.identities(System.getenv());
    } catch (IllegalArgumentException e) {
      err.println("fleetsim: " + e.getMessage());
      return 2;
    }
    if (identities.certificates() != null && !Connectors.secure(target)) {
      err.println("fleetsim: client certificates need a wss://, mqtts:// or stomps:// --target");
      return 2;
    }
    if (identities.devices() != null && identities.devices().rows() < (long) firstIndex + count) {
      err.printf(
          "fleetsim: --identities %s lists %d devices; agents %d to %d need more%n",
          identities.devices().file(),
          identities.devices().rows(),
          firstIndex,
          firstIndex + count - 1);
      return 2;
    }
    boolean mqtt = Connectors.mqtt(target);
    ClientTls tls;
    try {
      // one client TLS context for the whole run, or one per connection with client certificates
      tls = Connectors.tls(target, options());
    } catch (IllegalArgumentException e) {
      err.println("fleetsim: --ca-cert " + e.getMessage());
      return 2;
    }
    if (mqtt && !mqttVersion.equals("5") && !mqttVersion.equals("3.1.1")) {
      err.println("fleetsim: --mqtt-version takes 3.1.1 or 5");
      return 2;
    }

    if (connectsInFlight != null && connectsInFlight < 1) {
      err.println("fleetsim: --connects-in-flight takes 1 or more");
      return 2;
    }
    if (firstIndex < 0 || (long) firstIndex + count > Integer.MAX_VALUE) {
      err.println("fleetsim: --first-index takes 0 to " + (Integer.MAX_VALUE - count));
      return 2;
    }
    String limit = FileLimits.check(count);
    if (limit == null) {
      limit =
          HeapBudget.check(
              count, true, false, Connectors.secure(target), identities.certificates() != null);
    }
    if (limit != null) {
      err.println("fleetsim: " + limit);
      return 2;
    }
    Schema schema = load();
    FleetMetrics metrics = new FleetMetrics();
    long heapBefore = report ? HeapAfterGc.used() : 0;
    // first resource, so closed last: a SIGTERM waits until every agent said goodbye
    try (StopSignal stop = new StopSignal(Duration.ofSeconds(10));
        Transports transports = Transports.create()) {
      ActorFleet fleet =
          new ActorFleet(
              "fleetsim-agents",
              new FleetShape(
                  List.of(new DeviceModel(schema, seed, InstantSource.system())),
                  i -> 0,
                  firstIndex,
                  count),
              List.of(Connectors.agents(transports, target, options(), tls)),
              transports.group(),
              controllerId,
              HttpFileTransfers.standard(transports),
              metrics,
              seed,
              connectLimit(),
              sourceAddresses);
      try (DashboardServer scrape = metricsOptions.agents(metrics, fleet::spawned, out)) {
        return run(fleet, metrics, schema, transports, heapBefore, stop, out, err);
      } catch (ListenException e) {
        err.println("fleetsim: " + e.getMessage());
        return 2;
      } finally {
        // every agent online sends its DisconnectRecord before the fleet goes (R-MTP.7)
        fleet.stop(Duration.ofMillis(Math.min(2000, 200 + count / 50)));
      }
    }
  }

  private int connectLimit() {
    return connectsInFlight != null ? connectsInFlight : ConnectsInFlight.to(List.of(target));
  }

  private int run(
      ActorFleet fleet,
      FleetMetrics metrics,
      Schema schema,
      Transports transports,
      long heapBefore,
      StopSignal stop,
      PrintWriter out,
      PrintWriter err)
      throws InterruptedException {
    if (!report) {
      for (int i = 0; i < count; i++) {
        String eid = fleet.endpointId(i);
        out.println(
            Connectors.mqtt(target)
                ? eid + " " + agentTopicPattern.replace("{eid}", eid)
                : Connectors.stomp(target)
                    ? eid + " " + StompFrames.destination(agentDestinationPattern, eid)
                    : eid);
      }
      out.flush();
    }
    // one fleet tick a second: Periodic!, self-changing values, host churn
    ScheduledFuture<?> ticks =
        transports.group().scheduleAtFixedRate(fleet::tick, 1, 1, TimeUnit.SECONDS);
    try {
      long started = System.nanoTime();
      fleet.spawn(count);
      if (report) {
        long deadline = started + (duration == null ? Duration.ofMinutes(5) : duration).toNanos();
        while (metrics.connectedNow() < count) {
          if (System.nanoTime() > deadline) {
            err.println("fleetsim: not all agents connected in time");
            return 1;
          }
          TimeUnit.MILLISECONDS.sleep(5);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long heap = HeapAfterGc.used() - heapBefore;
        out.printf(
            "{\"agents\": %d, \"profile\": \"%s\", \"secondsToAllConnected\": %.3f,"
                + " \"connectsPerSecond\": %.0f, \"heapBytesPerConnectedAgent\": %.0f,"
                + " \"nativeTransport\": %b}%n",
            count,
            schema.name(),
            seconds,
            count / seconds,
            (double) heap / count,
            transports.nativeTransport());
        out.flush();
        return 0;
      }
      // a fleet that cannot connect at all says so and fails, instead of idling silently
      long bound =
          Math.min(
              connectBound.toMillis(), duration == null ? Long.MAX_VALUE : duration.toMillis());
      if (stop.await(bound)) {
        return 0;
      }
      if (metrics.connects() == 0) {
        err.printf(
            "fleetsim: no agent connected within %d s; connect failures %s%n",
            bound / 1000, metrics.connectFailures());
        return 1;
      }
      if (duration == null) {
        stop.await();
      } else {
        stop.await(Math.max(0, duration.toMillis() - bound));
      }
      return 0;
    } finally {
      ticks.cancel(false);
    }
  }

  private Connectors.Options options() {
    return new Connectors.Options(
        caCert,
        mqttVersion.equals("5"),
        agentTopicPattern,
        controllerTopic,
        60,
        new Connectors.Stomp(
            agentDestinationPattern,
            controllerDestination,
            (int) Math.min(Integer.MAX_VALUE, stompHeartbeat.toMillis()),
            Connectors.Stomp.defaults().maxFrameBytes()),
        identities);
  }

  private Map<String, String> profileOverrides(String controller, String ws) {
    Map<String, String> o = new java.util.HashMap<>();
    o.put(controller, controllerId);
    o.put(ws + "Host.default", target.getHost());
    o.put(ws + "Port.default", Integer.toString(Connectors.port(target)));
    o.put(ws + "Path.default", target.getPath().isEmpty() ? "/" : target.getPath());
    if (identities.devices() != null) {
      o.put("agent.device-list", identities.devices().file().toString()); // EIDs, serials, MACs
    }
    return o;
  }

  /**
   * The profile, with this Controller as Controller.1 and its URL in Controller.1.MTP.1.WebSocket;
   * over STOMP with Device.STOMP.Connection.1 and the STOMP MTP tables of the connection.
   */
  private Schema load() {
    String controller = "objects.\"Device.LocalAgent.Controller.{i}.\".params.EndpointID.default";
    String ws = "objects.\"Device.LocalAgent.Controller.{i}.MTP.{i}.WebSocket.\".params.";
    return BuiltinProfiles.load(
        profile,
        null,
        profileOverrides(controller, ws),
        Connectors.stomp(target)
            ? raw ->
                StompOverlay.of(
                    Connectors.stompConfig(target, options()), Connectors.secure(target), raw)
            : null);
  }
}
