package org.ivrgateway.web.rest;

import java.util.List;
import org.ivrgateway.api.Views;

/**
 * The reports as CSV (RFC 4180: comma-separated, CRLF line ends, a header line). Each queue has a row per
 * 15-minute interval and a row {@code total}; the numbers are those of the JSON.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String queues(Views.Report<Views.QueueDay> report) {
        StringBuilder out = new StringBuilder("day,queue,interval,offered,answered,answeredInThreshold,"
                + "abandonedInThreshold,abandonedAfterThreshold,overflowed,serviceLevel,averageWaitSeconds,"
                + "longestWaitSeconds,averageHandleSeconds\r\n");
        for (Views.QueueDay q : report.rows()) {
            for (Views.QueueInterval i : q.intervals()) row(out, report.day(), q.queue(), i.start().toString(), i);
            row(out, report.day(), q.queue(), "total", q.total());
        }
        return out.toString();
    }

    public static String agents(Views.Report<Views.AgentDay> report) {
        StringBuilder out = new StringBuilder("day,agentId,name,callsHandled,talkSeconds,wrapUpSeconds,availableSeconds\r\n");
        for (Views.AgentDay a : report.rows()) {
            out.append(String.join(",", List.of(report.day(), field(a.agentId()), field(a.name()),
                    String.valueOf(a.callsHandled()), String.valueOf(a.talkSeconds()),
                    String.valueOf(a.wrapUpSeconds()), String.valueOf(a.availableSeconds())))).append("\r\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String day, String queue, String interval, Views.QueueInterval i) {
        out.append(String.join(",", List.of(day, field(queue), interval, n(i.offered()), n(i.answered()),
                n(i.answeredInThreshold()), n(i.abandonedInThreshold()), n(i.abandonedAfterThreshold()),
                n(i.overflowed()), n(i.serviceLevel()), n(i.averageWaitSeconds()), n(i.longestWaitSeconds()),
                n(i.averageHandleSeconds())))).append("\r\n");
    }

    private static String n(int value) {
        return String.valueOf(value);
    }

    /** A text field, quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused. */
    private static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
