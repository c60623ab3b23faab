package org.ubiopsgateway.gateway.security;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;

/** What any JWKS configuration must do, whether the set comes from a file or a URL. */
final class JwksAssertions {

    private JwksAssertions() {
    }

    static void bothAlgorithmsVerify() {
        TestTokens.as(TestTokens.rsa(TestTokens.claims("rsa-caller", List.of("viewer"), List.of("*"))))
                .get("/api/v1/me").then().statusCode(200).body("subject", equalTo("rsa-caller"));
        TestTokens.as(TestTokens.ec(TestTokens.claims("ec-caller", List.of("viewer"), List.of("*"))))
                .get("/api/v1/me").then().statusCode(200).body("subject", equalTo("ec-caller"));
    }

    static void untrustedKeyIsRefused() {
        TestTokens.as(TestTokens.untrusted(TestTokens.claims("x", List.of("admin"), List.of("*"))))
                .get("/api/v1/me").then().statusCode(401);
    }
}
