package org.ivrgateway.core.config;

/** {@code statistics:} — the sliding window over which average wait and service level are measured. */
public record StatisticsConfig(Integer windowMinutes) {
    public static final StatisticsConfig DEFAULT = new StatisticsConfig(null);

    public StatisticsConfig {
        windowMinutes = Checks.atLeast("statistics.windowMinutes", windowMinutes, 1, 30);
    }
}
