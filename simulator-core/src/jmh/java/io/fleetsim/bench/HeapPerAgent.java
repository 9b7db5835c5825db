package io.fleetsim.bench;

import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.agent.Outbox;
import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.ProfileLoader;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.metrics.HeapAfterGc;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Request;
import io.fleetsim.usp.proto.UspMsg.Set;
import java.lang.ref.Reference;
import java.time.InstantSource;

/**
 * Heap-after-GC per agent: N agents of one profile each answer a Get of Device.DeviceInfo. and one
 * Set, then the retained heap is divided by N. Reported three ways: the whole AgentCore, the
 * data-model state alone (AgentDataModel and its overlay), and the data model when every agent was
 * Set to a different value (the worst case for sharing). Each figure is measured against the heap
 * after the agents are dropped again, so shared state (schema, interned rows, caches) counts once
 * and not per agent.
 *
 * <p>Usage: {@code java -cp ... io.fleetsim.bench.HeapPerAgent [agents] [profile-resource]}
 */
public final class HeapPerAgent {
  private HeapPerAgent() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String profile = args.length > 1 ? args[1] : "profiles/test-gateway.conf";
    Schema schema = ProfileLoader.loadResource(profile);
    DeviceModel device = new DeviceModel(schema, 1, InstantSource.system());
    AgentEnvironment env = AgentEnvironment.of(device, (i, due, t) -> {}, AgentStats.NOOP);
    Outbox out = (controllerId, record) -> true;
    warmUp(env, out);

    AgentCore[] cores = new AgentCore[n];
    for (int i = 0; i < n; i++) {
      cores[i] = AgentCore.create(env, i);
      exercise(cores[i], out, "campaign-7");
    }
    long withCores = HeapAfterGc.used();
    Reference.reachabilityFence(cores);
    AgentDataModel[] models = new AgentDataModel[n];
    for (int i = 0; i < n; i++) {
      models[i] = cores[i].dataModel();
    }
    cores = null;
    long withModels = HeapAfterGc.used();
    // Keep the arrays reachable while measured: the JIT may otherwise treat them as dead early.
    Reference.reachabilityFence(models);
    models = null;
    long emptyAgain = HeapAfterGc.used();

    AgentDataModel[] distinct = new AgentDataModel[n];
    for (int i = 0; i < n; i++) {
      AgentCore c = AgentCore.create(env, i);
      exercise(c, out, "code-" + i);
      distinct[i] = c.dataModel();
    }
    long withDistinct = HeapAfterGc.used();
    Reference.reachabilityFence(distinct);

    System.out.printf(
        "{\"agents\": %d, \"profile\": \"%s\", \"parameters\": %d,%n"
            + " \"agentCoreBytesPerAgent\": %.1f,%n"
            + " \"dataModelBytesPerAgent\": %.1f,%n"
            + " \"dataModelBytesPerAgentDistinctSet\": %.1f}%n",
        n,
        schema.name(),
        schema.params().size(),
        (withCores - emptyAgain) / (double) n,
        (withModels - emptyAgain) / (double) n,
        (withDistinct - emptyAgain) / (double) n);
  }

  private static void warmUp(AgentEnvironment env, Outbox out) {
    for (int i = 0; i < 1_000; i++) {
      exercise(AgentCore.create(env, i), out, "warm");
    }
  }

  private static void exercise(AgentCore agent, Outbox out, String code) {
    agent.onConnected(out);
    agent.onRecord(
        record(
            agent,
            Request.newBuilder()
                .setGet(Get.newBuilder().addParamPaths("Device.DeviceInfo."))
                .build(),
            MsgType.GET),
        out);
    agent.onRecord(
        record(
            agent,
            Request.newBuilder()
                .setSet(
                    Set.newBuilder()
                        .addUpdateObjs(
                            Set.UpdateObject.newBuilder()
                                .setObjPath("Device.DeviceInfo.")
                                .addParamSettings(
                                    Set.UpdateParamSetting.newBuilder()
                                        .setParam("ProvisioningCode")
                                        .setValue(code))))
                .build(),
            MsgType.SET),
        out);
  }

  private static byte[] record(AgentCore agent, Request req, MsgType type) {
    return UspMessages.record(
            "1.4",
            agent.endpointId(),
            "self::fleetsim-controller",
            UspMessages.request("m", type, req))
        .toByteArray();
  }
}
