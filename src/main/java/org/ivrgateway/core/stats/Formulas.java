package org.ivrgateway.core.stats;

/**
 * Every formula of the queue figures, in one place (docs/STATISTICS.md gives each with its definition).
 * The inputs are plain sums and counts, so where they come from — a scan of the window's history today,
 * running sums later — does not change the figures.
 */
public final class Formulas {
    /** Handled calls the window must hold before their mean handling time replaces the default. */
    public static final int ENOUGH_HANDLED = 5;

    private Formulas() {
    }

    /** Mean wait of the stays answered in the window, rounded to the second; 0 when none. */
    public static int averageWaitSeconds(WindowSums w) {
        return w.answered() == 0 ? 0 : (int) Math.round(w.answeredWaitMs() / (double) w.answered() / 1000.0);
    }

    /**
     * Answered within the threshold × 100 ÷ (answered + left unanswered after the threshold + waiting now
     * beyond it), rounded down; 100 when the divisor is 0.
     */
    public static int serviceLevel(WindowSums w, int waitingBeyondThreshold) {
        long divisor = w.answered() + w.unansweredLate() + waitingBeyondThreshold;
        return divisor == 0 ? 100 : (int) (w.answeredWithin() * 100 / divisor);
    }

    /** Mean handling time (handed to an agent → cleared, plus the agent's wrap-up) in seconds, or the default. */
    public static double handleSeconds(long handled, long handleMs, int defaultHandleSeconds) {
        if (handled < ENOUGH_HANDLED) return defaultHandleSeconds;
        return handleMs / (double) handled / 1000.0;
    }

    /**
     * The estimated wait of a call entering now. 0 when fewer calls are ahead than agents are available; with
     * nobody able to answer, the overflow time, else the maximum; otherwise the call's turn among the calls the
     * busy agents will serve, k = ahead − available + 1, times the mean handling time over the agents' share
     * of this queue, less half a handling time (the agents are on average half-way through their calls):
     * ceil((k − ½) × H ÷ S), at most the overflow time and the maximum.
     */
    public static int estimatedWaitSeconds(Load load, double handleSeconds, Integer overflowSeconds, int maxSeconds) {
        int cap = overflowSeconds == null ? maxSeconds : Math.min(overflowSeconds, maxSeconds);
        if (load.ahead() < load.available()) return 0;
        if (load.capacity() <= 0) return cap;
        int turn = load.ahead() - load.available() + 1;
        double seconds = Math.ceil((turn - 0.5) * handleSeconds / load.capacity() - 1e-9);
        return (int) Math.min(cap, Math.max(1, seconds));
    }

    /**
     * What a call entering now finds: the calls ahead of it (in the queue, and reserved in other queues for
     * agents of this one), the agents of the queue available now, and the agents able to answer, each
     * counting 1 ÷ (number of queues it serves).
     */
    public record Load(int ahead, int available, double capacity) {
    }
}
