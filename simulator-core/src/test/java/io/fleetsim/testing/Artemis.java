package io.fleetsim.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.ActiveMQServers;

/**
 * A real ActiveMQ Artemis broker in the test JVM with one STOMP acceptor on a free loopback port,
 * set up as Artemis' default broker.xml sets its STOMP acceptor ({@code /queue/} anycast, {@code
 * /topic/} multicast prefixes). In memory: nothing survives a {@link #close}.
 */
public final class Artemis implements AutoCloseable {
  private final ActiveMQServer server;
  private final int port;
  private final Path dir;

  private Artemis(ActiveMQServer server, int port, Path dir) {
    this.server = server;
    this.port = port;
    this.dir = dir;
  }

  public int port() {
    return port;
  }

  /** stomp://127.0.0.1:PORT */
  public String url() {
    return "stomp://127.0.0.1:" + port;
  }

  public static Artemis start() throws Exception {
    return start(freePort(), 60_000);
  }

  /**
   * A broker on {@code port} (a restart of an earlier one, as clients see it) that closes a STOMP
   * connection silent for {@code ttlMillis} unless the client asked for heart-beats.
   */
  public static Artemis start(int port, long ttlMillis) throws Exception {
    Path dir = Files.createTempDirectory("artemis");
    Configuration c =
        new ConfigurationImpl()
            .setPersistenceEnabled(false)
            .setSecurityEnabled(false)
            .setJMXManagementEnabled(false)
            .setConnectionTTLOverride(-1)
            .addAcceptorConfiguration(
                "stomp",
                "tcp://127.0.0.1:"
                    + port
                    + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/"
                    + ";connectionTtl="
                    + ttlMillis);
    c.setBrokerInstance(dir.toFile());
    ActiveMQServer server = ActiveMQServers.newActiveMQServer(c, false);
    server.start();
    return new Artemis(server, port, dir);
  }

  /**
   * A broker in its own JVM for the benchmarks: {@code java -cp <test classpath>
   * io.fleetsim.testing.Artemis PORT}; runs until killed, with a 60 s TTL as Artemis' default.
   */
  public static void main(String[] args) throws Exception {
    Artemis broker = start(Integer.parseInt(args[0]), 60_000);
    System.out.println("artemis listening on " + broker.url());
    Thread.currentThread().join();
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** STOMP connections the broker holds now. */
  public int connections() {
    return server.getConnectionCount();
  }

  @Override
  public void close() throws IOException {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IOException("Artemis did not stop", e);
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
