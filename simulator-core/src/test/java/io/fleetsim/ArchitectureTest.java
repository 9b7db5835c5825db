package io.fleetsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the one-way package arrows of STYLE.md: record, message and path at the bottom, datamodel
 * above them, agent above that; metrics a leaf; no Pekko or Netty below the fleet and transports.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/io/fleetsim");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

  /**
   * package -> packages (or prefixes) it must not import. The MTP knows records and bytes, not the
   * agent; the controller never imports the agent; only the fleet binds agents to transports.
   */
  private static final Map<String, List<String>> FORBIDDEN =
      Map.ofEntries(
          Map.entry(
              "usp.record",
              List.of(
                  "io.fleetsim.usp.message",
                  "io.fleetsim.usp.path",
                  "io.fleetsim.datamodel",
                  "io.fleetsim.agent",
                  "io.fleetsim.metrics",
                  "org.apache.pekko",
                  "io.netty")),
          Map.entry(
              "usp.message",
              List.of(
                  "io.fleetsim.usp.path",
                  "io.fleetsim.datamodel",
                  "io.fleetsim.agent",
                  "org.apache.pekko",
                  "io.netty")),
          Map.entry(
              "usp.path",
              List.of(
                  "io.fleetsim.usp.record",
                  "io.fleetsim.usp.message",
                  "io.fleetsim.datamodel",
                  "io.fleetsim.agent",
                  "org.apache.pekko",
                  "io.netty")),
          Map.entry(
              "usp.retry",
              List.of(
                  "io.fleetsim.datamodel", "io.fleetsim.agent", "org.apache.pekko", "io.netty")),
          Map.entry(
              "datamodel",
              List.of("io.fleetsim.agent", "io.fleetsim.metrics", "org.apache.pekko", "io.netty")),
          Map.entry("agent", List.of("org.apache.pekko", "io.netty")),
          Map.entry(
              "metrics", List.of("io.fleetsim.usp", "io.fleetsim.datamodel", "io.fleetsim.agent")),
          Map.entry(
              "mtp",
              List.of(
                  "io.fleetsim.agent",
                  "io.fleetsim.datamodel",
                  "io.fleetsim.controller",
                  "io.fleetsim.fleet")),
          Map.entry(
              "mtp.websocket",
              List.of(
                  "io.fleetsim.agent",
                  "io.fleetsim.datamodel",
                  "io.fleetsim.controller",
                  "io.fleetsim.fleet")),
          Map.entry(
              "mtp.mqtt",
              List.of(
                  "io.fleetsim.agent",
                  "io.fleetsim.datamodel",
                  "io.fleetsim.controller",
                  "io.fleetsim.fleet")),
          Map.entry(
              "mtp.memory",
              List.of(
                  "io.fleetsim.agent",
                  "io.fleetsim.datamodel",
                  "io.fleetsim.controller",
                  "io.fleetsim.fleet")),
          Map.entry(
              "mtp.http",
              List.of(
                  "io.fleetsim.agent",
                  "io.fleetsim.datamodel",
                  "io.fleetsim.controller",
                  "io.fleetsim.fleet")),
          Map.entry(
              "controller",
              List.of("io.fleetsim.agent", "io.fleetsim.datamodel", "io.fleetsim.fleet")),
          Map.entry("fleet", List.of("io.fleetsim.controller")));

  @Test
  void packageArrows_pointOneWay() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg =
            SOURCES.relativize(f.getParent()).toString().replace('/', '.').replace('\\', '.');
        List<String> forbidden = FORBIDDEN.get(pkg);
        if (forbidden == null) {
          continue;
        }
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          for (String bad : forbidden) {
            if (m.group(1).startsWith(bad)) {
              violations.add(f + " imports " + m.group(1));
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackageIsGuarded() throws IOException {
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      List<String> packages =
          dirs.filter(Files::isDirectory)
              .filter(
                  d -> {
                    try (Stream<Path> s = Files.list(d)) {
                      return s.anyMatch(p -> p.toString().endsWith(".java"));
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .map(d -> SOURCES.relativize(d).toString().replace('/', '.').replace('\\', '.'))
              .toList();
      assertThat(FORBIDDEN.keySet()).containsAll(packages);
    }
  }
}
