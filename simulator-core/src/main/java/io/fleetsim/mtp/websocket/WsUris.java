package io.fleetsim.mtp.websocket;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The USP WebSocket URL: {@code ws[s]://host:port/path?eid=<percent-encoded EID>} (R-WS.8,
 * R-WS.10b/c).
 */
final class WsUris {
  static final String SUBPROTOCOL = "v1.usp";

  private WsUris() {}

  /** The URI an agent dials: the Controller's URL with the agent's EID as opaque data. */
  static URI withEndpointId(URI base, String eid) {
    String sep = base.getRawQuery() == null ? "?" : "&";
    // URLEncoder writes spaces as '+'; an EID has none, and '%' becomes %25 as R-WS.10c wants
    return URI.create(base + sep + "eid=" + URLEncoder.encode(eid, StandardCharsets.UTF_8));
  }

  /** The {@code eid} query parameter of a request URI, decoded, or "". */
  static String endpointIdOf(String requestUri) {
    int q = requestUri.indexOf('?');
    if (q < 0) {
      return "";
    }
    for (String item : requestUri.substring(q + 1).split("&")) {
      if (item.startsWith("eid=")) {
        return URLDecoder.decode(item.substring(4), StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
