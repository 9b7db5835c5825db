package io.fleetsim.mtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ConnectFailureTest {
  @Test
  void theKindsAnOperatorActsOn_areToldApart() {
    assertThat(ConnectFailure.of(new UnknownHostException("nowhere.invalid")))
        .isEqualTo(ConnectFailure.DNS);
    assertThat(ConnectFailure.of(new ConnectTimeoutException("connection timed out")))
        .isEqualTo(ConnectFailure.TIMEOUT);
    assertThat(ConnectFailure.of(new ConnectException("Connection refused")))
        .isEqualTo(ConnectFailure.REFUSED);
    assertThat(
            ConnectFailure.of(
                new WebSocketClientHandshakeException(
                    "Invalid handshake response getStatus: 404 Not Found")))
        .isEqualTo(ConnectFailure.HTTP_STATUS);
    assertThat(
            ConnectFailure.of(
                new WebSocketClientHandshakeException(
                    "Invalid subprotocol. Actual: null. Expected one of: v1.usp")))
        .isEqualTo(ConnectFailure.SUBPROTOCOL);
    assertThat(ConnectFailure.of(new IOException("something else")))
        .isEqualTo(ConnectFailure.OTHER);
  }

  @Test
  void aWrappedTlsError_isFoundInTheCauseChain_withItsDeepestMessage() {
    Throwable wrapped =
        new DecoderException(
            new SSLHandshakeException("PKIX path building failed")
                .initCause(new IllegalStateException("unable to find valid certification path")));
    assertThat(ConnectFailure.of(wrapped)).isEqualTo(ConnectFailure.TLS);
    assertThat(ConnectFailure.detail(wrapped)).isEqualTo("unable to find valid certification path");
  }
}
