package org.ivrgateway.config;

/**
 * {@code calls:} — {@code maxAgeHours}, how long a live call may go without any report (offer, answer,
 * transfer, clear, an IVR function on it) before the sweeper closes it as lost (1..720, default 12): a
 * call whose clear the telephony side never sent does not stay live for ever (docs/RELIABILITY.md).
 */
public record CallSettings(Integer maxAgeHours) {
    public static final int MAX_AGE_HOURS = 720;
    public static final CallSettings DEFAULT = new CallSettings(null);

    public CallSettings {
        maxAgeHours = Checks.atLeast("calls.maxAgeHours", maxAgeHours, 1, 12);
        if (maxAgeHours > MAX_AGE_HOURS) {
            throw new IllegalArgumentException("calls.maxAgeHours: must be at most " + MAX_AGE_HOURS + ", was " + maxAgeHours);
        }
    }

    public long maxAgeMillis() {
        return maxAgeHours * 3_600_000L;
    }
}
