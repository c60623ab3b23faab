package org.ubiopsgateway.gateway.dev;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

/** A request straight to the emulator with the service token, bypassing the gateway: what UbiOps holds, or a change behind the gateway's back. */
public final class DirectToEmulator {

    private DirectToEmulator() {
    }

    public static RequestSpecification as(UbiOpsEmulator emulator) {
        return RestAssured.given().baseUri(emulator.baseUrl())
                .header("Authorization", "Token " + emulator.token()).contentType("application/json");
    }
}
