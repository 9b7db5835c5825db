package io.fleetsim.cli;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.mtp.connect.Redacted;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDM;
import io.fleetsim.usp.proto.UspMsg.GetSupportedDMResp;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Asks a live USP agent what a profile needs, as a Controller that changes nothing on it (no
 * provisioning, no Set, Add or Operate): GetSupportedDM of {@code Device.} with every flag, a Get
 * of {@code Device.}, and a second Get some seconds later when asked. Over a broker (mqtt[s]://,
 * stomp[s]://) it joins as the Controller; over WebSocket it listens where the agent connects to
 * its Controller (ws://HOST:PORT/PATH), since USP agents are WebSocket clients of their Controller.
 * Either way it waits for the agent's Connect Record: start the recorder, then (re)start the agent.
 */
final class LiveRecording {
  /** The answers recorded: the second Get is null when not asked for. */
  record Answers(GetSupportedDMResp supported, GetResp values, GetResp later) {}

  private LiveRecording() {}

  static Answers fetch(
      URI target,
      String agentId,
      String controllerId,
      Connectors.Options options,
      Duration wait,
      Duration secondGetAfter,
      PrintWriter out)
      throws InterruptedException {
    try (Transports t = Transports.create(2);
        ReferenceController c = controller(t, target, controllerId, options)) {
      out.printf("waiting up to %s for %s to connect%n", wait, agentId);
      out.flush();
      long deadline = System.nanoTime() + wait.toNanos();
      while (!c.connectedAgents().contains(agentId)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              agentId
                  + " did not connect within "
                  + wait
                  + " (does it know Controller "
                  + controllerId
                  + "?)");
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
      }
      GetSupportedDMResp supported =
          ask(
                  c,
                  agentId,
                  MsgType.GET_SUPPORTED_DM,
                  Request.newBuilder()
                      .setGetSupportedDm(
                          GetSupportedDM.newBuilder()
                              .addObjPaths("Device.")
                              .setReturnCommands(true)
                              .setReturnEvents(true)
                              .setReturnParams(true)
                              .setReturnUniqueKeySets(true))
                      .build())
              .getBody()
              .getResponse()
              .getGetSupportedDmResp();
      Request get = Request.newBuilder().setGet(Get.newBuilder().addParamPaths("Device.")).build();
      GetResp values = ask(c, agentId, MsgType.GET, get).getBody().getResponse().getGetResp();
      GetResp later = null;
      if (!secondGetAfter.isZero()) {
        out.printf("second Get in %s%n", secondGetAfter);
        out.flush();
        TimeUnit.MILLISECONDS.sleep(secondGetAfter.toMillis());
        later = ask(c, agentId, MsgType.GET, get).getBody().getResponse().getGetResp();
      }
      return new Answers(supported, values, later);
    }
  }

  private static ReferenceController controller(
      Transports t, URI target, String controllerId, Connectors.Options options) {
    if (Connectors.broker(target)) {
      return ReferenceController.overBroker(
          t,
          Connectors.controller(t, target, options, Connectors.tls(target, options)),
          Redacted.url(target),
          controllerId,
          false,
          false);
    }
    String path = target.getPath() == null || target.getPath().isEmpty() ? "/" : target.getPath();
    return ReferenceController.listen(
        t,
        new InetSocketAddress(target.getHost(), Connectors.port(target)),
        path,
        controllerId,
        false,
        false,
        null);
  }

  private static Msg ask(ReferenceController c, String agentId, MsgType type, Request r)
      throws InterruptedException {
    Msg m;
    try {
      m = c.request(agentId, type, r).get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(type + " to " + agentId + " got no answer: " + e, e);
    }
    if (m.getBody().hasError()) {
      throw new IllegalStateException(
          type
              + " to "
              + agentId
              + ": error "
              + m.getBody().getError().getErrCode()
              + " "
              + m.getBody().getError().getErrMsg());
    }
    return m;
  }
}
