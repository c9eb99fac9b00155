package org.ivrgateway.web.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalInt;
import org.ivrgateway.web.ClientErrors;
import org.ivrgateway.web.auth.Access;

/**
 * {@code /console/*}: sends each request to its page. A failed form post goes back to its page with the
 * failure's message; a page that cannot be shown says why in a page of its own. Never a stack trace.
 */
final class ConsoleServlet extends HttpServlet {
    private final Map<String, Page> pages;
    private final Templates templates;
    private final Labels labels;

    ConsoleServlet(Map<String, Page> pages, Templates templates, Clock clock) {
        this.pages = pages;
        this.templates = templates;
        this.labels = new Labels(clock);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = pageName(request);
        if (name.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/console" + SignInPage.home(Access.principal(request)));
            return;
        }
        Page page = pages.get(name);
        Exchange x = new Exchange(request, response, templates, labels, name);
        if (page == null) {
            problem(x, 404, "There is no console page at " + request.getRequestURI() + ".");
            return;
        }
        try {
            page.get(x);
        } catch (RuntimeException e) {
            OptionalInt clientError = ClientErrors.status(e);
            if (clientError.isPresent()) problem(x, clientError.getAsInt(), ClientErrors.MESSAGE);
            else problem(x, e instanceof IllegalArgumentException ? 400 : 503, Problems.describe(e));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String name = pageName(request);
        Page page = pages.get(name);
        Exchange x = new Exchange(request, response, templates, labels, name);
        if (page == null) {
            problem(x, 404, "There is no console page at " + request.getRequestURI() + ".");
            return;
        }
        try {
            page.post(x);
        } catch (RuntimeException e) {
            OptionalInt clientError = ClientErrors.status(e);
            if (clientError.isPresent()) {
                Access.refused(request, ClientErrors.MESSAGE);
                problem(x, clientError.getAsInt(), ClientErrors.MESSAGE);
            } else {
                String message = Problems.describe(e);
                Access.refused(request, message);
                x.redirect(page.back(x), Flash.error(message));
            }
        }
    }

    private static String pageName(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) return "";
        return path.substring(1);
    }

    private void problem(Exchange x, int status, String message) throws IOException {
        x.render(status, "problem", null, Map.of("message", message));
    }
}
