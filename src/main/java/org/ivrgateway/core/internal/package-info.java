/**
 * Plumbing shared by the core's parts: units of work on the store ({@code Store}, {@code Tx}), JDBC
 * helpers and the in-JVM wake-up signals of waiting requests.
 */
package org.ivrgateway.core.internal;
