package io.fleetsim.agent;

/** A deferred piece of agent work; opaque to the scheduler, which hands it back when due. */
public sealed interface AgentTimer {

  /** Resend an unacknowledged Notify (R-NOT.1–4). */
  record NotifyRetry(String msgId) implements AgentTimer {}

  /** An async command finished. */
  record CommandDone(Effect.StartCommand start) implements AgentTimer {}

  /** A real file transfer of Download() ended (delivered as soon as it is scheduled). */
  record TransferDone(Effect.StartCommand start, long startMillis, FileTransfers.Outcome outcome)
      implements AgentTimer {}

  /** A Subscription reached its TimeToLive. */
  record SubscriptionExpiry(int instance, String creationDate) implements AgentTimer {}

  /** The reboot is over. */
  record RebootDone() implements AgentTimer {}
}
