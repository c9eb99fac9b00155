package org.ivrgateway.web.console;

import java.time.Clock;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.ivrgateway.api.AgentDesk;
import org.ivrgateway.api.ConfigurationView;
import org.ivrgateway.api.ContactCenterView;
import org.ivrgateway.api.Telephony;
import org.ivrgateway.web.auth.Access;

/**
 * Mounts the console on a servlet context: {@code /console/wallboard}, {@code /console/agent},
 * {@code /console/telephony}, {@code /console/config}, the event stream {@code /console/events} and the
 * static files, the sign-in page and the audit log; {@code /} and {@code /console/} lead to the requester's
 * start page (docs/SECURITY.md).
 */
public final class Console {
    private Console() {
    }

    public static void install(ServletContextHandler context, AgentDesk desk, Telephony telephony,
                               ContactCenterView view, ConfigurationView config, Access access, Clock clock) {
        SnapshotHub hub = new SnapshotHub(view, clock);
        context.addBean(hub, true);
        if (context.isStarted() && !hub.isStarted()) {
            try {
                hub.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the console's snapshots", e);
            }
        }
        Map<String, Page> pages = Map.of(
                "signin", new SignInPage(access),
                "signout", new SignOutPage(access),
                "audit", new AuditPage(access.audit()),
                "wallboard", new WallboardPage(hub),
                "agent", new AgentDeskPage(hub, desk, telephony, view, config),
                "telephony", new TelephonyPage(hub, telephony, config),
                "config", new ConfigPage(config),
                "reports", new ReportsPage(hub, view));
        ServletHolder console = new ServletHolder("console", new ConsoleServlet(pages, new Templates(), clock));
        context.addServlet(console, "/console/*");
        context.addServlet(console, "");
        context.addServlet(new ServletHolder("console-events", new EventsServlet(hub)), "/console/events");
        context.addServlet(new ServletHolder("console-static", new StaticServlet()), "/console/static/*");
        context.addServlet(new ServletHolder("console-charts", new ChartServlet(view)), "/console/charts/*");
    }
}
