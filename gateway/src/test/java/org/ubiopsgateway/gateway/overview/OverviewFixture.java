package org.ubiopsgateway.gateway.overview;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.ubiopsgateway.emulator.UbiOpsEmulator;

/** Builds projects with many deployments straight in the emulator, as UbiOps would hold them. */
final class OverviewFixture {

    private OverviewFixture() {
    }

    /** A new project with {@code deployments} deployments of one version each. */
    static void project(UbiOpsEmulator emulator, String name, int deployments) {
        upstream(emulator).body("{\"name\": \"" + name + "\", \"organization_name\": \"demo-organization\"}")
                .post("/projects").then().statusCode(201);
        for (int i = 0; i < deployments; i++) {
            String deployment = "deployment-" + i;
            upstream(emulator).body("{\"name\": \"" + deployment + "\", \"input_type\": \"plain\", \"output_type\": \"plain\"}")
                    .post("/projects/" + name + "/deployments").then().statusCode(201);
            upstream(emulator).body("{\"version\": \"v1\", \"environment\": \"python3-11\"}")
                    .post("/projects/" + name + "/deployments/" + deployment + "/versions").then().statusCode(201);
        }
    }

    static RequestSpecification upstream(UbiOpsEmulator emulator) {
        return RestAssured.given().baseUri(emulator.baseUrl())
                .header("Authorization", "Token " + emulator.token()).contentType("application/json");
    }
}
