package org.ivrgateway.bench;

/**
 * The server process at one moment: heap, threads, CPU, GC; and the CPU of the database processes it
 * started (embedded PostgreSQL), which run beside it on the same cores.
 */
record ServerStats(long heapUsedBytes, long heapCommittedBytes, int threads, int peakThreads, int daemonThreads,
                   long cpuNanos, long gcCount, long gcMillis, long databaseCpuNanos, long uptimeMillis) {

    static ServerStats now(long databasePid) {
        var memory = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long gcCount = 0;
        long gcMillis = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        return new ServerStats(memory.getUsed(), memory.getCommitted(), threads.getThreadCount(),
                threads.getPeakThreadCount(), threads.getDaemonThreadCount(), ProcessCpu.self(), gcCount, gcMillis,
                databasePid > 0 ? ProcessCpu.tree(databasePid) : 0, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
