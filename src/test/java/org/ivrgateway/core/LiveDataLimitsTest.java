package org.ivrgateway.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.call.ContactData;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;
import org.slf4j.LoggerFactory;

/** Live data is bounded (docs/RELIABILITY.md): contact data per call, and the life of a call nobody reports. */
class LiveDataLimitsTest {

    @BothDatabases
    void contactDataOfACallIsBoundedInKeys(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(Fixture.IVR, "4165550100", "69030");
        for (int i = 0; i < ContactData.MAX_KEYS; i++) {
            assertEquals(0, f.center.setContactData(call.session(), call.callId(), "k" + i, "v").returnCode());
        }
        Result refused = f.center.setContactData(call.session(), call.callId(), "one-more", "v");
        assertEquals(ReturnCode.INVALID_PARAMETER.code(), refused.returnCode(), refused.detail());
        assertTrue(refused.detail().contains(ContactData.MAX_KEYS + " contact data keys"), refused.detail());
        assertEquals(ReturnCode.CONTACT_DATA_KEY_NOT_SET.code(),
                f.center.getContactData(call.session(), call.callId(), "one-more").returnCode(), "nothing was stored");
        // A key already set may still change.
        assertEquals(0, f.center.setContactData(call.session(), call.callId(), "k7", "changed").returnCode());
        assertEquals(ContactData.MAX_KEYS, f.center.calls().get(0).contactData().size());
    }

    @BothDatabases
    void contactDataOfACallIsBoundedInBytes(TestDatabase db) {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(Fixture.IVR, "4165550100", "69030");
        String wide = "\u20ac".repeat(128); // 128 characters, 384 bytes in UTF-8
        int stored = 0;
        Result r;
        do {
            r = f.center.setContactData(call.session(), call.callId(), "key" + stored, wide);
            if (r.returnCode() == 0) stored++;
        } while (r.returnCode() == 0 && stored <= ContactData.MAX_KEYS);
        assertEquals(ReturnCode.INVALID_PARAMETER.code(), r.returnCode(), r.detail());
        assertTrue(r.detail().contains("more than the " + ContactData.MAX_BYTES), r.detail());
        assertEquals(ContactData.MAX_BYTES / (384 + 5), stored, "keys of 389 bytes that fit in " + ContactData.MAX_BYTES);
    }

    @BothDatabases
    void aCallWithNoReportForMaxAgeHoursIsClosedAsLostAndLogged(TestDatabase db) {
        Logger logger = (Logger) LoggerFactory.getLogger(Sweeper.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            Fixture f = new Fixture(db);
            Fixture.Script call = f.monitored(Fixture.IVR, "4165550100", "69030");
            int maxAge = f.config.calls().maxAgeHours();
            assertEquals(12, maxAge, "the documented default");
            f.advance(maxAge * 3600 - 60);
            f.center.runTimers();
            assertEquals(1, f.center.liveCallCount(), "a call is not lost before calls.maxAgeHours");
            f.advance(120);
            f.center.runTimers();
            assertEquals(0, f.center.liveCallCount(), "closed as lost");
            assertTrue(f.center.call(call.callId()).isEmpty());
            assertTrue(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("call " + call.callId()
                    + " closed as lost")), () -> log.list.toString());
        } finally {
            logger.detachAppender(log);
        }
    }
}
