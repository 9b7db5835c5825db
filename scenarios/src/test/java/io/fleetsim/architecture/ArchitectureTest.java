package io.fleetsim.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package layers of all four modules hold: every package is ranked, references point down only,
 * there is no cycle, and third-party frameworks stay where they belong. The checker itself is shown
 * to catch a planted wrong-way reference, by import and by fully qualified name.
 */
class ArchitectureTest {
  /** The main sources of every module; tests run in scenarios/, so the others are siblings. */
  static final List<Path> MODULES =
      List.of(
          Path.of("../simulator-core/src/main/java"),
          Path.of("../device-profiles/src/main/java"),
          Path.of("../dashboards/src/main/java"),
          Path.of("src/main/java"));

  @TempDir Path planted;

  @Test
  void everyModuleFollowsTheLayers() {
    Map<String, Set<String>> graph = SourceGraph.scan(MODULES);
    assertThat(graph).containsKeys("usp.record", "agent", "profiles", "dashboard", "cli");
    assertThat(Layers.violations(graph)).isEmpty();
    assertThat(Layers.cycles(graph)).isEmpty();
  }

  @Test
  void noMainSourceFile_isOver400Lines() throws IOException {
    List<String> tooLong = new java.util.ArrayList<>();
    for (Path module : MODULES) {
      try (var files = Files.walk(module)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          long lines = Files.readAllLines(f).size();
          if (lines > 400) {
            tooLong.add(f + ": " + lines);
          }
        }
      }
    }
    assertThat(tooLong).as("small classes whose names say what they do").isEmpty();
  }

  @Test
  void dashboardsReadMetricsOnly() {
    Map<String, Set<String>> graph = SourceGraph.scan(List.of(MODULES.get(2)));
    for (String pkg : List.of("dashboard", "report")) {
      assertThat(graph.get(pkg))
          .as(pkg)
          .doesNotContain("agent", "fleet", "controller", "datamodel", "scenario");
    }
  }

  @Test
  void aPlantedWrongWayImport_isCaught() throws IOException {
    source("usp/record/Codec.java", "package io.fleetsim.usp.record;\nclass Codec {}\n");
    source(
        "usp/record/Bad.java",
        "package io.fleetsim.usp.record;\nimport io.fleetsim.agent.AgentCore;\nclass Bad {}\n");
    source("agent/AgentCore.java", "package io.fleetsim.agent;\nclass AgentCore {}\n");
    assertThat(Layers.violations(SourceGraph.scan(List.of(planted))))
        .containsExactly("usp.record -> agent: rank 0 may not reference rank 3");
  }

  @Test
  void aPlantedFullyQualifiedName_isCaught_butNotInACommentOrString() throws IOException {
    source(
        "controller/Ctl.java",
        """
        package io.fleetsim.controller;
        // io.fleetsim.fleet.ActorFleet in a comment is no dependency
        class Ctl {
          String s = "io.fleetsim.scenario.Scenario";
          Object o = new io.fleetsim.agent.AgentCore();
        }
        """);
    source("agent/AgentCore.java", "package io.fleetsim.agent;\nclass AgentCore {}\n");
    source("fleet/ActorFleet.java", "package io.fleetsim.fleet;\nclass ActorFleet {}\n");
    source("scenario/Scenario.java", "package io.fleetsim.scenario;\nclass Scenario {}\n");
    Map<String, Set<String>> graph = SourceGraph.scan(List.of(planted));
    assertThat(graph.get("controller")).containsExactly("agent");
    assertThat(Layers.violations(graph)).containsExactly("controller -> agent: forbidden");
  }

  @Test
  void aCycle_andAnUnrankedPackage_areCaught() throws IOException {
    source("fleet/A.java", "package io.fleetsim.fleet;\nclass A { io.fleetsim.lab.B b; }\n");
    source("lab/B.java", "package io.fleetsim.lab;\nimport io.fleetsim.fleet.A;\nclass B {}\n");
    source("netty/N.java", "package io.fleetsim.agent;\nimport io.netty.channel.Channel;\n");
    Map<String, Set<String>> graph = SourceGraph.scan(List.of(planted));
    assertThat(Layers.cycles(graph)).containsExactly(List.of("fleet", "lab", "fleet"));
    assertThat(Layers.violations(graph))
        .contains("lab: not ranked in Layers.RANK")
        .contains("agent -> netty: not allowed below the fleet and the MTPs");
  }

  private void source(String file, String text) throws IOException {
    Path f = planted.resolve(file);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
  }
}
