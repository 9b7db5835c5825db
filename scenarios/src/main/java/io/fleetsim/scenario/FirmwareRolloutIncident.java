package io.fleetsim.scenario;

import io.fleetsim.controller.FirmwareCampaign;
import io.fleetsim.controller.FirmwareServer;
import io.fleetsim.controller.ReferenceController;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A firmware campaign by the embedded Controller: served over HTTP to agents on sockets, modelled
 * (simulate://) on the in-memory MTP, to a seeded share of the agents connected now, with the
 * scenario's share of failed downloads and of images that roll back.
 */
final class FirmwareRolloutIncident implements IncidentAction {
  private final Scenario.Incident.FirmwareRollout f;

  FirmwareRolloutIncident(Scenario.Incident.FirmwareRollout rollout) {
    this.f = rollout;
  }

  @Override
  public void start(IncidentContext ctx) {
    ReferenceController c = ctx.controller();
    List<FirmwareServer.Image> images = List.of(new FirmwareServer.Image(f.image(), f.size()));
    FirmwareServer server =
        ctx.scenario().target().kind() == Scenario.Target.Kind.EMBEDDED_MEMORY
            ? FirmwareServer.simulate(images, f.rate())
            : FirmwareServer.serve(
                ctx.transports(), new InetSocketAddress("127.0.0.1", 0), images, f.rate());
    server.failPercent(f.failures());
    server.rollbackPercent(f.rollbacks());
    ctx.rollouts().add(server);
    List<String> agents = new ArrayList<>(c.connectedAgents());
    Collections.sort(agents);
    Collections.shuffle(agents, new Random(ctx.scenario().seed() + 1));
    List<String> chosen = agents.subList(0, (int) Math.round(agents.size() * f.percent() / 100.0));
    ctx.say(
        "incident: firmware rollout of %s to %d agents (%.1f %% of downloads fail, %.1f %% roll"
            + " back)",
        f.image(), chosen.size(), f.failures(), f.rollbacks());
    FirmwareCampaign campaign =
        FirmwareCampaign.start(
            c,
            server,
            new FirmwareCampaign.Spec(
                f.image(), "", f.agentsPerSecond(), f.inFlight(), Duration.ofMinutes(5)),
            chosen,
            ctx.transports().group().next());
    ctx.rollouts().add(campaign);
    ctx.curves().rolloutStarted(RunCurves.rolloutName(f), campaign, chosen.size());
  }
}
