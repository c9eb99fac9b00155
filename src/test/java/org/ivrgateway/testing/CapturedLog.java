package org.ivrgateway.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The events one logger writes while the test runs (Logback's ListAppender); close detaches it. */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        appender.start();
        logger.addAppender(appender);
    }

    public static CapturedLog of(Class<?> loggerOf) {
        // While another test class's thread initialises SLF4J, getLogger answers a stand-in; SLF4J initialises
        // holding the monitor of LoggerFactory, so once we hold it too the real logger is there.
        synchronized (LoggerFactory.class) {
            return new CapturedLog((Logger) LoggerFactory.getLogger(loggerOf));
        }
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
