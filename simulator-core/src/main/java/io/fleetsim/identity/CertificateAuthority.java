package io.fleetsim.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints each agent's client certificate from a CA the user gives (PEM certificate and key), the way
 * a device maker's factory CA does: subject CN from a template ({@code {eid}} by default),
 * subjectAltName URI {@code urn:bbf:usp:id:<EndpointID>} (TR-369 section 4: how a certificate names
 * an endpoint, which a Controller checks against the Records' {@code from_id}), extended key usage
 * clientAuth, EC P-256 keys.
 *
 * <p>Nothing is kept per agent: a device's key is derived from the CA key and its EndpointID
 * ({@link DeviceKeys}), and the certificate's serial number and validity from the EndpointID and
 * the CA, so the same agent presents the same key and certificate at every connect, on every worker
 * of a cluster, without anything stored between connects.
 */
public final class CertificateAuthority implements ClientCertificates {
  /** TR-369: the URN prefix of an EndpointID in a certificate's subjectAltName. */
  public static final String EID_URN = "urn:bbf:usp:id:";

  private final X509Certificate caCert;
  private final X509CertificateHolder caHolder;
  private final String signatureAlgorithm;
  private final PrivateKey caKey;

  /** The CA key for the P-256 signer, or null when it is another kind (the JCA signs then). */
  private final ECPrivateKeyParameters p256Key;

  private final DeviceKeys keys;
  private final LoginTemplate commonName;
  private final org.bouncycastle.asn1.x509.AuthorityKeyIdentifier authorityKeyId;

  private CertificateAuthority(X509Certificate caCert, PrivateKey caKey, LoginTemplate commonName)
      throws GeneralSecurityException, IOException {
    this.caCert = caCert;
    this.caHolder = new X509CertificateHolder(caCert.getEncoded());
    this.caKey = caKey;
    this.p256Key = P256Signer.key(caKey);
    this.signatureAlgorithm =
        caKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    this.keys = new DeviceKeys(caKey.getEncoded());
    this.commonName = commonName;
    this.authorityKeyId = new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCert);
  }

  /**
   * The CA in {@code certPem} with its key in {@code keyPem} (PKCS#8 or the traditional "EC PRIVATE
   * KEY" / "RSA PRIVATE KEY" form), minting certificates whose CN is {@code commonName}.
   *
   * @throws IllegalArgumentException naming the file when either is unreadable, the certificate is
   *     no CA, or the key is not the certificate's
   */
  public static CertificateAuthority load(Path certPem, Path keyPem, LoginTemplate commonName) {
    X509Certificate cert = Pem.certificates(certPem).get(0);
    PrivateKey key = Pem.privateKey(keyPem);
    if (cert.getBasicConstraints() < 0) {
      throw new IllegalArgumentException(
          "client CA certificate " + certPem + " is not a CA (basicConstraints CA:FALSE)");
    }
    if (!Pem.matches(cert.getPublicKey(), key)) {
      throw new IllegalArgumentException(
          "client CA key " + keyPem + " is not the key of " + certPem);
    }
    try {
      return new CertificateAuthority(cert, key, commonName);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("client CA " + certPem + ": " + e.getMessage(), e);
    }
  }

  /** The CA's certificate. */
  public X509Certificate certificate() {
    return caCert;
  }

  @Override
  public ClientCertificate forDevice(DeviceId device) {
    try {
      DeviceKeys.Pair pair = keys.forEndpoint(device.eid());
      X509Certificate leaf = issue(device, pair.publicKey());
      return new ClientCertificate(pair.privateKey(), new X509Certificate[] {leaf, caCert});
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IdentityException(
          "cannot issue a certificate for " + device.eid() + ": " + e.getMessage(), e);
    }
  }

  private X509Certificate issue(DeviceId device, PublicKey devicePublicKey)
      throws GeneralSecurityException, IOException, OperatorCreationException {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName.expand(device)).build();
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            caHolder.getSubject(),
            serialNumber(device.eid()),
            caCert.getNotBefore(),
            caCert.getNotAfter(),
            subject,
            org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                devicePublicKey.getEncoded()));
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    b.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName(GeneralName.uniformResourceIdentifier, EID_URN + device.eid())));
    b.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId);
    ContentSigner signer =
        p256Key != null
            ? new P256Signer(p256Key)
            : new JcaContentSignerBuilder(signatureAlgorithm).build(caKey);
    return new CompactCertificate(b.build(signer).getEncoded());
  }

  /** 128 bits of SHA-256 over the EndpointID: unique per device, the same at every issue. */
  private static BigInteger serialNumber(String eid) throws GeneralSecurityException {
    byte[] h = MessageDigest.getInstance("SHA-256").digest(eid.getBytes(StandardCharsets.UTF_8));
    return new BigInteger(1, Arrays.copyOf(h, 16));
  }
}
