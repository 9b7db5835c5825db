package io.fleetsim.fleet;

import io.fleetsim.agent.FileTransfers;
import io.fleetsim.mtp.http.HttpFetch;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
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

  private record Pending(String url, String algorithm, Consumer<Outcome> done) {}

  private final HttpFetch fetch;
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

  public HttpFileTransfers(HttpFetch fetch, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1");
    }
    this.fetch = fetch;
    this.maxInFlight = maxInFlight;
  }

  @Override
  public void download(String url, String checksumAlgorithm, Consumer<Outcome> done) {
    queue.add(new Pending(url, checksumAlgorithm, done));
    pump();
  }

  /** Transfers running now. */
  public int inFlight() {
    return inFlight.get();
  }

  private void pump() {
    while (true) {
      int n = inFlight.get();
      if (n >= maxInFlight || queue.isEmpty()) {
        return;
      }
      if (!inFlight.compareAndSet(n, n + 1)) {
        continue;
      }
      Pending p = queue.poll();
      if (p == null) {
        inFlight.decrementAndGet();
        continue; // another thread took it; look again
      }
      fetch.get(
          p.url(),
          p.algorithm(),
          r -> {
            inFlight.decrementAndGet();
            p.done().accept(new Outcome(r.bytes(), r.checksum(), r.error()));
            pump();
          });
    }
  }
}
