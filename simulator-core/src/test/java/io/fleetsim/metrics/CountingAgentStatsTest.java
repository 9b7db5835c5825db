package io.fleetsim.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CountingAgentStatsTest {

  @Test
  void counts_byKey_fromManyThreads() throws InterruptedException {
    CountingAgentStats stats = new CountingAgentStats();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      pool.execute(
          () -> {
            for (int i = 0; i < 10_000; i++) {
              stats.handled("GET", 1);
              stats.notified("EVENT", i % 2 == 0);
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(stats.handled()).containsEntry("GET", 40_000L);
    assertThat(stats.notifications())
        .containsEntry("EVENT", 20_000L)
        .containsEntry("EVENT.retry", 20_000L);
  }

  @Test
  void drops_areCountedPastTheLoggedFew() {
    CountingAgentStats stats = new CountingAgentStats();
    for (int i = 0; i < CountingAgentStats.LOGGED_PER_REASON * 5; i++) {
      stats.dropped("WRONG_TO_ID", "agent " + i);
    }
    stats.unexpected("GET_WHILE_REBOOTING");
    assertThat(stats.drops()).containsEntry("WRONG_TO_ID", 100L);
    assertThat(stats.unexpected()).containsEntry("GET_WHILE_REBOOTING", 1L);
  }

  @Test
  void notifyRoundTrips_goToOneHistogramPerNotification() {
    CountingAgentStats stats = new CountingAgentStats();
    stats.acknowledged("Boot!", 3_000_000);
    stats.acknowledged("Boot!", 5_000_000);
    stats.acknowledged("VALUE_CHANGE", 1_000_000);

    assertThat(stats.latencies().names()).containsExactly("Notify Boot!", "Notify VALUE_CHANGE");
    assertThat(stats.latencies().total("Notify Boot!").getTotalCount()).isEqualTo(2);
    assertThat(stats.latencies().total("Notify Boot!").getMaxValue()).isBetween(4_990L, 5_010L);
  }

  @Test
  void messages_areCountedByTypeAndDirection() {
    CountingAgentStats stats = new CountingAgentStats();
    stats.message("GET", true);
    stats.message("GET", true);
    stats.message("GET_RESP", false);
    stats.message("NOTIFY", false);

    assertThat(stats.messagesToAgents()).isEqualTo(java.util.Map.of("GET", 2L));
    assertThat(stats.messagesFromAgents())
        .isEqualTo(java.util.Map.of("GET_RESP", 1L, "NOTIFY", 1L));
  }

  @Test
  void firmwareVersions_followUpgradesAndLeavers() {
    CountingAgentStats stats = new CountingAgentStats();
    for (int i = 0; i < 3; i++) {
      stats.firmware(null, "1.0");
    }
    stats.firmware("1.0", "2.0");
    stats.firmware("1.0", null); // left the fleet
    assertThat(stats.firmwareVersions()).isEqualTo(java.util.Map.of("1.0", 1L, "2.0", 1L));

    stats.firmware("1.0", "2.0");
    assertThat(stats.firmwareVersions()).isEqualTo(java.util.Map.of("2.0", 2L));
  }

  @Test
  void handledRequests_recordTheAgentsHandlingTimeByType() {
    CountingAgentStats stats = new CountingAgentStats();
    stats.handled("GET", 4_000);
    stats.handled("GET", 6_000);
    stats.handled("SET", 9_000);

    assertThat(stats.handled()).isEqualTo(java.util.Map.of("GET", 2L, "SET", 1L));
    assertThat(stats.latencies().total("handle GET").getTotalCount()).isEqualTo(2);
    assertThat(stats.latencies().total("handle GET").getMaxValue()).isEqualTo(6); // µs
    assertThat(stats.latencies().total("handle SET").getTotalCount()).isEqualTo(1);
  }
}
