package io.fleetsim.identity;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.Principal;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * A minted device certificate that holds only its DER bytes (about 300 B) and parses them on each
 * use: a parsed JDK certificate is about 3.4 KB, and a connection keeps its certificate for its
 * whole life (in the TLS session) though the TLS stack reads it only during the handshake. Parsing
 * is cheap on repeat: the JDK's certificate factory caches recent certificates by their bytes.
 */
final class CompactCertificate extends X509Certificate {
  private static final long serialVersionUID = 1L;
  private final byte[] der;

  CompactCertificate(byte[] der) {
    this.der = der.clone();
  }

  private X509Certificate parsed() {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IllegalStateException("a certificate minted here does not parse", e);
    }
  }

  @Override
  public byte[] getEncoded() {
    return der.clone();
  }

  @Override
  public void checkValidity()
      throws java.security.cert.CertificateExpiredException,
          java.security.cert.CertificateNotYetValidException {
    parsed().checkValidity();
  }

  @Override
  public void checkValidity(Date date)
      throws java.security.cert.CertificateExpiredException,
          java.security.cert.CertificateNotYetValidException {
    parsed().checkValidity(date);
  }

  @Override
  public int getVersion() {
    return parsed().getVersion();
  }

  @Override
  public BigInteger getSerialNumber() {
    return parsed().getSerialNumber();
  }

  @Override
  @SuppressWarnings("deprecation")
  public Principal getIssuerDN() {
    return parsed().getIssuerDN();
  }

  @Override
  @SuppressWarnings("deprecation")
  public Principal getSubjectDN() {
    return parsed().getSubjectDN();
  }

  @Override
  public X500Principal getIssuerX500Principal() {
    return parsed().getIssuerX500Principal();
  }

  @Override
  public X500Principal getSubjectX500Principal() {
    return parsed().getSubjectX500Principal();
  }

  @Override
  public Date getNotBefore() {
    return parsed().getNotBefore();
  }

  @Override
  public Date getNotAfter() {
    return parsed().getNotAfter();
  }

  @Override
  public byte[] getTBSCertificate() throws CertificateEncodingException {
    return parsed().getTBSCertificate();
  }

  @Override
  public byte[] getSignature() {
    return parsed().getSignature();
  }

  @Override
  public String getSigAlgName() {
    return parsed().getSigAlgName();
  }

  @Override
  public String getSigAlgOID() {
    return parsed().getSigAlgOID();
  }

  @Override
  public byte[] getSigAlgParams() {
    return parsed().getSigAlgParams();
  }

  @Override
  public boolean[] getIssuerUniqueID() {
    return parsed().getIssuerUniqueID();
  }

  @Override
  public boolean[] getSubjectUniqueID() {
    return parsed().getSubjectUniqueID();
  }

  @Override
  public boolean[] getKeyUsage() {
    return parsed().getKeyUsage();
  }

  @Override
  public List<String> getExtendedKeyUsage() throws CertificateParsingException {
    return parsed().getExtendedKeyUsage();
  }

  @Override
  public int getBasicConstraints() {
    return parsed().getBasicConstraints();
  }

  @Override
  public Collection<List<?>> getSubjectAlternativeNames() throws CertificateParsingException {
    return parsed().getSubjectAlternativeNames();
  }

  @Override
  public Collection<List<?>> getIssuerAlternativeNames() throws CertificateParsingException {
    return parsed().getIssuerAlternativeNames();
  }

  @Override
  public void verify(PublicKey key)
      throws CertificateException,
          java.security.NoSuchAlgorithmException,
          java.security.InvalidKeyException,
          java.security.NoSuchProviderException,
          java.security.SignatureException {
    parsed().verify(key);
  }

  @Override
  public void verify(PublicKey key, String sigProvider)
      throws CertificateException,
          java.security.NoSuchAlgorithmException,
          java.security.InvalidKeyException,
          java.security.NoSuchProviderException,
          java.security.SignatureException {
    parsed().verify(key, sigProvider);
  }

  @Override
  public void verify(PublicKey key, Provider sigProvider)
      throws CertificateException,
          java.security.NoSuchAlgorithmException,
          java.security.InvalidKeyException,
          java.security.SignatureException {
    parsed().verify(key, sigProvider);
  }

  @Override
  public PublicKey getPublicKey() {
    return parsed().getPublicKey();
  }

  @Override
  public boolean hasUnsupportedCriticalExtension() {
    return parsed().hasUnsupportedCriticalExtension();
  }

  @Override
  public Set<String> getCriticalExtensionOIDs() {
    return parsed().getCriticalExtensionOIDs();
  }

  @Override
  public Set<String> getNonCriticalExtensionOIDs() {
    return parsed().getNonCriticalExtensionOIDs();
  }

  @Override
  public byte[] getExtensionValue(String oid) {
    return parsed().getExtensionValue(oid);
  }

  @Override
  public String toString() {
    return parsed().toString();
  }
}
