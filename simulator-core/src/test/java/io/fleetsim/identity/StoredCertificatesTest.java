package io.fleetsim.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetsim.mtp.TestPki;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Existing per-device certificates from a folder of PEM files or a PKCS#12 file. */
class StoredCertificatesTest {
  private static final DeviceId A = DeviceId.of("os::012345-A");
  private static final DeviceId B = DeviceId.of("os::012345-B");
  private static CertificateAuthority ca;

  @BeforeAll
  static void ca() throws Exception {
    TestPki pki = TestPki.create();
    ca = CertificateAuthority.load(pki.caCert(), pki.caKey(), LoginTemplate.parse("{eid}"));
  }

  @Test
  void aFolder_givesEachDeviceItsPemFiles_andNamesAMissingOne(@TempDir Path dir) throws Exception {
    ClientCertificate a = ca.forDevice(A);
    try (Writer w = Files.newBufferedWriter(dir.resolve(A.eid() + ".pem"));
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(a.certificate());
      pem.writeObject(ca.certificate());
    }
    // PKCS#8, as openssl genpkey and most device PKIs write keys
    Files.writeString(
        dir.resolve(A.eid() + ".key"),
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(a.key().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    StoredCertificates stored = StoredCertificates.open(dir, new char[0]);

    ClientCertificate read = stored.forDevice(A);
    assertThat(read.certificate()).isEqualTo(a.certificate());
    assertThat(read.chain()).hasSize(2);
    assertThat(Pem.matches(read.certificate().getPublicKey(), read.key())).isTrue();
    assertThatThrownBy(() -> stored.forDevice(B))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("no os::012345-B.pem and os::012345-B.key in " + dir);
  }

  @Test
  void aPkcs12File_givesTheEntryWhoseAliasIsTheEid(@TempDir Path dir) throws Exception {
    char[] password = "changeit".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ClientCertificate a = ca.forDevice(A);
    ks.setKeyEntry(A.eid(), a.key(), password, a.chain());
    Path p12 = dir.resolve("devices.p12");
    try (OutputStream out = Files.newOutputStream(p12)) {
      ks.store(out, password);
    }
    StoredCertificates stored = StoredCertificates.open(p12, password);

    assertThat(stored.forDevice(A).certificate()).isEqualTo(a.certificate());
    assertThatThrownBy(() -> stored.forDevice(B))
        .isInstanceOf(IdentityException.class)
        .hasMessageContaining("os::012345-B");
    assertThatThrownBy(() -> StoredCertificates.open(p12, "wrong".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(p12.toString());
  }
}
