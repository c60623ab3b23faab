package org.ubiopsgateway.gateway.projects;

import io.restassured.response.ValidatableResponse;
import org.ubiopsgateway.emulator.Journal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on the gateway's problem+json answers, shared by the surface tests. */
public final class Problems {

    private Problems() {
    }

    /** An RFC 9457 problem with this status and a detail. */
    public static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()));
    }

    /** A 400 naming {@code field} among its violations, answered without any call to upstream. */
    public static ValidatableResponse rejected(ValidatableResponse response, String field, Journal journal) {
        problem(response, 400).body("violations.field", hasItem(field));
        assertEquals(0, journal.size(), "nothing reached upstream: " + journal.entries());
        return response;
    }

    /** A 404 carrying upstream's own message. */
    public static ValidatableResponse notFound(ValidatableResponse response, String upstreamMessage) {
        return problem(response, 404).body("detail", equalTo(upstreamMessage));
    }
}
