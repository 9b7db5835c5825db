package io.fleetsim.scenario;

import io.fleetsim.controller.FirmwareCampaign;
import io.fleetsim.controller.FirmwareServer;
import io.fleetsim.controller.Provisioning;
import io.fleetsim.controller.ReferenceController;
import io.fleetsim.controller.Workload;
import io.fleetsim.dashboard.DashboardServer;
import io.fleetsim.dashboard.PrometheusMetrics;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.AgentActor;
import io.fleetsim.fleet.FileLimits;
import io.fleetsim.fleet.HttpFileTransfers;
import io.fleetsim.metrics.AgentState;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.metrics.HeapAfterGc;
import io.fleetsim.metrics.Latencies;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.http.HttpFetch;
import io.fleetsim.mtp.mqtt.MqttClient;
import io.fleetsim.mtp.mqtt.MqttConfig;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.report.HtmlReport;
import io.fleetsim.report.LatencySeries;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Operate;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.record.UspRecordCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Runs a scenario: the embedded Controller (or the target's connector), the Pekko fleet started by
 * the injection plan, the Controller's workload, the incidents at their times; a progress line
 * every second and an interval histogram log; at the end {@code summary.json}, the console table
 * and the assertions' verdicts. A stop request (Ctrl-C) ends the run early and still reports.
 */
public final class ScenarioRunner {
  /** How often the injector starts what is due. */
  static final long INJECT_EVERY_MILLIS = 100;

  private final Scenario scenario;
  private final PrintWriter out;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch reported = new CountDownLatch(1);
  private final List<Milestones> milestones = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Outage> outages = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** How often the connected and booted counts are sampled for the milestones. */
  static final long SAMPLE_EVERY_MILLIS = 100;

  private final List<FirmwareCampaign> campaigns =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<FirmwareServer> firmwareServers =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A rollout started at {@code startNanos}: how its share of upgraded agents grows. */
  private record Rollout(long startNanos, FirmwareCampaign campaign, Milestones curve) {}

  private final List<Rollout> rolloutCurves = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** An outage that ended at {@code endNanos}: how the fleet comes back from then. */
  private record Outage(long endNanos, Milestones curve) {}

  private final boolean measureHeap;
  private final InetSocketAddress dashboardAt;

  private final java.util.concurrent.ScheduledExecutorService incidents =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fleetsim-incidents");
            t.setDaemon(true);
            return t;
          });
  private volatile DashboardServer dashboard;

  /**
   * @param measureHeap also measure the heap after GC before the run and at its end, for the
   *     bytes-per-agent figure (costs a few seconds of full collections)
   */
  public ScenarioRunner(Scenario scenario, PrintWriter out, boolean measureHeap) {
    this(scenario, out, measureHeap, null);
  }

  /**
   * @param dashboardAt where the live dashboard and Prometheus {@code /metrics} listen during the
   *     run (port 0 picks one), or null for none
   */
  public ScenarioRunner(
      Scenario scenario, PrintWriter out, boolean measureHeap, InetSocketAddress dashboardAt) {
    this.scenario = scenario;
    this.out = out;
    this.measureHeap = measureHeap;
    this.dashboardAt = dashboardAt;
  }

  /** The live dashboard's URL once the run has started it, else null. */
  public String dashboardUrl() {
    DashboardServer d = dashboard;
    return d == null ? null : d.url();
  }

  /** Ends the run early; it still writes its report. */
  public void stop() {
    stop.countDown();
  }

  /**
   * Runs to the end (or {@link #stop()}) and returns the report, also written to the output and
   * printed.
   */
  public RunReport run() throws IOException, InterruptedException {
    Scenario s = scenario;
    if (s.target().kind() != Scenario.Target.Kind.EMBEDDED_MEMORY) {
      // each agent holds one socket; with the embedded Controller its end is in this JVM too
      String limit = FileLimits.check(s.target().embedded() ? 2L * s.agents() : s.agents());
      if (limit != null) {
        throw new ScenarioException(s.source() + ": " + limit);
      }
    }
    Files.createDirectories(s.output());
    List<DeviceModel> models = new ArrayList<>();
    for (Schema schema : s.mix().schemas(s.profileOverrides())) {
      models.add(new DeviceModel(schema, s.seed(), InstantSource.system()));
    }
    FleetMetrics metrics = new FleetMetrics();
    long heapBefore = measureHeap ? HeapAfterGc.used() : 0;
    try (Transports transports = Transports.create();
        PrintStream hlogFile = new PrintStream(s.output().resolve("latencies.hlog").toFile())) {
      ReferenceController controller = controller(transports);
      Connector connector = connector(transports, controller);
      ActorFleet fleet =
          new ActorFleet(
              "fleetsim",
              models,
              s.mix()::entryOf,
              s.capacity(),
              connectorsPerEntry(transports, controller, connector),
              transports.group(),
              s.target().controllerId(),
              new HttpFileTransfers(
                  new HttpFetch(transports, Tls.client(null)),
                  HttpFileTransfers.DEFAULT_MAX_IN_FLIGHT),
              metrics,
              s.seed(),
              s.target().kind() == Scenario.Target.Kind.EMBEDDED_MEMORY
                  ? Integer.MAX_VALUE
                  : ActorFleet.SOCKET_CONNECTS_IN_FLIGHT);
      if (s.provisioned()) {
        fleet.preProvision(Provisioning.REQUEST);
      }
      LatencySeries liveLatency = dashboardAt == null ? null : new LatencySeries();
      if (dashboardAt != null) {
        dashboard =
            DashboardServer.start(
                dashboardAt,
                "fleetsim live: " + s.name(),
                new PrometheusMetrics(
                    metrics, controller == null ? null : controller.latencies(), fleet::spawned));
        out.printf("dashboard: %s (Prometheus: %smetrics)%n", dashboard.url(), dashboard.url());
        out.flush();
      }
      HistogramLogWriter hlog = new HistogramLogWriter(hlogFile);
      long startMillis = System.currentTimeMillis();
      hlog.outputComment("fleetsim scenario " + s.name() + " from " + s.source());
      hlog.outputLogFormatVersion();
      hlog.outputStartTime(startMillis);
      hlog.setBaseTime(startMillis);
      hlog.outputLegend();
      long startNanos = System.nanoTime();
      List<ScheduledFuture<?>> tasks = new ArrayList<>();
      int[] requested = {0};
      tasks.add(
          transports
              .group()
              .scheduleAtFixedRate(
                  () -> {
                    int due = s.plan().dueAt((System.nanoTime() - startNanos) / 1_000_000);
                    if (due > requested[0]) {
                      fleet.spawn(due - requested[0]);
                      requested[0] = due;
                    }
                  },
                  0,
                  INJECT_EVERY_MILLIS,
                  TimeUnit.MILLISECONDS));
      tasks.add(transports.group().scheduleAtFixedRate(fleet::tick, 1, 1, TimeUnit.SECONDS));
      Milestones connectedCurve = new Milestones("connected", s.agents());
      Milestones bootCurve = new Milestones("Boot! acknowledged", s.agents());
      milestones.add(connectedCurve);
      milestones.add(bootCurve);
      tasks.add(
          transports
              .group()
              .scheduleAtFixedRate(
                  () -> {
                    long millis = (System.nanoTime() - startNanos) / 1_000_000;
                    connectedCurve.observe(millis, metrics.connectedNow());
                    bootCurve.observe(millis, metrics.stats().acknowledged("Boot!"));
                    for (Outage o : outages) {
                      o.curve.observe(
                          (System.nanoTime() - o.endNanos) / 1_000_000, metrics.connectedNow());
                    }
                    for (Rollout r : rolloutCurves) {
                      r.curve.observe(
                          (System.nanoTime() - r.startNanos) / 1_000_000, r.campaign.upgraded());
                    }
                  },
                  0,
                  SAMPLE_EVERY_MILLIS,
                  TimeUnit.MILLISECONDS));
      Workload workload = workload(controller, transports);
      // incidents run on their own thread, not an event loop: starting one may block (a firmware
      // rollout binds its HTTP server and waits for it, which Netty refuses on the loop that the
      // new channel happens to be registered on)
      for (Scenario.Incident incident : s.incidents()) {
        tasks.add(
            incidents.schedule(
                () -> {
                  try {
                    incident(incident, controller, transports, metrics, fleet);
                  } catch (RuntimeException e) {
                    out.printf("incident at %s failed: %s%n", incident.at(), e);
                    out.flush();
                  }
                },
                incident.at().toMillis(),
                TimeUnit.MILLISECONDS));
      }

      // Ctrl-C (SIGINT/SIGTERM): end the run, and hold the JVM until the report is written
      Thread hook =
          new Thread(
              () -> {
                stop();
                try {
                  reported.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "fleetsim-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      boolean interrupted = false;
      Progress progress = new Progress(metrics, fleet, controller);
      FirmwareSeries firmware = new FirmwareSeries();
      TimeSeries series = new TimeSeries();
      long endNanos = startNanos + s.duration().toNanos();
      long lastInterval = startMillis;
      while (System.nanoTime() < endNanos) {
        long wait = Math.min(1000, (endNanos - System.nanoTime()) / 1_000_000);
        if (stop.await(Math.max(1, wait), TimeUnit.MILLISECONDS)) {
          interrupted = true;
          break;
        }
        long now = System.currentTimeMillis();
        double at = (System.nanoTime() - startNanos) / 1e9;
        writeIntervals(hlog, liveLatency, at, metrics.latencies(), "", lastInterval, now);
        if (controller != null) {
          writeIntervals(
              hlog, liveLatency, at, controller.latencies(), "controller ", lastInterval, now);
        }
        lastInterval = now;
        firmware.observe(at, metrics.stats().firmwareVersions());
        series.sample(
            at,
            metrics.connectedNow(),
            statesByName(metrics),
            metrics.stats().messagesToAgents(),
            metrics.stats().messagesFromAgents(),
            sum(metrics.stats().drops()));
        out.println(progress.line(at));
        out.flush();
        if (dashboard != null) {
          RunReport live =
              report(
                  at,
                  metrics.connectedNow(),
                  statesByName(metrics),
                  fleet,
                  metrics,
                  controller,
                  Map.of(),
                  firmware,
                  series,
                  List.of(),
                  rollouts(),
                  -1,
                  false);
          dashboard.publish(HtmlReport.data(live.json(), liveLatency.json(), true));
        }
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting (Ctrl-C): finish the report anyway
      }
      tasks.forEach(t -> t.cancel(false));
      campaigns.forEach(FirmwareCampaign::close);
      List<RunReport.Rollout> rollouts = rollouts();
      firmwareServers.forEach(FirmwareServer::close);
      if (workload != null) {
        workload.close();
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      long connectedAtEnd = metrics.connectedNow();
      Map<String, Long> statesAtEnd = statesByName(metrics);
      firmware.observe(seconds, metrics.stats().firmwareVersions()); // before the agents stop
      long heapPerAgent =
          measureHeap && fleet.spawned() > 0
              ? (HeapAfterGc.used() - heapBefore) / fleet.spawned()
              : -1;
      long now = System.currentTimeMillis();
      writeIntervals(hlog, liveLatency, seconds, metrics.latencies(), "", lastInterval, now);
      Map<String, Histogram> latencies = new TreeMap<>();
      RunReport.collect(metrics.latencies(), "", latencies);
      if (controller != null) {
        writeIntervals(
            hlog, liveLatency, seconds, controller.latencies(), "controller ", lastInterval, now);
        RunReport.collect(controller.latencies(), "controller ", latencies);
      }
      fleet.stop(java.time.Duration.ofMillis(Math.min(2000, 200 + fleet.spawned() / 50)));
      if (controller != null) {
        controller.close();
      }
      RunReport report =
          report(
              seconds,
              connectedAtEnd,
              statesAtEnd,
              fleet,
              metrics,
              controller,
              latencies,
              firmware,
              series,
              RunReport.judge(s, latencies, connectedAtEnd, metrics.stats().drops()),
              rollouts,
              heapPerAgent,
              interrupted);
      Files.writeString(s.output().resolve("summary.json"), report.json());
      Files.writeString(s.output().resolve("report.txt"), report.table());
      hlogFile.flush();
      Path html = HtmlReport.write(s.output());
      if (dashboard != null) {
        // the open pages turn from live to the final verdict before the server goes
        dashboard.publish(HtmlReport.data(report.json(), liveLatency.json(), false));
      }
      out.print(report.table());
      out.printf("%nreport: %s%n", html.toAbsolutePath());
      out.printf("%nwrote %s%n", s.output().toAbsolutePath());
      out.flush();
      return report;
    } finally {
      incidents.shutdown(); // also when the run failed: no incident may start after it
      DashboardServer d = dashboard;
      if (d != null) {
        d.close();
      }
      reported.countDown();
    }
  }

  /**
   * The run as a report: the final one (counts taken before the fleet stopped), or every second for
   * the live dashboard the one so far, with no latency table and no verdicts yet.
   */
  private RunReport report(
      double seconds,
      long connected,
      Map<String, Long> states,
      ActorFleet fleet,
      FleetMetrics metrics,
      ReferenceController controller,
      Map<String, Histogram> latencies,
      FirmwareSeries firmware,
      TimeSeries series,
      List<RunReport.Verdict> verdicts,
      List<RunReport.Rollout> rollouts,
      long heapPerAgent,
      boolean interrupted) {
    return new RunReport(
        scenario,
        seconds,
        fleet.spawned(),
        connected,
        metrics.connects(),
        latencies,
        metrics.stats().drops(),
        metrics.stats().notifications(),
        metrics.stats().handled(),
        metrics.stats().unexpected(),
        states,
        metrics.stats().messagesToAgents(),
        metrics.stats().messagesFromAgents(),
        firmware.samples(),
        series.json(),
        verdicts,
        List.copyOf(milestones),
        rollouts,
        controller == null ? -1 : controller.dropped(),
        fleet.tickRounds(),
        fleet.ticksDeferred(),
        heapPerAgent,
        interrupted);
  }

  /** The firmware rollouts so far, as the report shows them. */
  private List<RunReport.Rollout> rollouts() {
    List<RunReport.Rollout> out = new ArrayList<>();
    for (FirmwareCampaign campaign : campaigns) {
      out.add(
          new RunReport.Rollout(
              campaign.total(),
              campaign.upgraded(),
              campaign.alreadyThere(),
              campaign.failures(),
              campaign.elapsed().toMillis() / 1000.0));
    }
    return out;
  }

  private ReferenceController controller(Transports t) {
    Scenario.Target target = scenario.target();
    boolean reboot = scenario.behaviour().rebootAfterProvisioning();
    return switch (target.kind()) {
      case EMBEDDED_MEMORY ->
          ReferenceController.inMemory(t, target.controllerId(), !scenario.provisioned(), reboot);
      case EMBEDDED_WEBSOCKET ->
          ReferenceController.listen(
              t,
              new InetSocketAddress("127.0.0.1", 0),
              "/usp",
              target.controllerId(),
              !scenario.provisioned(),
              reboot,
              null);
      default -> null;
    };
  }

  private static Map<String, Long> statesByName(FleetMetrics metrics) {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    metrics.states().forEach((st, n) -> out.put(st.label(), n));
    return out;
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The MTP of each mix entry: the target's, or the target's broker for entries with {@code mtp =
   * mqtt} beside a WebSocket target (the embedded controller then serves that broker too).
   */
  private List<Connector> connectorsPerEntry(
      Transports t, ReferenceController controller, Connector targetConnector) {
    Scenario.Target target = scenario.target();
    Connector broker = null;
    List<Connector> out = new ArrayList<>();
    for (io.fleetsim.profiles.FleetMix.Entry e : scenario.mix().entries()) {
      boolean ownBroker = "mqtt".equals(e.mtp()) && target.kind() != Scenario.Target.Kind.MQTT;
      if (ownBroker && broker == null) {
        URI b = target.broker();
        boolean tls = b.getScheme().equals("mqtts");
        int port = b.getPort() > 0 ? b.getPort() : tls ? 8883 : 1883;
        io.netty.handler.ssl.SslContext context = tls ? Tls.client(target.caCert()) : null;
        if (controller != null) {
          controller.alsoOnBroker(
              t,
              MqttConfig.controller(b.getHost(), port, target.mqtt5(), "/usp/controller"),
              context);
        }
        broker =
            new MqttClient(
                t,
                MqttConfig.agents(b.getHost(), port, target.mqtt5()),
                UspRecordCodec.DEFAULT_MAX_RECORD_BYTES,
                context);
      }
      out.add(ownBroker ? broker : targetConnector);
    }
    return out;
  }

  private Connector connector(Transports t, ReferenceController controller) {
    Scenario.Target target = scenario.target();
    int max = UspRecordCodec.DEFAULT_MAX_RECORD_BYTES;
    return switch (target.kind()) {
      case EMBEDDED_MEMORY -> controller.memoryMtp();
      case EMBEDDED_WEBSOCKET ->
          new WsClient(
              t, URI.create("ws://127.0.0.1:" + controller.address().getPort() + "/usp"), max, 60);
      case WEBSOCKET ->
          new WsClient(
              t,
              target.url(),
              max,
              60,
              target.url().getScheme().equals("wss") ? Tls.client(target.caCert()) : null);
      case MQTT -> {
        boolean tls = target.url().getScheme().equals("mqtts");
        int port = target.url().getPort() > 0 ? target.url().getPort() : tls ? 8883 : 1883;
        yield new MqttClient(
            t,
            MqttConfig.agents(target.url().getHost(), port, target.mqtt5()),
            max,
            tls ? Tls.client(target.caCert()) : null);
      }
    };
  }

  private Workload workload(ReferenceController controller, Transports t) {
    Scenario.Behaviour b = scenario.behaviour();
    if (controller == null || b.workloadRate() <= 0) {
      return null;
    }
    Workload.Spec d = Workload.Spec.defaults(b.workloadRate());
    return Workload.start(
        controller,
        new Workload.Spec(
            b.workloadRate(),
            b.getWeight(),
            b.setWeight(),
            b.operateWeight(),
            d.getPaths(),
            d.setParam(),
            d.setValue(),
            d.operateCommand()),
        t.group().next(),
        scenario.seed());
  }

  private void incident(
      Scenario.Incident incident,
      ReferenceController c,
      Transports t,
      FleetMetrics metrics,
      ActorFleet fleet) {
    if (incident instanceof Scenario.Incident.Outage o) {
      out.printf(Locale.ROOT, "incident: outage for %s%n", o.length());
      long connectedBefore = metrics.connectedNow();
      c.outage(o.length(), t.group());
      t.group()
          .schedule(
              () -> {
                Milestones curve =
                    new Milestones(
                        "back after the outage at " + o.at().toSeconds() + " s", connectedBefore);
                milestones.add(curve);
                outages.add(new Outage(System.nanoTime(), curve));
              },
              o.length().toMillis(),
              TimeUnit.MILLISECONDS);
    } else if (incident instanceof Scenario.Incident.Churn ch) {
      churn(
          ch,
          fleet,
          t,
          new SplittableRandom(scenario.seed() + 4),
          ch.at(),
          new java.util.HashSet<>());
    } else if (incident instanceof Scenario.Incident.Flapping f) {
      flap(f, fleet, t, new SplittableRandom(scenario.seed() + 2), f.at());
    } else if (incident instanceof Scenario.Incident.Misbehaving m) {
      SplittableRandom random = new SplittableRandom(scenario.seed() + 3);
      out.printf(
          Locale.ROOT,
          "incident: %d misbehaving agents (%d garbage Records, %d Notify each)%n",
          m.agents(),
          m.garbage(),
          m.flood());
      for (int i = 0; i < m.agents(); i++) {
        fleet.tell(
            random.nextInt(Math.max(1, fleet.spawned())),
            new AgentActor.Misbehave(m.garbage(), m.flood()));
      }
    } else if (incident instanceof Scenario.Incident.Replay r) {
      out.printf(
          Locale.ROOT,
          "incident: replaying %d events of %s%n",
          r.timeline().entries().size(),
          r.timeline().file().getFileName());
      for (Timeline.Entry e : r.timeline().entries()) {
        t.group().schedule(() -> replay(e, fleet), e.offset().toMillis(), TimeUnit.MILLISECONDS);
      }
    } else if (incident instanceof Scenario.Incident.FirmwareRollout f) {
      rollout(f, c, t);
    } else if (incident instanceof Scenario.Incident.RebootStorm r) {
      List<String> agents = new ArrayList<>(c.connectedAgents());
      Collections.sort(agents);
      Collections.shuffle(agents, new java.util.Random(scenario.seed()));
      int n = (int) Math.round(agents.size() * r.percent() / 100.0);
      out.printf(Locale.ROOT, "incident: reboot storm of %d agents within %s%n", n, r.within());
      SplittableRandom random = new SplittableRandom(scenario.seed());
      Request reboot =
          Request.newBuilder()
              .setOperate(
                  Operate.newBuilder()
                      .setCommand("Device.Reboot()")
                      .setCommandKey("fleetsim-reboot-storm")
                      .setSendResp(true))
              .build();
      long window = Math.max(1, r.within().toMillis());
      for (String agent : agents.subList(0, n)) {
        t.group()
            .schedule(
                () -> c.request(agent, MsgType.OPERATE, reboot),
                random.nextLong(window),
                TimeUnit.MILLISECONDS);
      }
    }
  }

  private void replay(Timeline.Entry e, ActorFleet fleet) {
    AgentActor.Command command =
        switch (e.event()) {
          case DROP -> AgentActor.Drop.INSTANCE;
          case REBOOT -> AgentActor.PowerCycle.INSTANCE;
          case GARBAGE -> new AgentActor.Misbehave(1, 0);
        };
    int[] agents = e.select(fleet.spawned(), scenario.seed());
    out.printf(
        Locale.ROOT,
        "replay: %s %s (%d agents)%n",
        e.event().name().toLowerCase(Locale.ROOT),
        e.agents(),
        agents.length);
    for (int i : agents) {
      fleet.tell(i, command);
    }
  }

  /**
   * One round of churn: {@code perRound} devices that have not left yet leave for good (Stop:
   * DisconnectRecord), as many new ones are spawned from the fleet's reserve; then the next round.
   */
  private void churn(
      Scenario.Incident.Churn c,
      ActorFleet fleet,
      Transports t,
      SplittableRandom random,
      java.time.Duration now,
      java.util.Set<Integer> left) {
    int n = c.perRound(scenario.agents());
    int spawned = fleet.spawned();
    int leaving = 0;
    for (int tries = 0; leaving < n && tries < 20 * n && left.size() < spawned; tries++) {
      int i = random.nextInt(Math.max(1, spawned));
      if (left.add(i)) {
        fleet.tell(i, AgentActor.Stop.INSTANCE);
        leaving++;
      }
    }
    fleet.spawn(n);
    out.printf(Locale.ROOT, "incident: churn: %d devices leave, %d new ones join%n", leaving, n);
    java.time.Duration next = now.plus(c.every());
    if (next.compareTo(c.until()) < 0) {
      t.group()
          .schedule(
              () -> churn(c, fleet, t, random, next, left),
              c.every().toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  /** One round of flapping, then the next one {@code every} later while before {@code until}. */
  private void flap(
      Scenario.Incident.Flapping f,
      ActorFleet fleet,
      Transports t,
      SplittableRandom random,
      java.time.Duration now) {
    int n = (int) Math.round(fleet.spawned() * f.percent() / 100.0);
    out.printf(Locale.ROOT, "incident: %d agents lose their link%n", n);
    for (int i = 0; i < n; i++) {
      fleet.tell(random.nextInt(Math.max(1, fleet.spawned())), AgentActor.Drop.INSTANCE);
    }
    java.time.Duration next = now.plus(f.every());
    if (next.compareTo(f.until()) < 0) {
      t.group()
          .schedule(
              () -> flap(f, fleet, t, random, next), f.every().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * A firmware campaign by the embedded Controller: served over HTTP to WebSocket agents, modelled
   * (simulate://) on the in-memory MTP, to a seeded share of the agents connected now.
   */
  private void rollout(Scenario.Incident.FirmwareRollout f, ReferenceController c, Transports t) {
    List<FirmwareServer.Image> images = List.of(new FirmwareServer.Image(f.image(), f.size()));
    FirmwareServer server =
        scenario.target().kind() == Scenario.Target.Kind.EMBEDDED_MEMORY
            ? FirmwareServer.simulate(images, f.rate())
            : FirmwareServer.serve(t, new InetSocketAddress("127.0.0.1", 0), images, f.rate());
    server.failPercent(f.failures());
    server.rollbackPercent(f.rollbacks());
    firmwareServers.add(server);
    List<String> agents = new ArrayList<>(c.connectedAgents());
    Collections.sort(agents);
    Collections.shuffle(agents, new java.util.Random(scenario.seed() + 1));
    List<String> chosen = agents.subList(0, (int) Math.round(agents.size() * f.percent() / 100.0));
    out.printf(
        Locale.ROOT,
        "incident: firmware rollout of %s to %d agents (%.1f %% of downloads fail, %.1f %% roll"
            + " back)%n",
        f.image(),
        chosen.size(),
        f.failures(),
        f.rollbacks());
    FirmwareCampaign campaign =
        FirmwareCampaign.start(
            c,
            server,
            new FirmwareCampaign.Spec(
                f.image(), "", f.agentsPerSecond(), f.inFlight(), java.time.Duration.ofMinutes(5)),
            chosen,
            t.group().next());
    campaigns.add(campaign);
    // rollout progress: when 50/90/99/100 % of the agents in it run the new firmware
    Milestones curve =
        new Milestones(
            "on " + f.image() + " (rollout at " + f.at().toSeconds() + " s)", chosen.size());
    milestones.add(curve);
    rolloutCurves.add(new Rollout(System.nanoTime(), campaign, curve));
  }

  /**
   * Drains one interval of every latency into the log, and into {@code live} (the dashboard's
   * series, or null) as of {@code atSeconds}.
   */
  private static void writeIntervals(
      HistogramLogWriter hlog,
      LatencySeries live,
      double atSeconds,
      Latencies l,
      String prefix,
      long fromMillis,
      long toMillis) {
    for (String name : l.names()) {
      Histogram h = l.interval(name);
      if (h.getTotalCount() > 0) {
        h.setStartTimeStamp(fromMillis);
        h.setEndTimeStamp(toMillis);
        h.setTag((prefix + name).replace(' ', '_').replace(',', '_'));
        hlog.outputIntervalHistogram(h);
        if (live != null) {
          live.add(h.getTag(), atSeconds, h);
        }
      }
    }
  }

  /** The one-line live progress display. */
  private static final class Progress {
    private final FleetMetrics metrics;
    private final ActorFleet fleet;
    private final ReferenceController controller;
    private long lastMessages;

    Progress(FleetMetrics metrics, ActorFleet fleet, ReferenceController controller) {
      this.metrics = metrics;
      this.fleet = fleet;
      this.controller = controller;
    }

    String line(double seconds) {
      long messages =
          sum(metrics.stats().messagesToAgents()) + sum(metrics.stats().messagesFromAgents());
      long rate = messages - lastMessages;
      lastMessages = messages;
      Histogram boot = metrics.latencies().total("Notify Boot!");
      return String.format(
          Locale.ROOT,
          "t=%5.1fs agents %d/%d connected %d%s msgs/s %d Boot! p50 %.1f ms p99 %.1f ms drops %d%s",
          seconds,
          fleet.spawned(),
          fleet.total(),
          metrics.connectedNow(),
          states(metrics.states()),
          rate,
          boot.getValueAtPercentile(50) / 1000.0,
          boot.getValueAtPercentile(99) / 1000.0,
          sum(metrics.stats().drops()),
          controller == null ? "" : " controller Boot! " + controller.boots());
    }

    /** The agents not simply online, by state: " booting 120 rebooting 30" (empty when none). */
    static String states(Map<AgentState, Long> states) {
      StringBuilder b = new StringBuilder();
      states.forEach(
          (s, n) -> {
            if (n > 0 && s != AgentState.ONLINE) {
              b.append(' ').append(s.label()).append(' ').append(n);
            }
          });
      return b.toString();
    }
  }
}
