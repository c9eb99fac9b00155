package org.ivrgateway.web.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.AgentStatus;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Views;

/**
 * The live figures of every queue as Prometheus gauges (docs/REPORTS.md), read once per scrape from the
 * same view as the wallboard: {@code ivr_queue_calls_waiting}, {@code ivr_queue_oldest_wait_seconds},
 * {@code ivr_queue_estimated_wait_seconds}, {@code ivr_queue_average_wait_seconds},
 * {@code ivr_queue_service_level_percent} by {@code queue}, and {@code ivr_queue_agents} by {@code queue}
 * and {@code state}.
 */
public final class QueueMetrics {
    private final ContactCenterView view;
    private final MultiGauge waiting;
    private final MultiGauge oldest;
    private final MultiGauge estimated;
    private final MultiGauge average;
    private final MultiGauge serviceLevel;
    private final MultiGauge agents;

    public QueueMetrics(ContactCenterView view, MeterRegistry registry) {
        this.view = view;
        waiting = gauge("ivr_queue_calls_waiting", "calls waiting in the queue now", null, registry);
        oldest = gauge("ivr_queue_oldest_wait_seconds", "how long the longest-waiting call has waited", "seconds", registry);
        estimated = gauge("ivr_queue_estimated_wait_seconds", "estimated wait of a call entering now", "seconds", registry);
        average = gauge("ivr_queue_average_wait_seconds", "mean wait of the calls answered in the window", "seconds", registry);
        serviceLevel = gauge("ivr_queue_service_level_percent", "service level over the window", null, registry);
        agents = gauge("ivr_queue_agents", "agents of the queue by state", null, registry);
    }

    private static MultiGauge gauge(String name, String description, String unit, MeterRegistry registry) {
        MultiGauge.Builder b = MultiGauge.builder(name).description(description);
        if (unit != null) b.baseUnit(unit);
        return b.register(registry);
    }

    /** Reads the queues once and sets every gauge (called before each scrape). */
    public void refresh() {
        List<Views.Queue> queues = view.queues();
        waiting.register(rows(queues, q -> q.callsWaiting()), true);
        oldest.register(rows(queues, q -> q.oldestWaitSeconds()), true);
        estimated.register(rows(queues, q -> q.estimatedWaitSeconds()), true);
        average.register(rows(queues, q -> q.averageWaitSeconds()), true);
        serviceLevel.register(rows(queues, q -> q.serviceLevel()), true);
        List<MultiGauge.Row<?>> byState = new ArrayList<>();
        for (Views.Queue q : queues) {
            for (Map.Entry<AgentStatus, Integer> e : q.agentsByStatus().entrySet()) {
                byState.add(MultiGauge.Row.of(Tags.of("queue", q.name(), "state", e.getKey().name()), e.getValue()));
            }
        }
        agents.register(byState, true);
    }

    private static List<MultiGauge.Row<?>> rows(List<Views.Queue> queues, java.util.function.ToIntFunction<Views.Queue> f) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Views.Queue q : queues) rows.add(MultiGauge.Row.of(Tags.of("queue", q.name()), f.applyAsInt(q)));
        return rows;
    }
}
