package io.fleetsim.cli;

import io.fleetsim.controller.FirmwareCampaign;
import io.fleetsim.controller.FirmwareServer;
import io.fleetsim.controller.ReferenceController;
import io.fleetsim.controller.Workload;
import io.fleetsim.dashboard.DashboardServer;
import io.fleetsim.identity.Identities;
import io.fleetsim.metrics.LatencyTable;
import io.fleetsim.mtp.ClientTls;
import io.fleetsim.mtp.ListenException;
import io.fleetsim.mtp.PeerLimits;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.mtp.connect.Redacted;
import io.fleetsim.mtp.stomp.StompConfig;
import io.fleetsim.usp.record.UspRecordCodec;
import io.netty.handler.ssl.SslContext;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleetsim controller}: the embedded reference Controller on its own. */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    description =
        "Runs the embedded reference USP Controller (WebSocket, or on an MQTT or STOMP broker)"
            + " until stopped.")
final class ControllerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--listen",
      defaultValue = "127.0.0.1:8080",
      description = "HOST:PORT to listen on (default ${DEFAULT-VALUE}).")
  String listen;

  @Option(names = "--path", defaultValue = "/usp", description = "WebSocket path.")
  String path;

  @Option(
      names = "--id",
      defaultValue = "self::fleetsim-controller",
      description = "The Controller's endpoint ID.")
  String id;

  @Option(
      names = "--reboot-after-provisioning",
      description = "Operate Device.Reboot() on each agent once subscribed.")
  boolean reboot;

  @Option(
      names = "--no-provisioning",
      description = "Do not subscribe agents on first contact (only accept and answer).")
  boolean noProvisioning;

  @Option(
      names = "--broker",
      description =
          "A broker, mqtt[s]://HOST:PORT or stomp[s]://[USER:PASS@]HOST:PORT[/VHOST] (the"
              + " virtual host, \"/\" when absent): be the Controller there instead of listening"
              + " for WebSockets.")
  URI broker;

  @Option(
      names = "--mqtt-version",
      defaultValue = "5",
      description = "MQTT version on --broker: 3.1.1 or 5 (default ${DEFAULT-VALUE}).")
  String mqttVersion;

  @Option(
      names = "--controller-topic",
      defaultValue = "/usp/controller",
      description = "The Controller's topic on --broker (default ${DEFAULT-VALUE}).")
  String controllerTopic;

  @Option(
      names = "--controller-destination",
      defaultValue = StompConfig.CONTROLLER_DESTINATION,
      description = "The Controller's STOMP destination on --broker (default ${DEFAULT-VALUE}).")
  String controllerDestination;

  @Option(
      names = "--ca-cert",
      description = "PEM CA certificates to trust for mqtts:// and stomps:// (default: the JDK's).")
  Path caCert;

  @Option(
      names = "--tls-cert",
      description = "PEM certificate chain: listen on wss:// (needs --tls-key).")
  Path tlsCert;

  @Option(names = "--tls-key", description = "PEM (PKCS#8) private key of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--require-client-cert",
      description =
          "On wss:// (--tls-cert): require of every agent a certificate issued by"
              + " --client-ca-cert, and reject each Record whose from_id is not the EndpointID the"
              + " certificate names (urn:bbf:usp:id:), counted as dropped by reason.")
  boolean requireClientCert;

  @Mixin IdentityOptions identity;

  @Mixin MetricsOptions metrics;

  /** This Controller's own certificate and login on --broker, from {@link #identity}. */
  private Identities identities = Identities.NONE;

  @Mixin WorkloadOptions workloadOptions;

  @Mixin FirmwareOptions firmwareOptions;

  @Option(
      names = "--duration",
      description = "Stop after this long (e.g. PT30S); default: until stopped.")
  Duration duration;

  @Option(
      names = "--handshake-timeout",
      defaultValue = "PT10S",
      description =
          "Close a connection that has not finished its TLS and WebSocket handshake after this"
              + " long (default ${DEFAULT-VALUE}).")
  Duration handshakeTimeout;

  @Option(
      names = "--idle-timeout",
      defaultValue = "PT5M",
      description =
          "Close a session that sent nothing, not even a ping, for this long (default"
              + " ${DEFAULT-VALUE}; PT0S: never).")
  Duration idleTimeout;

  @Option(
      names = "--peer-records-per-second",
      defaultValue = "" + PeerLimits.DEFAULT_RECORDS_PER_SECOND,
      description =
          "Records (and pings) a second taken from one connection; a peer up to a second ahead"
              + " is no longer read until it is back within, so a flood cannot slow the others"
              + " (default ${DEFAULT-VALUE}; 0: no limit).")
  int peerRecordsPerSecond;

  @Option(
      names = "--connections-per-source",
      defaultValue = "0",
      description =
          "Live connections one IP address may hold; more are refused (default ${DEFAULT-VALUE}:"
              + " no limit, as agents of a load test share a few loopback addresses).")
  int connectionsPerSource;

  @Option(
      names = "--max-record-bytes",
      defaultValue = "" + UspRecordCodec.DEFAULT_MAX_RECORD_BYTES,
      description =
          "The largest Record taken from an agent; a larger WebSocket message closes its"
              + " connection with 1009 (default ${DEFAULT-VALUE}, 5 MiB).")
  int maxRecordBytes;

  @Override
  public Integer call() throws InterruptedException {
    InetSocketAddress address;
    PeerLimits limits;
    try {
      address = HostPort.parse("--listen", listen);
      limits =
          new PeerLimits(
              handshakeTimeout,
              idleTimeout,
              peerRecordsPerSecond,
              connectionsPerSource,
              maxRecordBytes);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("fleetsim: " + e.getMessage());
      return 2;
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      spec.commandLine().getErr().println("fleetsim: --tls-cert and --tls-key go together");
      return 2;
    }
    if (broker != null && !Connectors.broker(broker)) {
      spec.commandLine()
          .getErr()
          .println("fleetsim: --broker takes mqtt[s]://HOST:PORT or stomp[s]://HOST:PORT[/VHOST]");
      return 2;
    }
    if (broker != null && !mqttVersion.equals("5") && !mqttVersion.equals("3.1.1")) {
      spec.commandLine().getErr().println("fleetsim: --mqtt-version takes 3.1.1 or 5");
      return 2;
    }
    if (requireClientCert && (tlsCert == null || identity.clientCaCert == null || broker != null)) {
      spec.commandLine()
          .getErr()
          .println("fleetsim: --require-client-cert needs --tls-cert and --client-ca-cert");
      return 2;
    }
    SslContext tls;
    ClientTls brokerTls;
    try {
      metrics.check();
      identities = broker != null ? identity.identities(System.getenv()) : Identities.NONE;
      brokerTls = broker != null ? Connectors.tls(broker, brokerOptions()) : null;
      Path clientCa = requireClientCert ? identity.clientCaCert : null;
      tls = broker == null && tlsCert != null ? Tls.server(tlsCert, tlsKey, clientCa) : null;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("fleetsim: " + e.getMessage());
      return 2;
    }
    Workload.Spec work;
    FirmwareCampaign.Spec campaignSpec;
    List<FirmwareServer.Image> images;
    try {
      work = workloadOptions.spec();
      images = firmwareOptions.images();
      campaignSpec = firmwareOptions.campaign();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("fleetsim: " + e.getMessage());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    // first resource, so closed last: a SIGTERM waits for the final table and the clean close
    try (StopSignal stop = new StopSignal(Duration.ofSeconds(10));
        Transports transports =
            Transports.create(Runtime.getRuntime().availableProcessors(), limits);
        ReferenceController c =
            broker == null
                ? ReferenceController.listen(
                    transports, address, path, id, !noProvisioning, reboot, tls)
                : ReferenceController.overBroker(
                    transports,
                    Connectors.controller(transports, broker, brokerOptions(), brokerTls),
                    Redacted.url(broker),
                    id,
                    !noProvisioning,
                    reboot);
        DashboardServer scrape = metrics.controller(c, spec.commandLine().getOut())) {
      if (broker == null) {
        out.printf(
            "listening on %s://%s:%d%s as %s%n",
            tls == null ? "ws" : "wss",
            c.address().getHostString(),
            c.address().getPort(),
            path,
            id);
      } else {
        out.printf(
            "subscribed to %s on %s as %s%n",
            Connectors.controllerAddress(broker, brokerOptions()), Redacted.url(broker), id);
      }
      out.flush();
      AtomicReference<Workload> workloadRef = new AtomicReference<>();
      if (work != null) {
        transports
            .group()
            .next()
            .schedule(
                () -> {
                  workloadRef.set(
                      Workload.start(c, work, transports.group().next(), id.hashCode()));
                },
                workloadOptions.after.toMillis(),
                TimeUnit.MILLISECONDS);
      }
      FirmwareServer firmware = firmwareOptions.server(transports, images);
      if (firmware != null) {
        out.printf("firmware %s%n", firmware.simulated() ? "simulated" : "served");
        images.forEach(i -> out.printf("  %s%n", firmware.url(i.name())));
      }
      AtomicReference<FirmwareCampaign> campaignRef = new AtomicReference<>();
      if (campaignSpec != null) {
        transports
            .group()
            .next()
            .schedule(
                () -> {
                  List<String> targets = List.copyOf(c.connectedAgents());
                  out.printf(
                      "firmware campaign: %s to %d agents%n", campaignSpec.image(), targets.size());
                  campaignRef.set(
                      FirmwareCampaign.start(
                          c, firmware, campaignSpec, targets, transports.group().next()));
                },
                firmwareOptions.campaignAfter.toMillis(),
                TimeUnit.MILLISECONDS);
      }
      long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
      // a status line every 10 s, and a last one when stopped (SIGTERM, Ctrl-C, --duration)
      while (true) {
        boolean stopped =
            stop.await(Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        Workload workload = workloadRef.get();
        FirmwareCampaign campaign = campaignRef.get();
        Map<String, Long> events = transports.events().counts();
        out.printf(
            "agents connected %d, provisioned %d%s, Boot! %d, notifications %d, dropped %d%s%n",
            c.connectedAgents().size(),
            c.provisioned(),
            c.recognised() == 0 ? "" : " (%d already were)".formatted(c.recognised()),
            c.boots(),
            c.notifications(),
            c.dropped(),
            (c.duplicateEndpoints() == 0
                    ? ""
                    : ", duplicate EndpointIDs refused %d".formatted(c.duplicateEndpoints()))
                + (events.isEmpty() ? "" : ", transport events " + events)
                + (workload == null
                    ? ""
                    : ", requests sent %d, unanswered %d, no agent %d"
                        .formatted(workload.sent(), workload.failed(), workload.notSent()))
                + (campaign == null
                    ? ""
                    : ", firmware upgraded %d/%d, failed %d"
                        .formatted(
                            campaign.upgraded() + campaign.alreadyThere(),
                            campaign.total(),
                            campaign.failed())));
        out.flush();
        if (stopped || System.nanoTime() >= deadline) {
          break;
        }
      }
      Workload workload = workloadRef.get();
      if (workload != null) {
        workload.close();
      }
      FirmwareCampaign campaign = campaignRef.get();
      if (campaign != null) {
        campaign.close();
        out.printf(
            "firmware campaign: %d upgraded, %d already there, %d failed %s, %d unfinished"
                + " (%.1f s)%n",
            campaign.upgraded(),
            campaign.alreadyThere(),
            campaign.failed(),
            campaign.failures(),
            campaign.total() - campaign.upgraded() - campaign.alreadyThere() - campaign.failed(),
            campaign.elapsed().toMillis() / 1000.0);
      }
      if (firmware != null) {
        firmware.close();
      }
      out.print(LatencyTable.of(c.latencies()));
      out.flush();
    } catch (ListenException e) {
      spec.commandLine().getErr().println("fleetsim: " + e.getMessage());
      return 2;
    } catch (IllegalStateException e) {
      // no broker there, or it refused us: say so instead of a stack trace
      spec.commandLine().getErr().println("fleetsim: " + e.getMessage());
      return 1;
    }
    return 0;
  }

  /** How this Controller uses --broker: MQTT version and topic, or STOMP destination. */
  private Connectors.Options brokerOptions() {
    Connectors.Options d = Connectors.Options.defaults(caCert, mqttVersion.equals("5"));
    Connectors.Stomp s = Connectors.Stomp.defaults();
    return new Connectors.Options(
        caCert,
        d.mqtt5(),
        d.agentTopicPattern(),
        controllerTopic,
        d.keepAliveSeconds(),
        new Connectors.Stomp(
            s.agentDestinationPattern(),
            controllerDestination,
            s.heartbeatMillis(),
            s.maxFrameBytes()),
        identities);
  }
}
