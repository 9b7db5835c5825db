package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.usp.proto.UspMsg.Msg;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pre-provisioned fleet's state, built once per (device model, Controller, provisioning Add) and
 * shared: the first agent of a model replays the Controller's Add ({@link AgentCore#restore}); its
 * resulting writes are immutable and name nothing of that agent (the subscription rows, their
 * Recipient and the instant the fleet was provisioned), so every later agent of the model adopts
 * them as they are, with no Add replayed, no duplicate-key scan and nothing notified. An agent that
 * already wrote something (or a model whose Add was refused) replays, as before. Thread-safe:
 * agents start on many threads.
 */
public final class ProvisionedSnapshots {
  private record Key(DeviceModel device, Msg add, String controllerId) {}

  private final ConcurrentHashMap<Key, AgentDataModel.Writes> snapshots = new ConcurrentHashMap<>();

  /**
   * Brings {@code agent} to the state {@code add} from {@code controllerId} leaves.
   *
   * @return false when the Add was refused (no such Controller, or the Add failed)
   */
  public boolean restore(AgentCore agent, Msg add, String controllerId) {
    AgentDataModel dm = agent.dataModel();
    if (!dm.pristine()) {
      return agent.restore(add, controllerId);
    }
    Key key = new Key(dm.device(), add, controllerId);
    AgentDataModel.Writes shared = snapshots.get(key);
    if (shared != null) {
      dm.adopt(shared);
      return true;
    }
    boolean restored = agent.restore(add, controllerId);
    if (restored) {
      snapshots.putIfAbsent(key, dm.writes());
    }
    return restored;
  }
}
