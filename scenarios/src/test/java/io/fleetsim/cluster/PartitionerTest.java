package io.fleetsim.cluster;

import static io.fleetsim.cluster.Partitioner.UNLIMITED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionerTest {
  @Test
  void anEvenSplit_givesTheRemainderToTheFirstWorkers_inContiguousRanges() {
    assertThat(Partitioner.split(10, List.of(UNLIMITED, UNLIMITED, UNLIMITED)))
        .containsExactly(new AgentRange(0, 4), new AgentRange(4, 3), new AgentRange(7, 3));
  }

  @Test
  void aSmallWorker_getsWhatItHolds_andTheOthersShareTheRest() {
    assertThat(Partitioner.split(100, List.of(10, UNLIMITED, 50)))
        .containsExactly(new AgentRange(0, 10), new AgentRange(10, 45), new AgentRange(55, 45));
    assertThat(Partitioner.split(100, List.of(10, 40, 50)))
        .containsExactly(new AgentRange(0, 10), new AgentRange(10, 40), new AgentRange(50, 50));
  }

  @Test
  void rangesCoverEveryAgentOnce_forAnyNumberOfWorkers() {
    for (int workers = 1; workers <= 7; workers++) {
      List<AgentRange> r =
          Partitioner.split(1_000_003, java.util.Collections.nCopies(workers, UNLIMITED));
      assertThat(r.get(0).first()).isZero();
      for (int i = 1; i < r.size(); i++) {
        assertThat(r.get(i).first()).isEqualTo(r.get(i - 1).end());
      }
      assertThat(r.get(r.size() - 1).end()).isEqualTo(1_000_003);
      int min = r.stream().mapToInt(AgentRange::count).min().orElseThrow();
      int max = r.stream().mapToInt(AgentRange::count).max().orElseThrow();
      assertThat(max - min).isLessThanOrEqualTo(1);
    }
  }

  @Test
  void workersThatCannotHoldTheFleet_failUpFront_withTheFigures() {
    assertThatThrownBy(() -> Partitioner.split(100, List.of(30, 40)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the 2 workers hold at most 70 agents together ([30, 40]), the scenario has 100");
    assertThatThrownBy(() -> Partitioner.split(1, List.of()))
        .hasMessage("no workers to run 1 agents");
  }
}
