package io.fleetsim.identity;

/**
 * Where each agent's TLS client certificate comes from: minted by a {@link CertificateAuthority} or
 * read from existing per-device files ({@link StoredCertificates}).
 */
public interface ClientCertificates {

  /**
   * {@code device}'s key and chain.
   *
   * @throws IdentityException when there is none for it (the connect fails with that reason)
   */
  ClientCertificate forDevice(DeviceId device);
}
