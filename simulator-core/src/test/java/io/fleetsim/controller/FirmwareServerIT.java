package io.fleetsim.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.agent.FileTransfers;
import io.fleetsim.fleet.HttpFileTransfers;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.http.HttpFetch;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The firmware HTTP server and the agents' streaming HTTP fetch, on loopback. */
class FirmwareServerIT {
  private static final FirmwareServer.Image BIG =
      new FirmwareServer.Image("fsim-2.0.0.bin", 3_000_000);
  private static final FirmwareServer.Image SMALL = new FirmwareServer.Image("fsim-2.0.1.bin", 10);

  private final Transports transports = Transports.create(2);

  @AfterEach
  void close() {
    transports.close();
  }

  @Test
  void servesTheImageBytes_whichTheFetchCountsAndDigests() throws Exception {
    try (FirmwareServer server = serve(0)) {
      HttpFetch.Result r = fetch(server.url(BIG.name()), "SHA-256");

      assertThat(r.error()).isEmpty();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.bytes()).isEqualTo(3_000_000);
      assertThat(r.checksum()).isEqualTo(server.sha256(BIG.name())).hasSize(64);
      // images differ byte for byte, so a Download() with the wrong CheckSum fails
      assertThat(server.sha256(SMALL.name())).isNotEqualTo(server.sha256(BIG.name()));
      assertThat(fetch(server.url(SMALL.name()), "").bytes()).isEqualTo(10);
      assertThat(server.downloads()).isEqualTo(2);
    }
  }

  @Test
  void unknownImageIs404_andNothingListeningIsAConnectError() throws Exception {
    try (FirmwareServer server = serve(0)) {
      HttpFetch.Result r = fetch(server.url(BIG.name()).replace(BIG.name(), "nope.bin"), "");
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.error()).isEqualTo("HTTP 404 Not Found");
      assertThat(server.notFound()).isEqualTo(1);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThat(fetch("http://127.0.0.1:" + port + "/firmware/a.bin", "").error())
        .startsWith("cannot connect");
    assertThat(fetch("ftp://127.0.0.1/a.bin", "").error()).startsWith("not an http(s) URL");
    assertThat(fetch("http://127.0.0.1/a.bin", "MD4").error())
        .isEqualTo("unsupported checksum algorithm MD4");
    assertThat(fetch("https://127.0.0.1/a.bin", "").error()).isEqualTo("https is not configured");
  }

  @Test
  void aRateLimitedDownloadTakesAtLeastSizeOverRate() throws Exception {
    try (FirmwareServer server = serve(2_000_000)) {
      long start = System.nanoTime();
      HttpFetch.Result r = fetch(server.url(BIG.name()), "");
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(r.bytes()).isEqualTo(BIG.size());
      // 3 MB at 2 MB/s: 1.5 s; the shaper may let the first interval's worth through at once
      assertThat(seconds).isGreaterThan(1.0);
    }
  }

  @Test
  void fleetTransfersCapConcurrentDownloads_andRunTheQueueToTheEnd() throws Exception {
    try (FirmwareServer server = serve(4_000_000)) {
      HttpFileTransfers transfers = new HttpFileTransfers(new HttpFetch(transports, null), 2);
      List<FileTransfers.Outcome> outcomes = new CopyOnWriteArrayList<>();
      AtomicInteger maxInFlight = new AtomicInteger();
      CompletableFuture<Void> all = new CompletableFuture<>();
      for (int i = 0; i < 6; i++) {
        transfers.download(
            server.url(BIG.name()),
            "SHA-256",
            o -> {
              // as each transfer ends the next queued one has started: never above the cap
              maxInFlight.accumulateAndGet(transfers.inFlight(), Math::max);
              outcomes.add(o);
              if (outcomes.size() == 6) {
                all.complete(null);
              }
            });
        maxInFlight.accumulateAndGet(transfers.inFlight(), Math::max);
      }
      all.get(60, TimeUnit.SECONDS);

      assertThat(maxInFlight.get()).isEqualTo(2);
      assertThat(outcomes)
          .hasSize(6)
          .allSatisfy(
              o -> {
                assertThat(o.ok()).isTrue();
                assertThat(o.checksum()).isEqualTo(server.sha256(BIG.name()));
              });
      assertThat(transfers.inFlight()).isZero();
    }
  }

  @Test
  void aFailureShare_answers503ToThatShareOfDownloads() throws Exception {
    try (FirmwareServer server = serve(0)) {
      server.failPercent(100);
      HttpFetch.Result r = fetch(server.url(SMALL.name()), "");
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.error()).isEqualTo("HTTP 503 Service Unavailable");

      server.failPercent(30);
      int failed = 0;
      for (int i = 0; i < 100; i++) {
        failed += fetch(server.url(SMALL.name()), "").status() == 503 ? 1 : 0;
      }
      assertThat(failed).isBetween(15, 45);
      assertThat(server.failed()).isEqualTo(1 + failed);
    }
    try (FirmwareServer sim = FirmwareServer.simulate(List.of(BIG), 1_000)) {
      sim.failPercent(5);
      assertThat(sim.url(BIG.name())).endsWith("&rate=1000&fail=5.0");
      assertThatThrownBy(() -> sim.failPercent(101)).hasMessageContaining("0..100");
    }
  }

  @Test
  void simulateModeHandsOutSizeAndRate_withoutASocket() {
    try (FirmwareServer sim = FirmwareServer.simulate(List.of(BIG), 500_000)) {
      assertThat(sim.simulated()).isTrue();
      assertThat(sim.url(BIG.name()))
          .isEqualTo("simulate://fleetsim/firmware/fsim-2.0.0.bin?size=3000000&rate=500000");
      assertThatThrownBy(() -> sim.url("other.bin")).hasMessageContaining("no firmware image");
    }
    assertThatThrownBy(() -> FirmwareServer.simulate(List.of(BIG), 0))
        .hasMessageContaining("rate > 0");
    assertThatThrownBy(() -> new FirmwareServer.Image("a/b.bin", 1))
        .hasMessageContaining("bad firmware image");
  }

  private FirmwareServer serve(long rate) {
    return FirmwareServer.serve(
        transports, new InetSocketAddress("127.0.0.1", 0), List.of(BIG, SMALL), rate);
  }

  private HttpFetch.Result fetch(String url, String algorithm) throws Exception {
    CompletableFuture<HttpFetch.Result> f = new CompletableFuture<>();
    new HttpFetch(transports, null).get(url, algorithm, f::complete);
    return f.get(30, TimeUnit.SECONDS);
  }
}
