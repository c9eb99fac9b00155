package org.ivrgateway.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code access:} (docs/SECURITY.md) — which VoiceXML platforms may call the subdialog URLs (source
 * addresses, and optionally HTTP basic credentials), the machines' bearer tokens, and the console's
 * sign-in rules (idle timeout, failed sign-ins allowed before a pause).
 */
public record AccessConfig(Vxml vxml, List<TokenConfig> tokens, Console console) {
    public static final AccessConfig DEFAULT = new AccessConfig(null, null, null);

    public AccessConfig {
        vxml = vxml == null ? Vxml.DEFAULT : vxml;
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        console = console == null ? Console.DEFAULT : console;
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (TokenConfig t : tokens) {
            if (!names.add(t.name())) throw new IllegalArgumentException("access.tokens: duplicate name " + t.name());
            if (!hashes.add(t.sha256())) throw new IllegalArgumentException("access.tokens." + t.name() + ".sha256: used by two tokens");
        }
    }

    /** {@code access.vxml}: the CIDR blocks VoiceXML requests may come from, and basic credentials (none: not asked). */
    public record Vxml(List<String> allow, List<TokenConfig.Basic> basic) {
        public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");
        public static final Vxml DEFAULT = new Vxml(null, null);

        public Vxml {
            allow = allow == null ? LOOPBACK : List.copyOf(allow);
            for (String cidr : allow) checkCidr(cidr);
            basic = basic == null ? List.of() : List.copyOf(basic);
            Set<String> names = new HashSet<>();
            for (TokenConfig.Basic b : basic) {
                if (!names.add(b.name())) throw new IllegalArgumentException("access.vxml.basic: duplicate name " + b.name());
            }
        }

        private static void checkCidr(String cidr) {
            String c = cidr == null ? "" : cidr.strip();
            int slash = c.indexOf('/');
            String address = slash < 0 ? c : c.substring(0, slash);
            boolean literal = address.matches("^[0-9.]+$") || (address.contains(":") && address.matches("^[0-9a-fA-F:.]+$"));
            boolean bits = slash < 0 || c.substring(slash + 1).matches("^\\d{1,3}$");
            if (!literal || !bits) {
                throw new IllegalArgumentException("access.vxml.allow: '" + cidr + "' is not an address or an"
                        + " address/prefix-length block (e.g. 10.20.0.0/16)");
            }
        }
    }

    /** {@code access.console}: minutes a sign-in lasts without use, failed sign-ins before a pause, the pause. */
    public record Console(Integer idleMinutes, Integer maxFailedSignIns, Integer lockoutMinutes) {
        public static final Console DEFAULT = new Console(null, null, null);

        public Console {
            idleMinutes = Checks.atLeast("access.console.idleMinutes", idleMinutes, 1, 30);
            maxFailedSignIns = Checks.atLeast("access.console.maxFailedSignIns", maxFailedSignIns, 1, 5);
            lockoutMinutes = Checks.atLeast("access.console.lockoutMinutes", lockoutMinutes, 1, 15);
        }
    }
}
