package org.ivrgateway.server.config;

/**
 * A configuration file that cannot be used. The message is meant for the person who wrote the file: where
 * (source and line), which key, and what is wrong; Main prints it as it is, without a stack trace.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
