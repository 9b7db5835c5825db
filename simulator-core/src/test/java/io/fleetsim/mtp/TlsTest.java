package io.fleetsim.mtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TlsTest {
  @Test
  void aServerContext_needsTheKeyOfItsCertificate() throws Exception {
    TestPki pki = TestPki.create();
    TestPki other = TestPki.create();
    assertThat(Tls.server(pki.serverCert(), pki.serverKey())).isNotNull();
    assertThatThrownBy(() -> Tls.server(pki.serverCert(), other.serverKey()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "TLS key "
                + other.serverKey()
                + " does not belong to the certificate "
                + pki.serverCert());
  }
}
