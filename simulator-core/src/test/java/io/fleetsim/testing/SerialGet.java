package io.fleetsim.testing;

import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;

/**
 * The Get the transport ITs send to check an agent answers: Device.DeviceInfo.SerialNumber, which
 * the test-gateway profile makes unique per agent (FSIM + 8-digit agent index).
 */
public final class SerialGet {
  private SerialGet() {}

  /** A Get of Device.DeviceInfo.SerialNumber. */
  public static Request request() {
    return Request.newBuilder()
        .setGet(Get.newBuilder().addParamPaths("Device.DeviceInfo.SerialNumber"))
        .build();
  }

  /** The SerialNumber in a GetResp Msg (its first resolved path); fails on anything else. */
  public static String of(Msg getResp) {
    return getResp
        .getBody()
        .getResponse()
        .getGetResp()
        .getReqPathResults(0)
        .getResolvedPathResults(0)
        .getResultParamsMap()
        .get("SerialNumber");
  }

  /** The serial number of test-gateway agent {@code index}. */
  public static String expected(int index) {
    return String.format("FSIM%08d", index);
  }
}
