package io.fleetsim.scenario;

import io.fleetsim.controller.FirmwareCampaign;
import io.fleetsim.controller.FirmwareServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The firmware rollouts a run started: their campaigns and the servers that serve the images. */
final class Rollouts {
  private final List<FirmwareCampaign> campaigns = new CopyOnWriteArrayList<>();
  private final List<FirmwareServer> servers = new CopyOnWriteArrayList<>();

  void add(FirmwareServer server) {
    servers.add(server);
  }

  void add(FirmwareCampaign campaign) {
    campaigns.add(campaign);
  }

  /** The rollouts so far, as the report shows them. */
  List<RunReport.Rollout> report() {
    List<RunReport.Rollout> out = new ArrayList<>();
    for (FirmwareCampaign campaign : campaigns) {
      out.add(
          new RunReport.Rollout(
              campaign.total(),
              campaign.upgraded(),
              campaign.alreadyThere(),
              campaign.failures(),
              campaign.elapsed().toMillis() / 1000.0));
    }
    return out;
  }

  /** Stops the campaigns, then (after their counts are read) the servers. */
  List<RunReport.Rollout> close() {
    campaigns.forEach(FirmwareCampaign::close);
    List<RunReport.Rollout> out = report();
    servers.forEach(FirmwareServer::close);
    return out;
  }
}
