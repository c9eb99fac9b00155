package org.ivrgateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time consumed, in nanoseconds: by this JVM, and by the processes it started (read from /proc). */
final class ProcessCpu {
    /** USER_HZ is 100 on every Linux the project targets. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    static long self() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /**
     * A process and everything under it, including its children that already exited (the PostgreSQL
     * postmaster and its backends); 0 when /proc is not there.
     */
    static long tree(long pid) {
        return ProcessHandle.of(pid).map(root -> (ticks(pid, true)
                + root.descendants().mapToLong(p -> ticks(p.pid(), false)).sum()) * NANOS_PER_TICK).orElse(0L);
    }

    private static long ticks(long pid, boolean withExitedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
            return withExitedChildren ? own + Long.parseLong(f[13]) + Long.parseLong(f[14]) : own; // cutime, cstime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
