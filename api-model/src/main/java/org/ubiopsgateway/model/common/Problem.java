package org.ubiopsgateway.model.common;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail: every error the gateway answers, as {@code application/problem+json}.
 *
 * @param type       a URI naming the kind of problem
 * @param title      a short summary of the kind
 * @param status     the HTTP status
 * @param detail     what went wrong this time (upstream's own message for upstream 4xx)
 * @param violations the fields that failed validation, for 400s from validation; omitted otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A field that failed validation and why. */
    public record Violation(String field, String message) {
    }
}
