package io.fleetsim.usp.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TR-369 m/k retry windows (TR-369 R-NOT.1-4, R-WS.19-21: the windows for retries 1 to 10) and
 * the spread inside them.
 */
class RetryWaitTest {

  @ParameterizedTest(name = "retry {0}: {1}-{2} s")
  @CsvSource({
    "1,5,10",
    "2,10,20",
    "3,20,40",
    "4,40,80",
    "5,80,160",
    "6,160,320",
    "7,320,640",
    "8,640,1280",
    "9,1280,2560",
    "10,2560,5120",
    "11,2560,5120",
    "25,2560,5120"
  })
  void defaultWindows_matchTheSpecTable(int attempt, long lo, long hi) {
    assertThat(RetryWait.minMillis(attempt, 5, 2000)).isEqualTo(lo * 1000);
    assertThat(RetryWait.maxMillis(attempt, 5, 2000)).isEqualTo(hi * 1000);
  }

  @Test
  void delays_areUniformInsideTheWindow() {
    SplittableRandom random = new SplittableRandom(42);
    int n = 100_000;
    int[] buckets = new int[10];
    for (int i = 0; i < n; i++) {
      long d = RetryWait.delayMillis(3, 5, 2000, random);
      assertThat(d).isBetween(20_000L, 40_000L);
      buckets[(int) Math.min(9, (d - 20_000) / 2_000)]++;
    }
    for (int b : buckets) {
      // each tenth of the window holds 10% ± 1% of the draws
      assertThat(b).isBetween(n / 10 - n / 100, n / 10 + n / 100);
    }
  }

  @Test
  void sameSeed_sameStorm() {
    long[] a = new long[50];
    long[] b = new long[50];
    SplittableRandom ra = new SplittableRandom(7);
    SplittableRandom rb = new SplittableRandom(7);
    for (int i = 0; i < 50; i++) {
      a[i] = RetryWait.delayMillis(1 + i % 10, 5, 2000, ra);
      b[i] = RetryWait.delayMillis(1 + i % 10, 5, 2000, rb);
    }
    assertThat(a).isEqualTo(b);
  }

  @Test
  void multiplierOfOne_andCap() {
    assertThat(RetryWait.delayMillis(7, 30, 1000, new SplittableRandom(1))).isEqualTo(30_000);
    assertThat(RetryWait.cappedDelayMillis(10, 5, 2000, 60, new SplittableRandom(1)))
        .isEqualTo(60_000);
  }
}
