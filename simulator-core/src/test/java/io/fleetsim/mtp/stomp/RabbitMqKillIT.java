package io.fleetsim.mtp.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.BrokerCrash;
import io.fleetsim.testing.RabbitMq;
import io.fleetsim.testing.SerialGet;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Chaos with a real STOMP broker: RabbitMQ killed with SIGKILL under a Get workload and started
 * again on the same ports and data. The Controller and every agent come back by their retry waits
 * (agents: the STOMP retry wait from Device.STOMP.Connection.1.ServerRetry*, TR-369 STOMP binding;
 * TP-469 6.3), subscribe again and announce themselves with a new STOMPConnectRecord; the Gets are
 * answered again; and the Controller never counts a Get answered that no agent answered.
 */
class RabbitMqKillIT {
  private static final int AGENTS = ArtemisStompIT.AGENTS;

  @Test
  void brokerKilledUnderAWorkload_everyoneResubscribes_andNoAnswerIsCountedThatWasNotGiven()
      throws Exception {
    RabbitMq[] broker = {RabbitMq.start()};
    int port = broker[0].stompPort();
    try (Transports t = Transports.create(2);
        ReferenceController controller = ArtemisStompIT.controller(t, port, false);
        TestFleet fleet =
            TestFleet.of(
                TestModels.gateway(7, TestModels.onStomp(2, 30)),
                t,
                new StompClient(t, StompConfig.agents("127.0.0.1", port, 1 << 20), null),
                ArtemisStompIT.CONTROLLER,
                AGENTS,
                1)) {
      fleet.start();
      BrokerCrash.underAGetWorkload(
          t,
          controller,
          fleet,
          AGENTS,
          () -> broker[0].kill(),
          () -> broker[0] = broker[0].restart());
      Msg m =
          controller
              .request(fleet.endpointId(7), MsgType.GET, SerialGet.request())
              .get(10, TimeUnit.SECONDS);
      assertThat(SerialGet.of(m)).isEqualTo(SerialGet.expected(7));
    } finally {
      broker[0].close();
    }
  }
}
