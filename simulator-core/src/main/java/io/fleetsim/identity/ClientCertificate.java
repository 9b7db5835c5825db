package io.fleetsim.identity;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * A device's TLS client identity: its private key and certificate chain (the device's certificate
 * first, then the issuing CAs).
 */
public record ClientCertificate(PrivateKey key, X509Certificate[] chain) {

  /** The device's own certificate. */
  public X509Certificate certificate() {
    return chain[0];
  }
}
