package io.fleetsim.agent;

import io.fleetsim.datamodel.CommandBehavior;
import io.fleetsim.datamodel.CommandNode;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.PathResolver;
import io.fleetsim.datamodel.Resolution;
import io.fleetsim.datamodel.ResolveOperation;
import io.fleetsim.usp.message.UspErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle of commands after their Operate was answered: effects of committed requests
 * (reboot, factory reset, async commands, Request.Cancel(), OnBoardRequest), their completion with
 * OperationComplete and removal of the Request row (R-OPR.2), cancellation (7025) and the requests
 * a reboot kills. Stateless: it works on the {@link AgentCore} it is given.
 */
final class CommandLifecycle {
  private CommandLifecycle() {}

  static void apply(AgentCore agent, Effect e, Outbox out) {
    if (e instanceof Effect.Reboot r) {
      if (r.factoryReset()) {
        String before = agent.softwareVersion();
        agent.dm.factoryReset(); // back to the profile's values, SoftwareVersion included
        if (!before.equals(agent.softwareVersion())) {
          agent.env.stats().firmware(before, agent.softwareVersion());
        }
      }
      agent.reboot(
          BootInfo.of(
              r.cause(),
              r.commandKey(),
              r.factoryReset() ? null : FirmwareBanks.bootBank(agent),
              List.of()),
          out);
    } else if (e instanceof Effect.StartCommand s) {
      if (s.command().behavior() == CommandBehavior.FIRMWARE_DOWNLOAD) {
        List<Change> changes = new ArrayList<>(1);
        FirmwareBanks.setBank(agent, s.instances(), "Status", "Downloading", changes);
        NotificationEngine.afterCommit(agent, changes, out);
        out.lifecycle(AgentLifecycle.DOWNLOADING);
        String url = s.args().get("URL");
        if (DownloadUrls.isHttp(url) && agent.env.transfers() != FileTransfers.NONE) {
          fetch(agent, s, url);
          return;
        }
      }
      agent
          .env
          .timers()
          .schedule(
              agent.dm.index(),
              agent.dm.nowMillis() + commandDuration(agent, s),
              new AgentTimer.CommandDone(s));
    } else if (e instanceof Effect.CancelRequest c) {
      cancel(agent, c.requestInstance(), out);
    } else if (e instanceof Effect.OnBoardRequest o) {
      NotifyDelivery.onBoardRequest(agent, o.controllerInstance(), out);
    }
  }

  /**
   * A real download: the fleet's transfers fetch the URL on their own threads and hand the outcome
   * back through the timer service, which delivers it on this agent's thread like any timer.
   */
  static void fetch(AgentCore agent, Effect.StartCommand s, String url) {
    AgentTimers timers = agent.env.timers();
    int index = agent.dm.index();
    long startMillis = agent.dm.nowMillis();
    agent
        .env
        .transfers()
        .download(
            url,
            s.args().getOrDefault("CheckSumAlgorithm", ""),
            outcome ->
                timers.schedule(index, 0, new AgentTimer.TransferDone(s, startMillis, outcome)));
  }

  static long commandDuration(AgentCore agent, Effect.StartCommand s) {
    return switch (s.command().behavior()) {
      case SCHEDULE_TIMER -> Long.parseLong(s.args().get("DelaySeconds")) * 1000;
      case FIRMWARE_DOWNLOAD -> {
        String url = s.args().get("URL");
        long simulated =
            DownloadUrls.isSimulated(url)
                ? DownloadUrls.simulatedMillis(url, fileSize(s))
                : -1; // an unusable simulate:// URL fails at completion
        yield simulated >= 0
            ? simulated
            : s.command().durationMillis() > 0
                ? s.command().durationMillis()
                : agent.dm.schema().settings().downloadMillis();
      }
      case FIRMWARE_ACTIVATE -> Long.parseLong(firstWindow(s.args(), "Start", "0")) * 1000;
      default -> s.command().durationMillis();
    };
  }

  /**
   * Commands die with a reboot, except firmware ones that complete across it (TR-181
   * Device.LocalAgent.).
   */
  static void dropInterruptedRequests(AgentCore agent, BootInfo b) {
    ObjectNode requests = agent.dm.schema().object(OperateHandler.REQUEST_TABLE);
    if (requests == null) {
      return;
    }
    for (int n : agent.dm.instances(requests, Instances.ROOT)) {
      int[] inst = {n};
      boolean survives =
          b != null && b.completions().stream().anyMatch(c -> c.requestInstance() == n);
      CommandNode cmd = commandOf(agent, agent.dm.value(requests.param("Command"), inst));
      boolean firmware = cmd != null && cmd.behavior() == CommandBehavior.FIRMWARE_DOWNLOAD;
      if (!survives && !firmware) {
        agent.dm.deleteInstance(requests, inst);
      }
    }
  }

  /** Whether the command's Request row is still there: not cancelled, not died with a reboot. */
  static boolean commandAlive(AgentCore agent, Effect.StartCommand s) {
    ObjectNode requests = agent.dm.schema().object(OperateHandler.REQUEST_TABLE);
    return requests != null
        && agent.dm.exists(requests, new int[] {s.requestInstance()})
        && !agent.rebooting;
  }

  static long fileSize(Effect.StartCommand s) {
    try {
      return Long.parseLong(s.args().getOrDefault("FileSize", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static void commandDone(AgentCore agent, Effect.StartCommand s, Outbox out) {
    if (!commandAlive(agent, s)) {
      return; // cancelled, or it died with a reboot
    }
    ObjectNode requests = agent.dm.schema().object(OperateHandler.REQUEST_TABLE);
    int[] req = {s.requestInstance()};
    switch (s.command().behavior()) {
      case FIRMWARE_DOWNLOAD -> {
        String url = s.args().get("URL");
        long now = agent.dm.nowMillis();
        boolean simulated = DownloadUrls.isSimulated(url);
        FileTransfers.Outcome modelled =
            simulated && DownloadUrls.simulatedMillis(url, fileSize(s)) < 0
                ? FileTransfers.Outcome.failed(
                    "simulate:// URL needs size (or FileSize) and rate > 0")
                : simulated
                        && DownloadUrls.simulatedFailure(
                            url,
                            agent.dm.device().seed() * 31
                                + agent.dm.index() * 7919L
                                + s.requestInstance())
                    ? FileTransfers.Outcome.failed("simulated transfer failure")
                    : new FileTransfers.Outcome(
                        DownloadUrls.isSimulated(url)
                            ? DownloadUrls.simulatedBytes(url, fileSize(s))
                            : fileSize(s),
                        "",
                        "");
        FirmwareBanks.downloadDone(agent, s, now - commandDuration(agent, s), modelled, out);
      }
      case FIRMWARE_ACTIVATE -> {
        agent.dm.set(requests.param("Status"), req, "Active");
        Completion c = Completion.success(s, Map.of());
        BootInfo next = BootInfo.of("RemoteReboot", s.commandKey(), s.instances(), List.of(c));
        agent.reboot(next, out);
      }
      default ->
          complete(agent, Completion.success(s, OperateHandler.outputDefaults(s.command())), out);
    }
  }

  /** Sends OperationComplete for a finished request, then removes its Request row (R-OPR.2). */
  static void complete(AgentCore agent, Completion c, Outbox out) {
    NotificationEngine.publishOperationComplete(agent, c, out);
    ObjectNode requests = agent.dm.schema().object(OperateHandler.REQUEST_TABLE);
    int[] req = {c.requestInstance()};
    if (requests != null && agent.dm.exists(requests, req)) {
      RequestContext ctx = new RequestContext(agent.dm, "", "");
      DeleteHandler.deleteInstance(requests, req, ctx);
      NotificationEngine.afterCommit(agent, ctx.changes, out);
    }
  }

  static void cancel(AgentCore agent, int requestInstance, Outbox out) {
    ObjectNode requests = agent.dm.schema().object(OperateHandler.REQUEST_TABLE);
    int[] req = {requestInstance};
    String command = agent.dm.value(requests.param("Command"), req);
    CommandNode cmd = commandOf(agent, command);
    if (cmd == null) {
      return;
    }
    int cut = command.lastIndexOf('.', command.length() - 3);
    Completion c =
        new Completion(
            requestInstance,
            cmd,
            command.substring(0, cut + 1),
            agent.dm.value(requests.param("CommandKey"), req),
            Map.of(),
            UspErrorCode.COMMAND_CANCELED,
            "canceled by Request.Cancel()");
    agent.dm.set(requests.param("Status"), req, "Canceled");
    complete(agent, c, out);
    if (cmd.behavior() == CommandBehavior.FIRMWARE_DOWNLOAD) {
      out.lifecycle(AgentLifecycle.DOWNLOADED);
    }
  }

  /** The CommandNode named by a Request.Command value such as Device.Reboot(). */
  static CommandNode commandOf(AgentCore agent, String command) {
    Resolution r = PathResolver.resolve(command, ResolveOperation.SUBSCRIPTION, agent.dm);
    return r instanceof Resolution.Ok ok && ok.element() instanceof CommandNode c ? c : null;
  }

  static String firstWindow(Map<String, String> args, String member, String fallback) {
    String v = args.get("TimeWindow.1." + member);
    return v == null ? fallback : v;
  }
}
