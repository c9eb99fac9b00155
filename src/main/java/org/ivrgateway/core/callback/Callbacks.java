package org.ivrgateway.core.callback;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ivrgateway.api.AsciiNames;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Parameter;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.config.CallbackConfig;
import org.ivrgateway.config.CenterConfig;

/**
 * CreateCallback and DeleteCallback. Checks run in this order, the first failure answering:
 * callback queue (-1045); no schedule, or TimeZoneOffset outside the catalog's range (-306); each
 * schedule in turn, its phone number (-306) then its times (-1028); all schedules ended (-1040); a schedule ending past
 * {@code maxDaysAhead} (-1047); no unended part of a schedule within business hours (-1029); an excluded
 * number (-1031); contact data over 1000 bytes (-1033); a duplicate (-1006). Nothing is stored unless
 * every check passes.
 */
public final class Callbacks {
    public static final int MAX_CONTACT_DATA_BYTES = 1000;
    /** Checked here too because a CallbackRequest need not come through {@code IvrApi.invoke}. */
    private static final Parameter OFFSET = IvrFunction.CREATE_CALLBACK.parameter("TimeZoneOffset").orElseThrow();

    private final CallbackConfig config;
    private final Clock clock;
    private final BusinessHours hours;
    private final Set<String> excludedDigits;
    private final CallbackStore store = new CallbackStore();

    public Callbacks(CenterConfig config, Clock clock) {
        this.config = config.callbacks();
        this.clock = clock;
        this.hours = new BusinessHours(this.config);
        this.excludedDigits = this.config.excludedNumbers().stream().map(Schedule::digitsOf)
                .filter(d -> !d.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Validates and stores a callback; returns its CallbackID ("CB" and 15 random letters and digits). */
    public String create(Connection c, CallbackRequest r) throws SQLException {
        String queue = config.queues().stream().filter(q -> AsciiNames.same(q, r.queueName())).findFirst()
                .orElseThrow(() -> new IvrException(ReturnCode.INVALID_CALLBACK_QUEUE,
                        "'" + r.queueName() + "' is not a callback queue (callbacks.queues)"));
        if (r.schedules().isEmpty()) throw new IvrException(ReturnCode.INVALID_PARAMETER, "Schedule1 is required");
        if (r.timeZoneOffsetMinutes() < OFFSET.min() || r.timeZoneOffsetMinutes() > OFFSET.max()) {
            throw new IvrException(ReturnCode.INVALID_PARAMETER,
                    "TimeZoneOffset must be " + OFFSET.rangeText().orElseThrow() + " minutes");
        }
        List<Schedule> schedules = r.schedules().stream().map(s -> Schedule.parse(s, r.timeZoneOffsetMinutes())).toList();
        checkTimes(schedules, clock.instant());
        for (Schedule s : schedules) {
            if (excludedDigits.contains(s.digits())) {
                throw new IvrException(ReturnCode.EXCLUDED_NUMBER, s.phone() + " is on callbacks.excludedNumbers");
            }
        }
        int bytes = contactDataBytes(r.contactData());
        if (bytes > MAX_CONTACT_DATA_BYTES) {
            throw new IvrException(ReturnCode.CONTACT_DATA_TOO_LARGE,
                    "the call's contact data is " + bytes + " bytes; a callback takes at most " + MAX_CONTACT_DATA_BYTES);
        }
        Instant now = clock.instant();
        store.lockForCreate(c);
        checkDuplicate(c, r.callId(), queue, schedules, now);
        StoredCallback callback = new StoredCallback(store.nextId(), r.callId(), queue,
                r.description() == null ? "" : r.description(), r.timeZoneOffsetMinutes(),
                r.contactName() == null ? "" : r.contactName(), r.businessUnit(), now, schedules, r.contactData());
        store.insert(c, callback);
        return callback.callbackId();
    }

    public Optional<StoredCallback> find(Connection c, String callbackId) throws SQLException {
        return store.find(c, callbackId);
    }

    /** The measure of the 1000-byte limit: the UTF-8 bytes of every key and every value, summed. */
    public static int contactDataBytes(Map<String, String> data) {
        return data.entrySet().stream().mapToInt(e -> utf8(e.getKey()) + utf8(e.getValue())).sum();
    }

    private void checkTimes(List<Schedule> schedules, Instant now) {
        List<Schedule> live = schedules.stream().filter(s -> s.end().isAfter(now)).toList();
        if (live.isEmpty()) throw new IvrException(ReturnCode.SCHEDULES_EXPIRED, "every schedule has already ended");
        Instant limit = now.plus(Duration.ofDays(config.maxDaysAhead()));
        for (Schedule s : schedules) {
            if (s.end().isAfter(limit)) {
                throw new IvrException(ReturnCode.SCHEDULE_TOO_FAR, "schedule '" + s.text() + "' reaches past "
                        + config.maxDaysAhead() + " days from now (callbacks.maxDaysAhead)");
            }
        }
        boolean open = live.stream().anyMatch(s -> hours.overlaps(s.start().isAfter(now) ? s.start() : now, s.end()));
        if (!open) {
            throw new IvrException(ReturnCode.SCHEDULE_OUTSIDE_BUSINESS_HOURS,
                    "no schedule meets the business hours (callbacks.businessHours)");
        }
    }

    /**
     * A duplicate is a stored schedule, not yet ended, to the same number (digits without extension) that
     * is either in the same callback queue, or from the same call with an overlapping window.
     */
    private void checkDuplicate(Connection c, String callId, String queue, List<Schedule> schedules, Instant now)
            throws SQLException {
        List<CallbackStore.Pending> pending = store.pendingTo(c, schedules.stream().map(Schedule::digits).toList(), now);
        for (Schedule s : schedules) {
            for (CallbackStore.Pending p : pending) {
                if (!p.digits().equals(s.digits())) continue;
                boolean sameQueue = p.queueName().equalsIgnoreCase(queue);
                boolean sameCallOverlap = p.callId().equals(callId) && s.overlaps(p.start(), p.end());
                if (sameQueue || sameCallOverlap) {
                    throw new IvrException(ReturnCode.DUPLICATE_CALLBACK, "a callback to " + s.phone()
                            + (sameQueue ? " is already pending in " + queue : " already covers this time for this call"));
                }
            }
        }
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
