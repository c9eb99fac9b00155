package org.ivrgateway.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.ivrgateway.security.Passwords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar ivr-gateway.jar hash-password}: reads a password (asked twice, unseen, on a terminal;
 * else the first line of standard input) and prints its Argon2id hash for {@code users[].passwordHash}.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Reads a password from the terminal or standard input and prints its Argon2id hash"
                + " for users[].passwordHash (docs/SECURITY.md).")
final class HashPassword implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] password;
        Console console = System.console();
        if (console != null) {
            password = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (password == null || again == null || !Arrays.equals(password, again)) {
                err.println("hash-password: the two passwords differ");
                return Main.CONFIG_ERROR;
            }
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? new char[0] : line.toCharArray();
        }
        if (password.length == 0) {
            err.println("hash-password: no password given");
            return Main.CONFIG_ERROR;
        }
        out.println(Passwords.hash(java.nio.CharBuffer.wrap(password)));
        out.flush();
        Arrays.fill(password, '\0');
        return 0;
    }
}
