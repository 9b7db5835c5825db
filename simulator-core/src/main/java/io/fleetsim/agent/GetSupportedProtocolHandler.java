package io.fleetsim.agent;

import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.GetSupportedProtocolResp;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Response;

/**
 * Answers GetSupportedProtocol (TR-369 GetSupportedProtocol) with the profile's comma-separated
 * versions.
 */
final class GetSupportedProtocolHandler {
  private GetSupportedProtocolHandler() {}

  static Msg handle(Msg request, RequestContext ctx) {
    return UspMessages.response(
        request.getHeader().getMsgId(),
        MsgType.GET_SUPPORTED_PROTO_RESP,
        Response.newBuilder()
            .setGetSupportedProtocolResp(
                GetSupportedProtocolResp.newBuilder()
                    .setAgentSupportedProtocolVersions(
                        ctx.dm.schema().settings().supportedProtocolVersions()))
            .build());
  }
}
