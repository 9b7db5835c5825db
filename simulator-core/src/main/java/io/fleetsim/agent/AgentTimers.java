package io.fleetsim.agent;

/**
 * The scheduler agents ask for deferred work (async command completion, notification retries,
 * subscription expiry, Periodic!, reboot). One per fleet: the fleet drives due timers from shared
 * ticks, never one JVM timer per agent. A timer that is no longer wanted is not cancelled; the
 * agent ignores it when it fires.
 */
public interface AgentTimers {

  /**
   * Deliver {@code timer} to agent {@code agentIndex} at {@code dueMillis} via {@link
   * AgentCore#onTimer}.
   */
  void schedule(int agentIndex, long dueMillis, AgentTimer timer);

  /**
   * Tick agent {@code agentIndex} ({@link AgentCore#onDueTick}) once {@code dueMillis} has passed:
   * something time brings is due for its subscribers then. The fleet delivers it with its next
   * fleet tick; a fleet that ticks every agent every second may ignore it.
   */
  default void tickAt(int agentIndex, long dueMillis) {}
}
