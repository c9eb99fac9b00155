package org.ivrgateway.web.console;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.ivrgateway.api.ContactCenterView;

/**
 * The supervisors' look back (docs/REPORTS.md): a chosen day's plots per queue — calls by 15-minute
 * interval and the service level — drawn by {@link ChartServlet}, and the tables under them, with the
 * same figures as {@code /api/reports/…} and links to their CSV.
 */
final class ReportsPage implements Page {
    private final ContactCenterView view;
    private final SnapshotHub hub;

    ReportsPage(SnapshotHub hub, ContactCenterView view) {
        this.hub = hub;
        this.view = view;
    }

    @Override
    public void get(Exchange x) throws IOException {
        LocalDate day = day(x.param("day"));
        Map<String, Object> model = new HashMap<>();
        model.put("day", day.toString());
        model.put("queues", view.queueReport(day));
        model.put("agents", view.agentReport(day));
        var queues = (org.ivrgateway.api.Views.Report<org.ivrgateway.api.Views.QueueDay>) model.get("queues");
        int[] shown = ChartServlet.shownIntervals(queues);
        model.put("shown", java.util.stream.IntStream.rangeClosed(shown[0], shown[1]).boxed().toList());
        java.time.ZoneId zone = java.time.ZoneId.of(queues.timeZone());
        var hour = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        model.put("labels", queues.rows().isEmpty() ? java.util.List.of() : queues.rows().getFirst().intervals().stream()
                .map(i -> hour.format(i.start().atZone(zone))).toList());
        x.render(200, "reports", hub.fresh(), model);
    }

    static LocalDate day(String given) {
        if (given == null || given.isBlank()) return LocalDate.now();
        try {
            return LocalDate.parse(given.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The day '" + given + "' is not a date (YYYY-MM-DD).");
        }
    }
}
