package org.ivrgateway.core.callback;

import static org.ivrgateway.core.callback.CallbackFixture.NUMBER;
import static org.ivrgateway.core.callback.CallbackFixture.TORONTO_WINTER;
import static org.ivrgateway.core.callback.CallbackFixture.request;
import static org.ivrgateway.core.callback.CallbackFixture.schedule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;

/** Every code of CreateCallback's validation, each shown next to a request that passes. */
class CallbackValidationTest {
    private final CallbackFixture f = new CallbackFixture();

    @BothDatabases
    void unknownCallbackQueueGives1045(TestDatabase test) {
        Database db = test.open();
        f.assertRejected(db, ReturnCode.INVALID_CALLBACK_QUEUE, request("c1", "Sales", f.soon(NUMBER)));
        assertTrue(f.create(db, request("c1", "cbqueue", f.soon(NUMBER))).startsWith("CB"), "queue names ignore case");
    }

    @BothDatabases
    void invalidDatesTimesOrOrderGive1028(TestDatabase test) {
        Database db = test.open();
        String tomorrow = DateTimeFormatter.ofPattern("MM/dd/yyyy").format(f.local(Duration.ofDays(1)));
        for (String bad : List.of(NUMBER + ";02/30/2025;10:00;" + tomorrow + ";12:00",
                NUMBER + ";" + tomorrow + ";25:00;" + tomorrow + ";26:00",
                NUMBER + ";2025-03-04;10:00;2025-03-04;12:00",
                NUMBER + ";" + tomorrow + ";10:00",
                NUMBER + ";" + tomorrow + ";12:00;" + tomorrow + ";12:00",
                NUMBER + ";" + tomorrow + ";12:00;" + tomorrow + ";11:00")) {
            f.assertRejected(db, ReturnCode.INVALID_SCHEDULE_TIME, request("c1", "CBQueue", bad));
        }
        f.create(db, request("c1", "CBQueue", NUMBER + ";" + tomorrow + ";10:00;" + tomorrow + ";12:00"));
    }

    @BothDatabases
    void aPhoneNumberNotInCanonicalFormGives306(TestDatabase test) {
        Database db = test.open();
        String tooLong = "1".repeat(Schedule.MAX_PHONE_LENGTH + 1);
        for (String bad : List.of("555#0199", "call me", "", tooLong)) {
            f.assertRejected(db, ReturnCode.INVALID_PARAMETER, request("c1", "CBQueue", f.soon(bad)));
        }
        List<String> canonical = List.of("+1 (555) 555-0199", "(555) 555-0199", "+1 555-0199",
                "+1 (555) 555-0198--1212", "5555550197", "1".repeat(Schedule.MAX_PHONE_LENGTH));
        for (String good : canonical) f.create(db, request("c1", "CBQueue", f.soon(good)));
        assertEquals(canonical.size(), CallbackFixture.rows(db, "callback"));
    }

    @BothDatabases
    void anOffsetBeyondTwelveHoursOrNoScheduleGives306(TestDatabase test) {
        Database db = test.open();
        int beyondMaxOffset = (int) IvrFunction.CREATE_CALLBACK.parameter("TimeZoneOffset").orElseThrow().max() + 1;
        f.assertRejected(db, ReturnCode.INVALID_PARAMETER, new CallbackRequest("c1", "CBQueue", "", beyondMaxOffset, "A",
                List.of(f.soon(NUMBER)), Map.of(), null));
        f.assertRejected(db, ReturnCode.INVALID_PARAMETER, new CallbackRequest("c1", "CBQueue", "", TORONTO_WINTER, "A",
                java.util.Arrays.asList(null, ""), Map.of(), null));
        assertEquals(0, CallbackFixture.rows(db, "callback"));
    }

    @BothDatabases
    void everyScheduleEndedGives1040(TestDatabase test) {
        Database db = test.open();
        String past = schedule(NUMBER, f.local(Duration.ofHours(-2)), f.local(Duration.ZERO));
        f.assertRejected(db, ReturnCode.SCHEDULES_EXPIRED, request("c1", "CBQueue", past, past));
        f.create(db, request("c1", "CBQueue", past, f.soon(NUMBER)));
    }

    @BothDatabases
    void aScheduleBeyondMaxDaysAheadGives1047(TestDatabase test) {
        Database db = test.open();
        Duration max = Duration.ofDays(CallbackFixture.CALLBACKS.maxDaysAhead());
        LocalDateTime lastDay = f.local(max);
        f.assertRejected(db, ReturnCode.SCHEDULE_TOO_FAR, request("c1", "CBQueue", f.soon(NUMBER),
                schedule("5555550100", lastDay.minusHours(1), lastDay.plusMinutes(1))));
        f.create(db, request("c1", "CBQueue", schedule(NUMBER, lastDay.minusHours(2), lastDay)));
    }

    @BothDatabases
    void noScheduleWithinBusinessHoursGives1029(TestDatabase test) {
        Database db = test.open();
        LocalDate sunday = f.local(Duration.ZERO).toLocalDate().with(TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY));
        String weekend = schedule(NUMBER, sunday.atTime(9, 0), sunday.atTime(17, 0));
        LocalDate monday = sunday.plusDays(1);
        String beforeOpening = schedule(NUMBER, monday.atTime(6, 0), monday.atTime(8, 0));
        f.assertRejected(db, ReturnCode.SCHEDULE_OUTSIDE_BUSINESS_HOURS, request("c1", "CBQueue", weekend, beforeOpening));
        f.create(db, request("c1", "CBQueue", weekend, schedule(NUMBER, monday.atTime(6, 0), monday.atTime(8, 1))));
    }

    @BothDatabases
    void onlyThePartOfAScheduleStillToComeMustMeetBusinessHours(TestDatabase test) {
        Database db = test.open();
        f.clock.advance(Duration.ofMinutes(8 * 60 + 30)); // Monday 18:30 in Toronto: just closed
        String fromAfternoonToDawn = schedule(NUMBER, f.local(Duration.ofMinutes(-90)), f.local(Duration.ofHours(12)));
        f.assertRejected(db, ReturnCode.SCHEDULE_OUTSIDE_BUSINESS_HOURS, request("c1", "CBQueue", fromAfternoonToDawn));
        String untilAfterOpening = schedule(NUMBER, f.local(Duration.ofMinutes(-90)), f.local(Duration.ofHours(14)));
        f.create(db, request("c1", "CBQueue", untilAfterOpening));
    }

    @BothDatabases
    void anExcludedNumberGives1031ComparingDigitsWithoutExtension(TestDatabase test) {
        Database db = test.open();
        f.assertRejected(db, ReturnCode.EXCLUDED_NUMBER, request("c1", "CBQueue", f.soon(NUMBER), f.soon("911")));
        f.assertRejected(db, ReturnCode.EXCLUDED_NUMBER, request("c1", "CBQueue", f.soon("15555550100--42")));
        f.create(db, request("c1", "CBQueue", f.soon("9110")));
    }

    @BothDatabases
    void contactDataOver1000BytesGives1033(TestDatabase test) {
        Database db = test.open();
        String key = "Note";
        // "é" is two bytes in UTF-8: the limit counts bytes, not characters.
        int room = Callbacks.MAX_CONTACT_DATA_BYTES - key.length();
        Map<String, String> atLimit = Map.of(key, "é".repeat(room / 2) + "x".repeat(room % 2));
        Map<String, String> overLimit = Map.of(key, "é".repeat(room / 2 + 1));
        assertEquals(Callbacks.MAX_CONTACT_DATA_BYTES, Callbacks.contactDataBytes(atLimit));
        f.assertRejected(db, ReturnCode.CONTACT_DATA_TOO_LARGE, withData(overLimit));
        String id = f.create(db, withData(atLimit));
        assertEquals(atLimit, db.inTransaction(c -> f.callbacks.find(c, id)).orElseThrow().contactData());
    }

    @BothDatabases
    void checksRunInTheDocumentedOrder(TestDatabase test) {
        Database db = test.open();
        String past = schedule("911", f.local(Duration.ofHours(-2)), f.local(Duration.ofHours(-1)));
        f.assertRejected(db, ReturnCode.INVALID_CALLBACK_QUEUE, request("c1", "Nope", past + ";x"));
        f.assertRejected(db, ReturnCode.INVALID_SCHEDULE_TIME, request("c1", "CBQueue", past, past + ";x"));
        f.assertRejected(db, ReturnCode.SCHEDULES_EXPIRED, request("c1", "CBQueue", past));
        f.assertRejected(db, ReturnCode.EXCLUDED_NUMBER, request("c1", "CBQueue", f.soon("911")));
    }

    private CallbackRequest withData(Map<String, String> data) {
        return new CallbackRequest("c1", "CBQueue", "", TORONTO_WINTER, "Alan Smith", List.of(f.soon(NUMBER)), data, null);
    }
}
