package io.fleetsim.controller;

import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The requests a Controller sent one agent and still awaits answers to, by msg_id. An agent has a
 * few at a time, so they sit in a small array searched in order, and an agent with none costs this
 * object alone (16 B): a ConcurrentHashMap per agent cost 64 B while empty and about 180 B with one
 * entry, for every agent of the fleet. Requests are sent from any thread, answers arrive on the
 * session's event loop and time-outs on the JDK's delayer, so every method locks.
 */
final class PendingRequests {
  /** msg_id, future, msg_id, future, ...; null while none is pending. */
  private Object[] slots;

  private int size;

  synchronized void put(String msgId, CompletableFuture<Msg> answer) {
    if (slots == null) {
      slots = new Object[4];
    } else if (size * 2 == slots.length) {
      slots = Arrays.copyOf(slots, slots.length * 2);
    }
    slots[size * 2] = msgId;
    slots[size * 2 + 1] = answer;
    size++;
  }

  /** The request sent as {@code msgId}, no longer pending; null when none is. */
  @SuppressWarnings("unchecked")
  synchronized CompletableFuture<Msg> remove(String msgId) {
    for (int i = 0; i < size; i++) {
      if (slots[i * 2].equals(msgId)) {
        CompletableFuture<Msg> answer = (CompletableFuture<Msg>) slots[i * 2 + 1];
        int last = (size - 1) * 2;
        slots[i * 2] = slots[last];
        slots[i * 2 + 1] = slots[last + 1];
        slots[last] = null;
        slots[last + 1] = null;
        if (--size == 0) {
          slots = null;
        }
        return answer;
      }
    }
    return null;
  }

  /** Every pending request, none pending any more. */
  @SuppressWarnings("unchecked")
  synchronized List<CompletableFuture<Msg>> removeAll() {
    List<CompletableFuture<Msg>> all = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      all.add((CompletableFuture<Msg>) slots[i * 2 + 1]);
    }
    slots = null;
    size = 0;
    return all;
  }

  synchronized int size() {
    return size;
  }
}
