/**
 * Loading the contact center's YAML configuration into the core's config records, with errors that name
 * the file, the line and the key, so a bad file stops the start-up with a message rather than a stack trace.
 */
package org.ivrgateway.server.config;
