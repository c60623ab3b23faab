package org.ubiopsgateway.emulator;

import io.vertx.core.json.JsonObject;

/** Paths and helpers of the deployment operations' tests. */
abstract class DeploymentEmulatorTestBase extends EmulatorTestBase {

    static final String PROJECT = "/projects/demo-project";
    static final String DEPLOYMENTS = PROJECT + "/deployments";

    /** Creates a deployment with plain input and output, and answers its path. */
    static String createPlainDeployment(String name) {
        api(new JsonObject().put("name", name).put("input_type", "plain").put("output_type", "plain"))
                .post(DEPLOYMENTS).then().statusCode(201);
        return DEPLOYMENTS + "/" + name;
    }

    static void createVersion(String deploymentPath, String version) {
        api(new JsonObject().put("version", version)).post(deploymentPath + "/versions").then().statusCode(201);
    }
}
