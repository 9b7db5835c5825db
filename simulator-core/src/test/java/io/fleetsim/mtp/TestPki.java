package io.fleetsim.mtp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PKI for TLS tests, made with the openssl command (Debian's ca-certificates, which the
 * JDK package pulls in, depends on it): a self-signed CA and a server certificate for 127.0.0.1 and
 * localhost signed by it, all PEM, the key PKCS#8.
 */
public record TestPki(Path caCert, Path serverCert, Path serverKey) {

  public static TestPki create() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("pki");
    Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    List<String> newEcKey = List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1");
    run(
        dir,
        "req -x509 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=fleetsim-test-ca",
        newEcKey);
    run(dir, "req -new -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1", newEcKey);
    run(
        dir,
        "x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem"
            + " -days 2 -extfile server.ext",
        List.of());
    return new TestPki(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"));
  }

  /** The CA's private key (PKCS#8 PEM), for tests that mint client certificates with the CA. */
  public Path caKey() {
    return caCert.resolveSibling("ca.key");
  }

  private static void run(Path dir, String args, List<String> more)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args.split(" ")));
    cmd.addAll(more);
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", cmd) + " failed: " + Files.readString(dir.resolve("openssl.log")));
    }
  }
}
