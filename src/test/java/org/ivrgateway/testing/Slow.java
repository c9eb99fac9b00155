package org.ivrgateway.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class or method that takes several seconds (the slowest of the suite, docs/TESTING.md): tagged
 * {@code slow}, left out of {@code ./ivr test} and run by {@code ./ivr test --slow}; CI ({@code .ci/run})
 * runs both, so every test still runs there.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
