package io.fleetsim.mtp.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.mtp.MtpListener;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MemoryMtpTest {

  /** Notes what happens to one end, in order. */
  private static final class Recorder implements MtpListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final AtomicReference<MtpSession> session = new AtomicReference<>();

    @Override
    public void onConnected(MtpSession s) {
      session.set(s);
      events.add("connected " + s.peerEndpointId());
    }

    @Override
    public boolean onRecord(MtpSession s, byte[] record) {
      events.add("record " + record.length);
      return record.length > 0; // an empty "Record" stands for an undecodable one
    }

    @Override
    public void onDisconnected(MtpSession s, String cause) {
      events.add("disconnected");
    }
  }

  @Test
  void recordsSentBeforeCloseArrive_thenTheDisconnect_onBothEnds() {
    Recorder controller = new Recorder();
    Recorder agent = new Recorder();
    try (Transports t = Transports.create(2)) {
      MemoryMtp mtp = new MemoryMtp(() -> controller, t.group());
      mtp.connect("os::agent-1", "self::c", agent, t.group().next(), null);
      Await.until(() -> agent.session.get() != null && controller.session.get() != null);

      agent.session.get().send(new byte[3]);
      agent.session.get().close(1000, "rebooting"); // like a reboot right after a response

      Await.until(() -> controller.events.contains("disconnected"));
      assertThat(controller.events)
          .containsExactly("connected os::agent-1", "record 3", "disconnected");
      Await.until(() -> agent.events.contains("disconnected"));
      assertThat(agent.session.get().send(new byte[1])).isFalse();
      assertThat(mtp.sessions()).isZero();
    }
  }

  @Test
  void anUndecodableRecordCloses_andDownRefusesConnectsUntilUp() {
    Recorder controller = new Recorder();
    Recorder agent = new Recorder();
    try (Transports t = Transports.create(1)) {
      MemoryMtp mtp = new MemoryMtp(() -> controller, t.group());
      mtp.connect("os::agent-2", "self::c", agent, t.group().next(), null);
      Await.until(() -> agent.session.get() != null);
      agent.session.get().send(new byte[0]);
      Await.until(() -> agent.events.contains("disconnected"));

      mtp.down();
      Recorder refused = new Recorder();
      mtp.connect("os::agent-3", "self::c", refused, t.group().next(), null);
      Await.until(() -> refused.events.contains("disconnected"));
      assertThat(refused.events).containsExactly("disconnected");
      mtp.up();
      Recorder back = new Recorder();
      mtp.connect("os::agent-3", "self::c", back, t.group().next(), null);
      Await.until(() -> back.events.contains("connected "));
      assertThat(mtp.sessions()).isEqualTo(1);
    }
  }
}
