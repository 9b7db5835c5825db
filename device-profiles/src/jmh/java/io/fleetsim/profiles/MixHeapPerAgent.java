package io.fleetsim.profiles;

import com.typesafe.config.ConfigFactory;
import io.fleetsim.agent.AgentCore;
import io.fleetsim.agent.AgentEnvironment;
import io.fleetsim.agent.Outbox;
import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.datamodel.FleetMesh;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.metrics.AgentStats;
import io.fleetsim.metrics.HeapAfterGc;
import io.fleetsim.usp.message.UspMessages;
import io.fleetsim.usp.proto.UspMsg.Add;
import io.fleetsim.usp.proto.UspMsg.Get;
import io.fleetsim.usp.proto.UspMsg.Header.MsgType;
import io.fleetsim.usp.proto.UspMsg.Request;
import java.lang.ref.Reference;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap after GC per agent for a fleet in the 70/20/10 mix (home-gateway, wifi-extender, iot-hub):
 * idle after boot, then after each agent got a controller subscription (ObjectCreation on
 * Device.Hosts.Host., rows created at distinct times, so nothing is shared) and 10 simulated
 * minutes of movement: fleet ticks every 10 s (counters and wandering values are computed; hosts
 * join and leave and are notified), and a Get of Device.DeviceInfo. at the end.
 *
 * <p>Usage: {@code java -cp ... io.fleetsim.profiles.MixHeapPerAgent [agents] [spreadMillis]}
 */
public final class MixHeapPerAgent {
  private MixHeapPerAgent() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    // time between two agents' subscriptions: 1 ms shares rows created within one second (a fast
    // controller); 1000 ms gives every agent its own CreationDate, so nothing can be shared
    long spreadMillis = args.length > 1 ? Long.parseLong(args[1]) : 1;
    FleetMix mix =
        FleetMix.parse(
            ConfigFactory.parseString(
                "mix = [ { profile = home-gateway, share = 70 }, { profile = wifi-extender, share = 20 },"
                    + " { profile = iot-hub, share = 10 } ]"),
            "mix");
    long epoch = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    AtomicLong now = new AtomicLong(epoch);
    InstantSource clock = () -> Instant.ofEpochMilli(now.get());
    List<Schema> schemas = mix.schemas();
    // gateways and extenders form Wi-Fi meshes, as in a run (LocalRun.models)
    FleetMesh mesh = new FleetMesh(schemas, mix::entryOf, 42, n);
    AgentEnvironment[] envs = new AgentEnvironment[schemas.size()];
    for (int i = 0; i < envs.length; i++) {
      envs[i] =
          AgentEnvironment.of(
              new DeviceModel(schemas.get(i), 42, clock, epoch).withMesh(mesh),
              (a, due, t) -> {},
              AgentStats.NOOP);
    }
    long[] notifications = {0};
    Outbox out =
        (c, r) -> {
          notifications[0]++;
          return true;
        };

    long empty = HeapAfterGc.used();
    AgentCore[] agents = new AgentCore[n];
    for (int i = 0; i < n; i++) {
      agents[i] = AgentCore.create(envs[mix.entryOf(i)], i);
      agents[i].onConnected(out);
    }
    long idle = HeapAfterGc.used();
    Reference.reachabilityFence(agents);

    for (int i = 0; i < n; i++) {
      now.set(epoch + i * spreadMillis);
      agents[i].onRecord(subscribe(agents[i]), out);
    }
    long start = now.get();
    for (int tick = 1; tick <= 60; tick++) {
      long since = now.get();
      now.set(start + tick * 10_000L);
      for (AgentCore a : agents) {
        a.onTick(since, now.get(), out);
      }
    }
    byte[][] gets = new byte[n][];
    for (int i = 0; i < n; i++) {
      agents[i].onRecord(get(agents[i]), out);
    }
    long moved = HeapAfterGc.used();
    Reference.reachabilityFence(agents);
    Reference.reachabilityFence(gets);

    AgentDataModel[] models = new AgentDataModel[n];
    for (int i = 0; i < n; i++) {
      models[i] = agents[i].dataModel();
    }
    agents = null;
    long modelsOnly = HeapAfterGc.used();
    Reference.reachabilityFence(models);
    models = null;
    long after = HeapAfterGc.used();

    System.out.printf(
        "{\"agents\": %d, \"subscriptionSpreadMillis\": %d,"
            + " \"mix\": \"70%% home-gateway, 20%% wifi-extender, 10%% iot-hub\",%n"
            + " \"agentCoreBytesPerAgentIdle\": %.1f,%n"
            + " \"agentCoreBytesPerAgentAfter10MinAndASubscription\": %.1f,%n"
            + " \"dataModelBytesPerAgentAfter10MinAndASubscription\": %.1f,%n"
            + " \"notificationsSentIn10Min\": %d}%n",
        n,
        spreadMillis,
        (idle - empty) / (double) n,
        (moved - after) / (double) n,
        (modelsOnly - after) / (double) n,
        notifications[0]);
  }

  private static byte[] subscribe(AgentCore agent) {
    Add.CreateObject.Builder co =
        Add.CreateObject.newBuilder().setObjPath("Device.LocalAgent.Subscription.");
    String[][] settings = {
      {"ID", "hosts"},
      {"Enable", "true"},
      {"NotifType", "ObjectCreation"},
      {"ReferenceList", "Device.Hosts.Host."},
      {"Persistent", "true"}
    };
    for (String[] s : settings) {
      co.addParamSettings(Add.CreateParamSetting.newBuilder().setParam(s[0]).setValue(s[1]));
    }
    return record(
        agent,
        MsgType.ADD,
        Request.newBuilder().setAdd(Add.newBuilder().addCreateObjs(co)).build());
  }

  private static byte[] get(AgentCore agent) {
    return record(
        agent,
        MsgType.GET,
        Request.newBuilder().setGet(Get.newBuilder().addParamPaths("Device.DeviceInfo.")).build());
  }

  private static byte[] record(AgentCore agent, MsgType type, Request req) {
    return UspMessages.encodeRecord(
        "1.4",
        agent.endpointId(),
        "self::fleetsim-controller",
        UspMessages.request("m", type, req));
  }
}
