package org.ivrgateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Where the suite's time goes (docs/TESTING.md, "Where the time goes"): a JUnit Platform listener,
 * registered through {@code META-INF/services}, that writes {@code target/test-timeline.txt} at the end of
 * a run: each test class's start and end (seconds from the first class's start), its wall time, how many
 * classes ran at once, and the totals. Surefire's per-class times are the same wall times but say nothing
 * about what ran beside them.
 */
public final class Timeline implements TestExecutionListener {
    private record Span(String name, long start, long end) {
    }

    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final List<Span> spans = new ArrayList<>();

    @Override
    public void executionStarted(TestIdentifier id) {
        if (isClass(id)) started.put(id.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Long start = started.remove(id.getUniqueId());
        if (start == null) return;
        String name = ((ClassSource) id.getSource().orElseThrow()).getClassName();
        synchronized (spans) {
            spans.add(new Span(name.substring(name.lastIndexOf('.') + 1), start, System.nanoTime()));
        }
    }

    private static boolean isClass(TestIdentifier id) {
        return id.isContainer() && id.getSource().filter(ClassSource.class::isInstance).isPresent()
                && id.getParentIdObject().map(p -> p.getSegments().size() == 1).orElse(false);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        List<Span> all;
        synchronized (spans) {
            all = new ArrayList<>(spans);
        }
        if (all.isEmpty()) return;
        long origin = all.stream().mapToLong(Span::start).min().orElseThrow();
        long last = all.stream().mapToLong(Span::end).max().orElseThrow();
        all.sort(Comparator.comparingLong(Span::start));
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-36s %8s %8s %7s %s%n", "class", "start s", "end s", "wall s", "beside it (most at once)"));
        double sum = 0;
        for (Span s : all) {
            double wall = seconds(s.end - s.start);
            sum += wall;
            out.append(String.format("%-36s %8.1f %8.1f %7.1f %d%n", s.name, seconds(s.start - origin),
                    seconds(s.end - origin), wall, mostAtOnce(all, s.start, s.end) - 1));
        }
        double span = seconds(last - origin);
        out.append(String.format("%nclasses %d, from the first start to the last end %.1f s, sum of class times %.1f s,"
                + " classes at once on average %.2f, at most %d%n", all.size(), span, sum, sum / span,
                mostAtOnce(all, origin, last)));
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "test-timeline.txt"), out);
        } catch (IOException e) {
            System.err.println("test timeline not written: " + e);
        }
    }

    /** The most classes running at one moment within [from, to]. */
    private static int mostAtOnce(List<Span> all, long from, long to) {
        int most = 0;
        for (Span s : all) {
            if (s.start < from || s.start > to) continue;
            long at = s.start;
            int n = (int) all.stream().filter(o -> o.start <= at && o.end > at).count();
            most = Math.max(most, n);
        }
        if (most == 0) most = (int) all.stream().filter(o -> o.start <= from && o.end > from).count();
        return most;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
