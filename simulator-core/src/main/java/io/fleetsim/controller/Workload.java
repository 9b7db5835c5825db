package io.fleetsim.controller;

import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Operate;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspMsg.Set;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Controller's request workload: Get, Set and Operate at a fixed total rate, spread round-robin
 * over the connected agents, the mix drawn from a seeded random so a run is repeatable. It is paced
 * open-loop: request n is due at start + n / rate whatever the answers do, and its round trip is
 * measured from that due time ({@link ReferenceController#request(String, MsgType, Request,
 * long)}), so a Controller or fleet that falls behind shows it in the percentiles (coordinated
 * omission). The requests are built once and shared by every agent.
 */
public final class Workload implements AutoCloseable {
  /**
   * How often the pacer wakes up to send what is due. Round trips count from the due time, so a
   * coarse tick would add up to one tick of the pacer's own delay to every latency: 1 ms keeps that
   * below the resolution that matters while costing 1,000 wake-ups a second on one loop.
   */
  static final long TICK_MICROS = 1_000;

  /** How often the pacer re-reads the set of connected agents. */
  static final long AGENTS_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * What to send and how often.
   *
   * @param ratePerSecond requests per second over the whole fleet
   * @param getWeight relative share of Get; likewise {@code setWeight}, {@code operateWeight}
   * @param getPaths the Get's param_paths (default {@code Device.DeviceInfo.})
   * @param setParam a writable parameter path set to {@code setValue} (required=true)
   * @param operateCommand a command sent with send_resp=true (async ones answer at once with
   *     req_obj_path and complete later by OperationComplete)
   */
  public record Spec(
      double ratePerSecond,
      int getWeight,
      int setWeight,
      int operateWeight,
      List<String> getPaths,
      String setParam,
      String setValue,
      String operateCommand) {
    public Spec {
      if (!(ratePerSecond > 0)) {
        throw new IllegalArgumentException("workload rate must be > 0, got " + ratePerSecond);
      }
      if (getWeight < 0 || setWeight < 0 || operateWeight < 0) {
        throw new IllegalArgumentException("workload weights must be >= 0");
      }
      if (getWeight + setWeight + operateWeight == 0) {
        throw new IllegalArgumentException("workload needs at least one weight > 0");
      }
      int dot = setParam.lastIndexOf('.');
      if (dot <= 0 || dot == setParam.length() - 1) {
        throw new IllegalArgumentException("workload Set needs a parameter path, got " + setParam);
      }
      getPaths = List.copyOf(getPaths);
    }

    /** The default mix: 80% Get of DeviceInfo, 10% Set of ProvisioningCode, 10% self test. */
    public static Spec defaults(double ratePerSecond) {
      return new Spec(
          ratePerSecond,
          8,
          1,
          1,
          List.of("Device.DeviceInfo."),
          "Device.DeviceInfo.ProvisioningCode",
          "fleetsim",
          "Device.SelfTestDiagnostics()");
    }
  }

  private final ReferenceController controller;
  private final Spec spec;
  private final Request get;
  private final Request set;
  private final Request operate;
  private final SplittableRandom random;
  private final ScheduledFuture<?> ticks;
  private final long startNanos;
  private final LongAdder sent = new LongAdder();
  private final LongAdder notSent = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private List<String> targets = List.of();
  private long targetsReadNanos = Long.MIN_VALUE;
  private long next;
  private int cursor;

  private Workload(
      ReferenceController controller, Spec spec, ScheduledExecutorService loop, long seed) {
    this.controller = controller;
    this.spec = spec;
    this.random = new SplittableRandom(seed);
    this.get =
        Request.newBuilder().setGet(Get.newBuilder().addAllParamPaths(spec.getPaths)).build();
    int dot = spec.setParam.lastIndexOf('.');
    this.set =
        Request.newBuilder()
            .setSet(
                Set.newBuilder()
                    .setAllowPartial(false)
                    .addUpdateObjs(
                        Set.UpdateObject.newBuilder()
                            .setObjPath(spec.setParam.substring(0, dot + 1))
                            .addParamSettings(
                                Set.UpdateParamSetting.newBuilder()
                                    .setParam(spec.setParam.substring(dot + 1))
                                    .setValue(spec.setValue)
                                    .setRequired(true))))
            .build();
    this.operate =
        Request.newBuilder()
            .setOperate(
                Operate.newBuilder()
                    .setCommand(spec.operateCommand)
                    .setCommandKey("fleetsim-workload")
                    .setSendResp(true))
            .build();
    this.startNanos = System.nanoTime();
    // every tick runs on the one thread of {@code loop}: the pacer's fields need no locks
    this.ticks = loop.scheduleAtFixedRate(this::tick, 0, TICK_MICROS, TimeUnit.MICROSECONDS);
  }

  /** Starts sending at once on {@code loop} (one thread, e.g. a Netty event loop). */
  public static Workload start(
      ReferenceController controller, Spec spec, ScheduledExecutorService loop, long seed) {
    return new Workload(controller, spec, loop, seed);
  }

  /** Requests handed to an agent's session. */
  public long sent() {
    return sent.sum();
  }

  /** Requests that were due while no agent was connected: counted, not queued. */
  public long notSent() {
    return notSent.sum();
  }

  /** Requests sent that never got an answer (session lost, or the Controller's timeout). */
  public long failed() {
    return failed.sum();
  }

  @Override
  public void close() {
    ticks.cancel(false);
  }

  private void tick() {
    long now = System.nanoTime();
    if (now - targetsReadNanos >= AGENTS_REFRESH_NANOS || targets.isEmpty()) {
      targets = List.copyOf(controller.connectedAgents());
      targetsReadNanos = now;
    }
    double perNano = spec.ratePerSecond / 1e9;
    long due = (long) ((now - startNanos) * perNano) + 1;
    for (; next < due; next++) {
      long dueNanos = startNanos + (long) (next / perNano);
      if (targets.isEmpty()) {
        notSent.increment();
        continue;
      }
      cursor = (cursor + 1) % targets.size();
      send(targets.get(cursor), dueNanos);
    }
  }

  private void send(String agent, long dueNanos) {
    int pick = random.nextInt(spec.getWeight + spec.setWeight + spec.operateWeight);
    MsgType type;
    Request request;
    if (pick < spec.getWeight) {
      type = MsgType.GET;
      request = get;
    } else if (pick < spec.getWeight + spec.setWeight) {
      type = MsgType.SET;
      request = set;
    } else {
      type = MsgType.OPERATE;
      request = operate;
    }
    sent.increment();
    controller
        .request(agent, type, request, dueNanos)
        .whenComplete(
            (msg, error) -> {
              if (error != null) {
                failed.increment();
              }
            });
  }
}
