package org.ubiopsgateway.gateway.security;

/** A verified caller may not do this: answered 403 problem+json. */
public final class AccessDenied extends RuntimeException {

    public AccessDenied(String detail) {
        super(detail, null, false, false);
    }
}
