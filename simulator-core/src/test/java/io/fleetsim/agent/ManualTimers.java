package io.fleetsim.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** A timer queue for one test agent: {@link #advanceTo} fires due timers in time order. */
final class ManualTimers implements AgentTimers {
  record Scheduled(long dueMillis, long seq, AgentTimer timer) {}

  private final PriorityQueue<Scheduled> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.dueMillis != b.dueMillis
                  ? Long.compare(a.dueMillis, b.dueMillis)
                  : Long.compare(a.seq, b.seq));
  private long seq;

  /** The instants the agent asked to be ticked at ({@link AgentTimers#tickAt}), not yet passed. */
  private final PriorityQueue<Long> ticks = new PriorityQueue<>();

  @Override
  public void tickAt(int agentIndex, long dueMillis) {
    ticks.add(dueMillis);
  }

  /** The earliest tick the agent asked for, or {@link Long#MAX_VALUE}. */
  long nextTick() {
    Long next = ticks.peek();
    return next == null ? Long.MAX_VALUE : next;
  }

  /** Forgets the asked-for ticks due by {@code millis} (the fleet delivered them). */
  void ticked(long millis) {
    while (!ticks.isEmpty() && ticks.peek() <= millis) {
      ticks.poll();
    }
  }

  @Override
  public void schedule(int agentIndex, long dueMillis, AgentTimer timer) {
    queue.add(new Scheduled(dueMillis, seq++, timer));
  }

  /** The timers waiting, in due order. */
  List<Scheduled> scheduled() {
    List<Scheduled> out = new ArrayList<>(queue);
    out.sort((a, b) -> Long.compare(a.dueMillis, b.dueMillis));
    return out;
  }

  /** Removes and returns the next timer due at or before {@code millis}, or null. */
  Scheduled pollDue(long millis) {
    Scheduled next = queue.peek();
    return next != null && next.dueMillis <= millis ? queue.poll() : null;
  }
}
