package org.ivrgateway.server;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ivrgateway.security.Digests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar ivr-gateway.jar new-token}: prints a new random bearer token and, on a second line, the
 * SHA-256 to put in {@code access.tokens[].sha256}. The token is shown once; the configuration keeps only
 * its digest.
 */
@Command(name = "new-token", mixinStandardHelpOptions = true,
        description = "Prints a new random token (line 1) and its SHA-256 for access.tokens[].sha256 (line 2).")
final class NewToken implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String token = Digests.randomSecret(32);
        out.println(token);
        out.println(Digests.sha256(token));
        out.flush();
        return 0;
    }
}
