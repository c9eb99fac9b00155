package org.ivrgateway.server.config;

/** A configuration that maps but does not hold together: the message names the key, the pointer finds its line. */
record ConfigProblem(String pointer, String message) {
}
