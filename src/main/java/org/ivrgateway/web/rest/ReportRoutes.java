package org.ivrgateway.web.rest;

import static org.ivrgateway.web.rest.RestRequest.invalid;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Views;

/**
 * {@code GET /api/reports/queues?day=YYYY-MM-DD} and {@code /api/reports/agents?day=…} (docs/REPORTS.md):
 * JSON, or CSV with {@code Accept: text/csv} or a {@code .csv} suffix. Without {@code day}, today.
 */
final class ReportRoutes {
    static final String CSV = "text/csv;charset=UTF-8";

    private ReportRoutes() {
    }

    static List<Route> of(ContactCenterView view) {
        return List.of(
                new Route("GET", "/api/reports/queues", r -> queues(view, r, wantsCsv(r))),
                new Route("GET", "/api/reports/queues.csv", r -> queues(view, r, true)),
                new Route("GET", "/api/reports/agents", r -> agents(view, r, wantsCsv(r))),
                new Route("GET", "/api/reports/agents.csv", r -> agents(view, r, true)));
    }

    private static Reply queues(ContactCenterView view, RestRequest r, boolean csv) {
        Views.Report<Views.QueueDay> report = view.queueReport(day(r));
        return csv ? Reply.text(CSV, ReportCsv.queues(report)) : Reply.ok(report);
    }

    private static Reply agents(ContactCenterView view, RestRequest r, boolean csv) {
        Views.Report<Views.AgentDay> report = view.agentReport(day(r));
        return csv ? Reply.text(CSV, ReportCsv.agents(report)) : Reply.ok(report);
    }

    private static boolean wantsCsv(RestRequest r) {
        String accept = r.header("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
    }

    private static LocalDate day(RestRequest r) {
        String day = r.query("day");
        if (day == null || day.isBlank()) return LocalDate.now();
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            throw invalid("day: expected YYYY-MM-DD, was '" + day + "'");
        }
    }
}
