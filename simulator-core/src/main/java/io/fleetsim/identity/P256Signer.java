package io.fleetsim.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.operator.ContentSigner;

/**
 * ECDSA with SHA-256 by a P-256 CA key on BouncyCastle's P-256 arithmetic and fixed-point comb (the
 * JDK 17 signer spent three quarters of a certificate's issue time in its field arithmetic,
 * measured with JMH's stack profiler), with the nonce derived as RFC 6979 says: the same device
 * gets byte-for-byte the same certificate at every issue.
 */
final class P256Signer implements ContentSigner {
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(P256);
  private static final AlgorithmIdentifier ECDSA_SHA256 =
      new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

  private final ECPrivateKeyParameters key;
  private final ByteArrayOutputStream tbs = new ByteArrayOutputStream(512);

  /** A signer of one certificate (it gathers the certificate's bytes) with {@code key}. */
  P256Signer(ECPrivateKeyParameters key) {
    this.key = key;
  }

  /** {@code caKey} for this signer when it is a P-256 key, else null (the JCA signer serves it). */
  static ECPrivateKeyParameters key(PrivateKey caKey) {
    if (caKey instanceof ECPrivateKey ec
        && ec.getParams().getOrder().equals(P256.getN())
        && ec.getParams().getCurve().getField().getFieldSize() == 256) {
      return new ECPrivateKeyParameters(ec.getS(), DOMAIN);
    }
    return null;
  }

  @Override
  public AlgorithmIdentifier getAlgorithmIdentifier() {
    return ECDSA_SHA256;
  }

  @Override
  public OutputStream getOutputStream() {
    return tbs;
  }

  @Override
  public byte[] getSignature() {
    SHA256Digest sha = new SHA256Digest();
    byte[] data = tbs.toByteArray();
    sha.update(data, 0, data.length);
    byte[] hash = new byte[32];
    sha.doFinal(hash, 0);
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    signer.init(true, key);
    BigInteger[] rs = signer.generateSignature(hash);
    ASN1EncodableVector v = new ASN1EncodableVector(2);
    v.add(new ASN1Integer(rs[0]));
    v.add(new ASN1Integer(rs[1]));
    try {
      return new DERSequence(v).getEncoded();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // encoding two integers in memory does not fail
    }
  }
}
