package org.ivrgateway.server;

import java.util.Locale;

/**
 * The JDBC URL the gateway opens. H2 always runs in PostgreSQL mode with lower-case names, so the one set
 * of migrations serves both databases (docs/ARCHITECTURE.md); a user's H2 URL without those options gets
 * them. H2 also gets {@code WRITE_DELAY=0} unless the URL names a write delay of its own: every commit is
 * then written to the file before the request that made it is answered, so nothing acknowledged is lost
 * when the JVM is killed (docs/RELIABILITY.md).
 */
final class DatabaseUrl {
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    static final String H2_DURABLE = ";WRITE_DELAY=0";
    static final String DEFAULT = "jdbc:h2:file:./data/ivr-gateway" + H2_OPTIONS + H2_DURABLE;

    private DatabaseUrl() {
    }

    static String portable(String url) {
        if (!isH2(url)) return url;
        String upper = url.toUpperCase(Locale.ROOT);
        String result = upper.contains(";MODE=") ? url : url + H2_OPTIONS;
        return upper.contains(";WRITE_DELAY=") ? result : result + H2_DURABLE;
    }

    static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }
}
