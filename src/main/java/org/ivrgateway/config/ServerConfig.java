package org.ivrgateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code server:} (docs/SECURITY.md) — the address to listen on (default loopback only), the host names
 * the server answers to (the {@code Host} header; loopback names always), HTTPS from a PKCS#12 keystore,
 * and when plain HTTP is allowed: {@code never}, {@code loopback} (the default: only while listening on a
 * loopback address) or {@code always}.
 */
public record ServerConfig(String host, List<String> names, Tls tls, PlainHttp plainHttp) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final ServerConfig DEFAULT = new ServerConfig(null, null, null, null);

    public ServerConfig {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        names = Checks.names("server.names", names, 255);
        plainHttp = plainHttp == null ? PlainHttp.LOOPBACK : plainHttp;
    }

    /** {@code server.tls}: the PKCS#12 keystore file, and its password (or the environment variable holding it). */
    public record Tls(String keystore, String password, String passwordEnv) {
        public Tls {
            if (keystore == null || keystore.isBlank()) throw new IllegalArgumentException("server.tls.keystore: required");
            if (password != null && passwordEnv != null) {
                throw new IllegalArgumentException("server.tls.password: give password or passwordEnv, not both");
            }
        }

        /** The keystore's password: the configured one, else the named environment variable's value, else empty. */
        public String secret() {
            if (password != null) return password;
            String fromEnv = passwordEnv == null ? null : System.getenv(passwordEnv);
            return fromEnv == null ? "" : fromEnv;
        }
    }

    public enum PlainHttp {
        NEVER, LOOPBACK, ALWAYS;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static PlainHttp of(String key) {
            return Arrays.stream(values()).filter(p -> p.key().equalsIgnoreCase(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("server.plainHttp: '" + key + "' is not one of "
                            + Arrays.stream(values()).map(PlainHttp::key).collect(Collectors.joining(", "))));
        }
    }
}
