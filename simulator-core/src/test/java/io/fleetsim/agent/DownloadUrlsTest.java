package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadUrlsTest {

  @Test
  void tellsRealFromSimulatedTransfers() {
    assertThat(DownloadUrls.isHttp("http://127.0.0.1:8081/firmware/a.bin")).isTrue();
    assertThat(DownloadUrls.isHttp("HTTPS://fw.example.net/a.bin")).isTrue();
    assertThat(DownloadUrls.isHttp("ftp://fw.example.net/a.bin")).isFalse();
    assertThat(DownloadUrls.isHttp("simulate://fleetsim/a.bin")).isFalse();
    assertThat(DownloadUrls.isSimulated("simulate://fleetsim/a.bin?size=1&rate=1")).isTrue();
    assertThat(DownloadUrls.isSimulated("http://simulate/a.bin")).isFalse();
  }

  @Test
  void simulatedTimeIsSizeOverRate() {
    String url = "simulate://fleetsim/firmware/fsim-2.0.0.bin?size=8000000&rate=1000000";
    assertThat(DownloadUrls.simulatedMillis(url, 0)).isEqualTo(8_000);
    assertThat(DownloadUrls.simulatedBytes(url, 5)).isEqualTo(8_000_000);
    // the size may come from the Download()'s FileSize
    assertThat(DownloadUrls.simulatedMillis("simulate://x/a.bin?rate=500", 1_000)).isEqualTo(2_000);
  }

  @Test
  void aSimulatedUrlWithoutRateOrSizeIsRefused() {
    assertThat(DownloadUrls.simulatedMillis("simulate://x/a.bin?size=10", 0)).isEqualTo(-1);
    assertThat(DownloadUrls.simulatedMillis("simulate://x/a.bin?size=10&rate=0", 0)).isEqualTo(-1);
    assertThat(DownloadUrls.simulatedMillis("simulate://x/a.bin?size=ten&rate=1", 0)).isEqualTo(-1);
    assertThat(DownloadUrls.simulatedMillis("simulate://x/a.bin?rate=1", -1)).isEqualTo(-1);
  }

  @Test
  void fileNameIgnoresTheQuery() {
    assertThat(DownloadUrls.fileName("simulate://fleetsim/firmware/fsim-2.0.0.bin?size=1&rate=1"))
        .isEqualTo("fsim-2.0.0.bin");
    assertThat(DownloadUrls.fileName("http://127.0.0.1:8081/fw/b-3.1.bin")).isEqualTo("b-3.1.bin");
    assertThat(DownloadUrls.fileName("not a url")).isEqualTo("not a url");
  }

  @Test
  void simulatedFailures_followTheShare_andRepeatPerSeed() {
    String url = "simulate://fleetsim/firmware/a-1.0.bin?size=10&rate=10&fail=30";
    int failed = 0;
    for (long seed = 0; seed < 2_000; seed++) {
      if (DownloadUrls.simulatedFailure(url, seed)) {
        failed++;
      }
      assertThat(DownloadUrls.simulatedFailure(url, seed))
          .isEqualTo(DownloadUrls.simulatedFailure(url, seed));
    }
    assertThat(failed).isBetween(520, 680); // 30 % of 2,000, within 4.9 sigma
    assertThat(DownloadUrls.simulatedFailure("simulate://x/a.bin?size=1&rate=1", 7)).isFalse();
  }

  @Test
  void bootFailures_followTheirOwnShare_independentOfDownloadFailures() {
    String url = "http://127.0.0.1:8081/firmware/a-1.0.bin?fail=50&rollback=50";
    int rolledBack = 0;
    int both = 0;
    for (long seed = 0; seed < 2_000; seed++) {
      boolean bad = DownloadUrls.failsToBoot(url, seed);
      rolledBack += bad ? 1 : 0;
      both += bad && DownloadUrls.simulatedFailure(url, seed) ? 1 : 0;
    }
    assertThat(rolledBack).isBetween(890, 1_110); // 50 % of 2,000, within 4.9 sigma
    assertThat(both).isBetween(400, 600); // 25 %: the draws are not the same draw
    assertThat(DownloadUrls.failsToBoot("http://h/a.bin", 7)).isFalse();
  }
}
