package io.fleetsim.fleet;

import io.fleetsim.agent.FileTransfers;
import io.fleetsim.mtp.Tls;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.http.HttpFetch;
import java.util.function.Consumer;

/**
 * The fleet's real file transfers: every agent's http(s) Download() goes through one {@link
 * HttpFetch}, at most {@code maxInFlight} at a time and the rest queued in order. The cap keeps a
 * Controller that commands the whole fleet to download at once from taking more sockets than the
 * process may open (each transfer is one more socket, two when the server shares the JVM).
 */
public final class HttpFileTransfers implements FileTransfers {
  /** Concurrent transfers at most, by default. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 256;

  private final HttpFetch fetch;
  private final InFlightGate gate;

  /**
   * The fleet's firmware downloads over http(s) on the transports' event loops, trusting the JDK's
   * CAs, at most {@link #DEFAULT_MAX_IN_FLIGHT} at a time: what {@code run} and {@code agents} use.
   */
  public static HttpFileTransfers standard(Transports transports) {
    return new HttpFileTransfers(
        new HttpFetch(transports, Tls.client(null)), DEFAULT_MAX_IN_FLIGHT);
  }

  public HttpFileTransfers(HttpFetch fetch, int maxInFlight) {
    this.fetch = fetch;
    this.gate = new InFlightGate(maxInFlight);
  }

  @Override
  public void download(String url, String checksumAlgorithm, Consumer<Outcome> done) {
    gate.submit(
        () ->
            fetch.get(
                url,
                checksumAlgorithm,
                r -> {
                  gate.done();
                  done.accept(new Outcome(r.bytes(), r.checksum(), r.error()));
                }));
  }

  /** Transfers running now. */
  public int inFlight() {
    return gate.inFlight();
  }
}
