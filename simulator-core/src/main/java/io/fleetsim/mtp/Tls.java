package io.fleetsim.mtp;

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
    SslContext context;
    try {
      context = SslContextBuilder.forServer(readable(certChainPem), readable(keyPem)).build();
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
