package org.ivrgateway.web.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Views;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * {@code /console/charts/{queue}.png?day=YYYY-MM-DD}: one queue's day as a plot (JFreeChart, drawn here):
 * calls offered, answered and abandoned per 15-minute interval as bars, the service level as a line on its
 * own axis. Only the intervals of {@link #shownIntervals} are drawn.
 */
final class ChartServlet extends HttpServlet {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private final ContactCenterView view;

    ChartServlet(ContactCenterView view) {
        this.view = view;
    }

    /** From an hour before the first call to an hour after the last one; 08:00–18:00 on a day without calls. */
    static int[] shownIntervals(Views.Report<Views.QueueDay> report) {
        int first = Integer.MAX_VALUE, last = -1;
        for (Views.QueueDay q : report.rows()) {
            for (int i = 0; i < q.intervals().size(); i++) {
                if (q.intervals().get(i).offered() > 0) {
                    first = Math.min(first, i);
                    last = Math.max(last, i);
                }
            }
        }
        if (last < 0) return new int[] {32, 71};
        return new int[] {Math.max(0, first - 4), Math.min(95, last + 4)};
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.startsWith("/") || !path.endsWith(".png")) {
            response.sendError(404, "no such chart");
            return;
        }
        String queue = path.substring(1, path.length() - ".png".length());
        Views.Report<Views.QueueDay> report;
        try {
            report = view.queueReport(ReportsPage.day(request.getParameter("day")));
        } catch (IllegalArgumentException e) {
            response.sendError(400, e.getMessage());
            return;
        }
        Optional<Views.QueueDay> day = report.rows().stream().filter(q -> q.queue().equals(queue)).findFirst();
        if (day.isEmpty()) {
            response.sendError(404, "no queue " + queue);
            return;
        }
        JFreeChart chart = chart(day.get(), shownIntervals(report), ZoneId.of(report.timeZone()));
        response.setContentType("image/png");
        response.setHeader("Cache-Control", "no-cache, no-store");
        ChartUtils.writeChartAsPNG(response.getOutputStream(), chart, 900, 320);
    }

    static JFreeChart chart(Views.QueueDay day, int[] shown, ZoneId zone) {
        DefaultCategoryDataset calls = new DefaultCategoryDataset();
        DefaultCategoryDataset level = new DefaultCategoryDataset();
        List<Views.QueueInterval> intervals = day.intervals();
        for (int i = shown[0]; i <= shown[1]; i++) {
            Views.QueueInterval in = intervals.get(i);
            String at = HOUR.format(in.start().atZone(zone));
            calls.addValue(in.offered(), "Offered", at);
            calls.addValue(in.answered(), "Answered", at);
            calls.addValue(in.abandonedInThreshold() + in.abandonedAfterThreshold(), "Abandoned", at);
            level.addValue(in.offered() == 0 ? null : in.serviceLevel(), "Service level %", at);
        }
        CategoryAxis time = new CategoryAxis("Interval (" + zone.getId() + ")");
        time.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        NumberAxis count = new NumberAxis("Calls");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x2f, 0x6f, 0xb3));
        bars.setSeriesPaint(1, new Color(0x2e, 0x8b, 0x57));
        bars.setSeriesPaint(2, new Color(0xc0, 0x39, 0x2b));
        CategoryPlot plot = new CategoryPlot(calls, time, count, bars);
        NumberAxis percent = new NumberAxis("Service level %");
        percent.setRange(0, 100);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, new Color(0x8a, 0x4b, 0x00));
        line.setSeriesStroke(0, new BasicStroke(2f));
        plot.setDataset(1, level);
        plot.setRangeAxis(1, percent);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart(day.queue(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
