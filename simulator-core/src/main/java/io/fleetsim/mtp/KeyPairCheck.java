package io.fleetsim.mtp;

import io.fleetsim.identity.Pem;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Whether a PEM private key belongs to the first certificate of a PEM chain ({@link Pem#matches}).
 * Netty builds a server context from any certificate and key without checking they match; the
 * mismatch then shows only as a handshake that fails for every client.
 */
final class KeyPairCheck {
  private KeyPairCheck() {}

  /** Throws IllegalArgumentException naming both files when the key is not the certificate's. */
  static void check(Path certChainPem, Path keyPem) {
    PublicKey certKey;
    PrivateKey key;
    try {
      certKey = Pem.certificates(certChainPem).get(0).getPublicKey();
      key = Pem.privateKey(keyPem);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TLS certificate " + certChainPem + " / key " + keyPem + ": " + e.getMessage(), e);
    }
    if (!Pem.matches(certKey, key)) {
      throw new IllegalArgumentException(
          "TLS key " + keyPem + " does not belong to the certificate " + certChainPem);
    }
  }
}
