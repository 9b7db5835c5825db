package io.fleetsim.identity;

import io.fleetsim.mtp.ClientTls;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a per-device identity costs at each connect: minting one device certificate (key derived
 * from the EndpointID, P-256 point multiplication, ECDSA signature by the CA) and, on top, the
 * per-connection TLS context presenting it. One thread, as one event loop does it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IssuanceBenchmark {
  private CertificateAuthority ca;
  private ClientTls tls;
  private int next;

  @Setup
  public void ca() throws Exception {
    Path dir = Files.createTempDirectory("bench-ca");
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair k = g.generateKeyPair();
    X500Name name = new X500Name("CN=fleetsim bench CA");
    long now = System.currentTimeMillis();
    var cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.ONE,
                        new Date(now - 3_600_000),
                        new Date(now + 86_400_000),
                        name,
                        k.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(k.getPrivate())));
    Path certPem = dir.resolve("ca.pem");
    Path keyPem = dir.resolve("ca.key");
    try (Writer w = Files.newBufferedWriter(certPem);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(cert);
    }
    Files.writeString(
        keyPem,
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder().encodeToString(k.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    ca = CertificateAuthority.load(certPem, keyPem, LoginTemplate.parse("{eid}"));
    tls = ClientTls.perDevice(certPem, ca);
  }

  private DeviceId device() {
    int i = next++;
    return new DeviceId(i, "os::00D09E-HGW" + i, "HGW" + i, "");
  }

  @Benchmark
  public Object mintCertificate() {
    return ca.forDevice(device());
  }

  @Benchmark
  public Object mintAndTlsContext() {
    return tls.forDevice(device());
  }
}
