package io.fleetsim.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads PEM certificates and private keys (PKCS#8 and the traditional OpenSSL "EC PRIVATE KEY" and
 * "RSA PRIVATE KEY" forms) and checks that a key belongs to a certificate. Errors name the file.
 */
public final class Pem {
  private Pem() {}

  /** The certificates of {@code pem} in order; fails when it holds none. */
  public static List<X509Certificate> certificates(Path pem) {
    List<X509Certificate> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(pem)) {
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read certificates from " + pem + ": " + e, e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(pem + " holds no PEM certificate");
    }
    return out;
  }

  /** The private key in {@code pem}; fails when it holds none or an encrypted one. */
  public static PrivateKey privateKey(Path pem) {
    Object o;
    try (Reader r = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(r)) {
      o = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (o instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (o instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1 may omit the public key
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read a private key from " + pem + ": " + e, e);
    }
    throw new IllegalArgumentException(
        pem
            + " holds no unencrypted PEM private key (BEGIN PRIVATE KEY or BEGIN EC PRIVATE KEY)"
            + (o == null ? "" : ", but " + o.getClass().getSimpleName()));
  }

  /**
   * Whether {@code key} is the private half of {@code certKey}: signs a random challenge with it
   * and verifies it with the certificate's key.
   */
  public static boolean matches(PublicKey certKey, PrivateKey key) {
    String algorithm =
        switch (certKey.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          default -> certKey.getAlgorithm(); // Ed25519, Ed448: the key algorithm signs itself
        };
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature sign = Signature.getInstance(algorithm);
      sign.initSign(key);
      sign.update(challenge);
      byte[] signature = sign.sign();
      Signature verify = Signature.getInstance(algorithm);
      verify.initVerify(certKey);
      verify.update(challenge);
      return verify.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // a key of another kind or curve than the certificate's
    }
  }
}
