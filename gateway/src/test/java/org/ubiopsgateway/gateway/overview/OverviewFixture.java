package org.ubiopsgateway.gateway.overview;

import org.ubiopsgateway.emulator.UbiOpsEmulator;
import org.ubiopsgateway.gateway.dev.DirectToEmulator;

/** Builds projects with many deployments straight in the emulator, as UbiOps would hold them. */
final class OverviewFixture {

    private OverviewFixture() {
    }

    /** A new project with {@code deployments} deployments of one version each. */
    static void project(UbiOpsEmulator emulator, String name, int deployments) {
        DirectToEmulator.as(emulator).body("{\"name\": \"" + name + "\", \"organization_name\": \"demo-organization\"}")
                .post("/projects").then().statusCode(201);
        for (int i = 0; i < deployments; i++) {
            String deployment = "deployment-" + i;
            DirectToEmulator.as(emulator).body("{\"name\": \"" + deployment + "\", \"input_type\": \"plain\", \"output_type\": \"plain\"}")
                    .post("/projects/" + name + "/deployments").then().statusCode(201);
            DirectToEmulator.as(emulator).body("{\"version\": \"v1\", \"environment\": \"python3-11\"}")
                    .post("/projects/" + name + "/deployments/" + deployment + "/versions").then().statusCode(201);
        }
    }
}
