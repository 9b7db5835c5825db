package io.fleetsim.datamodel;

import java.lang.ref.WeakReference;
import java.util.WeakHashMap;

/**
 * Canonicalises equal immutable values so that 100,000 agents holding the same rows (the
 * subscriptions a controller creates on every device, the same firmware URL) hold one copy. Weak: a
 * value no agent references any more is collected. Writes are rare next to reads, so one lock is
 * enough.
 */
final class Interner<T> {
  private final WeakHashMap<T, WeakReference<T>> map = new WeakHashMap<>();

  synchronized T intern(T value) {
    WeakReference<T> ref = map.get(value);
    T existing = ref == null ? null : ref.get();
    if (existing != null) {
      return existing;
    }
    map.put(value, new WeakReference<>(value));
    return value;
  }

  synchronized int size() {
    return map.size();
  }
}
