package io.fleetsim.agent;

/**
 * A Notify sent with send_resp=true that waits for its NotifyResp (R-NOT.1–4).
 *
 * @param metric what its round trip is recorded as: the event name for an Event ({@code Boot!}),
 *     else the notification type
 * @param sentNanos when the first attempt went out ({@link System#nanoTime()})
 */
record PendingNotify(
    String controllerId,
    byte[] record,
    String recipient,
    String type,
    String metric,
    long sentNanos,
    int attempt,
    long expiresAtMillis) {

  PendingNotify nextAttempt() {
    return new PendingNotify(
        controllerId, record, recipient, type, metric, sentNanos, attempt + 1, expiresAtMillis);
  }
}
