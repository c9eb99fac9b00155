package org.ivrgateway.security;

import static org.ivrgateway.config.Role.ADMIN;
import static org.ivrgateway.config.Role.AGENT;
import static org.ivrgateway.config.Role.SUPERVISOR;
import static org.ivrgateway.config.Role.TELEPHONY;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ivrgateway.config.Role;

/**
 * Who may do what, as one table (docs/SECURITY.md): each rule names a method, a path pattern, the area
 * (which says how a requester proves who it is) and, per role, whether it may, unconditionally or when a
 * condition on the request holds (an agent acting as itself, a supervisor's state change being
 * UNAVAILABLE). The first rule that fits a request decides; a path no rule names falls to the last rules,
 * which admit administrators only. So a route added later is closed until a rule opens it.
 */
public final class AccessRules {

    /** How the requester of a path proves who it is. */
    public enum Area {
        /** Anyone: {@code /health}, the sign-in page, the console's static files. */
        PUBLIC,
        /** People signed in (cookie), or a supervisor's or administrator's bearer token. */
        CONSOLE,
        /** Bearer tokens. */
        REST,
        /** VoiceXML platforms: by source address ({@code access.vxml.allow}) and, when configured, basic auth. */
        VXML,
        /** A supervisor's or administrator's token, or any request from a loopback address. */
        METRICS,
        /** Any other path: as the console, but a requester the rules do not admit is told 404, not where to sign in. */
        OTHER
    }

    /** What a condition may look at: the path's variables, the form fields, a field of the JSON body. */
    public interface Facts {
        String variable(String name);

        String param(String name);

        String jsonField(String name);
    }

    /** A condition on a request by a principal. */
    @FunctionalInterface
    public interface Condition {
        boolean holds(Principal who, Facts facts);
    }

    /** The rule that fits a request, and its variables. */
    public record Match(Rule rule, Map<String, String> variables) {
        public Area area() {
            return rule.area;
        }

        /** Whether {@code who} may make this request. */
        public boolean allows(Principal who, Facts facts) {
            if (who == null) return false;
            Condition c = rule.grants.get(who.role());
            return c != null && c.holds(who, facts);
        }
    }

    /** One row of the table. */
    public static final class Rule {
        private final String method;
        private final String[] segments;
        private final Area area;
        private final Map<Role, Condition> grants = new EnumMap<>(Role.class);

        private Rule(String method, String pattern, Area area) {
            this.method = method;
            this.segments = pattern.split("/", -1);
            this.area = area;
        }

        Rule allow(Role... roles) {
            for (Role r : roles) grants.put(r, ALWAYS);
            return this;
        }

        Rule allow(Role role, Condition when) {
            grants.put(role, when);
            return this;
        }

        Optional<Map<String, String>> match(String requestMethod, String path) {
            boolean head = method.equals("GET") && requestMethod.equals("HEAD");
            if (!method.equals("*") && !method.equals(requestMethod) && !head) return Optional.empty();
            String[] have = path.split("/", -1);
            Map<String, String> variables = new HashMap<>();
            for (int i = 0; i < segments.length; i++) {
                String want = segments[i];
                if (want.equals("**")) return Optional.of(variables);
                if (i >= have.length) return Optional.empty();
                if (want.startsWith("{") && want.endsWith("}")) {
                    if (have[i].isEmpty()) return Optional.empty();
                    variables.put(want.substring(1, want.length() - 1), have[i]);
                } else if (!want.equals(have[i])) {
                    return Optional.empty();
                }
            }
            return have.length == segments.length ? Optional.of(variables) : Optional.empty();
        }

        @Override
        public String toString() {
            return method + " " + String.join("/", segments) + " " + area + " " + grants.keySet();
        }
    }

    static final Condition ALWAYS = (who, facts) -> true;

    /** The agent named by the path variable {@code agent} is the requester's own. */
    static final Condition SELF = (who, facts) -> who.actsAs(facts.variable("agent"));

    /** The form field names the requester's own agent, or is absent (the page then shows the requester's own). */
    static Condition ownAgentField(String field) {
        return (who, facts) -> facts.param(field) == null || who.actsAs(facts.param(field));
    }

    /** The form field {@code field} is one of {@code values}. */
    static Condition fieldIn(String field, String... values) {
        Set<String> allowed = Set.of(values);
        return (who, facts) -> facts.param(field) != null && allowed.contains(facts.param(field));
    }

    /** The JSON body's field {@code field} is {@code value} (case and surrounding blanks aside). */
    static Condition jsonIs(String field, String value) {
        return (who, facts) -> {
            String v = facts.jsonField(field);
            return v != null && v.strip().toUpperCase(Locale.ROOT).equals(value);
        };
    }

    private static final List<Rule> TABLE = new ArrayList<>();

    private static Rule rule(String method, String pattern, Area area) {
        Rule r = new Rule(method, pattern, area);
        TABLE.add(r);
        return r;
    }

    static {
        // Anyone.
        rule("GET", "/health", Area.PUBLIC);
        rule("GET", "/console/static/**", Area.PUBLIC);
        rule("*", "/console/signin", Area.PUBLIC);
        // VoiceXML platforms: the subdialogs, their twins, and the sample applications.
        rule("*", "/vxml/**", Area.VXML);
        rule("*", "/xml/**", Area.VXML);
        rule("*", "/api/ivr/**", Area.VXML);
        rule("*", "/samples/**", Area.VXML);
        rule("GET", "/metrics", Area.METRICS).allow(SUPERVISOR, ADMIN);

        // The console.
        rule("GET", "/", Area.CONSOLE).allow(AGENT, SUPERVISOR, ADMIN);
        rule("GET", "/console", Area.CONSOLE).allow(AGENT, SUPERVISOR, ADMIN);
        rule("GET", "/console/", Area.CONSOLE).allow(AGENT, SUPERVISOR, ADMIN);
        rule("POST", "/console/signout", Area.CONSOLE).allow(AGENT, SUPERVISOR, ADMIN);
        rule("GET", "/console/events", Area.CONSOLE).allow(AGENT, SUPERVISOR, ADMIN);
        rule("GET", "/console/wallboard", Area.CONSOLE).allow(SUPERVISOR, ADMIN);
        rule("GET", "/console/reports", Area.CONSOLE).allow(SUPERVISOR, ADMIN);
        rule("GET", "/console/charts/**", Area.CONSOLE).allow(SUPERVISOR, ADMIN);
        rule("GET", "/console/agent", Area.CONSOLE).allow(SUPERVISOR, ADMIN).allow(AGENT, ownAgentField("id"));
        rule("POST", "/console/agent", Area.CONSOLE).allow(ADMIN)
                .allow(AGENT, (who, facts) -> facts.param("agent") != null && who.actsAs(facts.param("agent")))
                .allow(SUPERVISOR, fieldIn("action", "logout", "unavailable"));
        // Telephony panel, configuration, audit log, and any page added later: administrators.
        rule("*", "/console/**", Area.CONSOLE).allow(ADMIN);

        // REST: agents.
        rule("POST", "/api/agents/{agent}/login", Area.REST).allow(ADMIN).allow(AGENT, SELF);
        rule("POST", "/api/agents/{agent}/state", Area.REST).allow(ADMIN).allow(AGENT, SELF)
                .allow(SUPERVISOR, jsonIs("state", "UNAVAILABLE"));
        rule("POST", "/api/agents/{agent}/logout", Area.REST).allow(ADMIN, SUPERVISOR).allow(AGENT, SELF);
        rule("GET", "/api/agents/{agent}", Area.REST).allow(ADMIN, SUPERVISOR).allow(AGENT, SELF);
        rule("GET", "/api/agents", Area.REST).allow(ADMIN, SUPERVISOR);
        // REST: the telephony side.
        rule("*", "/api/telephony/**", Area.REST).allow(ADMIN, TELEPHONY);
        rule("POST", "/api/calls/{call}/answered", Area.REST).allow(ADMIN, TELEPHONY);
        rule("POST", "/api/calls/{call}/cleared", Area.REST).allow(ADMIN, TELEPHONY);
        rule("POST", "/api/callbacks/{callback}/outcome", Area.REST).allow(ADMIN, TELEPHONY);
        // REST: callbacks offered to agents: an agent accepts as itself (the body's agentId), the route checks
        // that the callback is offered to that agent.
        rule("POST", "/api/callbacks/{callback}/accept", Area.REST).allow(ADMIN)
                .allow(AGENT, (who, facts) -> who.actsAs(facts.jsonField("agentId")));
        // REST: what supervisors see.
        rule("GET", "/api/queues", Area.REST).allow(ADMIN, SUPERVISOR, AGENT);
        rule("GET", "/api/calls", Area.REST).allow(ADMIN, SUPERVISOR);
        rule("GET", "/api/calls/{call}", Area.REST).allow(ADMIN, SUPERVISOR);
        rule("GET", "/api/callbacks", Area.REST).allow(ADMIN, SUPERVISOR);
        rule("GET", "/api/callbacks/**", Area.REST).allow(ADMIN, SUPERVISOR);
        rule("GET", "/api/reports/**", Area.REST).allow(ADMIN, SUPERVISOR);
        // Any other endpoint, now or added later: administrators.
        rule("*", "/api/**", Area.REST).allow(ADMIN);
        // Any other path: administrators (a token or a sign-in); anybody else is told there is nothing there.
        rule("*", "/**", Area.OTHER).allow(ADMIN);
    }

    private AccessRules() {
    }

    /** The first rule that fits; there always is one (the last fits everything). */
    public static Match match(String method, String path) {
        for (Rule r : TABLE) {
            Optional<Map<String, String>> v = r.match(method, path);
            if (v.isPresent()) return new Match(r, v.get());
        }
        throw new IllegalStateException("the last rule fits every path");
    }
}
