package io.fleetsim.identity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Each device's EC P-256 key pair, derived rather than stored: the private scalar is HMAC-SHA256 of
 * the EndpointID under a secret taken from the CA's key, reduced into [1, n-1]. Whoever holds the
 * CA key can re-derive any device key, which a simulator's CA holder may; no one else can. The
 * public point is computed with BouncyCastle's fixed-point comb over the curve's generator (about
 * twice as fast as a general multiplication).
 */
final class DeviceKeys {
  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
  private static final ECParameterSpec JDK_P256 = jdkParameters();
  private static final BigInteger N_MINUS_ONE = P256.getN().subtract(BigInteger.ONE);

  private final SecretKeySpec secret;

  /** A key pair: the device's private and public key. */
  record Pair(PrivateKey privateKey, PublicKey publicKey) {}

  DeviceKeys(byte[] caKeyEncoded) {
    try {
      byte[] k = MessageDigest.getInstance("SHA-256").digest(caKeyEncoded);
      this.secret = new SecretKeySpec(k, "HmacSHA256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** {@code eid}'s key pair: the same for the same CA key at every call. */
  Pair forEndpoint(String eid) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(secret);
    byte[] h = mac.doFinal(("fleetsim device key " + eid).getBytes(StandardCharsets.UTF_8));
    // 256 bits reduced mod n-1: n is within 2^-128 of 2^256, so the bias is negligible
    BigInteger d = new BigInteger(1, h).mod(N_MINUS_ONE).add(BigInteger.ONE);
    ECPoint q = new FixedPointCombMultiplier().multiply(P256.getG(), d).normalize();
    KeyFactory kf = KeyFactory.getInstance("EC");
    PrivateKey privateKey = kf.generatePrivate(new ECPrivateKeySpec(d, JDK_P256));
    PublicKey publicKey =
        kf.generatePublic(
            new ECPublicKeySpec(
                new java.security.spec.ECPoint(
                    q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
                JDK_P256));
    return new Pair(privateKey, publicKey);
  }

  private static ECParameterSpec jdkParameters() {
    try {
      AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
      p.init(new ECGenParameterSpec("secp256r1"));
      return p.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no P-256 curve", e);
    }
  }
}
