package org.ivrgateway.gateway;

/**
 * What the gateway accepts in one request, far above any legitimate call (the longest value of the
 * catalog is 250 characters; CreateCallback, the largest call, sends under 1 KB) and low enough that a
 * hostile request costs little. Documented in docs/VXML.md.
 */
final class Limits {
    /** Largest form body (urlencoded or multipart) read; beyond it the answer is -306. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /**
     * Most fields in one request, query and body together, counted before any is decoded (an empty field
     * between two {@code &} counts too); beyond it the answer is -306.
     */
    static final int MAX_FIELDS = 64;
    /** Longest value read; a longer one is -306 before the catalog's own length check. */
    static final int MAX_VALUE_CHARS = 4096;
    /** Most of a rejected body read and discarded so its client gets the -306 answer; beyond it the connection closes. */
    static final long MAX_DRAIN_BYTES = 4L * 1024 * 1024;

    private Limits() {
    }
}
