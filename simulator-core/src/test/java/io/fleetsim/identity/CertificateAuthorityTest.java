package io.fleetsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.mtp.TestPki;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Minting per-device client certificates from a CA made by openssl (an independent tool). */
class CertificateAuthorityTest {
  private static TestPki pki;
  private static CertificateAuthority ca;
  private static final DeviceId DEVICE = new DeviceId(7, "os::012345-FS00000007", "FS00000007", "");

  @BeforeAll
  static void pki() throws Exception {
    pki = TestPki.create();
    ca = CertificateAuthority.load(pki.caCert(), pki.caKey(), LoginTemplate.parse("{serial}"));
  }

  @Test
  void aDeviceCertificate_namesItsEndpointId_andIsSignedByTheCa() throws Exception {
    ClientCertificate c = ca.forDevice(DEVICE);
    X509Certificate cert = c.certificate();

    cert.verify(ca.certificate().getPublicKey());
    assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=FS00000007");
    assertThat(CertifiedEndpoint.of(cert)).isEqualTo("os::012345-FS00000007");
    assertThat(cert.getSubjectAlternativeNames())
        .containsExactly(List.of(6, "urn:bbf:usp:id:os::012345-FS00000007"));
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2"); // clientAuth
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getNotAfter()).isEqualTo(ca.certificate().getNotAfter());
    assertThat(((ECPublicKey) cert.getPublicKey()).getParams().getCurve().getField().getFieldSize())
        .isEqualTo(256);
    assertThat(Pem.matches(cert.getPublicKey(), c.key())).isTrue();
    assertThat(c.chain()).hasSize(2).endsWith(ca.certificate());
    // held as its DER bytes only, it is the same certificate as the parsed one
    X509Certificate parsed =
        (X509Certificate)
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(cert.getEncoded()));
    assertThat(cert).isEqualTo(parsed);
    assertThat(cert.getSerialNumber()).isEqualTo(parsed.getSerialNumber());
    assertThat(cert.getPublicKey()).isEqualTo(parsed.getPublicKey());
  }

  @Test
  void theSameDevice_getsTheSameCertificate_atEveryIssue_otherDevicesOthers() throws Exception {
    X509Certificate first = ca.forDevice(DEVICE).certificate();
    X509Certificate again = ca.forDevice(DEVICE).certificate();
    X509Certificate other =
        ca.forDevice(new DeviceId(8, "os::012345-FS00000008", "FS00000008", "")).certificate();

    assertThat(again.getEncoded()).isEqualTo(first.getEncoded()); // RFC 6979: byte for byte
    assertThat(again.getPublicKey()).isEqualTo(first.getPublicKey());
    assertThat(again.getSerialNumber()).isEqualTo(first.getSerialNumber());
    assertThat(other.getPublicKey()).isNotEqualTo(first.getPublicKey());
    assertThat(other.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
  }

  @Test
  void anotherCaKey_derivesOtherDeviceKeys() throws Exception {
    TestPki otherPki = TestPki.create();
    CertificateAuthority other =
        CertificateAuthority.load(
            otherPki.caCert(), otherPki.caKey(), LoginTemplate.parse("{eid}"));
    assertThat(other.forDevice(DEVICE).certificate().getPublicKey())
        .isNotEqualTo(ca.forDevice(DEVICE).certificate().getPublicKey());
  }

  @Test
  void aKeyThatIsNotTheCas_orACertificateThatIsNoCa_failsNamingTheFile() throws Exception {
    TestPki otherPki = TestPki.create();
    assertThatThrownBy(
            () ->
                CertificateAuthority.load(
                    pki.caCert(), otherPki.caKey(), LoginTemplate.parse("{eid}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(otherPki.caKey().toString())
        .hasMessageContaining("is not the key of");
    assertThatThrownBy(
            () ->
                CertificateAuthority.load(
                    pki.serverCert(), pki.serverKey(), LoginTemplate.parse("{eid}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a CA");
  }
}
