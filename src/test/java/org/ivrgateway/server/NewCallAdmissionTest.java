package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * When the edge judges that requests stand in a queue for threads (docs/RELIABILITY.md, "Admission
 * control"), on a clock the test moves: a burst refuses nobody, a standing queue refuses until an interval
 * is quick again, and requests that get no thread at all count as standing.
 */
class NewCallAdmissionTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long INTERVAL = NewCallAdmission.INTERVAL_NANOS;

    private final AtomicLong now = new AtomicLong(1_000_000 * MS);
    private final NewCallAdmission admission = admission(50);

    private NewCallAdmission admission(int targetMillis) {
        return new NewCallAdmission(targetMillis, path -> null, new SimpleMeterRegistry().counter("refused"), now::get);
    }

    /** One request that arrived {@code waitedMillis} ago is taken up now. */
    private void ran(NewCallAdmission a, long waitedMillis) {
        a.handedOver();
        a.ran(now.get() - waitedMillis * MS);
    }

    @Test
    void aBurstInWhichOneRequestStillGotAThreadQuicklyRefusesNobody() {
        for (int i = 0; i < 2 * NewCallAdmission.MIN_TAKEN_UP; i++) ran(admission, i == 7 ? 2 : 900);
        now.addAndGet(INTERVAL + MS);
        assertFalse(admission.standing());
    }

    @Test
    void aTrickleOfLateRequestsSaysNothingOfAQueue() {
        for (int i = 0; i < NewCallAdmission.MIN_TAKEN_UP - 1; i++) ran(admission, 900);
        now.addAndGet(INTERVAL + MS);
        assertFalse(admission.standing(), "fewer requests than an interval needs to be judged");
    }

    @Test
    void aStandingQueueRefusesUntilAnIntervalIsQuickAgain() {
        int n = NewCallAdmission.MIN_TAKEN_UP;
        for (int i = 0; i < n; i++) ran(admission, 60 + i);
        assertFalse(admission.standing(), "judged only once the interval has passed");
        now.addAndGet(INTERVAL + MS);
        assertTrue(admission.standing());
        for (int i = 0; i < n; i++) ran(admission, 300);
        assertTrue(admission.standing(), "still the judgement of the interval before");
        now.addAndGet(INTERVAL + MS);
        assertTrue(admission.standing());
        for (int i = 0; i < n; i++) ran(admission, i == 3 ? 1 : 400);
        now.addAndGet(INTERVAL + MS);
        assertFalse(admission.standing(), "an interval whose quickest request waited 1 ms does not stand");
    }

    @Test
    void requestsThatGetNoThreadAtAllStandWhileAnIntervalOfNothingDoesNot() {
        now.addAndGet(INTERVAL + MS);
        assertFalse(admission.standing(), "nothing came: no queue");
        int stuck = NewCallAdmission.MIN_STUCK;
        for (int i = 0; i < stuck - 1; i++) admission.handedOver(); // never taken up: every thread is held
        now.addAndGet(INTERVAL + MS);
        assertFalse(admission.standing(), "handed over during that interval: they may just have arrived");
        now.addAndGet(INTERVAL + MS);
        assertFalse(admission.standing(), "fewer stuck than it takes");
        admission.handedOver();
        now.addAndGet(INTERVAL + MS);
        assertFalse(admission.standing(), "the last of them was handed over during that interval");
        now.addAndGet(INTERVAL + MS);
        assertTrue(admission.standing(), "handed over before a whole interval in which nothing was taken up");
        for (int i = 0; i < stuck; i++) admission.ran(now.get() - 3 * INTERVAL);
        now.addAndGet(INTERVAL + MS);
        assertFalse(admission.standing(), "they ran at last: fewer than an interval needs to be judged by");
        for (int i = 0; i < NewCallAdmission.MIN_TAKEN_UP; i++) ran(admission, 0);
        now.addAndGet(INTERVAL + MS);
        assertFalse(admission.standing());
    }

    @Test
    void zeroTurnsTheRuleOff() {
        NewCallAdmission off = admission(0);
        for (int i = 0; i < 5; i++) ran(off, 5_000);
        off.handedOver();
        now.addAndGet(3 * INTERVAL);
        assertFalse(off.standing());
    }
}
