package io.fleetsim.agent;

import io.fleetsim.datamodel.AgentDataModel;
import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.Schema;
import io.fleetsim.datamodel.TypedValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and initialises {@code Device.LocalAgent.Subscription.{i}.} rows (TR-181 LocalAgent, TR-181
 * Device.LocalAgent.): the agent sets Recipient and CreationDate itself, and ReferenceList is
 * immutable once set.
 */
final class SubscriptionRows {
  static final String TABLE = Tr181Paths.SUBSCRIPTION;
  private static final int[] ROOT = new int[0];

  private SubscriptionRows() {}

  /** One subscription as the notifier needs it. */
  record Subscription(
      int instance,
      String id,
      boolean enabled,
      String notifType,
      List<String> referenceList,
      String recipient,
      boolean persistent,
      long timeToLive,
      boolean notifRetry,
      long notifExpiration,
      String creationDate,
      String triggerAction,
      String triggerConfigSettings) {}

  static boolean isReferenceList(ParamNode p) {
    return p.name().equals("ReferenceList") && p.owner().supportedPath().equals(TABLE);
  }

  static ObjectNode table(Schema schema) {
    return schema.object(TABLE);
  }

  /** Sets the agent-owned parameters of a row being created by {@code controllerRef}. */
  static void initialize(AgentDataModel dm, int[] instances, String controllerRef, long nowMillis) {
    ObjectNode t = table(dm.schema());
    dm.set(t.param("Recipient"), instances, controllerRef);
    dm.set(t.param("CreationDate"), instances, TypedValues.dateTime(nowMillis));
  }

  /** {@link #wanted} bit: an enabled ValueChange subscription exists. */
  static final int VALUE_CHANGE = 1;

  /** {@link #wanted} bit: an enabled ObjectCreation or ObjectDeletion subscription exists. */
  static final int OBJECT_CHANGES = 2;

  /** {@link #wanted} bit: an enabled Event subscription names Periodic!. */
  static final int PERIODIC = 4;

  /**
   * What the enabled rows ask to hear of, as bits: the same rows the notifier reads ({@link #all}),
   * so a subscription counts here exactly when it can notify.
   */
  static int wanted(AgentDataModel dm) {
    ObjectNode t = table(dm.schema());
    return t == null ? 0 : dm.sharedDerived(t, SubscriptionRows::parse).wanted();
  }

  /**
   * Every subscription row parsed, and what the enabled ones ask to hear of: immutable, so agents
   * with the same writes share one where the rows' values are the same on every agent ({@link
   * AgentDataModel#sharedDerived}; a provisioned fleet parses its subscriptions once).
   */
  private record Parsed(List<Subscription> all, int wanted) {}

  private static Parsed parse(AgentDataModel dm) {
    List<Subscription> all = readAll(dm, table(dm.schema()));
    int bits = 0;
    for (Subscription s : all) {
      if (s.enabled()) {
        switch (s.notifType()) {
          case "ValueChange" -> bits |= VALUE_CHANGE;
          case "ObjectCreation", "ObjectDeletion" -> bits |= OBJECT_CHANGES;
          case "Event" ->
              bits |=
                  s.referenceList().stream().anyMatch(r -> r.contains("Periodic!")) ? PERIODIC : 0;
          default -> {}
        }
      }
    }
    return new Parsed(List.copyOf(all), bits);
  }

  /** Every subscription row, enabled or not, in instance order. */
  static List<Subscription> all(AgentDataModel dm) {
    ObjectNode t = table(dm.schema());
    return t == null ? List.of() : dm.sharedDerived(t, SubscriptionRows::parse).all();
  }

  private static List<Subscription> readAll(AgentDataModel dm, ObjectNode t) {
    int[] numbers = dm.instances(t, ROOT);
    List<Subscription> out = new ArrayList<>(numbers.length);
    for (int n : numbers) {
      out.add(read(dm, t, n));
    }
    return out;
  }

  /** The row with this instance number, or null. */
  static Subscription get(AgentDataModel dm, int instance) {
    ObjectNode t = table(dm.schema());
    if (t == null || !dm.exists(t, new int[] {instance})) {
      return null;
    }
    return read(dm, t, instance);
  }

  private static Subscription read(AgentDataModel dm, ObjectNode t, int n) {
    int[] inst = {n};
    String refs = value(dm, t, "ReferenceList", inst);
    List<String> list = new ArrayList<>();
    for (String r : refs.split(",")) {
      if (!r.isBlank()) {
        list.add(r.trim());
      }
    }
    return new Subscription(
        n,
        value(dm, t, "ID", inst),
        Boolean.parseBoolean(value(dm, t, "Enable", inst)),
        value(dm, t, "NotifType", inst),
        List.copyOf(list),
        value(dm, t, "Recipient", inst),
        Boolean.parseBoolean(value(dm, t, "Persistent", inst)),
        parseLong(value(dm, t, "TimeToLive", inst)),
        Boolean.parseBoolean(value(dm, t, "NotifRetry", inst)),
        parseLong(value(dm, t, "NotifExpiration", inst)),
        value(dm, t, "CreationDate", inst),
        value(dm, t, "TriggerAction", inst),
        value(dm, t, "TriggerConfigSettings", inst));
  }

  private static String value(AgentDataModel dm, ObjectNode t, String name, int[] inst) {
    ParamNode p = t.param(name);
    if (p == null) {
      return name.equals("TriggerAction") ? "Notify" : "";
    }
    return dm.value(p, inst);
  }

  private static long parseLong(String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
