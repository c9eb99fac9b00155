package org.ivrgateway.config;

/**
 * {@code statistics:} — the sliding window over which the queue figures are measured, the handling time
 * EstimatedWait assumes until the window holds enough handled calls, and the estimate given when nobody can
 * answer and the queue does not overflow (docs/STATISTICS.md).
 */
public record StatisticsConfig(Integer windowMinutes, Integer defaultHandleSeconds, Integer maxEstimateSeconds) {
    public static final StatisticsConfig DEFAULT = new StatisticsConfig(null, null, null);

    public StatisticsConfig {
        windowMinutes = Checks.atLeast("statistics.windowMinutes", windowMinutes, 1, 30);
        defaultHandleSeconds = Checks.atLeast("statistics.defaultHandleSeconds", defaultHandleSeconds, 1, 180);
        maxEstimateSeconds = Checks.atLeast("statistics.maxEstimateSeconds", maxEstimateSeconds, 1, 3600);
    }

    /** Only the window; the other keys take their defaults. */
    public StatisticsConfig(Integer windowMinutes) {
        this(windowMinutes, null, null);
    }
}
