package io.fleetsim.mtp;

import io.fleetsim.identity.IdentityException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/**
 * Why a connect never became a session, in the few kinds an operator acts on differently, each with
 * the advice printed with its first occurrence. The MTPs classify what Netty and the JDK report
 * (exceptions whose classes and messages differ between the NIO and epoll transports) into these.
 */
public enum ConnectFailure {
  REFUSED(
      "refused",
      "nothing listens at the target's host and port: is the Controller (or broker) running there?"),
  TIMEOUT(
      "timeout",
      "no answer in time: a wrong address, a firewall that drops packets, or a peer too busy to"
          + " accept"),
  DNS("dns", "the target's host name does not resolve: check it, or give an IP address"),
  TLS(
      "tls",
      "the TLS handshake failed: does --ca-cert trust the server's certificate, and does the"
          + " certificate name the target's host?"),
  HTTP_STATUS(
      "http-status",
      "the server answered the WebSocket upgrade with an HTTP error: check the target's path"),
  SUBPROTOCOL(
      "subprotocol",
      "the server did not accept the USP WebSocket subprotocol v1.usp (R-WS.12): is it a USP"
          + " Controller?"),
  MQTT_CONNACK(
      "mqtt-connack",
      "the broker refused the MQTT CONNECT: check the MQTT version, client ID rules and"
          + " credentials"),
  STOMP_ERROR(
      "stomp-error",
      "the broker refused the STOMP connect or a destination: check the virtual host (the URL's"
          + " path, \"/\" by default), the login and passcode, and the destinations"),
  IDENTITY(
      "identity",
      "the agent has no client certificate: check --client-certs (EID.pem and EID.key per agent,"
          + " or a PKCS#12 entry per EID) or the CA given with --client-ca-cert and --client-ca-key"),
  NETWORK_CUT(
      "network-cut",
      "the scenario's network-outage incident cut the fleet's link; agents retry along the"
          + " TR-369 retry wait until it is back"),
  CLOSED("closed", "the peer closed the connection before the session was up"),
  OTHER("other", "see the detail");

  private final String label;
  private final String advice;

  ConnectFailure(String label, String advice) {
    this.label = label;
    this.advice = advice;
  }

  /** The short name counted in progress lines, summary.json and the report. */
  public String label() {
    return label;
  }

  /** What to check, for the log line of its first occurrence. */
  public String advice() {
    return advice;
  }

  /** The kind of {@code error} (or of the first cause in its chain that has a kind). */
  public static ConnectFailure of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      ConnectFailure kind = kindOf(t);
      if (kind != OTHER) {
        return kind;
      }
    }
    return OTHER;
  }

  /** The detail to log with it: the deepest message, which names the real problem. */
  public static String detail(Throwable error) {
    String detail = String.valueOf(error);
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        detail = t.getMessage();
      }
    }
    return detail;
  }

  private static ConnectFailure kindOf(Throwable t) {
    if (t instanceof IdentityException) {
      return IDENTITY;
    }
    if (t instanceof UnknownHostException) {
      return DNS;
    }
    if (t instanceof ConnectTimeoutException
        || t instanceof SocketTimeoutException
        || t instanceof NoRouteToHostException) {
      return TIMEOUT;
    }
    if (t instanceof ConnectException) {
      return REFUSED; // also the epoll transport's NativeConnectException
    }
    if (t instanceof SSLException || t instanceof CertificateException) {
      return TLS;
    }
    if (t instanceof WebSocketClientHandshakeException h) {
      String m = String.valueOf(h.getMessage());
      return m.contains("subprotocol") ? SUBPROTOCOL : HTTP_STATUS;
    }
    return OTHER;
  }
}
