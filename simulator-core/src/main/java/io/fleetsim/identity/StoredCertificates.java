package io.fleetsim.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Existing per-device certificates, keyed by EndpointID: a folder holding {@code <EID>.pem} (the
 * device certificate, then its chain) and {@code <EID>.key} for each device, read at each connect
 * so a folder of 100,000 devices costs no heap; or one PKCS#12 file whose entry aliases are the
 * EndpointIDs, loaded once. A device without an entry fails its connect naming the EID.
 */
public final class StoredCertificates implements ClientCertificates {
  private final Path folder;
  private final KeyStore store;
  private final char[] storePassword;

  private StoredCertificates(Path folder, KeyStore store, char[] storePassword) {
    this.folder = folder;
    this.store = store;
    this.storePassword = storePassword;
  }

  /**
   * A folder of PEM files, or a {@code .p12}/{@code .pfx} file opened with {@code password} (empty
   * for none).
   */
  public static StoredCertificates open(Path path, char[] password) {
    if (Files.isDirectory(path)) {
      return new StoredCertificates(path, null, null);
    }
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      if (ks.size() == 0) {
        throw new IllegalArgumentException(path + " holds no certificate");
      }
      return new StoredCertificates(null, ks, password.clone());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "client certificates " + path + ": not a folder nor a readable PKCS#12 file (" + e + ")",
          e);
    }
  }

  @Override
  public ClientCertificate forDevice(DeviceId device) {
    return store != null ? fromStore(device.eid()) : fromFolder(device.eid());
  }

  private ClientCertificate fromFolder(String eid) {
    Path cert = folder.resolve(eid + ".pem");
    Path key = folder.resolve(eid + ".key");
    if (!Files.isReadable(cert) || !Files.isReadable(key)) {
      throw new IdentityException("no " + eid + ".pem and " + eid + ".key in " + folder, null);
    }
    try {
      X509Certificate[] chain = Pem.certificates(cert).toArray(X509Certificate[]::new);
      return new ClientCertificate(Pem.privateKey(key), chain);
    } catch (IllegalArgumentException e) {
      throw new IdentityException(e.getMessage(), e);
    }
  }

  private ClientCertificate fromStore(String eid) {
    String alias = eid.toLowerCase(Locale.ROOT); // PKCS#12 aliases are case-insensitive
    try {
      Key key = store.getKey(alias, storePassword);
      Certificate[] chain = store.getCertificateChain(alias);
      if (!(key instanceof PrivateKey pk) || chain == null) {
        throw new IdentityException("no key entry for " + eid + " in the PKCS#12 file", null);
      }
      return new ClientCertificate(pk, Arrays.copyOf(chain, chain.length, X509Certificate[].class));
    } catch (GeneralSecurityException e) {
      throw new IdentityException("the PKCS#12 entry of " + eid + ": " + e.getMessage(), e);
    }
  }
}
