package io.fleetsim.testing;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * An {@link MtpListener} made of functions, for tests: {@link #IGNORE} does nothing and takes every
 * Record; each {@code when...} gives one event its own function.
 */
public record Listener(
    Consumer<MtpSession> connected,
    BiPredicate<MtpSession, byte[]> record,
    BiConsumer<MtpSession, String> disconnected)
    implements MtpListener {

  /** Connects, takes every Record, disconnects: nothing else. */
  public static final Listener IGNORE = new Listener(s -> {}, (s, r) -> true, (s, c) -> {});

  public Listener whenConnected(Consumer<MtpSession> f) {
    return new Listener(f, record, disconnected);
  }

  /** {@code f} returns whether the Record could be decoded ({@link MtpListener#onRecord}). */
  public Listener whenRecord(BiPredicate<MtpSession, byte[]> f) {
    return new Listener(connected, f, disconnected);
  }

  public Listener whenDisconnected(BiConsumer<MtpSession, String> f) {
    return new Listener(connected, record, f);
  }

  @Override
  public void onConnected(MtpSession session) {
    connected.accept(session);
  }

  @Override
  public boolean onRecord(MtpSession session, byte[] bytes) {
    return record.test(session, bytes);
  }

  @Override
  public void onDisconnected(MtpSession session, String cause) {
    disconnected.accept(session, cause);
  }
}
