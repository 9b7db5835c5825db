package io.fleetsim.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.mtp.Transports;
import io.fleetsim.testing.Await;
import io.fleetsim.testing.TestFleet;
import io.fleetsim.testing.TestFleets;
import io.fleetsim.testing.TestModels;
import io.fleetsim.usp.proto.UspMsg.Add;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Operate;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Notifications raised while the Controller is down are not lost (R-NOT.3/4: NotifRetry resends a
 * Notify with send_resp until its NotifyResp arrives): each agent has a NotifRetry subscription on
 * Device.ScheduleTimer() completion, runs a 2 s ScheduleTimer, and the Controller goes away before
 * the timers fire. The OperationComplete of every agent reaches the Controller that comes back,
 * through the retry of a notification whose first sending had no session to go to.
 */
class NotifRetryOutageIT {
  private static final String CONTROLLER = "self::fleetsim-controller";
  private static final int AGENTS = 50;

  @Test
  void notificationsRaisedDuringAnOutage_areDeliveredAfterIt() throws Exception {
    String ws = TestModels.WEBSOCKET_PARAMS;
    String ctl = "profile.objects.\"Device.LocalAgent.Controller.{i}.\".params.";
    DeviceModel model =
        TestModels.gateway(
            9,
            Map.of(
                ws + "SessionRetryMinimumWaitInterval.default", "1",
                // retries every 1 s (multiplier 1000: the window does not grow)
                ctl + "USPNotifRetryMinimumWaitInterval.default", "1",
                ctl + "USPNotifRetryIntervalMultiplier.default", "1000"));
    try (Transports transports = Transports.create(2)) {
      ReferenceController first =
          ReferenceController.passive(
              transports, new InetSocketAddress("127.0.0.1", 0), "/usp", CONTROLLER);
      int port = first.address().getPort();
      try (TestFleet fleet = TestFleets.webSocket(model, transports, first, AGENTS, 1)) {
        fleet.start();
        Await.until(() -> first.connectedAgents().size() == AGENTS, Duration.ofMillis(30_000));
        List<CompletableFuture<Msg>> started = new ArrayList<>();
        for (String eid : fleet.endpointIds()) {
          Msg added =
              first.request(eid, MsgType.ADD, timerSubscription()).get(10, TimeUnit.SECONDS);
          assertThat(added.getBody().getResponse().hasAddResp()).isTrue();
          started.add(first.request(eid, MsgType.OPERATE, scheduleTimer(2)));
        }
        for (CompletableFuture<Msg> f : started) {
          assertThat(f.get(10, TimeUnit.SECONDS).getBody().getResponse().hasOperateResp()).isTrue();
        }
        assertThat(first.notifications()).isZero(); // nothing completed before the outage
        first.close();
        Await.until(() -> fleet.connected() == 0, Duration.ofMillis(10_000));
        // the timers fire during these 4 s: every first sending finds no session
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(4));
        try (ReferenceController second =
            ReferenceController.passive(
                transports, new InetSocketAddress("127.0.0.1", port), "/usp", CONTROLLER)) {
          long back = System.nanoTime();
          Await.until(() -> second.notifications() >= AGENTS, Duration.ofMillis(30_000));
          System.out.printf(
              "NotifRetry across a 4 s outage: %d notifications delivered %.2f s after restart%n",
              second.notifications(), (System.nanoTime() - back) / 1e9);
          assertThat(second.connectedAgents()).hasSize(AGENTS);
          // acknowledged by NotifyResp, they stop: two more retry periods add (almost) nothing
          long delivered = second.notifications();
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2_500));
          assertThat(second.notifications() - delivered).isLessThan(AGENTS / 10);
        }
      }
    }
  }

  private static Request timerSubscription() {
    Add.CreateObject.Builder co =
        Add.CreateObject.newBuilder().setObjPath("Device.LocalAgent.Subscription.");
    String[][] settings = {
      {"ID", "timer"},
      {"Enable", "true"},
      {"NotifType", "OperationComplete"},
      {"ReferenceList", "Device.ScheduleTimer()"},
      {"NotifRetry", "true"}
    };
    for (String[] s : settings) {
      co.addParamSettings(
          Add.CreateParamSetting.newBuilder().setParam(s[0]).setValue(s[1]).setRequired(true));
    }
    return Request.newBuilder().setAdd(Add.newBuilder().addCreateObjs(co)).build();
  }

  private static Request scheduleTimer(int seconds) {
    return Request.newBuilder()
        .setOperate(
            Operate.newBuilder()
                .setCommand("Device.ScheduleTimer()")
                .setCommandKey("outage")
                .setSendResp(true)
                .putInputArgs("DelaySeconds", Integer.toString(seconds)))
        .build();
  }
}
