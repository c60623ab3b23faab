package org.ubiopsgateway.gateway.deployments;

import io.restassured.response.ValidatableResponse;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions on the answers of the deployments and versions routes, and on what reached upstream. */
final class GatewayAssertions {

    private GatewayAssertions() {
    }

    /** A 400 naming {@code field}, given before any call reached upstream. */
    static void rejectedAtEdge(ValidatableResponse response, UbiOpsEmulator emulator, String field) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ubiops-gateway:problem:validation"))
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
        assertEquals(0, emulator.journal().size(), () -> "reached upstream: " + emulator.journal().entries());
    }

    /** A 400 about the body's shape (malformed, unknown field, unknown enum value), before any upstream call. */
    static void malformedAtEdge(ValidatableResponse response, UbiOpsEmulator emulator, String detailPart) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ubiops-gateway:problem:malformed-body"))
                .body("detail", containsString(detailPart));
        assertEquals(0, emulator.journal().size(), () -> "reached upstream: " + emulator.journal().entries());
    }

    /** Exactly one call of {@code operation} reached upstream (the journal has it before its answer leaves). */
    static void reachedUpstreamOnce(UbiOpsEmulator emulator, String operation) {
        assertEquals(1, emulator.journal().count(operation), () -> "journal: " + emulator.journal().entries());
    }

    /** Upstream's 4xx, with its status and its message. */
    static void upstreamAnswered(ValidatableResponse response, int status, String message) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", containsString(message));
    }
}
