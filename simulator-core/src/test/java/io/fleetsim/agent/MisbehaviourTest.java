package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspRecord.Record;
import io.fleetsim.usp.record.RecordDecodeResult;
import io.fleetsim.usp.record.UspRecordCodec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Records a misbehaving device sends: garbage that never decodes, and a Notify flood. */
class MisbehaviourTest {
  @Test
  void garbage_isSeeded_andIsNoRecordForAController() {
    byte[] a = Misbehaviour.garbage(new SplittableRandom(7));
    assertThat(a).isEqualTo(Misbehaviour.garbage(new SplittableRandom(7)));
    assertThat(a.length).isBetween(16, 63);
    for (int seed = 0; seed < 200; seed++) {
      RecordDecodeResult r =
          UspRecordCodec.decode(Misbehaviour.garbage(new SplittableRandom(seed)));
      assertThat(
              r instanceof RecordDecodeResult.Decoded d
                  && d.record().getToId().equals("self::fleetsim-controller"))
          .isFalse();
    }
  }

  @Test
  void floodNotify_isAValueChangeWithoutSendResp() throws Exception {
    Record r = Record.parseFrom(Misbehaviour.floodNotify("ctl", "os::agent-1", 41));
    assertThat(r.getToId()).isEqualTo("ctl");
    assertThat(r.getFromId()).isEqualTo("os::agent-1");
    Msg m = Msg.parseFrom(r.getNoSessionContext().getPayload());
    assertThat(m.getHeader().getMsgId()).isEqualTo("flood-41");
    assertThat(m.getBody().getRequest().getNotify().getSendResp()).isFalse();
    assertThat(m.getBody().getRequest().getNotify().getValueChange().getParamValue())
        .isEqualTo("41");
  }
}
