package io.fleetsim.controller;

import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.GetResp;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Msg;
import io.fleetsim.usp.proto.UspMsg.Notify;
import io.fleetsim.usp.proto.UspMsg.Operate;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A firmware rollout driven by the reference Controller, the TP-469 9.3 flow done the way an ACS
 * does it, per agent: read the FirmwareImage banks and SoftwareVersion (Get), Download() the image
 * into a bank that is not Active (with FileSize and SHA-256 CheckSum), wait for TransferComplete!
 * (FaultCode 0), Activate() it at once, wait for the Boot! of the new image, and confirm with a Get
 * that SoftwareVersion is now the Version of that bank. Agents start at a paced rate with a cap on
 * agents in flight; each step has a deadline. Relies on the Controller's provisioning subscriptions
 * (TransferComplete! and Boot!). Records {@code firmware-download} (Download sent to
 * TransferComplete!), {@code firmware-activation} (Activate sent to Boot!) and {@code
 * firmware-upgrade} (first Get to confirmed version) in the Controller's latencies. All campaign
 * state lives on one thread.
 */
public final class FirmwareCampaign implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FirmwareCampaign.class);
  private static final int LOGGED_FAILURES = 20;
  private static final String IMAGES = "Device.DeviceInfo.FirmwareImage.";
  private static final String SOFTWARE_VERSION = "Device.DeviceInfo.SoftwareVersion";
  private static final Request READ_BANKS = get(IMAGES + "*.Status", SOFTWARE_VERSION);

  /**
   * What to roll out and how fast.
   *
   * @param image the image name on the firmware server
   * @param version the SoftwareVersion agents must report after it (fleetsim agents derive it from
   *     the file name: {@code fsim-2.0.1.bin} is {@code 2.0.1}), or "" to accept the Version the
   *     agent gives the bank it downloaded into; agents already on a non-empty version are left
   *     alone
   * @param agentsPerSecond how many agents start per second
   * @param maxInFlight agents between first Get and confirmed version at most
   * @param stepTimeout how long one step (an answer, TransferComplete!, Boot!) may take
   */
  public record Spec(
      String image, String version, double agentsPerSecond, int maxInFlight, Duration stepTimeout) {
    public Spec {
      if (!(agentsPerSecond > 0) || maxInFlight < 1 || stepTimeout.isNegative()) {
        throw new IllegalArgumentException(
            "campaign needs agentsPerSecond > 0, maxInFlight >= 1 and a step timeout >= 0");
      }
    }
  }

  /** Where one agent stands. */
  private enum Step {
    READING,
    DOWNLOADING,
    ACTIVATING,
    CONFIRMING
  }

  private static final class Run {
    final String agent;
    final long startNanos = System.nanoTime();
    Step step = Step.READING;
    long stepNanos = startNanos;
    int bank;

    Run(String agent) {
      this.agent = agent;
    }
  }

  private final ReferenceController controller;
  private final FirmwareServer server;
  private final Spec spec;
  private final ScheduledExecutorService loop;
  private final String commandKey;
  private final Queue<String> waiting;
  private final int total;
  private final Map<String, Run> running = new HashMap<>();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final LongAdder upgraded = new LongAdder();
  private final LongAdder alreadyThere = new LongAdder();
  private final ScheduledFuture<?> ticks;
  private final long startNanos = System.nanoTime();
  private long started;
  private int loggedFailures;
  private volatile boolean closed;
  private volatile long lastOutcomeNanos;

  private FirmwareCampaign(
      ReferenceController controller,
      FirmwareServer server,
      Spec spec,
      List<String> agents,
      ScheduledExecutorService loop) {
    this.controller = controller;
    this.server = server;
    this.spec = spec;
    this.loop = loop;
    this.commandKey = "fleetsim-fw-" + spec.image();
    server.image(spec.image()); // fail fast on an unknown image
    this.waiting = new ArrayDeque<>(agents);
    this.total = agents.size();
    controller.onNotify(n -> loop.execute(() -> onNotify(n)));
    this.ticks = loop.scheduleAtFixedRate(this::tick, 0, 10, TimeUnit.MILLISECONDS);
  }

  /** Starts rolling {@code spec.image()} out to {@code agents} on {@code loop} (one thread). */
  public static FirmwareCampaign start(
      ReferenceController controller,
      FirmwareServer server,
      Spec spec,
      List<String> agents,
      ScheduledExecutorService loop) {
    return new FirmwareCampaign(controller, server, spec, List.copyOf(agents), loop);
  }

  /** Agents in the campaign. */
  public int total() {
    return total;
  }

  /** Agents confirmed on the new version. */
  public long upgraded() {
    return upgraded.sum();
  }

  /** Agents that already ran the version and were left alone. */
  public long alreadyThere() {
    return alreadyThere.sum();
  }

  /** Agents that failed, by reason (a small fixed set of keys). */
  public Map<String, Long> failures() {
    Map<String, Long> out = new TreeMap<>();
    failures.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Agents failed in total. */
  public long failed() {
    return failures.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** From the start to the last agent's outcome (to now while outcomes are still due). */
  public Duration elapsed() {
    long end = done() ? lastOutcomeNanos : System.nanoTime();
    return Duration.ofNanos(Math.max(0, end - startNanos));
  }

  /** True when every agent has an outcome. */
  public boolean done() {
    return upgraded() + alreadyThere() + failed() == total;
  }

  @Override
  public void close() {
    closed = true;
    ticks.cancel(false);
  }

  private void tick() {
    long now = System.nanoTime();
    long due = (long) ((now - startNanos) / 1e9 * spec.agentsPerSecond()) + 1;
    while (started < due && running.size() < spec.maxInFlight() && !waiting.isEmpty()) {
      started++;
      Run run = new Run(waiting.poll());
      running.put(run.agent, run);
      send(run, MsgType.GET, READ_BANKS);
    }
    if (started < due && waiting.isEmpty()) {
      started = due; // nothing left to pace
    }
    long limit = spec.stepTimeout().toNanos();
    for (Run run : List.copyOf(running.values())) {
      if (now - run.stepNanos > limit) {
        fail(run, "timeout while " + run.step.name().toLowerCase(), "no progress");
      }
    }
  }

  private void send(Run run, MsgType type, Request request) {
    Step at = run.step;
    controller
        .request(run.agent, type, request)
        .whenCompleteAsync(
            (msg, error) -> {
              if (closed || running.get(run.agent) != run || run.step != at) {
                return; // timed out or moved on meanwhile
              }
              if (error != null) {
                fail(run, "no answer while " + at.name().toLowerCase(), error.getMessage());
              } else if (msg.getBody().hasError()) {
                fail(
                    run,
                    "Error to " + type.name(),
                    msg.getBody().getError().getErrCode()
                        + " "
                        + msg.getBody().getError().getErrMsg());
              } else {
                onAnswer(run, msg);
              }
            },
            loop);
  }

  private void onAnswer(Run run, Msg msg) {
    switch (run.step) {
      case READING -> {
        Map<String, String> values = values(msg.getBody().getResponse().getGetResp());
        if (!spec.version().isEmpty() && spec.version().equals(values.get(SOFTWARE_VERSION))) {
          running.remove(run.agent);
          lastOutcomeNanos = System.nanoTime();
          alreadyThere.increment();
          return;
        }
        int bank = inactiveBank(values);
        if (bank < 0) {
          fail(run, "no bank to download into", values.toString());
          return;
        }
        run.bank = bank;
        move(run, Step.DOWNLOADING);
        FirmwareServer.Image image = server.image(spec.image());
        send(
            run,
            MsgType.OPERATE,
            operate(
                IMAGES + bank + ".Download()",
                Map.of(
                    "URL", server.url(spec.image()),
                    "AutoActivate", "false",
                    "FileSize", Long.toString(image.size()),
                    "CheckSumAlgorithm", "SHA-256",
                    "CheckSum", server.sha256(spec.image()))));
      }
      case CONFIRMING -> {
        Map<String, String> values = values(msg.getBody().getResponse().getGetResp());
        String version = values.get(SOFTWARE_VERSION);
        String bankVersion = values.get(IMAGES + run.bank + ".Version");
        if ("ActivationFailed".equals(values.get(IMAGES + run.bank + ".Status"))) {
          // the image did not boot and the device went back to its old one (TR-181 Status)
          fail(run, "rolled back", values.get(IMAGES + run.bank + ".BootFailureLog"));
        } else if (version != null
            && version.equals(bankVersion)
            && (spec.version().isEmpty() || spec.version().equals(version))) {
          running.remove(run.agent);
          lastOutcomeNanos = System.nanoTime();
          upgraded.increment();
          controller.latencies().record("firmware-upgrade", System.nanoTime() - run.startNanos);
        } else {
          fail(run, "wrong version after Boot!", version);
        }
      }
      default -> {} // OperateResp of Download()/Activate(): the notifications tell the rest
    }
  }

  private void onNotify(ReferenceController.Notification n) {
    Run run = running.get(n.agentId());
    Notify notify = n.message();
    if (closed || run == null || !notify.hasEvent()) {
      return;
    }
    String event = notify.getEvent().getEventName();
    Map<String, String> args = notify.getEvent().getParamsMap();
    long now = System.nanoTime();
    if (run.step == Step.DOWNLOADING
        && event.equals("TransferComplete!")
        && commandKey.equals(args.get("CommandKey"))) {
      if (!"0".equals(args.get("FaultCode"))) {
        fail(run, "download failed", args.get("FaultCode") + " " + args.get("FaultString"));
        return;
      }
      controller.latencies().record("firmware-download", now - run.stepNanos);
      move(run, Step.ACTIVATING);
      send(
          run,
          MsgType.OPERATE,
          operate(
              IMAGES + run.bank + ".Activate()",
              Map.of(
                  "TimeWindow.1.Start", "0",
                  "TimeWindow.1.End", "3600",
                  "TimeWindow.1.Mode", "AnyTime")));
    } else if (run.step == Step.ACTIVATING
        && event.equals("Boot!")
        && commandKey.equals(args.get("CommandKey"))) {
      controller.latencies().record("firmware-activation", now - run.stepNanos);
      move(run, Step.CONFIRMING);
      send(
          run,
          MsgType.GET,
          get(
              SOFTWARE_VERSION,
              IMAGES + run.bank + ".Version",
              IMAGES + run.bank + ".Status",
              IMAGES + run.bank + ".BootFailureLog"));
    }
  }

  private static Request get(String... paths) {
    return Request.newBuilder().setGet(Get.newBuilder().addAllParamPaths(List.of(paths))).build();
  }

  private Request operate(String command, Map<String, String> args) {
    return Request.newBuilder()
        .setOperate(
            Operate.newBuilder()
                .setCommand(command)
                .setCommandKey(commandKey)
                .setSendResp(true)
                .putAllInputArgs(args))
        .build();
  }

  private static void move(Run run, Step step) {
    run.step = step;
    run.stepNanos = System.nanoTime();
  }

  private void fail(Run run, String reason, String detail) {
    running.remove(run.agent);
    lastOutcomeNanos = System.nanoTime();
    failures.computeIfAbsent(reason, k -> new LongAdder()).increment();
    if (loggedFailures++ < LOGGED_FAILURES) {
      LOG.warn("firmware campaign: {} failed ({}): {}", run.agent, reason, detail);
    }
  }

  /** Full parameter path → value of a GetResp. */
  private static Map<String, String> values(GetResp resp) {
    Map<String, String> out = new HashMap<>();
    for (GetResp.RequestedPathResult r : resp.getReqPathResultsList()) {
      for (GetResp.ResolvedPathResult p : r.getResolvedPathResultsList()) {
        p.getResultParamsMap().forEach((k, v) -> out.put(p.getResolvedPath() + k, v));
      }
    }
    return out;
  }

  /** The lowest-numbered FirmwareImage whose Status is not Active, or -1. */
  private static int inactiveBank(Map<String, String> values) {
    int best = -1;
    for (Map.Entry<String, String> e : values.entrySet()) {
      String k = e.getKey();
      if (k.startsWith(IMAGES) && k.endsWith(".Status") && !e.getValue().equals("Active")) {
        try {
          int n = Integer.parseInt(k.substring(IMAGES.length(), k.length() - ".Status".length()));
          best = best < 0 ? n : Math.min(best, n);
        } catch (NumberFormatException ignored) {
          // not an instance number: skip
        }
      }
    }
    return best;
  }
}
