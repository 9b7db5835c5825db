package io.fleetsim.mtp.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heart-beat arithmetic of STOMP 1.2 and the destination of an EndpointID. */
class StompFramesTest {

  @Test
  void heartBeats_eachSideSendsAtTheSlowerOfWhatItOffersAndWhatThePeerWants() {
    // we offer 30 s and want 30 s; the broker offers 10 s and wants 60 s
    assertThat(StompFrames.sendEveryMillis(30_000, "10000,60000")).isEqualTo(60_000);
    assertThat(StompFrames.expectEveryMillis(30_000, "10000,60000")).isEqualTo(30_000);
    // either side at 0 turns that direction off
    assertThat(StompFrames.sendEveryMillis(0, "10000,60000")).isZero();
    assertThat(StompFrames.sendEveryMillis(30_000, "10000,0")).isZero();
    assertThat(StompFrames.expectEveryMillis(30_000, "0,60000")).isZero();
    // no header, or a malformed one: none
    assertThat(StompFrames.sendEveryMillis(30_000, null)).isZero();
    assertThat(StompFrames.expectEveryMillis(30_000, "x,y")).isZero();
    assertThat(StompFrames.expectEveryMillis(30_000, "5000")).isZero();
  }

  @Test
  void destination_percentEncodesWhatArtemisOrRabbitMqWouldReadAsSyntax() {
    assertThat(StompFrames.destination("/queue/usp.agent.{eid}", "os::00D09E-FSIM01"))
        .isEqualTo("/queue/usp.agent.os%3A%3A00D09E-FSIM01");
    assertThat(StompFrames.destination("/queue/{eid}", "proto::a/b%c d"))
        .isEqualTo("/queue/proto%3A%3Aa%2Fb%25c%20d");
    assertThat(StompFrames.destination("/queue/fixed", "os::x")).isEqualTo("/queue/fixed");
  }

  @Test
  void connect_aDevicesOwnLogin_replacesTheUrls() {
    StompConfig c =
        new StompConfig(
            "127.0.0.1",
            61613,
            "/",
            "fleet",
            "url-secret",
            "/queue/a.{eid}",
            "/queue/c",
            0,
            0,
            1 << 20,
            StompConfig.MAX_LINE_BYTES);
    var own =
        StompFrames.connect(c, "os::x", new io.fleetsim.identity.Credentials("dev-7", "pw-7"));
    assertThat(own.headers().getAsString("login")).isEqualTo("dev-7");
    assertThat(own.headers().getAsString("passcode")).isEqualTo("pw-7");
    var run = StompFrames.connect(c, "os::x");
    assertThat(run.headers().getAsString("login")).isEqualTo("fleet");
    assertThat(run.headers().getAsString("passcode")).isEqualTo("url-secret");
  }
}
