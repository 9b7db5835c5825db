package io.fleetsim.usp.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import org.junit.jupiter.api.Test;

class MessageNamesTest {

  @Test
  void spellsMessageTypesAsTr369Does() {
    assertThat(MessageNames.of(MsgType.GET)).isEqualTo("Get");
    assertThat(MessageNames.of(MsgType.NOTIFY_RESP)).isEqualTo("NotifyResp");
    assertThat(MessageNames.of(MsgType.GET_SUPPORTED_DM)).isEqualTo("GetSupportedDM");
    assertThat(MessageNames.of(MsgType.GET_SUPPORTED_PROTO_RESP))
        .isEqualTo("GetSupportedProtocolResp");
    assertThat(MessageNames.of(MsgType.GET_INSTANCES)).isEqualTo("GetInstances");
    assertThat(MessageNames.of(MsgType.ERROR)).isEqualTo("Error");
    assertThat(MessageNames.of(MsgType.UNRECOGNIZED)).isEqualTo("Unrecognized");
  }
}
