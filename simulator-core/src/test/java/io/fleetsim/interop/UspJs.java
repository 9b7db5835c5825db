package io.fleetsim.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.testing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * usp-js, the independent USP Controller of the interop tests, run as a Node process on a driver
 * script of interop/. Each driver runs interop/steps.js and prints one JSON line of what usp-js got
 * back; it exits non-zero on any USP error or timeout. Fails (never skips) when usp-js is not
 * installed.
 */
public final class UspJs implements AutoCloseable {
  /** The Controller endpoint ID the drivers use. */
  public static final String CONTROLLER = "proto::interop-usp-controller";

  private static final Path INTEROP = Path.of("..", "interop").toAbsolutePath().normalize();

  private final Process node;
  private final Path out;
  private final Path err;

  private UspJs(Process node, Path out, Path err) {
    this.node = node;
    this.out = out;
    this.err = err;
  }

  /**
   * test-gateway agents that know usp-js as Controller.1 (agents answer known Controllers only).
   */
  public static DeviceModel agentModel() {
    return TestModels.gateway(
        1,
        Map.of(
            "profile.objects.\"Device.LocalAgent.Controller.{i}.\".params.EndpointID.default",
            CONTROLLER));
  }

  /** Starts {@code node script args...} in interop/. */
  public static UspJs start(String script, String... args) throws IOException {
    if (!Files.isDirectory(INTEROP.resolve("node_modules/usp-js"))) {
      throw new IllegalStateException(
          "usp-js is not installed: run ./test.sh (npm ci in " + INTEROP + ")");
    }
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("usp-js", ".out");
    Path err = Files.createTempFile("usp-js", ".err");
    Process p =
        new ProcessBuilder(command)
            .directory(INTEROP.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    return new UspJs(p, out, err);
  }

  /** Waits until the driver printed {@code line} (a server driver announcing it listens). */
  public void awaitLine(String line) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.readAllLines(out).contains(line)) {
      if (!node.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("usp-js never printed '" + line + "': " + Files.readString(err));
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  /** Waits for the driver to finish, asserts it succeeded and returns its JSON result line. */
  public String result() throws IOException, InterruptedException {
    if (!node.waitFor(90, TimeUnit.SECONDS)) {
      throw new AssertionError("usp-js did not finish in 90 s: " + Files.readString(err));
    }
    assertThat(node.exitValue()).as(Files.readString(err)).isZero();
    List<String> lines = Files.readAllLines(out);
    return lines.get(lines.size() - 1); // usp-js itself may log lines before it
  }

  /** Asserts that every step of interop/steps.js got the answer agent 0 of test-gateway gives. */
  public static void assertAllStepsAnswered(String json) {
    assertThat(json)
        .contains("\"serial\":\"FSIM00000000\"")
        .contains("\"wildcard\":[\"fleetsim-2g\",\"fleetsim-5g\"]")
        .contains("\"search\":[\"fleetsim-5g\"]")
        .contains("\"friendlyName\":\"usp-js was here\"")
        .contains("\"added\":\"Device.LocalAgent.Subscription.1.\"")
        .contains("\"deleted\":[\"Device.LocalAgent.Subscription.1.\"]")
        .contains("\"supportedObjPath\":\"Device.DeviceInfo.FirmwareImage.{i}.\"")
        .contains("\"instantiatedObjPath\":\"Device.DeviceInfo.FirmwareImage.2.\"")
        .contains("\"subscriptionId\":\"NOTIFY@boot-js\"")
        .contains("\"eventName\":\"Boot!\"")
        .contains("\"CommandKey\":\"js-reboot\"")
        .contains("\"Cause\":\"RemoteReboot\"");
  }

  @Override
  public void close() {
    node.destroyForcibly();
  }
}
