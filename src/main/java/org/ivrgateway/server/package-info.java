/**
 * Start-up and wiring, the only package that knows every other one: the command line ({@code Main}),
 * the node's life cycle (database, then contact center, then HTTP server; closed in reverse) and the
 * Jetty server factory that mounts the gateway, REST, operations endpoints, console and samples.
 * Configuration loading lives in {@code server.config}.
 */
package org.ivrgateway.server;
