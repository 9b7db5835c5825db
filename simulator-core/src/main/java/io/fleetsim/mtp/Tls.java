package io.fleetsim.mtp;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * The TLS contexts of a run (wss://, mqtts://): one client context shared by every agent connection
 * and one server context per listener, built once because a context holds the parsed keys and
 * session cache (TR-369 R-WS.3 / R-MQTT.3, TLS as the MTP security). Netty 4.2 client contexts
 * verify the server's host name against its certificate by default.
 */
public final class Tls {
  private Tls() {}

  /**
   * A client context trusting {@code caPem} (a PEM file of CA certificates), or the JDK's trusted
   * CAs when null.
   */
  public static SslContext client(Path caPem) {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (caPem != null) {
        b.trustManager(readable(caPem));
      }
      return b.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("TLS CA file " + caPem + ": " + e.getMessage(), e);
    }
  }

  /** A server context from a PEM certificate chain and its PEM (PKCS#8) private key. */
  public static SslContext server(Path certChainPem, Path keyPem) {
    return server(certChainPem, keyPem, null);
  }

  /**
   * The same, requiring of every client a certificate issued by a CA of {@code clientCaPem} (mutual
   * TLS, as a production Controller authenticates devices); null to ask for none.
   */
  public static SslContext server(Path certChainPem, Path keyPem, Path clientCaPem) {
    SslContext context;
    try {
      SslContextBuilder b = SslContextBuilder.forServer(readable(certChainPem), readable(keyPem));
      if (clientCaPem != null) {
        b.clientAuth(ClientAuth.REQUIRE).trustManager(readable(clientCaPem));
      }
      context = b.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "TLS certificate " + certChainPem + " / key " + keyPem + ": " + e.getMessage(), e);
    }
    KeyPairCheck.check(certChainPem, keyPem);
    return context;
  }

  private static File readable(Path p) {
    if (!Files.isReadable(p)) {
      throw new IllegalArgumentException("cannot read " + p);
    }
    return p.toFile();
  }
}
