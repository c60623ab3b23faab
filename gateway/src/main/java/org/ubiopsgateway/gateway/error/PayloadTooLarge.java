package org.ubiopsgateway.gateway.error;

import java.io.IOException;

/**
 * A request body over the limit of its route: 413 problem+json, and the connection is closed after the answer,
 * since the rest of the body was never read and must not be taken for the next request. An {@link IOException}
 * because it is raised while the body is read: Jackson passes those on as they are, where it would wrap any other.
 */
public final class PayloadTooLarge extends IOException {

    public PayloadTooLarge(long limit) {
        super("The request body is larger than the gateway accepts here (at most " + limit + " bytes)");
    }

    /** Where it was raised is of no interest: the caller sent too much. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
