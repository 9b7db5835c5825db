package io.fleetsim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;

/** Creates subscriptions the way a Controller does (an Add on Device.LocalAgent.Subscription.). */
final class Subscriptions {
  private Subscriptions() {}

  /** Adds an enabled subscription and returns its instance path. */
  static String add(AgentHarness h, String id, String notifType, String refs, String... extra) {
    StringBuilder req =
        new StringBuilder(
                "add { allow_partial: false create_objs { obj_path: 'Device.LocalAgent.Subscription.' ")
            .append("param_settings { param: 'ID' value: '")
            .append(id)
            .append("' } ")
            .append("param_settings { param: 'Enable' value: 'true' } ")
            .append("param_settings { param: 'NotifType' value: '")
            .append(notifType)
            .append("' } ")
            .append("param_settings { param: 'ReferenceList' value: '")
            .append(refs)
            .append("' } ");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      req.append("param_settings { param: '")
          .append(extra[i])
          .append("' value: '")
          .append(extra[i + 1])
          .append("' } ");
    }
    Msg resp = h.call(MsgType.ADD, req.append("} }").toString());
    var status = resp.getBody().getResponse().getAddResp().getCreatedObjResults(0).getOperStatus();
    assertThat(status.hasOperSuccess()).as(resp.toString()).isTrue();
    return status.getOperSuccess().getInstantiatedPath();
  }
}
