package org.ivrgateway.samples.interpreter;

import java.net.URI;
import java.util.Map;

import org.mozilla.javascript.Scriptable;

/**
 * The headless browser's entry: one call to an application, from its first document to its end, played by a
 * {@link CallScript}. Single-threaded; a test that needs something to happen mid-call listens to the traces.
 */
public final class VoiceBrowser {
    private VoiceBrowser() {
    }

    public static CallRecord call(URI application, CallScript script) {
        Platform platform = new Platform(script);
        try (Scripting js = platform.scripting) {
            Scriptable session = js.sessionScope(script.localUri, script.remoteUri);
            Outcome end = switch (platform.fetch(application, "get", Map.of())) {
                case DocumentLoader.Failed f -> {
                    platform.record(new Trace.Thrown(f.event(), f.message()));
                    yield new Outcome.Exit(f.event());
                }
                case DocumentLoader.Loaded l ->
                        new Execution(platform, session).run(l.document(), application.getFragment(), Map.of());
            };
            platform.record(new Trace.Ended(switch (end) {
                case Outcome.Exit e -> e.why();
                case Outcome.Return r -> "return at the top level";
                default -> end.toString();
            }));
        }
        return new CallRecord(platform.traces(), platform.steps());
    }
}
