package io.fleetsim.controller;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fleetsim.mtp.MtpSession;
import io.fleetsim.mtp.Transports;
import org.junit.jupiter.api.AfterAll;

/**
 * Any bytes an agent sends the embedded Controller (a hostile or broken agent): its record handling
 * drops, counts or answers, and never throws.
 */
class ControllerRecordFuzzTest {
  private static final Transports TRANSPORTS = Transports.create(1);
  private static final ReferenceController CONTROLLER =
      ReferenceController.inMemory(TRANSPORTS, "self::fleetsim-controller", true, false);

  @AfterAll
  static void close() {
    CONTROLLER.close();
    TRANSPORTS.close();
  }

  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void anyRecord(byte[] bytes) {
    AgentLink link = new AgentLink(CONTROLLER);
    MtpSession session = new DiscardingSession();
    link.onConnected(session);
    link.onRecord(session, bytes);
    link.onDisconnected(session, "fuzz");
  }

  /** A session that swallows what the Controller sends back. */
  private static final class DiscardingSession implements MtpSession {
    @Override
    public boolean send(byte[] record) {
      return true;
    }

    @Override
    public void close(int status, String reason) {}

    @Override
    public String peerEndpointId() {
      return "";
    }

    @Override
    public byte[] connectRecord(String toId, String fromId) {
      return new byte[0];
    }
  }
}
