package io.fleetsim.dashboard;

import io.fleetsim.metrics.Latencies;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What {@code fleetsim controller} exports to Prometheus, read at scrape time: the reference
 * Controller's counters as the command sees them (this module does not know the Controller).
 *
 * @param connectedAgents agents with a session now
 * @param connectRecords Connect Records received (sessions started, reconnects included)
 * @param provisioned agents given the provisioning subscriptions
 * @param boots Boot! events received
 * @param notifications Notify requests received
 * @param drops Records dropped, by reason
 * @param latencies the Controller's request and firmware latencies
 */
public record ControllerCounters(
    LongSupplier connectedAgents,
    LongSupplier connectRecords,
    LongSupplier provisioned,
    LongSupplier boots,
    LongSupplier notifications,
    Supplier<Map<String, Long>> drops,
    Latencies latencies) {}
