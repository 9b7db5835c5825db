package io.fleetsim.identity;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * The EndpointID a certificate vouches for: its subjectAltName URI {@code urn:bbf:usp:id:<EID>}
 * (TR-369 section 4, Endpoint identifiers in certificates). A Controller compares it with the
 * {@code from_id} of every Record that comes over the connection.
 */
public final class CertifiedEndpoint {
  private static final int URI_NAME = 6; // GeneralName uniformResourceIdentifier

  private CertifiedEndpoint() {}

  /** The EndpointID {@code cert} names, or "" when it names none. */
  public static String of(X509Certificate cert) {
    Collection<List<?>> names;
    try {
      names = cert.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return "";
    }
    if (names != null) {
      for (List<?> name : names) {
        if (name.size() == 2
            && Integer.valueOf(URI_NAME).equals(name.get(0))
            && name.get(1) instanceof String uri
            && uri.startsWith(CertificateAuthority.EID_URN)) {
          return uri.substring(CertificateAuthority.EID_URN.length());
        }
      }
    }
    return "";
  }
}
