package io.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {
  @TempDir Path dir;

  @Test
  void readsEvents_andSelectsAgents() throws IOException {
    Timeline t =
        Timeline.load(
            write(
                "# seconds,agents,event\n\n0.5,42,drop\n2,0-9,reboot\n3,10%,garbage\n4,all,drop\n"));

    assertThat(t.entries())
        .extracting(Timeline.Entry::offset, Timeline.Entry::event)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Duration.ofMillis(500), Timeline.Event.DROP),
            org.assertj.core.groups.Tuple.tuple(Duration.ofSeconds(2), Timeline.Event.REBOOT),
            org.assertj.core.groups.Tuple.tuple(Duration.ofSeconds(3), Timeline.Event.GARBAGE),
            org.assertj.core.groups.Tuple.tuple(Duration.ofSeconds(4), Timeline.Event.DROP));
    assertThat(t.entries().get(0).select(100, 1)).containsExactly(42);
    assertThat(t.entries().get(0).select(10, 1)).isEmpty(); // agent 42 is not in a fleet of 10
    assertThat(t.entries().get(1).select(100, 1)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    int[] share = t.entries().get(2).select(1_000, 7);
    assertThat(share).hasSize(100).doesNotHaveDuplicates();
    assertThat(t.entries().get(2).select(1_000, 7)).isEqualTo(share); // seeded
    assertThat(t.entries().get(3).select(5, 1)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void errorsNameFileAndLine() throws IOException {
    assertError("1,2\n", ":1: expected seconds,agents,event");
    assertError("# c\nsoon,1,drop\n", ":2: seconds: not a number: soon");
    assertError("1,some,drop\n", ":1: agents: an index, a range a-b, a share such as 10% or all");
    assertError("1,3,explode\n", ":1: event: drop, reboot or garbage, not explode");
    assertError("# nothing\n", ": the timeline has no events");
  }

  @Test
  void jsonTimelines_readTheSame_andNameTheLine() throws IOException {
    Path f = dir.resolve("t.json");
    Files.writeString(
        f,
        """
        {"events": [
          {"seconds": 1.5, "agents": "0-9", "event": "drop"},
          {"seconds": 3, "agents": "10%", "event": "reboot"}
        ]}
        """);
    Timeline t = Timeline.load(f);
    assertThat(t.entries())
        .containsExactly(
            new Timeline.Entry(Duration.ofMillis(1_500), "0-9", Timeline.Event.DROP),
            new Timeline.Entry(Duration.ofSeconds(3), "10%", Timeline.Event.REBOOT));

    Files.writeString(
        f,
        """
        {"events": [
          {"seconds": 1, "agents": "0-9", "event": "drop"},
          {"seconds": 2, "agents": "3", "event": "melt"}
        ]}
        """);
    assertThatThrownBy(() -> Timeline.load(f))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(f + ":3: event: drop, reboot or garbage, not melt");
  }

  private void assertError(String text, String expected) throws IOException {
    Path f = write(text);
    assertThatThrownBy(() -> Timeline.load(f))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(f + expected);
  }

  private Path write(String text) throws IOException {
    Path f = Files.createTempFile(dir, "timeline", ".csv");
    Files.writeString(f, text);
    return f;
  }
}
