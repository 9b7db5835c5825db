package io.fleetsim.mtp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedactedTest {
  @Test
  void aPasswordInTheUserInfo_isHidden() {
    assertThat(Redacted.url(URI.create("ws://admin:secret@127.0.0.1:8080/usp?eid=x")))
        .isEqualTo("ws://admin:***@127.0.0.1:8080/usp?eid=x");
    assertThat(Redacted.url("mqtts://u:p@ss@broker:8883")).isEqualTo("mqtts://u:***@broker:8883");
  }

  @Test
  void urlsWithoutAPassword_areUnchanged() {
    assertThat(Redacted.url("ws://127.0.0.1:8080/usp")).isEqualTo("ws://127.0.0.1:8080/usp");
    assertThat(Redacted.url("ws://admin@127.0.0.1/usp")).isEqualTo("ws://admin@127.0.0.1/usp");
    assertThat(Redacted.url("ws://127.0.0.1/a@b")).isEqualTo("ws://127.0.0.1/a@b");
    assertThat(Redacted.url("embedded")).isEqualTo("embedded");
  }
}
