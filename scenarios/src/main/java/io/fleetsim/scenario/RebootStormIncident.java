package io.fleetsim.scenario;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Operate;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The Controller reboots a seeded share of the connected agents with Operate Device.Reboot(), each
 * at a random moment within the window: their Boot! storm follows.
 */
final class RebootStormIncident implements IncidentAction {
  private static final Request REBOOT =
      Request.newBuilder()
          .setOperate(
              Operate.newBuilder()
                  .setCommand("Device.Reboot()")
                  .setCommandKey("fleetsim-reboot-storm")
                  .setSendResp(true))
          .build();

  private final Scenario.Incident.RebootStorm storm;

  RebootStormIncident(Scenario.Incident.RebootStorm storm) {
    this.storm = storm;
  }

  @Override
  public void start(IncidentContext ctx) {
    ReferenceController c = ctx.controller();
    long seed = ctx.scenario().seed();
    List<String> agents = new ArrayList<>(c.connectedAgents());
    Collections.sort(agents);
    Collections.shuffle(agents, new Random(seed));
    int n = (int) Math.round(agents.size() * storm.percent() / 100.0);
    ctx.say("incident: reboot storm of %d agents within %s", n, storm.within());
    SplittableRandom random = new SplittableRandom(seed);
    long window = Math.max(1, storm.within().toMillis());
    for (String agent : agents.subList(0, n)) {
      ctx.transports()
          .group()
          .schedule(
              () -> c.request(agent, MsgType.OPERATE, REBOOT),
              random.nextLong(window),
              TimeUnit.MILLISECONDS);
    }
  }
}
