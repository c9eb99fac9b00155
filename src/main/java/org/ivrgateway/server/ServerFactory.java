package org.ivrgateway.server;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import jakarta.servlet.DispatcherType;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.ivrgateway.config.ServerConfig;
import org.ivrgateway.store.Database;
import org.ivrgateway.web.auth.Access;
import org.ivrgateway.web.auth.AccessFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.IvrApi;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.ConfigurationViews;
import org.ivrgateway.gateway.Gateway;
import org.ivrgateway.web.SamplesResource;
import org.ivrgateway.web.Web;
import org.ivrgateway.web.console.Console;
import org.ivrgateway.web.ops.MeteredIvrApi;

/**
 * Builds the HTTP server in the Jetty-embedded style: {@link #newServer} returns a configured, unstarted
 * {@link Server}; the caller starts and stops it. Requests run on virtual threads (a QueryCallStatus may
 * block for seconds), and stopping is graceful: new requests are refused while those in flight finish.
 */
public final class ServerFactory {
    /** How long a graceful stop waits for requests in flight (a QueryCallStatus blocks up to maxWaitMillis). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    /**
     * What one node accepts from its clients: at most {@code maxConnections} open connections (more wait
     * in the kernel's backlog), and {@code headerTimeout} to send a request's headers.
     */
    public record Limits(int maxConnections, Duration headerTimeout) {
        /** Header timeout: a browser sends its headers in one packet; 10 s is generous on any network. */
        public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
        /** At most 10,000 connections, and never more than half the file descriptors the process may open. */
        public static final Limits DEFAULT = new Limits(Math.min(10_000, Math.max(64, (int) (maxFileDescriptors() / 2))),
                HEADER_TIMEOUT);
    }

    private ServerFactory() {
    }

    private static long maxFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 20_000;
    }

    /** {@link #newServer(String, int, IvrApi, CenterConfig, Database, Clock, Limits)} with the default limits. */
    public static <C extends IvrApi & AgentDesk & Telephony & ContactCenterView> Server newServer(
            String host, int port, C center, CenterConfig config, Database database, Clock clock) {
        return newServer(host, port, center, config, database, clock, Limits.DEFAULT);
    }

    /**
     * The whole gateway over one contact center: the subdialog URLs, REST, the console, /health and
     * /metrics, behind the access layer (docs/SECURITY.md). {@code host} null listens on the configured
     * {@code server.host}; {@code port} 0 takes a free port. HTTPS when {@code server.tls} names a keystore;
     * plain HTTP only where {@code server.plainHttp} allows it, else this refuses to build the server. In
     * front of everything, {@link EdgeHandler} (TRACE refused, /health on platform threads) and the
     * connection limits of docs/RELIABILITY.md.
     */
    public static <C extends IvrApi & AgentDesk & Telephony & ContactCenterView> Server newServer(
            String host, int port, C center, CenterConfig config, Database database, Clock clock, Limits limits) {
        String bind = host == null ? config.server().host() : host;
        BooleanSupplier databaseReachable = database::isReachable;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("http");
        ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor();
        threads.setVirtualThreadsExecutor(virtual);
        Server server = new Server(threads);
        ServerConnector connector = connector(server, bind, config.server());
        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        HeaderDeadline headers = new HeaderDeadline(limits.headerTimeout());
        connector.addBean(headers);
        connector.setHost(bind);
        connector.setPort(port);
        // A QueryCallStatus wait sends nothing until it answers; the connection must outlive the longest
        // wait (gateway.maxWaitMillis) with room to write the answer, or the browser gets no response.
        connector.setIdleTimeout(Math.max(30_000L, config.gateway().maxWaitMillis() + 15_000L));
        server.addConnector(connector);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);

        ServletContextHandler context = new ServletContextHandler("/");
        Web.install(context, new Web.Services(center, center, center, databaseReachable, registry));
        Access access = Access.create(config, database, clock);
        context.addFilter(new FilterHolder(new AccessFilter(access)), "/*", EnumSet.of(DispatcherType.REQUEST));
        Console.install(context, center, center, center, ConfigurationViews.of(config), access, clock);
        String templates = config.gateway().templates();
        Gateway gateway = Gateway.create(new MeteredIvrApi(center, registry), templates == null ? null : Path.of(templates),
                registry);
        gateway.install(context);
        context.addServlet(new ServletHolder("samples", new SamplesResource()), "/samples/*");

        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);
        NewCallAdmission admission = NewCallAdmission.of(config.gateway().newCallDelayMillis(), gateway, registry);
        server.setHandler(new EdgeHandler(new GracefulHandler(context), virtual, headers, admission));
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
        return server;
    }

    /** Where a started server answers, e.g. {@code http://127.0.0.1:41234/} or {@code https://…}. */
    public static URI uri(Server server) {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "localhost" : connector.getHost();
        if (host.contains(":")) host = "[" + host + "]";
        String scheme = connector.getConnectionFactory(SslConnectionFactory.class) == null ? "http" : "https";
        return URI.create(scheme + "://" + host + ":" + connector.getLocalPort() + "/");
    }

    /** HTTPS from the configured PKCS#12 keystore, or plain HTTP where {@code server.plainHttp} allows it. */
    private static ServerConnector connector(Server server, String bind, ServerConfig settings) {
        ServerConfig.Tls tls = settings.tls();
        if (tls == null) {
            boolean allowed = switch (settings.plainHttp()) {
                case ALWAYS -> true;
                case LOOPBACK -> isLoopback(bind);
                case NEVER -> false;
            };
            if (!allowed) {
                throw new IllegalStateException("plain HTTP on " + bind + " is not allowed (server.plainHttp: "
                        + settings.plainHttp().key() + "); configure server.tls with a PKCS#12 keystore"
                        + " (docs/SECURITY.md)");
            }
            return new ServerConnector(server);
        }
        if (!Files.isReadable(Path.of(tls.keystore()))) {
            throw new IllegalStateException("server.tls.keystore: cannot read " + tls.keystore());
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keystore());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(tls.secret());
        HttpConfiguration https = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The Host header is checked against server.names by the access layer; no second check on SNI.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        return new ServerConnector(server, new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
    }

    static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.strip();
        if (h.equalsIgnoreCase("localhost")) return true;
        // Only an address literal is looked at (a name is not resolved here): 127.x.x.x, ::1.
        if (!h.matches("^[0-9.]+$") && !(h.contains(":") && h.matches("^[0-9a-fA-F:.]+$"))) return false;
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
