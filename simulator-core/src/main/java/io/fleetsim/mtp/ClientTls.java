package io.fleetsim.mtp;

import io.fleetsim.identity.ClientCertificate;
import io.fleetsim.identity.ClientCertificates;
import io.fleetsim.identity.DeviceId;
import io.fleetsim.identity.IdentityException;
import io.fleetsim.identity.Pem;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The client side of TLS for a run's connections (wss://, mqtts://, stomps://). Without client
 * certificates one Netty context serves every connection. With them, each connection gets a JDK
 * context of its own holding only its device's key: a context shared by many identities would let
 * one agent resume a TLS session another agent authenticated (the JDK caches client sessions per
 * host and port), so the server would see the wrong device. The per-connection context lives as
 * long as its connection and shares the trust managers and random source of the run.
 */
public final class ClientTls {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Layer shared;
  private final TrustManager[] trust;
  private final ClientCertificates certificates;

  /** Makes the TLS handler of one connection. */
  @FunctionalInterface
  public interface Layer {
    SslHandler newHandler(ByteBufAllocator alloc, String host, int port);
  }

  private ClientTls(Layer shared, TrustManager[] trust, ClientCertificates certificates) {
    this.shared = shared;
    this.trust = trust;
    this.certificates = certificates;
  }

  /** One context for every connection (no client certificate); null stays null (plain TCP). */
  public static ClientTls of(SslContext context) {
    return context == null ? null : new ClientTls(context::newHandler, null, null);
  }

  /**
   * A context per connection presenting the device's certificate from {@code certificates},
   * trusting the CAs in {@code caPem} (the JDK's when null).
   */
  public static ClientTls perDevice(Path caPem, ClientCertificates certificates) {
    try {
      TrustManagerFactory f =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      if (caPem == null) {
        f.init((KeyStore) null);
      } else {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (X509Certificate c : Pem.certificates(caPem)) {
          ks.setCertificateEntry("ca" + i++, c);
        }
        f.init(ks);
      }
      return new ClientTls(null, f.getTrustManagers(), certificates);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("TLS CA file " + caPem + ": " + e.getMessage(), e);
    }
  }

  /** Whether each connection presents its device's own certificate. */
  public boolean perDevice() {
    return certificates != null;
  }

  /**
   * The TLS layer of one connection of {@code device}.
   *
   * @throws IdentityException when the device has no certificate (see {@link
   *     ConnectFailure#IDENTITY})
   */
  public Layer forDevice(DeviceId device) {
    if (shared != null) {
      return shared;
    }
    ClientCertificate identity = certificates.forDevice(device);
    SSLContext context;
    try {
      context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {new OneIdentity(identity)}, trust, RANDOM);
    } catch (GeneralSecurityException e) {
      throw new IdentityException("TLS context for " + device.eid() + ": " + e, e);
    }
    return (alloc, host, port) -> {
      SSLEngine engine = context.createSSLEngine(host, port);
      engine.setUseClientMode(true);
      SSLParameters p = engine.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("HTTPS"); // as Netty's client contexts: check the name
      engine.setSSLParameters(p);
      return new SslHandler(engine);
    };
  }

  /** A key manager holding one device's key and chain, offered whatever the server asks. */
  private static final class OneIdentity extends X509ExtendedKeyManager {
    private static final String ALIAS = "device";
    private final ClientCertificate identity;

    OneIdentity(ClientCertificate identity) {
      this.identity = identity;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine e) {
      return ALIAS;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return ALIAS;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return new String[] {ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return identity.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return identity.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
