package io.fleetsim.testing;

import io.fleetsim.datamodel.DeviceModel;
import io.fleetsim.fleet.ActorFleet;
import io.fleetsim.fleet.ConnectsInFlight;
import io.fleetsim.fleet.FleetShape;
import io.fleetsim.fleet.HttpFileTransfers;
import io.fleetsim.metrics.CountingAgentStats;
import io.fleetsim.metrics.FleetMetrics;
import io.fleetsim.mtp.Connector;
import io.fleetsim.mtp.Transports;
import io.fleetsim.mtp.websocket.WsClient;
import io.fleetsim.usp.record.UspRecordCodec;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Pekko {@link ActorFleet} of one profile as the integration tests use it: the agents of a run,
 * started all at once and ticked each second, with their EndpointIDs and counters at hand.
 */
public final class TestFleet implements AutoCloseable {
  private final ActorFleet fleet;
  private final FleetMetrics metrics;
  private final int count;
  private final Transports transports;
  private ScheduledFuture<?> ticks;

  private TestFleet(ActorFleet fleet, FleetMetrics metrics, int count, Transports transports) {
    this.fleet = fleet;
    this.metrics = metrics;
    this.count = count;
    this.transports = transports;
  }

  /**
   * {@code count} agents of {@code model} connecting through {@code connector} to {@code
   * controllerId}, over {@code sourceAddresses} loopback source addresses; not started.
   */
  public static TestFleet of(
      DeviceModel model,
      Transports t,
      Connector connector,
      String controllerId,
      int count,
      int sourceAddresses) {
    return of(FleetShape.of(model, count), t, connector, controllerId, sourceAddresses);
  }

  /** The agents of {@code shape} (one model) connecting through {@code connector}; not started. */
  public static TestFleet of(
      FleetShape shape,
      Transports t,
      Connector connector,
      String controllerId,
      int sourceAddresses) {
    FleetMetrics metrics = new FleetMetrics();
    ActorFleet fleet =
        new ActorFleet(
            "test-fleet",
            shape,
            List.of(connector),
            t.group(),
            controllerId,
            HttpFileTransfers.standard(t),
            metrics,
            shape.models().get(0).seed(),
            ConnectsInFlight.SOCKET,
            sourceAddresses);
    return new TestFleet(fleet, metrics, shape.total(), t);
  }

  /** As above over WebSocket to {@code controllerUrl} ({@code ws://…}). */
  public static TestFleet of(
      DeviceModel model,
      Transports t,
      URI controllerUrl,
      String controllerId,
      int count,
      int sourceAddresses) {
    return of(
        model,
        t,
        new WsClient(t, controllerUrl, UspRecordCodec.DEFAULT_MAX_RECORD_BYTES, 60),
        controllerId,
        count,
        sourceAddresses);
  }

  /** Spawns and connects every agent, and ticks the fleet each second as a run does. */
  public void start() {
    fleet.spawn(count);
    ticks = transports.group().scheduleAtFixedRate(fleet::tick, 1, 1, TimeUnit.SECONDS);
  }

  public String endpointId(int index) {
    return fleet.endpointId(index);
  }

  public List<String> endpointIds() {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(fleet.endpointId(i));
    }
    return out;
  }

  /** Agents with a session now. */
  public long connected() {
    return metrics.connectedNow();
  }

  /** What the agents counted: drops, notifications, latencies. */
  public CountingAgentStats stats() {
    return metrics.stats();
  }

  public FleetMetrics metrics() {
    return metrics;
  }

  public ActorFleet fleet() {
    return fleet;
  }

  /** Stops every agent (a DisconnectRecord from each one online), then the actor system. */
  @Override
  public void close() {
    if (ticks != null) {
      ticks.cancel(false);
    }
    fleet.stop(Duration.ofMillis(300));
  }
}
