package org.ivrgateway.server;

/**
 * The JDBC URL the gateway opens. H2 always runs in PostgreSQL mode with lower-case names, so the one set
 * of migrations serves both databases (docs/ARCHITECTURE.md); a user's H2 URL without those options gets them.
 */
final class DatabaseUrl {
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    static final String DEFAULT = "jdbc:h2:file:./data/ivr-gateway" + H2_OPTIONS;

    private DatabaseUrl() {
    }

    static String portable(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(java.util.Locale.ROOT).contains(";MODE=")) return url;
        return url + H2_OPTIONS;
    }

    static boolean isH2(String url) {
        return url.startsWith("jdbc:h2:");
    }
}
