package org.ivrgateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A flight recording of the server, boiled down to what limits it: where the CPU samples are (by
 * library, by hottest method, and by the first frame of our own code on the stack), which monitors threads
 * waited on, and how long GC paused. Written as text next to the run's other raw results.
 */
public final class JfrSummary {
    private static final int TOP = 25;

    private JfrSummary() {
    }

    /** Summarizes the recordings named on the command line (a run keeps them under its jfr/ directory). */
    public static void main(String[] args) throws IOException {
        for (String file : args) System.out.println("# " + file + "\n\n" + summarize(Path.of(file)));
    }

    static String summarize(Path recording) throws IOException {
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byTopFrame = new HashMap<>();
        Map<String, Integer> byOwnFrame = new HashMap<>();
        Map<String, Integer> byHandler = new HashMap<>();
        Map<String, Long> monitorWaitMillis = new HashMap<>();
        long samples = 0;
        long gcPauseNanos = 0;
        int gcPauses = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            if (type.equals("jdk.ExecutionSample") && stack != null && !stack.getFrames().isEmpty()) {
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                String top = frame(frames.get(0));
                byTopFrame.merge(top, 1, Integer::sum);
                byLibrary.merge(library(frames), 1, Integer::sum);
                String own = ownPath(frames);
                if (!own.isEmpty()) byOwnFrame.merge(own, 1, Integer::sum);
                byHandler.merge(handler(frames), 1, Integer::sum);
            } else if (type.equals("jdk.JavaMonitorEnter") || (type.equals("jdk.ThreadPark") && isContention(e))) {
                String on = type.equals("jdk.JavaMonitorEnter") ? "monitor " + className(e, "monitorClass")
                        : "park " + className(e, "parkedClass");
                String where = stack == null || stack.getFrames().isEmpty() ? "?" : ownOrTop(stack.getFrames());
                monitorWaitMillis.merge(on + " at " + where, e.getDuration().toMillis(), Long::sum);
            } else if (type.equals("jdk.GCPhasePause")) {
                gcPauses++;
                gcPauseNanos += e.getDuration().toNanos();
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("CPU samples: ").append(samples).append('\n');
        table(out, "CPU samples by library of the executing frame (java.* counted by the first non-JDK caller)",
                byLibrary, samples);
        table(out, "By request handler: the outermost core method of the request on the stack (which function's "
                + "work), else the layer", byHandler, samples);
        table(out, "Hottest methods (top frame)", byTopFrame, samples);
        table(out, "Our code on the stack: the first three org.ivrgateway frames above the SQL helpers (innermost first)",
                byOwnFrame, samples);
        out.append("\n## Contention: monitors, locks and the connection pool (ms summed over threads, events over JFR's threshold)\n");
        top(monitorWaitMillis).forEach((k, v) -> out.append(String.format("%10d  %s%n", v, k)));
        out.append(String.format("%n## GC: %d pauses, %.1f ms in total%n", gcPauses, gcPauseNanos / 1e6));
        return out.toString();
    }

    /** A park on a lock or on the connection pool; not a sleep, nor a request waiting for its call's news. */
    private static boolean isContention(RecordedEvent e) {
        if (className(e, "parkedClass").contains("Lock")) return true;
        RecordedStackTrace stack = e.getStackTrace();
        return stack != null && stack.getFrames().stream().anyMatch(f -> frame(f).startsWith("com.zaxxer.hikari"));
    }

    private static void table(StringBuilder out, String title, Map<String, Integer> counts, long total) {
        out.append("\n## ").append(title).append('\n');
        top(counts).forEach((k, v) -> out.append(String.format("%6.1f %%  %6d  %s%n", 100.0 * v / Math.max(1, total), v, k)));
    }

    private static <V extends Comparable<V>> Map<String, V> top(Map<String, V> counts) {
        Map<String, V> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, V>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** Up to three of our frames, skipping the store and SQL helpers, so the table names who asked. */
    private static String ownPath(List<RecordedFrame> frames) {
        return frames.stream().map(JfrSummary::frame)
                .filter(f -> f.startsWith("org.ivrgateway.") && !f.startsWith("org.ivrgateway.core.internal.")
                        && !f.startsWith("org.ivrgateway.store."))
                .map(f -> f.substring("org.ivrgateway.".length())).distinct().limit(3)
                .reduce((a, b) -> a + " < " + b).orElse("");
    }

    /**
     * Whose work a sample is: the outermost frame of the core that handles a request (a {@code *Functions}
     * method, TelephonyPort, CallStatusQuery, the desk, the router, the sweeper: not the ContactCenter,
     * Invoker or Tx plumbing around them), lambdas named by their method; without one, the layer of the
     * innermost of our frames (gateway: binding and rendering; web: REST; server: the edge handler itself).
     */
    static String handler(List<RecordedFrame> frames) {
        String layer = null;
        for (int i = frames.size() - 1; i >= 0; i--) {
            String type = frames.get(i).getMethod().getType().getName();
            if (!type.startsWith("org.ivrgateway.")) continue;
            String name = type.substring("org.ivrgateway.".length());
            if (name.startsWith("core.") && !name.startsWith("core.internal.") && !name.contains("$$Lambda")
                    && !name.equals("core.ContactCenter") && !name.equals("core.Invoker")) {
                String method = frames.get(i).getMethod().getName();
                if (method.startsWith("lambda$")) method = method.substring(7, Math.max(7, method.lastIndexOf('$')));
                return name.substring(name.lastIndexOf('.') + 1).replaceAll("\\$.*", "") + "." + method;
            }
            layer = name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.')); // the innermost wins
        }
        return layer != null ? "(" + layer + " layer, no core handler on the stack)" : "(no ivr-gateway frame: Jetty, JDK, libraries)";
    }

    private static String ownOrTop(List<RecordedFrame> frames) {
        return frames.stream().map(JfrSummary::frame).filter(f -> f.startsWith("org.ivrgateway.")).findFirst()
                .orElse(frame(frames.get(0)));
    }

    /** The library doing the work: the package prefix of the first frame outside the JDK itself. */
    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) continue;
            String[] parts = type.split("\\.");
            String lib = parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : type;
            return frames.get(0).getMethod().getType().getName().equals(type) ? lib : lib + " (in JDK code)";
        }
        String type = frames.get(0).getMethod().getType().getName();
        String[] parts = type.split("\\.");
        return "JDK only: " + (parts.length >= 2 ? parts[0] + "." + parts[1] : type);
    }

    private static String className(RecordedEvent e, String field) {
        try {
            jdk.jfr.consumer.RecordedClass c = e.getValue(field);
            return c == null ? "?" : c.getName();
        } catch (IllegalArgumentException ex) {
            return "?";
        }
    }
}
