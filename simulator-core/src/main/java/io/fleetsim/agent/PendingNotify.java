package io.fleetsim.agent;

/** A Notify sent with send_resp=true that waits for its NotifyResp (R-NOT.1–4). */
record PendingNotify(
    String controllerId,
    byte[] record,
    String recipient,
    String type,
    int attempt,
    long expiresAtMillis) {

  PendingNotify nextAttempt() {
    return new PendingNotify(controllerId, record, recipient, type, attempt + 1, expiresAtMillis);
  }
}
