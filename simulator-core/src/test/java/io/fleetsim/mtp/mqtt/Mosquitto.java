package io.fleetsim.mtp.mqtt;

import io.fleetsim.mtp.TestPki;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker on a free loopback port for one test; fails (never skips) when absent.
 */
public final class Mosquitto implements AutoCloseable {
  private final Process process;
  final int port;
  private final Path log;

  private Mosquitto(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public Path logFile() {
    return log;
  }

  public int port() {
    return port;
  }

  /** Clients that connected so far, as the broker logged them. */
  public long clientsConnected() throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.contains("New client connected")).count();
  }

  public static Mosquitto start() throws IOException, InterruptedException {
    return start(freePort(), "");
  }

  /** A broker on {@code port}: a restart of an earlier one, as clients see it. */
  static Mosquitto startOn(int port) throws IOException, InterruptedException {
    return start(port, "");
  }

  /** A broker whose listener speaks only TLS (mqtts://) with the test PKI's server certificate. */
  static Mosquitto startTls(TestPki pki) throws IOException, InterruptedException {
    return start(
        freePort(), "certfile " + pki.serverCert() + "\nkeyfile " + pki.serverKey() + "\n");
  }

  /**
   * A broker that lets no anonymous client in, with {@code listenerOptions} (TLS files, {@code
   * require_certificate}, {@code password_file}, {@code acl_file}, ...) on its one listener.
   */
  public static Mosquitto startSecured(String listenerOptions)
      throws IOException, InterruptedException {
    return start(freePort(), listenerOptions, false);
  }

  /** Adds {@code user} with {@code password} to a Mosquitto password file (made when absent). */
  public static void addUser(Path passwordFile, String user, String password)
      throws IOException, InterruptedException {
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("mosquitto_passwd"));
    if (!Files.exists(passwordFile)) {
      cmd.add("-c");
    }
    cmd.addAll(java.util.List.of("-b", passwordFile.toString(), user, password));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("mosquitto_passwd failed: " + out);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Mosquitto start(int port, String listenerOptions)
      throws IOException, InterruptedException {
    return start(port, listenerOptions, true);
  }

  private static Mosquitto start(int port, String listenerOptions, boolean anonymous)
      throws IOException, InterruptedException {
    Path binary = Path.of("/usr/sbin/mosquitto");
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "Mosquitto is not installed: run ./test.sh (apt-get install -y mosquitto)");
    }
    Path dir = Files.createTempDirectory("mosquitto");
    Path conf = dir.resolve("mosquitto.conf");
    // as root Mosquitto drops to user "mosquitto" unless told otherwise
    String user = "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
    Files.writeString(
        conf,
        "listener "
            + port
            + " 127.0.0.1\n"
            + listenerOptions
            + "allow_anonymous "
            + anonymous
            + "\npersistence false\n"
            + user);
    Process p =
        new ProcessBuilder(binary.toString(), "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("mosquitto.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return new Mosquitto(p, port, dir.resolve("mosquitto.log"));
      } catch (IOException notYet) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new IllegalStateException(
              "Mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
  }

  /**
   * SIGKILL: the broker goes without a word, as in a crash; its clients see their sockets close.
   */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
