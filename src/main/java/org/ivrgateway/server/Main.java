package org.ivrgateway.server;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.server.config.ConfigException;
import org.ivrgateway.server.config.ConfigLoader;
import org.ivrgateway.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar ivr-gateway.jar [--config FILE] [--host ADDRESS] [--port N] [--db JDBC_URL]}, and the
 * subcommands {@code hash-password} and {@code new-token} (docs/SECURITY.md): loads the configuration
 * (the demo contact center without {@code --config}), opens the database, starts a {@link Node} and runs
 * until stopped. What can go wrong at start-up is told in one line, without a stack trace.
 */
@Command(name = "ivr-gateway", mixinStandardHelpOptions = true, version = "ivr-gateway 0.1.0",
        subcommands = {HashPassword.class, NewToken.class},
        description = "The IVR API of a contact center for VoiceXML browsers, with a contact-center core of its own.")
public final class Main implements Callable<Integer> {
    static final int CONFIG_ERROR = 2;
    static final int START_FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the contact center's YAML configuration (default: the demo of samples/)")
    Path config;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "address to listen on (default: the config's server.host, else 127.0.0.1)")
    String host;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "database (default: " + DatabaseUrl.DEFAULT + ")")
    String db = DatabaseUrl.DEFAULT;

    @Option(names = "--db-user", defaultValue = "${env:IVR_DB_USER}", description = "database user (H2: sa)")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:IVR_DB_PASSWORD}", description = "database password")
    String dbPassword;

    @Option(names = "--sip", description = "Kamailio is the switch, at the addresses `./ivr kamailio` uses"
            + " (telephony.sip's defaults), unless the configuration names one (docs/TELEPHONY.md)")
    boolean sip;

    public static void main(String[] args) {
        int status = new CommandLine(new Main()).execute(args);
        if (status != 0) System.exit(status);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        CenterConfig center;
        try {
            center = config == null ? ConfigLoader.loadDemo() : ConfigLoader.load(config);
            if (sip) center = center.withDefaultSip();
        } catch (ConfigException e) {
            err.println("ivr-gateway: " + e.getMessage());
            return CONFIG_ERROR;
        }
        String url = DatabaseUrl.portable(db);
        Database database;
        try {
            boolean h2 = DatabaseUrl.isH2(url);
            database = Database.open(url, dbUser == null && h2 ? "sa" : dbUser, dbPassword == null && h2 ? "" : dbPassword,
                    center.database().poolSize());
        } catch (RuntimeException e) {
            err.println("ivr-gateway: cannot open the database " + url + ": " + rootMessage(e));
            return START_FAILED;
        }
        Node node;
        try {
            node = Node.start(host, port, database, center, Clock.systemUTC());
        } catch (Exception e) {
            database.close();
            if (causedBy(e, BindException.class)) {
                err.println("ivr-gateway: cannot listen on port " + port + ": " + rootMessage(e));
            } else {
                LOG.error("start-up failed", e);
                err.println("ivr-gateway: start-up failed: " + rootMessage(e));
            }
            return START_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "shutdown"));
        LOG.info("ivr-gateway listening on {} ({}, {})", node.uri(), config == null ? "demo contact center" : config, url);
        node.join();
        return 0;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
