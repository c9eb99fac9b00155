package org.ivrgateway.core.callback;

import static org.ivrgateway.core.callback.CallbackFixture.NUMBER;
import static org.ivrgateway.core.callback.CallbackFixture.TORONTO_WINTER;
import static org.ivrgateway.core.callback.CallbackFixture.request;
import static org.ivrgateway.core.callback.CallbackFixture.rows;
import static org.ivrgateway.core.callback.CallbackFixture.schedule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;

class CallbacksTest {
    private final CallbackFixture f = new CallbackFixture();

    @BothDatabases
    void createStoresEverythingAndReadsSchedulesAsLocalEqualsUtcPlusOffset(TestDatabase test) {
        Database db = test.open();
        int paris = 60;
        LocalDateTime start = LocalDateTime.ofInstant(f.clock.instant().plus(Duration.ofHours(1)),
                ZoneOffset.ofTotalSeconds(paris * 60)).withSecond(0).withNano(0);
        String text = schedule(NUMBER + "--1212", start, start.plusHours(2));
        CallbackRequest r = new CallbackRequest("call-1", "CBQueue", "Billing question", paris, "Alan Smith",
                List.of(text), Map.of("Account", "12345", "Lang", "fr"), "Toronto");
        String id = f.create(db, r);
        assertTrue(id.length() <= 17, id);
        StoredCallback stored = db.inTransaction(c -> f.callbacks.find(c, id)).orElseThrow();
        assertEquals(List.of(r.callId(), r.queueName(), r.description(), r.timeZoneOffsetMinutes(), r.contactName(),
                        r.businessUnit(), r.contactData(), f.clock.instant()),
                List.of(stored.callId(), stored.queueName(), stored.description(), stored.timeZoneOffsetMinutes(),
                        stored.contactName(), stored.businessUnit(), stored.contactData(), stored.createdAt()));
        Schedule s = stored.schedules().getFirst();
        assertEquals(text, s.text());
        assertEquals("15555550199", s.digits());
        assertEquals(start.minusMinutes(paris).toInstant(ZoneOffset.UTC), s.start());
        assertEquals(start.plusHours(2).minusMinutes(paris).toInstant(ZoneOffset.UTC), s.end());
    }

    @BothDatabases
    void callbackIdsAreRandomNotACounter(TestDatabase test) {
        Database db = test.open();
        String a = f.create(db, request("call-1", "CBQueue", f.soon(NUMBER)));
        String b = f.create(db, request("call-2", "CBQueue", f.soon("5555550123")));
        assertTrue(a.matches("CB[A-Z0-9]{15}"), a);
        assertTrue(b.matches("CB[A-Z0-9]{15}"), b);
        // a counter ("CB1", "CB2") would let a script delete another caller's callback (docs/SECURITY.md)
        assertTrue(!a.substring(0, 12).equals(b.substring(0, 12)), a + " and " + b + " share their start");
    }

    @BothDatabases
    void callbacksSurviveReopeningTheDatabase(TestDatabase test) {
        Database first = test.open();
        String id = f.create(first, request("call-1", "CBQueue", f.soon(NUMBER), f.soon("5555550123")));
        StoredCallback before = first.inTransaction(c -> f.callbacks.find(c, id)).orElseThrow();
        first.close();
        Database second = test.open();
        assertEquals(before, second.inTransaction(c -> f.callbacks.find(c, id)).orElseThrow());
        String next = f.create(second, request("call-2", "CBQueue", f.soon("5555550124")));
        assertNotEquals(id, next);
    }

    @BothDatabases
    void deleteCancelsAPendingCallbackAndAnUnknownOrCancelledIdGives1021(TestDatabase test) {
        Database db = test.open();
        String id = f.create(db, request("call-1", "CBQueue", f.soon(NUMBER)));
        db.inTransaction(c -> {
            f.states.cancel(c, id, f.clock.millis());
            return null;
        });
        assertEquals(CallbackStates.CANCELLED, db.inTransaction(c -> f.states.view(c, id)).orElseThrow().status());
        assertEquals(Optional.empty(), db.inTransaction(c -> f.states.find(c, id)), "no longer open");
        for (String unknown : List.of(id, "CB999999")) {
            IvrException e = assertThrows(IvrException.class, () -> db.inTransaction(c -> {
                f.states.cancel(c, unknown, f.clock.millis());
                return null;
            }));
            assertEquals(ReturnCode.INVALID_CALLBACK_ID, e.code());
        }
    }

    @BothDatabases
    void sameNumberPendingInTheSameQueueGives1006(TestDatabase test) {
        Database db = test.open();
        String id = f.create(db, request("call-1", "CBQueue", f.soon(NUMBER)));
        LocalDateTime tomorrow = f.local(Duration.ofDays(1));
        String later = schedule("15555550199--7", tomorrow, tomorrow.plusHours(1));
        f.assertRejected(db, ReturnCode.DUPLICATE_CALLBACK, request("call-2", "cbqueue", later));
        f.create(db, request("call-2", "CBVip", later));
        db.inTransaction(c -> {
            f.states.cancel(c, id, f.clock.millis());
            return null;
        });
        f.create(db, request("call-3", "CBQueue", later));
    }

    @BothDatabases
    void sameCallSameNumberOverlappingInAnotherQueueGives1006(TestDatabase test) {
        Database db = test.open();
        f.create(db, request("call-1", "CBQueue", schedule(NUMBER, f.local(Duration.ofHours(1)), f.local(Duration.ofHours(3)))));
        String overlapping = schedule(NUMBER, f.local(Duration.ofHours(2)), f.local(Duration.ofHours(4)));
        f.assertRejected(db, ReturnCode.DUPLICATE_CALLBACK, request("call-1", "CBVip", overlapping));
        String after = schedule(NUMBER, f.local(Duration.ofHours(3)), f.local(Duration.ofHours(5)));
        f.create(db, request("call-1", "CBVip", after));
    }

    @BothDatabases
    void aCallbackWhoseSchedulesEndedIsNoLongerADuplicate(TestDatabase test) {
        Database db = test.open();
        f.create(db, request("call-1", "CBQueue", f.soon(NUMBER)));
        f.clock.advance(Duration.ofHours(3));
        f.create(db, request("call-2", "CBQueue", f.soon(NUMBER)));
        assertEquals(2, rows(db, "callback"));
    }

    @BothDatabases
    void aRejectedCreateStoresNothingAndLeavesOthersUnchanged(TestDatabase test) {
        Database db = test.open();
        String id = f.create(db, request("call-1", "CBQueue", f.soon(NUMBER)));
        StoredCallback before = db.inTransaction(c -> f.callbacks.find(c, id)).orElseThrow();
        List<String> tables = List.of("callback", "callback_schedule", "callback_contact_data");
        List<Integer> counts = tables.stream().map(t -> rows(db, t)).toList();
        f.assertRejected(db, ReturnCode.DUPLICATE_CALLBACK, request("call-2", "CBQueue", f.soon(NUMBER)));
        f.assertRejected(db, ReturnCode.EXCLUDED_NUMBER, request("call-2", "CBQueue", f.soon("5555550123"), f.soon("911")));
        assertEquals(counts, tables.stream().map(t -> rows(db, t)).toList());
        assertEquals(before, db.inTransaction(c -> f.callbacks.find(c, id)).orElseThrow());
    }

    @BothDatabases
    void concurrentDuplicatesStoreOnlyOne(TestDatabase test) throws Exception {
        Database db = test.open();
        int creators = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(creators);
        try {
            List<Future<ReturnCode>> results = new ArrayList<>();
            for (int i = 0; i < creators; i++) {
                CallbackRequest r = new CallbackRequest("call-" + i, "CBQueue", "", TORONTO_WINTER, "A",
                        List.of(f.soon(NUMBER)), Map.of(), null);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        f.create(db, r);
                        return ReturnCode.SUCCESS;
                    } catch (IvrException e) {
                        return e.code();
                    }
                }));
            }
            start.countDown();
            List<ReturnCode> codes = new ArrayList<>();
            for (Future<ReturnCode> r : results) codes.add(r.get(60, TimeUnit.SECONDS));
            assertEquals(1, codes.stream().filter(ReturnCode.SUCCESS::equals).count(), codes.toString());
            assertEquals(creators - 1, codes.stream().filter(ReturnCode.DUPLICATE_CALLBACK::equals).count(), codes.toString());
            assertEquals(1, rows(db, "callback"));
        } finally {
            pool.shutdownNow();
        }
    }
}
