package org.ivrgateway.core.call;

import org.ivrgateway.core.internal.RandomIds;

/**
 * CallIDs: 18 random decimal digits (the guide's limit), about 60 bits from a SecureRandom, so a CallID
 * cannot be guessed from another (docs/SECURITY.md). Two equal ones (one chance in 10^17 per pair) would
 * fail the insert of the second call rather than mix two calls up.
 */
final class CallIds {
    static final int LENGTH = 18;

    private CallIds() {
    }

    static String next() {
        return RandomIds.digits(LENGTH);
    }
}
