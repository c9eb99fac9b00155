package org.ivrgateway.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database a benchmark runs on, chosen by {@code --db}: {@code h2} (a file in a fresh temp directory,
 * like the product's default), {@code h2mem}, {@code postgres} (an embedded PostgreSQL started here, with
 * its stock settings), or any JDBC URL. Knows the PostgreSQL server's process, so its CPU can be counted.
 */
final class BenchDatabase implements AutoCloseable {
    private static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    final String kind;
    final String url;
    final String user;
    private final EmbeddedPostgres postgres;
    private final Path directory;

    private BenchDatabase(String kind, String url, String user, EmbeddedPostgres postgres, Path directory) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.postgres = postgres;
        this.directory = directory;
    }

    static BenchDatabase open(String choice) throws IOException {
        return switch (choice) {
            case "h2" -> {
                Path dir = Files.createTempDirectory("ivr-bench-h2");
                yield new BenchDatabase("H2 (file)", "jdbc:h2:file:" + dir.resolve("ivr") + H2_MODE, "sa", null, dir);
            }
            case "h2mem" -> new BenchDatabase("H2 (memory)", "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1" + H2_MODE, "sa",
                    null, null);
            case "postgres" -> {
                Path dir = Files.createTempDirectory("ivr-bench-pg");
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                        .start();
                yield new BenchDatabase("PostgreSQL (embedded)", pg.getJdbcUrl("postgres", "postgres"), "postgres",
                        pg, dir);
            }
            default -> {
                if (!choice.startsWith("jdbc:")) {
                    throw new IllegalArgumentException("--db: h2, h2mem, postgres or a JDBC URL, not '" + choice + "'");
                }
                yield new BenchDatabase(choice.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "JDBC", choice,
                        choice.startsWith("jdbc:postgresql:") ? "postgres" : "sa", null, null);
            }
        };
    }

    /** The PostgreSQL postmaster's pid, or 0 when the database runs inside this JVM or elsewhere. */
    long serverPid() {
        if (postgres == null) return 0;
        try {
            return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) postgres.close();
        if (directory != null && Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
