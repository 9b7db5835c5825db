package io.fleetsim.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private RabbitMQ (Debian's rabbitmq-server) with its STOMP plugin on free loopback ports for
 * one test: its own node name, config, data and log folders, so it never meets the system's
 * instance. Fails (never skips) when RabbitMQ is not installed.
 */
public final class RabbitMq implements AutoCloseable {
  private static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
  private final Process process;
  private final int stompPort;
  private final int distPort;
  private final Path dir;

  private RabbitMq(Process process, int stompPort, int distPort, Path dir) {
    this.process = process;
    this.stompPort = stompPort;
    this.distPort = distPort;
    this.dir = dir;
  }

  public int stompPort() {
    return stompPort;
  }

  /** stomp://127.0.0.1:PORT (the default virtual host "/"). */
  public String url() {
    return "stomp://127.0.0.1:" + stompPort;
  }

  public static RabbitMq start() throws IOException, InterruptedException {
    return start(null);
  }

  /**
   * A broker whose STOMP listener speaks only TLS (stomps://) with the test PKI's server
   * certificate, or plain STOMP when {@code pki} is null.
   */
  public static RabbitMq start(io.fleetsim.mtp.TestPki pki)
      throws IOException, InterruptedException {
    if (!Files.isExecutable(SERVER)) {
      throw new IllegalStateException(
          "RabbitMQ is not installed: run ./test.sh (apt-get install -y rabbitmq-server)");
    }
    Path dir = Files.createTempDirectory("rabbitmq");
    int amqp = Artemis.freePort();
    int stomp = Artemis.freePort();
    int dist = Artemis.freePort();
    String listener =
        pki == null
            ? "stomp.listeners.tcp.1 = 127.0.0.1:" + stomp + "\n"
            : "stomp.listeners.tcp = none\nstomp.listeners.ssl.1 = 127.0.0.1:"
                + stomp
                + "\nssl_options.cacertfile = "
                + pki.caCert()
                + "\nssl_options.certfile = "
                + pki.serverCert()
                + "\nssl_options.keyfile = "
                + pki.serverKey()
                + "\nssl_options.verify = verify_none\nssl_options.fail_if_no_peer_cert = false\n";
    Files.writeString(
        dir.resolve("rabbitmq.conf"),
        "listeners.tcp.1 = 127.0.0.1:" + amqp + "\n" + listener + "loopback_users = none\n");
    Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_stomp].\n");
    return launch(dir, stomp, dist);
  }

  /**
   * The same broker again after {@link #kill()}: same node, ports and data folder, so its durable
   * queues are back, as after a real broker's restart.
   */
  public RabbitMq restart() throws IOException, InterruptedException {
    return launch(dir, stompPort, distPort);
  }

  /**
   * SIGKILL: the broker goes without a word, as in a crash; its clients see their sockets close.
   */
  public void kill() throws InterruptedException {
    kill(process);
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGKILL to the broker and what it started (the Erlang VM and its helpers). */
  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static RabbitMq launch(Path dir, int stomp, int dist)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(SERVER.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
    Map<String, String> env = pb.environment();
    env.put("RABBITMQ_NODENAME", "fleetsim-" + stomp + "@localhost");
    env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString());
    env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
    env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
    env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
    env.put("RABBITMQ_FEATURE_FLAGS_FILE", dir.resolve("feature_flags").toString());
    env.put("RABBITMQ_PID_FILE", dir.resolve("pid").toString());
    env.put("RABBITMQ_DIST_PORT", Integer.toString(dist));
    env.put("HOME", dir.toString()); // the Erlang cookie goes here, not in root's home
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", stomp)) {
        return new RabbitMq(p, stomp, dist, dir);
      } catch (IOException notYet) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          stop(p);
          throw new IllegalStateException(
              "RabbitMQ did not start: " + Files.readString(dir.resolve("server.log")));
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
  }

  /** What the broker logged so far (its log file), to check what it saw. */
  public String log() throws IOException {
    StringBuilder b = new StringBuilder();
    try (var files = Files.walk(dir.resolve("log"))) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        b.append(Files.readString(f));
      }
    }
    return b.toString();
  }

  private static void stop(Process p) {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      p.waitFor(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kill(p);
  }

  @Override
  public void close() {
    stop(process);
  }
}
