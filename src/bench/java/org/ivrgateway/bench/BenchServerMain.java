package org.ivrgateway.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The server side in a JVM of its own ({@link ForkedServer} starts it): a {@link BenchNode}, driven by one
 * command a line on standard input, each answered by one line starting with {@value #TAG} on standard
 * output (everything else there is the server's log). Ends when its input closes.
 */
public final class BenchServerMain {
    static final String TAG = "@bench ";

    private BenchServerMain() {
    }

    /** Arguments: database choice, ports, agents. */
    public static void main(String[] args) throws Exception {
        // The answers share System.out with the server's log: one PrintStream, whose println and the log's
        // writes each hold its lock, so a log line can never land inside an answer (a second stream on the
        // same descriptor once cut a profile's base64 answer in two under a flood of log lines).
        PrintStream out = System.out;
        ObjectMapper json = new ObjectMapper();
        try (BenchNode node = BenchNode.start(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]))) {
            out.println(TAG + "ready " + node.gateway() + " " + node.databaseKind());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String[] cmd = line.split(" ", 2);
                try {
                    String answer = switch (cmd[0]) {
                        case "stats" -> json.writeValueAsString(node.stats());
                        case "database-url" -> java.util.Objects.requireNonNullElse(node.databaseUrl(), "");
                        case "parked" -> Integer.toString(node.parkedWaiters(cmd[1]));
                        case "hears-other-nodes" -> Boolean.toString(node.hearsOtherNodes());
                        case "baseline" -> node.startBaseline(Base64.getDecoder().decode(cmd[1])).toString();
                        case "baseline-stop" -> {
                            node.stopBaseline();
                            yield "ok";
                        }
                        case "profile" -> {
                            node.startProfile(cmd[1]);
                            yield "ok";
                        }
                        case "profile-stop" -> Base64.getEncoder().encodeToString(
                                node.stopProfile(cmd[1]).getBytes(StandardCharsets.UTF_8));
                        default -> throw new IllegalArgumentException("unknown command " + cmd[0]);
                    };
                    out.println(TAG + "ok " + answer);
                } catch (Exception e) {
                    out.println(TAG + "error " + e.toString().replace('\n', ' '));
                }
            }
        }
        System.exit(0);
    }
}
