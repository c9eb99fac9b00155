package org.ivrgateway.core.callback;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.CallbackConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.store.Database;
import org.ivrgateway.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A callback setup for tests: Toronto business hours Monday to Friday, 08:00-18:00, two callback queues,
 * a clock on Monday 10:00 in Toronto in January (no daylight-saving change within maxDaysAhead), and a caller
 * in Toronto (offset -300 minutes in winter).
 */
final class CallbackFixture {
    static final int TORONTO_WINTER = -300;
    static final String NUMBER = "+1 (555) 555-0199";
    static final CallbackConfig CALLBACKS = new CallbackConfig(List.of("CBQueue", "CBVip"), "America/Toronto",
            Map.of("mon", "08:00-18:00", "tue", "08:00-18:00", "wed", "08:00-18:00", "thu", "08:00-18:00",
                    "fri", "08:00-18:00"),
            List.of("911", "+1 (555) 555-0100"), 30);
    static final CenterConfig CONFIG = new CenterConfig(null, null, null, false, null, null, null, null, null,
            null, CALLBACKS, null, null);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("MM/dd/yyyy;HH:mm");

    final MutableClock clock = new MutableClock(Instant.parse("2025-01-13T15:00:00Z"));
    final Callbacks callbacks = new Callbacks(CONFIG, clock);
    final CallbackStates states = new CallbackStates(CALLBACKS);

    /** The caller's local time now, plus {@code from}. */
    LocalDateTime local(Duration from) {
        return LocalDateTime.ofInstant(clock.instant().plus(from), ZoneOffset.ofTotalSeconds(TORONTO_WINTER * 60));
    }

    static String schedule(String number, LocalDateTime start, LocalDateTime end) {
        return number + ";" + FORMAT.format(start) + ";" + FORMAT.format(end);
    }

    /** A schedule to {@code number} from one hour from now for two hours: inside business hours. */
    String soon(String number) {
        return schedule(number, local(Duration.ofHours(1)), local(Duration.ofHours(3)));
    }

    static CallbackRequest request(String callId, String queue, String... schedules) {
        return new CallbackRequest(callId, queue, "Callback", TORONTO_WINTER, "Alan Smith", Arrays.asList(schedules),
                Map.of("Account", "12345"), null);
    }

    String create(Database db, CallbackRequest r) {
        return db.inTransaction(c -> callbacks.create(c, r));
    }

    void assertRejected(Database db, ReturnCode expected, CallbackRequest r) {
        assertEquals(expected, assertThrows(IvrException.class, () -> create(db, r)).code());
    }

    static int rows(Database db, String table) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
