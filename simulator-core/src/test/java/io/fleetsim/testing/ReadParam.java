package io.fleetsim.testing;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.util.concurrent.TimeUnit;

/** Reads one parameter of an agent the way a Controller does: a Get, then its one value. */
public final class ReadParam {
  private ReadParam() {}

  /** The value of {@code path} (e.g. Device.DeviceInfo.SoftwareVersion) on {@code agent}. */
  public static String of(ReferenceController controller, String agent, String path)
      throws Exception {
    Request get = Request.newBuilder().setGet(Get.newBuilder().addParamPaths(path)).build();
    Msg m = controller.request(agent, MsgType.GET, get).get(10, TimeUnit.SECONDS);
    return m.getBody()
        .getResponse()
        .getGetResp()
        .getReqPathResults(0)
        .getResolvedPathResults(0)
        .getResultParamsMap()
        .get(path.substring(path.lastIndexOf('.') + 1));
  }
}
