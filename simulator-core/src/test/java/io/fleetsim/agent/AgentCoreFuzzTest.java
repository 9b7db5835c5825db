package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspRecord.NoSessionContextRecord;
import io.fleetsim.usp.proto.UspRecord.Record;

/**
 * Any Msg payload through a booted agent's receive rules and every handler: never an exception, and
 * a request with a msg_id always gets an answer with that msg_id (a Response or a USP Error), the
 * rule a Controller relies on. Seeds in AgentCoreFuzzTestInputs are real requests of each type.
 */
class AgentCoreFuzzTest {
  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void anyPayload(byte[] payload) {
    AgentHarness h = AgentHarness.booted();
    byte[] record =
        Record.newBuilder()
            .setVersion("1.4")
            .setToId(h.eid())
            .setFromId(AgentHarness.CONTROLLER)
            .setNoSessionContext(
                NoSessionContextRecord.newBuilder().setPayload(ByteString.copyFrom(payload)))
            .build()
            .toByteArray();
    h.agent.onRecord(record, h.out);

    Msg msg;
    try {
      msg = Msg.parseFrom(payload);
    } catch (InvalidProtocolBufferException undecodable) {
      return; // dropped and counted
    }
    String id = msg.getHeader().getMsgId();
    boolean quietOperate = // R-OPR.4: send_resp=false asks for no OperateResp
        msg.getBody().getRequest().hasOperate()
            && !msg.getBody().getRequest().getOperate().getSendResp();
    if (msg.getBody().hasRequest() && !id.isEmpty() && !quietOperate) {
      assertThat(h.out.sent)
          .as("an answer to request %s", id)
          .anySatisfy(
              s -> assertThat(AgentHarness.msg(s.record()).getHeader().getMsgId()).isEqualTo(id));
    }
  }

  @FuzzTest(maxDuration = "2h") // bench/fuzz.sh sets the time; CI only replays the inputs
  void anyRecord(byte[] record) {
    AgentHarness h = AgentHarness.booted();
    h.agent.onRecord(record, h.out); // anything at all: dropped with a reason, or answered
  }
}
