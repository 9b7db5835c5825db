package io.fleetsim.agent;

import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Notify;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.util.SplittableRandom;

/**
 * What a misbehaving device sends, for the incidents that test a Controller's defences: garbage
 * that is no USP Record (to be dropped, a WebSocket closed with 1003, R-WS.16) and floods of Notify
 * ValueChange without send_resp. Built here, with the other Records an agent sends.
 */
public final class Misbehaviour {
  private Misbehaviour() {}

  /** 16 to 63 random bytes: not a Record any decoder accepts as addressed to a Controller. */
  public static byte[] garbage(SplittableRandom random) {
    byte[] junk = new byte[16 + random.nextInt(48)];
    random.nextBytes(junk);
    return junk;
  }

  /** The {@code n}th Notify of a flood from {@code agentId}: a ValueChange, no answer asked. */
  public static byte[] floodNotify(String controllerId, String agentId, int n) {
    return UspMessages.encodeRecord(
        UspMessages.RECORD_VERSION,
        controllerId,
        agentId,
        UspMessages.request(
            "flood-" + n,
            MsgType.NOTIFY,
            Request.newBuilder()
                .setNotify(
                    Notify.newBuilder()
                        .setSubscriptionId("flood")
                        .setSendResp(false)
                        .setValueChange(
                            Notify.ValueChange.newBuilder()
                                .setParamPath("Device.DeviceInfo.UpTime")
                                .setParamValue(Integer.toString(n))))
                .build()));
  }
}
