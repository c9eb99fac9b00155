package org.ivrgateway.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The first handler of every request, run on the thread that parsed it (it never blocks): TRACE and TRACK
 * are refused with 405 (a TRACE would echo the request's headers, cookies included, back to a script);
 * {@code /health} runs on a few platform threads of its own, so that requests whose work is CPU-bound and
 * holds every carrier of the virtual threads cannot make the load balancer take the node out; every other
 * request runs on a virtual thread, as it may block (a QueryCallStatus waits for seconds), except a new
 * call while the node is saturated, which {@link NewCallAdmission} answers at once.
 * See docs/RELIABILITY.md.
 */
final class EdgeHandler extends Handler.Wrapper {
    static final String ALLOWED = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    private static final int HEALTH_THREADS = 2;
    private static final int HEALTH_QUEUE = 64;

    private final Executor requests;
    private final HeaderDeadline headers;
    private final NewCallAdmission admission;
    private final ExecutorService health = new ThreadPoolExecutor(HEALTH_THREADS, HEALTH_THREADS, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(HEALTH_QUEUE), Thread.ofPlatform().daemon().name("health-", 0).factory());

    EdgeHandler(Handler handler, Executor requests, HeaderDeadline headers, NewCallAdmission admission) {
        super(handler);
        this.requests = requests;
        this.headers = headers;
        this.admission = admission;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        headers.started(request);
        Callback done = Callback.from(callback, () -> headers.finished(request));
        String method = request.getMethod();
        if (method.equals("TRACE") || method.equals("TRACK")) {
            response.getHeaders().put(HttpHeader.ALLOW, ALLOWED);
            Response.writeError(request, response, done, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        boolean isHealth = "/health".equals(Request.getPathInContext(request));
        if (!isHealth && admission.refused(request, response, done)) return true;
        try {
            if (isHealth) {
                health.execute(() -> run(request, response, done));
            } else {
                requests.execute(() -> {
                    admission.ran(request.getBeginNanoTime());
                    run(request, response, done);
                });
                // Counted once handed over for sure: a refused hand-over must not count as a request still waiting.
                admission.handedOver();
            }
        } catch (RejectedExecutionException e) {
            Response.writeError(request, response, done, HttpStatus.SERVICE_UNAVAILABLE_503);
        }
        return true;
    }

    private void run(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            }
        } catch (Throwable t) {
            Response.writeError(request, response, callback, t);
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        health.shutdownNow();
    }
}
