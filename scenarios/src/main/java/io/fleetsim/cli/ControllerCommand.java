package io.fleetsim.cli;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.netty.handler.ssl.SslContext;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetsim controller}: the embedded reference Controller on its own. */
@Command(
    name = "controller",
    mixinStandardHelpOptions = true,
    description = "Runs the embedded reference USP Controller (WebSocket MTP) until stopped.")
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
      names = "--tls-cert",
      description = "PEM certificate chain: listen on wss:// (needs --tls-key).")
  Path tlsCert;

  @Option(names = "--tls-key", description = "PEM (PKCS#8) private key of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--duration",
      description = "Stop after this long (e.g. PT30S); default: until stopped.")
  Duration duration;

  @Override
  public Integer call() throws InterruptedException {
    int colon = listen.lastIndexOf(':');
    if (colon < 0) {
      spec.commandLine().getErr().println("fleetsim: --listen takes HOST:PORT");
      return 2;
    }
    InetSocketAddress address =
        new InetSocketAddress(
            listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
    if ((tlsCert == null) != (tlsKey == null)) {
      spec.commandLine().getErr().println("fleetsim: --tls-cert and --tls-key go together");
      return 2;
    }
    SslContext tls;
    try {
      tls = tlsCert == null ? null : Tls.server(tlsCert, tlsKey);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("fleetsim: " + e.getMessage());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    try (Transports transports = Transports.create();
        ReferenceController c =
            ReferenceController.listen(
                transports, address, path, id, !noProvisioning, reboot, tls)) {
      out.printf(
          "listening on %s://%s:%d%s as %s%n",
          tls == null ? "ws" : "wss", c.address().getHostString(), c.address().getPort(), path, id);
      out.flush();
      Thread hook = new Thread(stop::countDown, "fleetsim-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
      while (!stop.await(
          Math.min(10_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
          TimeUnit.MILLISECONDS)) {
        out.printf(
            "agents connected %d, provisioned %d, Boot! %d, notifications %d, dropped %d%n",
            c.connectedAgents().size(), c.provisioned(), c.boots(), c.notifications(), c.dropped());
        out.flush();
        if (System.nanoTime() >= deadline) {
          Runtime.getRuntime().removeShutdownHook(hook);
          break;
        }
      }
    }
    return 0;
  }
}
