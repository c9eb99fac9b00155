package org.ivrgateway.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.gateway.Gateway;
import org.ivrgateway.json.Json;
import org.ivrgateway.web.rest.ErrorBody;

/**
 * Admission at the HTTP edge (docs/RELIABILITY.md, "Admission control"): past what the node's processors
 * can serve, requests queue for a thread, and every caller's answer comes later. The node is judged
 * saturated while even the quickest request of an interval (100 ms, at least {@value #MIN_TAKEN_UP}
 * requests) waited longer than {@code gateway.newCallDelayMillis} between its arrival and a thread taking
 * it up — a standing queue, not a burst (the rule of CoDel, RFC 8289, with the minimum over an interval) —
 * or while no request was taken up in a whole interval though {@value #MIN_STUCK} or more handed over
 * before it still wait (a node whose every thread is held by CPU-bound work takes none up). While it is, the request
 * that starts a new call (Initialize under /vxml, /xml or /api/ivr; a REST offer) is answered at once, on
 * the thread that parsed it, with a document made at start-up: -701, or 503 with Retry-After on REST. The
 * calls already admitted keep the processors; the refusals themselves cost almost nothing.
 */
final class NewCallAdmission {
    /** New calls refused at the edge, a counter of /metrics. */
    static final String REFUSED_METRIC = "ivr.edge.new.calls.refused";
    /** Where the telephony side offers a call over REST. */
    static final String OFFER_PATH = "/api/telephony/offer";
    /** How long an interval is: a burst shorter than this never refuses anyone. */
    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * Requests an interval must have taken up to be judged by its quickest: at a trickle (a quiet node on a
     * loaded machine) one late request says nothing about a queue, and refusing would not relieve anything.
     */
    static final int MIN_TAKEN_UP = 16;
    /** Requests still waiting after a whole interval in which none was taken up, for a node to be judged held. */
    static final int MIN_STUCK = 4;

    /** A whole answer, made once: status, content type and body. */
    record Refusal(int status, String mediaType, Map<String, String> headers, byte[] body) {
    }

    private final long targetNanos;
    private final Function<String, Refusal> refusals;
    private final Counter refused;
    private final LongSupplier nanos;
    private final LongAccumulator quickest = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private final AtomicLong intervalEnd;
    private final LongAdder handedOver = new LongAdder();
    private final LongAdder takenUp = new LongAdder();
    /** How many requests had been handed over when the current interval began. */
    private volatile long handedOverBefore;
    /** How many requests had been taken up when the current interval began. */
    private volatile long takenBefore;
    private volatile boolean standing;

    /**
     * @param targetMillis the wait for a thread that even the quickest request must exceed (0: never refuse)
     * @param refusals the refusal for a request's path in context when it starts a new call, else null
     */
    NewCallAdmission(int targetMillis, Function<String, Refusal> refusals, Counter refused) {
        this(targetMillis, refusals, refused, System::nanoTime);
    }

    /** The same on another clock of {@link System#nanoTime()}'s kind (a test's). */
    NewCallAdmission(int targetMillis, Function<String, Refusal> refusals, Counter refused, LongSupplier nanos) {
        this.targetNanos = TimeUnit.MILLISECONDS.toNanos(targetMillis);
        this.refusals = refusals;
        this.refused = refused;
        this.nanos = nanos;
        this.intervalEnd = new AtomicLong(nanos.getAsLong() + INTERVAL_NANOS);
    }

    /**
     * The server's admission: the refusals are Initialize's -701 document of each of the gateway's prefixes
     * (with the headers of every gateway answer) and, for a REST offer, 503 with Retry-After and the API's -701 in
     * the error body of every REST error.
     */
    static NewCallAdmission of(int targetMillis, Gateway gateway, MeterRegistry registry) {
        return of(targetMillis, gateway, registry, System::nanoTime);
    }

    static NewCallAdmission of(int targetMillis, Gateway gateway, MeterRegistry registry, LongSupplier nanos) {
        Refusal offer = offerRefusal();
        return new NewCallAdmission(targetMillis, path -> OFFER_PATH.equals(path) ? offer : gateway.newCallRefusal(path)
                .map(d -> new Refusal(200, d.mediaType(), d.headers(), d.body())).orElse(null),
                registry.counter(REFUSED_METRIC), nanos);
    }

    /** A REST offer's refusal: 503, Retry-After, and the API's -701 in the body of every REST error. */
    private static Refusal offerRefusal() {
        try {
            return new Refusal(503, Json.CONTENT_TYPE, Map.of("Retry-After", "1"),
                    Json.MAPPER.writeValueAsBytes(new ErrorBody(Gateway.NEW_CALL_REFUSED, ReturnCode.TIMEOUT.code())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the REST refusal cannot be written", e);
        }
    }

    /** A request is handed over to the threads of requests. */
    void handedOver() {
        handedOver.increment();
    }

    /** A request that arrived at {@code arrivedNanos} was taken up by a thread now. */
    void ran(long arrivedNanos) {
        takenUp.increment();
        long now = nanos.getAsLong();
        quickest.accumulate(now - arrivedNanos);
        roll(now);
    }

    /** True while the queue for threads stands (the last whole interval's quickest request waited too long). */
    boolean standing() {
        roll(nanos.getAsLong());
        return standing;
    }

    /**
     * Answers {@code request} with its refusal and returns true when it starts a new call and the queue
     * stands; else returns false and the request goes on.
     */
    boolean refused(Request request, Response response, Callback callback) {
        if (targetNanos == 0 || !standing()) return false;
        Refusal r = refusals.apply(Request.getPathInContext(request));
        if (r == null) return false;
        refused.increment();
        response.setStatus(r.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.mediaType());
        r.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, r.body().length);
        response.write(true, ByteBuffer.wrap(r.body()), callback);
        return true;
    }

    /** Closes the interval that has passed, if any: whoever sees it first judges it. */
    private void roll(long now) {
        long end = intervalEnd.get();
        if (now - end < 0 || !intervalEnd.compareAndSet(end, now + INTERVAL_NANOS)) return;
        long min = quickest.getThenReset();
        long before = handedOverBefore;
        long taken = takenUp.sum();
        handedOverBefore = handedOver.sum();
        long inInterval = taken - takenBefore;
        takenBefore = taken;
        // An interval in which no request ran stands only if requests handed over before it still wait: one
        // in which all were refused, or none came, has no queue.
        standing = targetNanos > 0 && (inInterval > 0
                ? inInterval >= MIN_TAKEN_UP && min > targetNanos
                : before - taken >= MIN_STUCK);
    }
}
