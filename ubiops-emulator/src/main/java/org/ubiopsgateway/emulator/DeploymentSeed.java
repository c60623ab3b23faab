package org.ubiopsgateway.emulator;

/** Seeded deployments, versions, revisions and builds of the demo project. TODO(agent D). */
final class DeploymentSeed {
    private DeploymentSeed() {
    }

    static void load(Store store, EmulatorOptions options, java.nio.file.Path files) {
    }
}
