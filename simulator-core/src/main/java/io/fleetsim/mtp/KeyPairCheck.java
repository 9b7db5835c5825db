package io.fleetsim.mtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Whether a PEM private key belongs to the first certificate of a PEM chain: signs a random
 * challenge with the key and verifies it with the certificate's public key. Netty builds a server
 * context from any certificate and key without checking they match; the mismatch then shows only as
 * a handshake that fails for every client.
 */
final class KeyPairCheck {
  private KeyPairCheck() {}

  /** Throws IllegalArgumentException naming both files when the key is not the certificate's. */
  static void check(Path certChainPem, Path keyPem) {
    PublicKey certKey;
    PrivateKey key;
    try (InputStream in = Files.newInputStream(certChainPem)) {
      Certificate first = CertificateFactory.getInstance("X.509").generateCertificate(in);
      certKey = first.getPublicKey();
      key = privateKey(keyPem, certKey.getAlgorithm());
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TLS certificate " + certChainPem + " / key " + keyPem + ": " + e.getMessage(), e);
    }
    if (!signs(key, certKey)) {
      throw new IllegalArgumentException(
          "TLS key " + keyPem + " does not belong to the certificate " + certChainPem);
    }
  }

  private static PrivateKey privateKey(Path pem, String algorithm)
      throws IOException, GeneralSecurityException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("not a PEM PKCS#8 private key (BEGIN PRIVATE KEY)");
    }
    String base64 =
        text.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).replaceAll("\\s", "");
    return KeyFactory.getInstance(algorithm)
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static boolean signs(PrivateKey key, PublicKey certKey) {
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
