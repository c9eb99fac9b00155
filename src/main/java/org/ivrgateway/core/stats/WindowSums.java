package org.ivrgateway.core.stats;

/**
 * A queue's sums over the statistics window, from the stays that left the queue in it: answered stays and
 * their total wait, those answered within the service-level threshold, stays that ended unanswered after
 * the threshold (abandoned, overflowed, taken back by the IVR), and the answered calls whose handling has
 * ended with their total handling time (wrap-up included). The only input of {@link Formulas} that comes
 * from history.
 */
public record WindowSums(long answered, long answeredWaitMs, long answeredWithin, long unansweredLate,
                         long handled, long handleMs) {
}
