package io.fleetsim.scenario;

import io.fleetsim.controller.ReferenceController;
import io.fleetsim.controller.Workload;
import io.fleetsim.mtp.ClientTls;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.connect.Connectors;
import io.fleetsim.mtp.connect.Redacted;
import io.fleetsim.mtp.connect.SpreadConnector;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run's agents talk to: the embedded Controller (in memory or on a loopback WebSocket) or an
 * external target, the MTP connector of each fleet-mix entry, and the embedded Controller's
 * workload.
 */
final class RunTargets {
  private final Scenario scenario;

  RunTargets(Scenario scenario) {
    this.scenario = scenario;
  }

  /** The embedded Controller of the target, or null for an external one. */
  ReferenceController controller(Transports t) {
    Scenario.Target target = scenario.target();
    boolean reboot = scenario.behaviour().rebootAfterProvisioning();
    return switch (target.kind()) {
      case EMBEDDED_MEMORY ->
          ReferenceController.inMemory(t, target.controllerId(), !scenario.provisioned(), reboot);
      case EMBEDDED_WEBSOCKET ->
          ReferenceController.listen(
              t,
              new InetSocketAddress("127.0.0.1", 0),
              "/usp",
              target.controllerId(),
              !scenario.provisioned(),
              reboot,
              null);
      default -> null;
    };
  }

  /** The agents' connector to the target. */
  Connector connector(Transports t, ReferenceController controller) {
    Scenario.Target target = scenario.target();
    return switch (target.kind()) {
      case EMBEDDED_MEMORY -> controller.memoryMtp();
      case EMBEDDED_WEBSOCKET ->
          Connectors.agents(
              t,
              URI.create("ws://127.0.0.1:" + controller.address().getPort() + "/usp"),
              Connectors.Options.defaults());
      case WEBSOCKET, MQTT, STOMP -> external(t, target);
    };
  }

  /** The external target, or several with each agent always on the same one. */
  private static Connector external(Transports t, Scenario.Target target) {
    Connectors.Options options = target.options();
    if (target.urls().size() == 1) {
      return Connectors.agents(t, target.url(), options);
    }
    List<Connector> each = new ArrayList<>();
    for (URI url : target.urls()) {
      each.add(Connectors.agents(t, url, options));
    }
    return new SpreadConnector(each);
  }

  /**
   * The MTP of each mix entry: the target's, or for entries with {@code mtp = mqtt} or {@code
   * stomp} beside a WebSocket target that MTP's broker (the embedded controller then serves that
   * broker too).
   */
  List<Connector> perEntry(
      Transports t, ReferenceController controller, Connector targetConnector) {
    Scenario.Target target = scenario.target();
    Map<String, Connector> brokers = new HashMap<>();
    List<Connector> out = new ArrayList<>();
    for (io.fleetsim.profiles.FleetMix.Entry e : scenario.mix().entries()) {
      // only a WebSocket target has brokers beside it (TargetReader): a broker target's entries
      // are all on the target itself
      URI b = e.mtp() == null ? null : target.broker(e.mtp());
      out.add(
          b == null
              ? targetConnector
              : brokers.computeIfAbsent(e.mtp(), mtp -> onBroker(t, controller, b)));
    }
    return out;
  }

  /** The agents' connector to {@code broker}, with the embedded Controller (if any) on it too. */
  private Connector onBroker(Transports t, ReferenceController controller, URI broker) {
    Connectors.Options options = scenario.target().options();
    ClientTls tls = Connectors.tls(broker, options); // one TLS setup for both sides of the broker
    if (controller != null) {
      controller.alsoOnBroker(
          t, Connectors.controller(t, broker, options, tls), Redacted.url(broker));
    }
    return Connectors.agents(t, broker, options, tls);
  }

  /** The embedded Controller's request workload, or null when the scenario asks for none. */
  Workload workload(ReferenceController controller, Transports t) {
    Scenario.Behaviour b = scenario.behaviour();
    if (controller == null || b.workloadRate() <= 0) {
      return null;
    }
    Workload.Spec d = Workload.Spec.defaults(b.workloadRate());
    return Workload.start(
        controller,
        new Workload.Spec(
            b.workloadRate(),
            b.getWeight(),
            b.setWeight(),
            b.operateWeight(),
            d.getPaths(),
            d.setParam(),
            d.setValue(),
            d.operateCommand()),
        t.group().next(),
        scenario.seed());
  }
}
