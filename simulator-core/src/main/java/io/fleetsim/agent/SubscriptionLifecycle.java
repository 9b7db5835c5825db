package io.fleetsim.agent;

import io.fleetsim.datamodel.ObjectNode;
import io.fleetsim.datamodel.ParamNode;
import io.fleetsim.datamodel.TypedValues;
import java.util.Map;

/**
 * The lifecycle of Device.LocalAgent.Subscription rows beyond Add and Delete: TimeToLive expiry,
 * Periodic! to Controllers that subscribed to it, and the rows that do not survive a boot
 * (Persistent false). Stateless: it works on the {@link AgentCore} it is given.
 */
final class SubscriptionLifecycle {
  private SubscriptionLifecycle() {}

  /** A Subscription row created or its TimeToLive set: arm its expiry (TR-181 TimeToLive). */
  static void onSubscriptionChange(AgentCore agent, ObjectNode node, int[] inst, ParamNode param) {
    if (node.supportedPath().equals(SubscriptionRows.TABLE)) {
      SubscriptionRows.Subscription s = SubscriptionRows.get(agent.dm, inst[0]);
      if (s == null) {
        return;
      }
      if ((param == null || param.name().equals("TimeToLive")) && s.timeToLive() > 0) {
        agent
            .env
            .timers()
            .schedule(
                agent.dm.index(),
                agent.dm.nowMillis() + s.timeToLive() * 1000,
                new AgentTimer.SubscriptionExpiry(s.instance(), s.creationDate()));
      }
    }
  }

  static void expire(AgentCore agent, AgentTimer.SubscriptionExpiry e, Outbox out) {
    SubscriptionRows.Subscription s = SubscriptionRows.get(agent.dm, e.instance());
    if (s == null || !s.creationDate().equals(e.creationDate())) {
      return;
    }
    RequestContext ctx = new RequestContext(agent.dm, "", "");
    DeleteHandler.deleteInstance(
        SubscriptionRows.table(agent.dm.schema()), new int[] {e.instance()}, ctx);
    NotificationEngine.afterCommit(agent, ctx.changes, out);
  }

  static void dropNonPersistentSubscriptions(AgentCore agent) {
    ObjectNode table = SubscriptionRows.table(agent.dm.schema());
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(agent.dm)) {
      if (!s.persistent()) {
        agent.dm.deleteInstance(table, new int[] {s.instance()});
      }
    }
  }

  /**
   * Periodic! (TR-181 Device.LocalAgent.) to each Controller with a Periodic! subscription whose
   * next PeriodicNotifTime + n·PeriodicNotifInterval instant after {@code sinceMillis} has come.
   * Driven by the fleet tick, so no agent holds a timer for it; instants missed in one tick (a
   * stalled JVM) give one Periodic!, as a late timer would.
   */
  static void periodic(AgentCore agent, long sinceMillis, long now, Outbox out) {
    ObjectNode controllers = agent.dm.schema().object(Tr181Paths.CONTROLLER);
    if (controllers == null) {
      return;
    }
    for (int n : agent.dm.instances(controllers, Instances.ROOT)) {
      String recipient = Tr181Paths.CONTROLLER_REF + n;
      if (nextPeriodic(agent, n, sinceMillis) <= now && hasPeriodicSubscription(agent, recipient)) {
        ObjectNode localAgent = agent.dm.schema().object(Tr181Paths.LOCAL_AGENT);
        NotificationEngine.publishEvent(
            agent, localAgent, Instances.ROOT, "Periodic!", Map.of(), recipient, out);
      }
    }
  }

  /**
   * First firing after {@code now} at PeriodicNotifTime + n·PeriodicNotifInterval; an unknown time
   * gives each agent its own seeded phase (8.3), so a fleet does not fire in one burst.
   */
  static long nextPeriodic(AgentCore agent, int controller, long now) {
    ObjectNode controllers = agent.dm.schema().object(Tr181Paths.CONTROLLER);
    int[] inst = {controller};
    long interval =
        Math.max(
                1, Long.parseLong(agent.dm.value(controllers.param("PeriodicNotifInterval"), inst)))
            * 1000;
    String time = agent.dm.value(controllers.param("PeriodicNotifTime"), inst);
    java.time.Instant reference =
        time.equals(TypedValues.UNKNOWN_TIME) ? null : TypedValues.parseDateTime(time);
    if (reference == null) {
      long phase = (long) (agent.random(controller).nextDouble() * interval);
      return now + interval - Math.floorMod(now + phase, interval);
    }
    long since = now - reference.toEpochMilli();
    return now + (interval - Math.floorMod(since, interval));
  }

  /**
   * The next Periodic! after {@code afterMillis} of any Controller with a periodic subscription.
   */
  static long nextPeriodicAny(AgentCore agent, long afterMillis) {
    ObjectNode controllers = agent.dm.schema().object(Tr181Paths.CONTROLLER);
    long next = Long.MAX_VALUE;
    if (controllers != null) {
      for (int n : agent.dm.instances(controllers, Instances.ROOT)) {
        if (hasPeriodicSubscription(agent, Tr181Paths.CONTROLLER_REF + n)) {
          next = Math.min(next, nextPeriodic(agent, n, afterMillis));
        }
      }
    }
    return next;
  }

  static boolean hasPeriodicSubscription(AgentCore agent, String recipient) {
    for (SubscriptionRows.Subscription s : SubscriptionRows.all(agent.dm)) {
      if (s.enabled()
          && s.recipient().equals(recipient)
          && s.notifType().equals("Event")
          && references(s, Tr181Paths.PERIODIC_EVENT)) {
        return true;
      }
    }
    return false;
  }

  static boolean references(SubscriptionRows.Subscription s, String path) {
    return s.referenceList().contains(path);
  }
}
