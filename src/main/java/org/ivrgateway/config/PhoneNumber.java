package org.ivrgateway.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination as scripts and the configuration write it (docs/CONFORMANCE.md, Transfer): the guide's
 * canonical format {@code +1 (555) 555-0199--1212} and its shorter forms ({@code (555) 555-0199},
 * {@code +1 555-0199}, {@code 5555550199}), digits grouped by spaces, dots or dashes
 * ({@code +33 1 23 45 67 89}), and plain dial strings of digits, {@code *} and {@code #}. An extension
 * follows {@code --}. {@link #dialable()} is what the switch dials: an optional {@code +}, the digits, and
 * {@code --} with the extension when there is one.
 *
 * @param number    the main number, {@code +} and digits only (or the dial string as written)
 * @param extension the extension's digits, or null
 */
public record PhoneNumber(String number, String extension) {
    private static final Pattern EXTENSION = Pattern.compile("^(.+?)--(\\d+)$");
    private static final Pattern DIAL_STRING = Pattern.compile("^[0-9*#]+$");
    /** An optional +, then digit groups and at most one (area) group, each separated by at most one of " .-". */
    private static final Pattern GROUPED = Pattern.compile("^\\+?(?:\\(\\d+\\)|\\d)(?:[ .\\-]?(?:\\(\\d+\\)|\\d))*$");

    /** Why a string is no destination: not dialable at all (-913), or a canonical number that does not convert (-917). */
    public enum Problem { NOT_DIALABLE, NOT_CANONICAL }

    /** Thrown by {@link #parse} with the problem and a message naming the value. */
    public static final class Invalid extends IllegalArgumentException {
        private final Problem problem;

        Invalid(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    public static PhoneNumber parse(String value) {
        String s = value == null ? "" : value.strip();
        String main = s;
        String extension = null;
        Matcher m = EXTENSION.matcher(s);
        if (m.matches()) {
            main = m.group(1).strip();
            extension = m.group(2);
        }
        if (DIAL_STRING.matcher(main).matches()) return new PhoneNumber(main, extension);
        if (GROUPED.matcher(main).matches() && main.chars().filter(c -> c == '(').count() <= 1) {
            return new PhoneNumber((main.startsWith("+") ? "+" : "") + main.replaceAll("\\D", ""), extension);
        }
        boolean canonical = s.indexOf('+') >= 0 || s.indexOf('(') >= 0 || s.indexOf(')') >= 0;
        throw new Invalid(canonical ? Problem.NOT_CANONICAL : Problem.NOT_DIALABLE, canonical
                ? "'" + s + "' is not a number in the canonical format (+1 (555) 555-0199--12)"
                : "'" + s + "' is not a dialable number");
    }

    /** What the switch dials. */
    public String dialable() {
        return extension == null ? number : number + "--" + extension;
    }
}
